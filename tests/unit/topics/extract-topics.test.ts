import { describe, expect, it } from 'vitest';
import {
	extractTopics,
	type TopicAssignment,
	type TopicInput,
} from '../../../src/lib/topics/extract-topics.ts';
import { MAX_TOPICS_PER_PAPER, MIN_PAPERS_PER_TOPIC } from '../../../src/lib/topics/selection.ts';
import type { TaggingCache } from '../../../src/lib/topics/words.ts';
import { PARENT_MIN_PAPERS } from '../../../src/lib/topics/topic-tree.ts';
import { parseTopicOverrides } from '../../../src/schemas/topic-overrides.ts';
import {
	readBundledCollection,
	readFixtureCollections,
	shuffled,
} from '../../helpers/collections.ts';

/** The fixture collections these tests read, through the pipeline as a build reads them. */
const fixtureCollection = await readFixtureCollections(
	'acronyms',
	'hide-single-word',
	'hyphen-variants',
	'mass-nouns',
	'no-shared-phrases',
	'overrides',
	'parent-topic',
	'shared-phrases',
	'single-paper',
	'single-words',
);
const bundled = await readBundledCollection();

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** Words that must never be a topic on their own: stop words and the way papers talk about themselves. */
const NOT_A_TOPIC = new Set([
	'a',
	'an',
	'the',
	'of',
	'in',
	'on',
	'for',
	'with',
	'and',
	'we',
	'our',
	'this',
	'that',
	'it',
	'its',
	'paper',
	'papers',
	'method',
	'methods',
	'result',
	'results',
	'approach',
	'approaches',
	'experiment',
	'experiments',
	'performance',
	'novel',
	'state-of-the-art',
	'extensive',
	'propose',
	'proposed',
	'show',
	'shows',
]);
/** Adjectives of the shared-phrases abstracts: a topic ending in one is a fragment ("Federated Learning Novel"). */
const FIXTURE_ADJECTIVES = new Set([
	'novel',
	'extensive',
	'state-of-the-art',
	'shared',
	'diagnostic',
	'clinical',
	'medical',
	'non-iid',
	'central',
	'private',
	'undefended',
	'standard',
	'text-guided',
	'pretrained',
	'edited',
	'slow',
	'low',
	'centralized',
	'secure',
]);
/** Boilerplate a topic must not start with ("Novel Method", "Extensive Experiments"). */
const BOILERPLATE_START = new Set([
	'we',
	'our',
	'propose',
	'proposed',
	'novel',
	'extensive',
	'experiments',
	'state-of-the-art',
	'results',
	'show',
	'method',
]);

/** The parts of an assignment that must not depend on input order, in a comparable form. */
function snapshot(result: TopicAssignment) {
	return {
		topics: result.topics,
		byPaper: [...result.byPaper].sort(([a], [b]) => (a < b ? -1 : 1)),
		unknownSlugs: result.unknownSlugs,
	};
}

/** What every assignment promises, whatever the collection. */
function expectWellFormed(result: TopicAssignment, inputs: readonly TopicInput[]) {
	const slugs = result.topics.map((t) => t.slug);
	expect(new Set(slugs).size, `duplicate topic slugs in ${slugs.join(', ')}`).toBe(slugs.length);
	for (const slug of slugs) expect(slug).toMatch(SLUG);
	for (let i = 1; i < result.topics.length; i++) {
		const [a, b] = [result.topics[i - 1]!, result.topics[i]!];
		const order = b.papers.length - a.papers.length || a.name.localeCompare(b.name, 'en');
		expect(
			order,
			`${a.name} (${a.papers.length}) is listed before ${b.name} (${b.papers.length})`,
		).toBeLessThanOrEqual(0);
	}
	expect([...result.byPaper.keys()].sort()).toEqual(inputs.map((p) => p.id).sort());
	for (const [id, topics] of result.byPaper) {
		expect(topics.length, id).toBeLessThanOrEqual(MAX_TOPICS_PER_PAPER);
		expect(new Set(topics).size, id).toBe(topics.length);
		for (const slug of topics)
			expect(slugs, `${id} has a topic that is not listed`).toContain(slug);
	}
	for (const topic of result.topics) {
		expect(topic.name.trim()).not.toBe('');
		expect(topic.papers).toEqual([...new Set(topic.papers)].sort());
		const members = [...result.byPaper]
			.filter(([, topics]) => topics.includes(topic.slug))
			.map(([id]) => id);
		expect(topic.papers, topic.slug).toEqual(members.sort());
	}
}

