import { describe, expect, it } from 'vitest';
import { TOPIC_OVERRIDES_FILE, parseTopicOverrides } from '../../../src/schemas/topic-overrides.ts';
import { fixtureOverridesText, readFixtureCollection } from '../../helpers/collections.ts';
import { rejection, thrown } from '../../helpers/thrown.ts';

/** What the terminal shows for a text parseTopicOverrides refuses: the message, then the hint. */
function messageFor(text: string, file?: string): string {
	const error = thrown(() => parseTopicOverrides(text, file));
	return `${error.message}\n${error.hint}`;
}

const ALLOWED =
	'Allowed in topics.yaml: rename: { slug: name }, merge: { slug: [slug, …] }, hide: [slug, …], parent: { child-slug: parent-slug }, add: [{ name, phrases: [phrase, …] }].';

describe('parseTopicOverrides: valid files', () => {
	it('reads rename, merge, hide and add', async () => {
		const { overrides, overridesText } = await readFixtureCollection('overrides');
		expect(overrides).toEqual({
			rename: {
				'federated-learning': 'Collaborative Training',
				'no-such-topic': 'Nothing Matches This',
			},
			merge: { 'speech-synthesis': ['neural-vocoder'] },
			hide: ['knowledge-distillation', 'quantum-annealing'],
			add: [
				{ name: 'Privacy Protection', phrases: ['differential privacy', 'secure aggregation'] },
			],
		});
		expect(parseTopicOverrides(overridesText!)).toEqual(overrides);
	});

	it('reads an empty file, or one with only comments, as no overrides', () => {
		expect(parseTopicOverrides('')).toEqual({});
		expect(parseTopicOverrides('# nothing to change yet\n')).toEqual({});
		expect(parseTopicOverrides('hide: []\n')).toEqual({ hide: [] });
	});

	it('trims names and phrases', () => {
		expect(
			parseTopicOverrides(
				'rename:\n  federated-learning: "  FL  "\nadd:\n  - name: " Privacy "\n    phrases: [" privacy "]\n',
			),
		).toEqual({
			rename: { 'federated-learning': 'FL' },
			add: [{ name: 'Privacy', phrases: ['privacy'] }],
		});
	});

	it('is the file the loader reads', () => {
		expect(TOPIC_OVERRIDES_FILE).toBe('topics.yaml');
	});
});

