import { describe, expect, it } from 'vitest';
import { classifyPapers } from '../../../src/lib/taxonomy/classify-papers.ts';
import { groupByTerm, termsOfPaper } from '../../../src/lib/taxonomy/terms.ts';
import { makePaper, readBundledCollection } from '../../helpers/collections.ts';

describe('termsOfPaper', () => {
	const paper = makePaper({
		topics: [{ slug: 'federated-learning', name: 'Federated Learning' }],
		authors: ['Mei, Jian-Ping', 'Li, Na'],
		categories: ['Machine Learning'],
	});

	it('gives topics as the paper has them, and authors and categories as slug and name', () => {
		expect(termsOfPaper(paper, 'topics')).toEqual([
			{ slug: 'federated-learning', name: 'Federated Learning' },
		]);
		expect(termsOfPaper(paper, 'authors')).toEqual([
			{ slug: 'mei-jian-ping', name: 'Mei, Jian-Ping' },
			{ slug: 'li-na', name: 'Li, Na' },
		]);
		expect(termsOfPaper(paper, 'categories')).toEqual([
			{ slug: 'machine-learning', name: 'Machine Learning' },
		]);
	});
});

describe('groupByTerm', () => {
	const a = makePaper({ title: 'Zebra crossings', authors: ['Mei, Jian-Ping', 'beta, B'] });
	const b = makePaper({ title: 'apples', authors: ['Mei, Jian-Ping', 'Alpha, A'] });
	const c = makePaper({ title: 'Bananas', authors: ['Mei, Jian-Ping', 'Gamma, G', 'Alpha, A'] });
	const d = makePaper({ title: 'Cherries', authors: ['Delta, D'] });

	it('sorts terms by paper count, then by name (case-insensitive), and papers by title', () => {
		const terms = groupByTerm([a, b, c, d], 'authors');
		expect(terms.map((t) => [t.name, t.papers.length])).toEqual([
			['Mei, Jian-Ping', 3],
			['Alpha, A', 2],
			['beta, B', 1],
			['Delta, D', 1],
			['Gamma, G', 1],
		]);
		expect(terms[0]!.slug).toBe('mei-jian-ping');
		expect(terms[0]!.papers.map((p) => p.title)).toEqual(['apples', 'Bananas', 'Zebra crossings']);
	});

	it('does not depend on the order of the papers', () => {
		const slugsAndPapers = (papers: (typeof a)[]) =>
			groupByTerm(papers, 'authors').map((t) => [t.slug, t.papers.map((p) => p.id)]);
		expect(slugsAndPapers([d, c, b, a])).toEqual(slugsAndPapers([a, b, c, d]));
	});

	it('groups by slug, so names that slug alike are one term', () => {
		const terms = groupByTerm(
			[
				makePaper({ categories: ['Machine Learning'] }),
				makePaper({ categories: ['Machine learning'] }),
			],
			'categories',
		);
		expect(terms).toHaveLength(1);
		expect(terms[0]!.slug).toBe('machine-learning');
		expect(terms[0]!.papers).toHaveLength(2);
	});

	it('gives no terms for papers without any', () => {
		expect(groupByTerm([makePaper(), makePaper()], 'categories')).toEqual([]);
		expect(groupByTerm([], 'topics')).toEqual([]);
	});

	it('agrees with classifyPapers on the bundled seeds: same topics, same counts, same order', async () => {
		const { papers, topics } = classifyPapers((await readBundledCollection()).collection.papers);
		const terms = groupByTerm(papers, 'topics');
		expect(terms.map((t) => [t.slug, t.name, t.papers.length])).toEqual(
			topics.map((t) => [t.slug, t.name, t.papers.length]),
		);
		for (const term of terms)
			expect(term.papers.map((p) => p.id).sort()).toEqual(
				topics.find((t) => t.slug === term.slug)!.papers,
			);
	});
});