const topicNamed = (result: TopicAssignment, slug: string) => {
	const topic = result.topics.find((t) => t.slug === slug);
	if (!topic)
		throw new Error(`no topic ${slug} among ${result.topics.map((t) => t.slug).join(', ')}`);
	return topic;
};

describe('extractTopics: shared phrases', () => {
	const fixture = fixtureCollection('shared-phrases');
	const result = extractTopics(fixture.topicInputs);

	it('finds the recurring phrases, in every word form, as plural title-case topics with singular slugs', () => {
		expectWellFormed(result, fixture.topicInputs);
		const names = result.topics.map((t) => t.name);
		expect(names).toContain('Federated Learning');
		expect(names).toContain('Diffusion Models');
		expect(topicNamed(result, 'federated-learning').name).toBe('Federated Learning');
		expect(topicNamed(result, 'diffusion-model').name).toBe('Diffusion Models');
	});

	it('puts the right papers under each topic, and none of the others', () => {
		const { idOf } = fixture;
		expect(topicNamed(result, 'federated-learning').papers).toEqual(
			[
				idOf('federated-hospitals.txt'),
				idOf('federated-gradient-leakage.txt'),
				idOf('federated-diffusion.txt'),
			].sort(),
		);
		expect(topicNamed(result, 'diffusion-model').papers).toEqual(
			[
				idOf('diffusion-image-editing.txt'),
				idOf('diffusion-distillation.txt'),
				idOf('federated-diffusion.txt'),
			].sort(),
		);
		expect(result.byPaper.get(idOf('federated-diffusion.txt'))).toEqual(
			expect.arrayContaining(['federated-learning', 'diffusion-model']),
		);
	});

	it('gives every topic at least two papers', () => {
		for (const topic of result.topics)
			expect(topic.papers.length, topic.name).toBeGreaterThanOrEqual(MIN_PAPERS_PER_TOPIC);
	});

	it('never makes a topic of boilerplate, a stop word, a generic word or a fragment', () => {
		for (const { name } of result.topics) {
			const words = name.toLowerCase().split(' ');
			expect(words.length === 1 && NOT_A_TOPIC.has(words[0]!), name).toBe(false);
			expect(FIXTURE_ADJECTIVES.has(words.at(-1)!), `${name} ends in an adjective`).toBe(false);
			expect(BOILERPLATE_START.has(words[0]!), `${name} starts with boilerplate`).toBe(false);
			expect(name).not.toMatch(/novel method|extensive experiments|state-of-the-art results/iu);
		}
	});

	it('gives the same result for the same input, and for the input in another order', () => {
		expect(snapshot(extractTopics(fixture.topicInputs))).toEqual(snapshot(result));
		expect(snapshot(extractTopics(shuffled(fixture.topicInputs)))).toEqual(snapshot(result));
		expect(snapshot(extractTopics([...fixture.topicInputs].reverse()))).toEqual(snapshot(result));
	});
});

describe('extractTopics: acronyms', () => {
	const fixture = fixtureCollection('acronyms');
	const result = extractTopics(fixture.topicInputs);

	it('files a paper that only writes the acronym under the long form defined elsewhere', () => {
		expectWellFormed(result, fixture.topicInputs);
		const { idOf } = fixture;
		expect(topicNamed(result, 'federated-learning')).toEqual({
			slug: 'federated-learning',
			name: 'Federated Learning',
			papers: [idOf('federated-keyboard.txt'), idOf('fl-backdoor.txt')].sort(),
		});
		expect(topicNamed(result, 'low-rank-adaptation')).toEqual({
			slug: 'low-rank-adaptation',
			name: 'Low-Rank Adaptation',
			papers: [idOf('lora-language-models.txt'), idOf('lora-merging.txt')].sort(),
		});
	});

	it('does not make topics of the bare acronyms', () => {
		const slugs = result.topics.map((t) => t.slug);
		expect(slugs).not.toContain('fl');
		expect(slugs).not.toContain('lora');
		expect(result.topics.map((t) => t.name)).not.toEqual(expect.arrayContaining(['FL']));
	});
});

