import { describe, expect, it } from 'vitest';
import { jsonResponse, paperIndexEntry, termIndexEntry } from '../../../src/lib/site/json-api.ts';
import { groupByTerm } from '../../../src/lib/taxonomy/terms.ts';
import { makePaper } from '../../helpers/collections.ts';

const paper = makePaper({
	id: '0123456789ab',
	slug: 'federated-learning-for-clinics-01234567',
	title: 'Federated learning for clinics',
	titleSource: 'source',
	sources: [
		{ file: 'a.txt', line: 3 },
		{ file: 'sub/b.txt', line: 1 },
	],
	topics: [
		{ slug: 'federated-learning', name: 'Federated Learning' },
		{ slug: 'differential-privacy', name: 'Differential Privacy' },
	],
	authors: ['Mei, Jian-Ping', 'Li, Na'],
	categories: ['Machine Learning'],
	related: ['ba9876543210'],
});

describe('paperIndexEntry', () => {
	it('has the papers.json fields, in their order, with slugs for topics, authors and categories', () => {
		const entry = paperIndexEntry(paper, '/atlas/');
		expect(Object.keys(entry)).toEqual([
			'id',
			'title',
			'titleSource',
			'url',
			'sources',
			'topics',
			'authors',
			'categories',
		]);
		expect(entry).toEqual({
			id: '0123456789ab',
			title: 'Federated learning for clinics',
			titleSource: 'source',
			url: '/atlas/papers/federated-learning-for-clinics-01234567/',
			sources: [
				{ file: 'a.txt', line: 3 },
				{ file: 'sub/b.txt', line: 1 },
			],
			topics: ['federated-learning', 'differential-privacy'],
			authors: ['mei-jian-ping', 'li-na'],
			categories: ['machine-learning'],
		});
	});

	it('includes the base in the url', () => {
		expect(paperIndexEntry(paper, '/').url).toBe(
			'/papers/federated-learning-for-clinics-01234567/',
		);
		expect(paperIndexEntry(paper, '/docs/atlas/').url).toBe(
			'/docs/atlas/papers/federated-learning-for-clinics-01234567/',
		);
	});
});

describe('termIndexEntry', () => {
	it("gives slug, name, url under the base and paper count, in that order, then a topic's parent", () => {
		const [term] = groupByTerm(
			[paper, makePaper({ topics: [{ slug: 'federated-learning', name: 'Federated Learning' }] })],
			'topics',
		);
		const entry = termIndexEntry(term!, 'topics', '/atlas/');
		expect(Object.keys(entry)).toEqual(['slug', 'name', 'url', 'count', 'parent']);
		expect(entry).toEqual({
			slug: 'federated-learning',
			name: 'Federated Learning',
			url: '/atlas/topics/federated-learning/',
			count: 2,
			parent: null,
		});
		const child = groupByTerm(
			[
				makePaper({
					topics: [
						{
							slug: 'graph-neural-network',
							name: 'Graph Neural Networks',
							parent: 'neural-network',
						},
					],
				}),
			],
			'topics',
		)[0]!;
		expect(termIndexEntry(child, 'topics', '/').parent).toBe('neural-network');
		const author = groupByTerm([paper], 'authors').find((t) => t.slug === 'mei-jian-ping');
		expect(termIndexEntry(author!, 'authors', '/')).toEqual({
			slug: 'mei-jian-ping',
			name: 'Mei, Jian-Ping',
			url: '/authors/mei-jian-ping/',
			count: 1,
		});
	});
});

describe('jsonResponse', () => {
	it('writes tab-indented JSON with one trailing newline', async () => {
		const response = jsonResponse([{ id: 'x', topics: ['a'] }]);
		expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
		expect(await response.text()).toBe(
			'[\n\t{\n\t\t"id": "x",\n\t\t"topics": [\n\t\t\t"a"\n\t\t]\n\t}\n]\n',
		);
	});
});