describe('parseTopicOverrides: mistakes name the file, the key and what is allowed', () => {
	it('fails the fixture with an unknown key and a slug where a list belongs', async () => {
		const message = messageFor(fixtureOverridesText('bad-overrides'));
		expect(message).toContain('topics.yaml: hide: Invalid input: expected array, received string');
		expect(message).toMatch(/^topics\.yaml: \(top level\): Unrecognized key.*"renames"/mu);
		expect(message).toContain(ALLOWED);
		// Reading the folder fails the same way, as the build does.
		expect(await rejection(readFixtureCollection('bad-overrides'))).toMatchObject({
			name: 'ConfigYamlInvalid',
			message: message.split('\nAllowed')[0],
		});
	});

	it('rejects a rename key that is not a slug', () => {
		const message = messageFor('rename:\n  "Not A Slug": x\n');
		expect(message).toContain('topics.yaml: rename.Not A Slug:');
		expect(message).toContain('rename: { slug: name }');
	});

	it('rejects a merged name that is not a slug, and says what a slug is', () => {
		const message = messageFor('merge:\n  diffusion-model: [Stable Diffusion]\n');
		expect(message).toContain(
			'topics.yaml: merge.diffusion-model.0: a topic slug such as "federated-learning" (lower case, digits and dashes)',
		);
		expect(message).toContain(ALLOWED);
	});

	it.each([
		[
			'merge:\n  diffusion-model: []\n',
			'merge.diffusion-model: at least one topic slug to merge in',
		],
		['rename:\n  federated-learning: "   "\n', 'rename.federated-learning: a non-empty name'],
		['add:\n  - name: Privacy\n', 'add.0.phrases:'],
		['add:\n  - name: Privacy\n    phrases: []\n', 'add.0.phrases: at least one phrase to match'],
		[
			'add:\n  - name: Privacy\n    phrases: [privacy]\n    colour: red\n',
			'add.0: Unrecognized key',
		],
		['hide:\n  - Federated Learning\n', 'hide.0: a topic slug such as'],
		['rename: null\n', 'rename: Invalid input'],
		['- federated-learning\n', '(top level): Invalid input: expected object, received array'],
		['42\n', '(top level): Invalid input: expected object, received number'],
	])('rejects %j', (text, problem) => {
		const message = messageFor(text);
		expect(message).toContain(`topics.yaml: ${problem}`);
		expect(message).toContain(ALLOWED);
	});

	it('reports every problem, one line each', () => {
		const message = messageFor('hide: pruning\nmerge: []\n');
		expect(message.split('\n').filter((line) => line.startsWith('topics.yaml: '))).toHaveLength(2);
	});

	it('names the file it was given', () => {
		expect(messageFor('hide: pruning\n', 'seeds/topics.yaml')).toMatch(
			/^seeds\/topics\.yaml: hide: /u,
		);
	});

	it('gives the file and the line of a YAML syntax error', () => {
		expect(thrown(() => parseTopicOverrides('hide: pruning: yes\n')).name).toBe(
			'ConfigYamlUnreadable',
		);
		expect(thrown(() => parseTopicOverrides('hide: pruning\n')).name).toBe('ConfigYamlInvalid');
		const message = messageFor(
			'rename:\n  federated-learning: FL\nhide: pruning: yes\nmerge: {}\n',
			'seeds/topics.yaml',
		);
		expect(message).toMatch(/^seeds\/topics\.yaml:3: not valid YAML \(/u);
		expect(message).toContain('Allowed: rename: { slug: name }');
		expect(messageFor('rename:\n\tfederated-learning: FL\n')).toMatch(
			/^topics\.yaml:2: not valid YAML/u,
		);
		expect(messageFor('rename:\n  a-b: x\n  a-b: y\n')).toMatch(
			/^topics\.yaml:3: not valid YAML \(duplicated mapping key/u,
		);
	});

	it('shows the lines around a YAML syntax error with control characters escaped, as the terminal prints the cause', () => {
		const error = thrown(() => parseTopicOverrides('rename:\n  a-b: "\u001b[2J"\n  a-b: y\n')) as {
			cause?: Error;
		};
		expect(error.cause?.message).toContain('a-b: "\\u001b[2J"');
		expect(error.cause?.message).not.toContain('\u001b');
	});

	it('reads parent as child slug to parent slug, and rejects a self-parent or a second level, naming the key', () => {
		expect(parseTopicOverrides('parent:\n  graph-neural-network: neural-network\n')).toEqual({
			parent: { 'graph-neural-network': 'neural-network' },
		});
		expect(messageFor('parent:\n  neural-network: neural-network\n').split('\n')[0]).toBe(
			'topics.yaml: parent.neural-network: a topic cannot be its own parent',
		);
		expect(
			messageFor(
				'parent:\n  graph-neural-network: neural-network\n  neural-network: machine-learning\n',
				'seeds/topics.yaml',
			).split('\n')[0],
		).toBe(
			'seeds/topics.yaml: parent.graph-neural-network: "neural-network" is itself put under a parent; topics have one level of parents',
		);
		expect(messageFor('parent:\n  Graph: neural-network\n')).toContain(
			'topics.yaml: parent.Graph:',
		);
		expect(messageFor('parent: [neural-network]\n')).toContain(ALLOWED);
	});

	it('names an unknown key once', () => {
		expect(messageFor('renames:\n  federated-learning: FL\n').split('\n')[0]).toBe(
			'topics.yaml: (top level): Unrecognized key: "renames"',
		);
	});
});