describe('extractTopics: papers that share nothing', () => {
	const fixture = fixtureCollection('no-shared-phrases');

	it('makes no topic and leaves every paper without one, without throwing', () => {
		const result = extractTopics(fixture.topicInputs);
		expectWellFormed(result, fixture.topicInputs);
		expect(result.topics).toEqual([]);
		expect([...result.byPaper.values()]).toEqual([[], [], []]);
		expect(result.unknownSlugs).toEqual([]);
	});

	it('handles an empty collection and empty texts', () => {
		const empty = extractTopics([]);
		expect(empty.topics).toEqual([]);
		expect(empty.byPaper.size).toBe(0);
		const blank = extractTopics([
			{ id: 'a', text: '' },
			{ id: 'b', text: '  ' },
		]);
		expect(blank.topics).toEqual([]);
		expect(Object.fromEntries(blank.byPaper)).toEqual({ a: [], b: [] });
	});
});

describe('extractTopics: a single paper', () => {
	const fixture = fixtureCollection('single-paper');

	// Documented behaviour, not a promise of the docs: with fewer than MIN_PAPERS_PER_TOPIC
	// papers the minimum drops to one, so the lone paper gets its own best phrases as topics.
	it('gives the lone paper up to MAX_TOPICS_PER_PAPER one-paper topics from its own phrases, deterministically', () => {
		const result = extractTopics(fixture.topicInputs);
		expectWellFormed(result, fixture.topicInputs);
		const [paper] = fixture.topicInputs;
		expect(result.topics.length).toBeGreaterThan(0);
		expect(result.topics.length).toBeLessThanOrEqual(MAX_TOPICS_PER_PAPER);
		for (const topic of result.topics) expect(topic.papers).toEqual([paper!.id]);
		expect(topicNamed(result, 'graph-neural-network').name).toBe('Graph Neural Networks');
		expect(result.byPaper.get(paper!.id)![0]).toBe('graph-neural-network');
		expect(snapshot(extractTopics(fixture.topicInputs))).toEqual(snapshot(result));
	});
});

describe('extractTopics: topics.yaml overrides', () => {
	const fixture = fixtureCollection('overrides');
	const plain = extractTopics(fixture.topicInputs);
	const result = extractTopics(fixture.topicInputs, fixture.overrides);
	const { idOf } = fixture;

	it('starts from a collection that has every topic the file names', () => {
		expect(plain.topics.map((t) => t.slug)).toEqual(
			expect.arrayContaining([
				'federated-learning',
				'speech-synthesis',
				'neural-vocoder',
				'knowledge-distillation',
			]),
		);
		expectWellFormed(result, fixture.topicInputs);
	});

	it('renames a topic but keeps its slug', () => {
		expect(topicNamed(result, 'federated-learning')).toEqual({
			...topicNamed(plain, 'federated-learning'),
			name: 'Collaborative Training',
		});
		expect(result.topics.map((t) => t.name)).not.toContain('Federated Learning');
	});

	it('merges topics into the key topic, with the union of their papers', () => {
		const union = [
			...new Set([
				...topicNamed(plain, 'speech-synthesis').papers,
				...topicNamed(plain, 'neural-vocoder').papers,
			]),
		].sort();
		expect(union).toEqual(
			[
				idOf('speech-diffusion.txt'),
				idOf('speech-vocoder.txt'),
				idOf('speech-low-resource.txt'),
			].sort(),
		);
		expect(topicNamed(result, 'speech-synthesis')).toEqual({
			slug: 'speech-synthesis',
			name: 'Speech Synthesis',
			papers: union,
		});
		expect(result.topics.map((t) => t.slug)).not.toContain('neural-vocoder');
		for (const topics of result.byPaper.values()) expect(topics).not.toContain('neural-vocoder');
	});

	it('hides a topic from the list and from every paper', () => {
		expect(result.topics.map((t) => t.slug)).not.toContain('knowledge-distillation');
		for (const topics of result.byPaper.values())
			expect(topics).not.toContain('knowledge-distillation');
	});

	it('adds a topic with the papers that contain its phrases', () => {
		expect(topicNamed(result, 'privacy-protection')).toEqual({
			slug: 'privacy-protection',
			name: 'Privacy Protection',
			papers: [idOf('federated-hospitals.txt'), idOf('federated-keyboards.txt')].sort(),
		});
	});

	it('lists the slugs of the file that match nothing in the collection', () => {
		expect(result.unknownSlugs).toEqual(['no-such-topic', 'quantum-annealing']);
		expect(plain.unknownSlugs).toEqual([]);
	});

	it('is deterministic with overrides too', () => {
		expect(snapshot(extractTopics(shuffled(fixture.topicInputs), fixture.overrides))).toEqual(
			snapshot(result),
		);
	});

	it('hides a single-word topic too', () => {
		const single = fixtureCollection('hide-single-word');
		expect(single.overrides).toEqual({ hide: ['pruning'] });
		expect(extractTopics(single.topicInputs).topics.map((t) => t.slug)).toContain('pruning');
		const hidden = extractTopics(single.topicInputs, single.overrides);
		expect(hidden.topics.map((t) => t.slug)).not.toContain('pruning');
		for (const topics of hidden.byPaper.values()) expect(topics).not.toContain('pruning');
	});
});

