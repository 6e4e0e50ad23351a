import { describe, expect, it } from 'vitest';
import {
	RELATED_COUNT,
	relatedPapers,
	type RelatedInput,
} from '../../../src/lib/taxonomy/related-papers.ts';
import { extractTopics } from '../../../src/lib/topics/extract-topics.ts';
import {
	readBundledCollection,
	readFixtureCollection,
	shuffled,
} from '../../helpers/collections.ts';

/** Inputs with their topics from extractTopics, as classifyPapers builds them. */
async function relatedInputsOf(name: string): Promise<RelatedInput[]> {
	const { topicInputs } =
		name === 'bundled' ? await readBundledCollection() : await readFixtureCollection(name);
	const { byPaper } = extractTopics(topicInputs);
	return topicInputs.map((p) => ({ ...p, topics: byPaper.get(p.id) ?? [] }));
}

const sortedEntries = (related: Map<string, string[]>) =>
	[...related].sort(([a], [b]) => (a < b ? -1 : 1));

function expectWellFormed(
	related: Map<string, string[]>,
	inputs: readonly RelatedInput[],
	count = RELATED_COUNT,
) {
	const ids = new Set(inputs.map((p) => p.id));
	expect([...related.keys()].sort()).toEqual([...ids].sort());
	for (const [id, list] of related) {
		expect(list.length, id).toBeLessThanOrEqual(count);
		expect(list, `${id} is related to itself`).not.toContain(id);
		expect(new Set(list).size, id).toBe(list.length);
		for (const other of list) expect(ids.has(other), other).toBe(true);
	}
}

describe('relatedPapers', () => {
	it(`returns at most ${RELATED_COUNT} other papers for each paper of the bundled seeds`, async () => {
		const inputs = await relatedInputsOf('bundled');
		const related = relatedPapers(inputs);
		expectWellFormed(related, inputs);
		// A collection of 39 papers on a handful of fields: most papers have a full list.
		expect(
			[...related.values()].filter((list) => list.length === RELATED_COUNT).length,
		).toBeGreaterThan(inputs.length / 2);
	});

	it('honours a smaller count', async () => {
		const inputs = await relatedInputsOf('bundled');
		const related = relatedPapers(inputs, 2);
		expectWellFormed(related, inputs, 2);
		expect([...related.values()].every((list) => list.length === 2)).toBe(true);
	});

	it('is deterministic, whatever the input order', async () => {
		const inputs = await relatedInputsOf('bundled');
		const first = sortedEntries(relatedPapers(inputs));
		expect(sortedEntries(relatedPapers(inputs))).toEqual(first);
		expect(sortedEntries(relatedPapers(shuffled(inputs)))).toEqual(first);
		expect(sortedEntries(relatedPapers([...inputs].reverse()))).toEqual(first);
	});

	it('relates the papers of a topic to each other first', async () => {
		const inputs = await relatedInputsOf('shared-phrases');
		const related = relatedPapers(inputs);
		expectWellFormed(related, inputs);
		for (const paper of inputs) {
			const sharing = inputs
				.filter((o) => o.id !== paper.id && o.topics.some((t) => paper.topics.includes(t)))
				.map((o) => o.id);
			expect(related.get(paper.id)!.slice(0, sharing.length).sort(), paper.id).toEqual(
				sharing.sort(),
			);
		}
	});

	it('ranks papers sharing more topics above papers whose text is more alike', () => {
		const text = 'Graph neural networks forecast traffic on road sensors.';
		const inputs: RelatedInput[] = [
			{ id: 'a', text, topics: ['x', 'y', 'z'] },
			{ id: 'one', text, topics: ['x'] },
			{ id: 'three', text: 'Speech synthesis with neural vocoders.', topics: ['x', 'y', 'z'] },
			{ id: 'two', text: 'Protein folding with language models.', topics: ['y', 'z'] },
			{ id: 'none', text, topics: [] },
		];
		expect(relatedPapers(inputs).get('a')!.slice(0, 3)).toEqual(['three', 'two', 'one']);
	});

	it('breaks ties in shared topics by text similarity, then by id', () => {
		const inputs: RelatedInput[] = [
			{
				id: 'a',
				text: 'Federated learning on hospital scans with differential privacy.',
				topics: ['fl'],
			},
			{
				id: 'd',
				text: 'Federated learning on hospital scans with secure aggregation.',
				topics: ['fl'],
			},
			{ id: 'b', text: 'Keyboards improve suggestions over many phones.', topics: ['fl'] },
			{ id: 'c', text: 'Satellites train models during short passes.', topics: ['fl'] },
			{ id: 'e', text: 'Coral reefs bleach under heat stress.', topics: [] },
			{ id: 'f', text: 'Medieval ink oxidises at a known rate.', topics: [] },
		];
		const related = relatedPapers(inputs);
		expectWellFormed(related, inputs);
		expect(related.get('a')!.slice(0, 3)).toEqual(['d', 'b', 'c']);
		expect(related.get('b')!.slice(0, 3)).toEqual(['a', 'c', 'd']);
	});

	it('handles an empty collection and a single paper', () => {
		expect(relatedPapers([]).size).toBe(0);
		expect(
			Object.fromEntries(
				relatedPapers([{ id: 'a', text: 'Graph neural networks.', topics: ['gnn'] }]),
			),
		).toEqual({ a: [] });
	});
});
