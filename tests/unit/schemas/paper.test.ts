import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/pipeline/run-pipeline.ts';
import { PaperSchema, SourceSchema, TitleSourceSchema } from '../../../src/schemas/paper.ts';
import { readFixtureSeed } from '../../helpers/fixtures.ts';

const built = runPipeline({ seeds: [readFixtureSeed('author-page.txt')] }).papers[0];
if (!built) throw new Error('author-page.txt gave no paper');
const paper = built;

describe('PaperSchema', () => {
	it('accepts a paper built from a seed', () => {
		expect(PaperSchema.parse(paper)).toEqual(paper);
	});

	it.each([
		['an id that is not 12 lowercase hex', { id: 'ABCDEF012345' }],
		['a short id', { id: 'abc' }],
		['a slug with capitals', { slug: 'Foo-01234567' }],
		['a slug with a trailing dash', { slug: 'foo-' }],
		['a slug with a double dash', { slug: 'foo--01234567' }],
		['an empty title', { title: '' }],
		['an unknown title source', { titleSource: 'guessed' }],
		['no paragraphs', { paragraphs: [] }],
		['no sources', { sources: [] }],
	])('rejects %s', (_, change) => {
		expect(PaperSchema.safeParse({ ...paper, ...change }).success).toBe(false);
	});
});

describe('SourceSchema', () => {
	it('needs a 1-based integer line', () => {
		expect(SourceSchema.safeParse({ file: 'a.txt', line: 1 }).success).toBe(true);
		expect(SourceSchema.safeParse({ file: 'a.txt', line: 0 }).success).toBe(false);
		expect(SourceSchema.safeParse({ file: 'a.txt', line: 1.5 }).success).toBe(false);
	});
});

describe('TitleSourceSchema', () => {
	it('knows where a title can come from', () => {
		expect(TitleSourceSchema.options).toEqual(['derived', 'source', 'metadata']);
	});
});