describe('extractTopics: limits and order', () => {
	const FIELDS = [
		'graph neural networks',
		'speech synthesis',
		'protein folding',
		'federated learning',
		'diffusion models',
		'knowledge distillation',
		'reinforcement learning',
		'image segmentation',
		'machine translation',
	];
	const FRAMES = [
		(f: string) => `Hospitals now rely on ${f}. We audit ${f} for bias.`,
		(f: string) => `A benchmark of ${f} on mobile chips, where ${f} is slow.`,
		(f: string) => `Why ${f} fails on noisy sensors, and how to repair ${f}.`,
	];
	const survey: TopicInput = { id: 'survey', text: `This survey covers ${FIELDS.join(', ')}.` };
	const inputs: TopicInput[] = [
		survey,
		...FIELDS.map((f, i) => ({ id: `field-${i}`, text: FRAMES[i % FRAMES.length]!(f) })),
	];

	it(`gives a paper at most ${MAX_TOPICS_PER_PAPER} topics even when it shares more phrases`, () => {
		const result = extractTopics(inputs);
		expectWellFormed(result, inputs);
		expect(result.byPaper.get('survey')).toHaveLength(MAX_TOPICS_PER_PAPER);
		expect(snapshot(extractTopics(shuffled(inputs)))).toEqual(snapshot(result));
	});

	it('sorts topics by paper count, then by name', () => {
		const { topicInputs } = bundled;
		const result = extractTopics(topicInputs);
		expectWellFormed(result, topicInputs);
		const counts = result.topics.map((t) => t.papers.length);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
	});

	it('is deterministic on the bundled seeds, whatever the input order', () => {
		const { topicInputs } = bundled;
		const first = snapshot(extractTopics(topicInputs));
		expect(snapshot(extractTopics(topicInputs))).toEqual(first);
		expect(snapshot(extractTopics(shuffled(topicInputs)))).toEqual(first);
		expect(snapshot(extractTopics([...topicInputs].reverse()))).toEqual(first);
	});
});

describe('extractTopics: spelling variants', () => {
	it('keeps topic slugs unique when a phrase is written with and without a hyphen', () => {
		const fixture = fixtureCollection('hyphen-variants');
		const result = extractTopics(fixture.topicInputs);
		expectWellFormed(result, fixture.topicInputs);
		expect(topicNamed(result, 'super-resolution').papers).toEqual(
			fixture.topicInputs.map((p) => p.id).sort(),
		);
	});
});

describe('extractTopics: names in the form the collection writes most', () => {
	const fixture = fixtureCollection('mass-nouns');
	const result = extractTopics(fixture.topicInputs);

	it('keeps a mass noun or a rarely pluralised phrase singular, and a plural the text uses plural', () => {
		expectWellFormed(result, fixture.topicInputs);
		// Each text writes "object detections" and "optical flows" once, the singular four times.
		expect(topicNamed(result, 'object-detection').name).toBe('Object Detection');
		expect(topicNamed(result, 'optical-flow').name).toBe('Optical Flow');
		expect(topicNamed(result, 'black-hole').name).toBe('Black Holes');
	});

	it('never makes a topic of an adjective fragment that always modifies a longer name', () => {
		// "deep convolutional features / layers / encoder / decoders": four papers, never on its own.
		expect(result.topics.map((t) => t.slug)).not.toContain('deep-convolutional');
	});
});

describe('extractTopics: single words', () => {
	const fixture = fixtureCollection('single-words');
	const result = extractTopics(fixture.topicInputs);
	const slugs = result.topics.map((t) => t.slug);

	it('accepts a single word that is a term of a field, rare in general English', () => {
		expectWellFormed(result, fixture.topicInputs);
		expect(topicNamed(result, 'duality').papers).toEqual(
			[fixture.idOf('duality-gauge.txt'), fixture.idOf('duality-lattice.txt')].sort(),
		);
	});

	it('rejects everyday English words and citations, however often the papers share them', () => {
		// All four papers write "theories", "errors" and "et al.".
		for (const slug of ['theory', 'theories', 'error', 'errors', 'et-al'])
			expect(slugs).not.toContain(slug);
		expect(result.topics.map((t) => t.name.toLowerCase())).not.toContain('et al');
	});
});

describe('extractTopics: parent topics', () => {
	const fixture = fixtureCollection('parent-topic');
	const { idOf } = fixture;
	const tree = extractTopics(fixture.topicInputs, {}, { parentMinPapers: 0 });
	const flat = extractTopics(fixture.topicInputs);

	it('makes a broad topic the parent of the narrower topics its papers fall under', () => {
		expectWellFormed(tree, fixture.topicInputs);
		expect(topicNamed(tree, 'graph-neural-network').parent).toBe('neural-network');
		expect(topicNamed(tree, 'recurrent-neural-network').parent).toBe('neural-network');
		expect(topicNamed(tree, 'neural-network').parent).toBeUndefined();
		for (const slug of ['coral-reef', 'battery-electrolyte', 'medieval-manuscript'])
			expect(topicNamed(tree, slug).parent).toBeUndefined();
	});

	it('puts every paper of a subtopic under its parent too, right after the subtopic', () => {
		const parent = topicNamed(tree, 'neural-network');
		for (const child of ['graph-neural-network', 'recurrent-neural-network']) {
			for (const id of topicNamed(tree, child).papers) {
				expect(parent.papers).toContain(id);
				const topics = tree.byPaper.get(id)!;
				expect(topics.indexOf('neural-network'), id).toBeGreaterThan(topics.indexOf(child));
			}
		}
		expect(parent.papers).toContain(idOf('nn-generalisation.txt'));
		expect(parent.papers).not.toContain(idOf('coral-reefs.txt'));
	});

	it(`makes no parents below ${PARENT_MIN_PAPERS} papers by default`, () => {
		expect(fixture.topicInputs.length).toBeLessThan(PARENT_MIN_PAPERS);
		expect(flat.topics.filter((t) => t.parent !== undefined)).toEqual([]);
		expect(flat.topics.map((t) => ({ ...t, parent: undefined }))).toEqual(
			tree.topics.map((t) => ({ ...t, parent: undefined })),
		);
	});

	it('takes parents from topics.yaml over the derived tree, one level deep, and reports unknown slugs', () => {
		const overrides = parseTopicOverrides(
			'parent:\n  coral-reef: battery-electrolyte\n  neural-network: medieval-manuscript\n  no-such-topic: battery-electrolyte\n',
		);
		const result = extractTopics(fixture.topicInputs, overrides, { parentMinPapers: 0 });
		expectWellFormed(result, fixture.topicInputs);
		expect(topicNamed(result, 'coral-reef').parent).toBe('battery-electrolyte');
		expect(topicNamed(result, 'battery-electrolyte').papers).toEqual(
			[
				idOf('battery-salts.txt'),
				idOf('battery-solid.txt'),
				idOf('coral-reefs.txt'),
				idOf('coral-drones.txt'),
			].sort(),
		);
		// "neural-network" is now a child, so it is no longer a parent.
		expect(topicNamed(result, 'neural-network').parent).toBe('medieval-manuscript');
		expect(topicNamed(result, 'graph-neural-network').parent).toBeUndefined();
		expect(result.unknownSlugs).toEqual(['no-such-topic']);
		// Without the option, the file alone makes the tree.
		expect(topicNamed(extractTopics(fixture.topicInputs, overrides), 'coral-reef').parent).toBe(
			'battery-electrolyte',
		);
	});
});

describe('a tagging cache, as a dev server keeps between edits', () => {
	it('gives the same topics as a fresh extraction, and forgets texts that left the collection', () => {
		const { topicInputs } = bundled;
		const cache: TaggingCache = new Map();
		expect(extractTopics(topicInputs, {}, { tagging: cache })).toEqual(extractTopics(topicInputs));
		expect(cache.size).toBe(new Set(topicInputs.map((p) => p.text)).size);

		// One abstract edited: the cached tags of the others are reused, the old text dropped.
		const edited = topicInputs.map((p, i) =>
			i === 0
				? { ...p, text: `${p.text} An edited closing sentence about federated learning.` }
				: p,
		);
		expect(extractTopics(edited, {}, { tagging: cache })).toEqual(extractTopics(edited));
		expect(cache.has(topicInputs[0]!.text)).toBe(false);
		expect(cache.has(edited[0]!.text)).toBe(true);
	});
});
