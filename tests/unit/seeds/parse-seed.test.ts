import { describe, expect, it } from 'vitest';
import { LONG_ABSTRACT_CHARS, parseSeed } from '../../../src/lib/seeds/parse-seed.ts';
import { fixtureText } from '../../helpers/fixtures.ts';

const parseFixture = (name: string) => parseSeed(fixtureText(name), name);

describe('parseSeed: "Abstract:" lines', () => {
	it('reads each Abstract: line, joining wrapped continuation lines with a space', () => {
		const parsed = parseFixture('abstract-lines.txt');
		expect(parsed.format).toBe('abstract-lines');
		expect(parsed.diagnostics).toEqual([]);
		expect(parsed.abstracts).toEqual([
			{
				line: 1,
				paragraphs: ['We propose FooNet, a lightweight network for edge devices. It runs on a phone.'],
				authors: [],
			},
			{
				line: 2,
				paragraphs: ['Deep models are large and slow to deploy. This abstract continues on a second line.'],
				authors: [],
			},
		]);
	});

	it.each(['bom.txt', 'crlf.txt', 'leading-spaces.txt', 'no-space-after-colon.txt'])(
		'%s reads exactly like the plain file, with no warnings',
		(name) => {
			const plain = parseFixture('abstract-lines.txt');
			const variant = parseFixture(name);
			expect(variant.diagnostics).toEqual([]);
			expect(variant.abstracts).toEqual(plain.abstracts);
		},
	);

	it('keeps blank-line-separated paragraphs apart', () => {
		const parsed = parseFixture('multi-paragraph.txt');
		expect(parsed.diagnostics).toEqual([]);
		expect(parsed.abstracts.map((a) => [a.line, a.paragraphs])).toEqual([
			[1, ['The first paragraph starts here and is wrapped onto a second line.', 'The second paragraph stands alone.']],
			[5, ['A one-line abstract follows.']],
		]);
	});

	it('warns about an empty Abstract: line at its line and keeps the abstracts around it', () => {
		const parsed = parseFixture('empty-abstract-line.txt');
		expect(parsed.abstracts.map((a) => [a.line, a.paragraphs])).toEqual([
			[1, ['The first abstract is fine.']],
			[3, ['The third abstract is fine too.']],
		]);
		expect(parsed.diagnostics).toHaveLength(1);
		expect(parsed.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'EmptyAbstract', file: 'empty-abstract-line.txt', line: 2 });
	});

	it('warns once, at the first line, about text before the first Abstract: line', () => {
		const parsed = parseFixture('stray-text.txt');
		expect(parsed.abstracts.map((a) => [a.line, a.paragraphs])).toEqual([[4, ['The only abstract in this file.']]]);
		expect(parsed.diagnostics).toEqual([
			{
				severity: 'warning',
				code: 'TextOutsideAbstract',
				file: 'stray-text.txt',
				line: 1,
				message: '2 lines from here are outside any abstract and were skipped; start an abstract with "Abstract:"',
			},
		]);
	});

	it('words the warning about a single stray line grammatically', () => {
		const parsed = parseSeed('Notes\nAbstract: Text.\n', 'one-stray.txt');
		expect(parsed.diagnostics).toHaveLength(1);
		expect(parsed.diagnostics[0]?.message).toBe(
			'this line is outside any abstract and was skipped; start an abstract with "Abstract:"',
		);
	});
});

describe('parseSeed: empty files', () => {
	it.each(['empty.txt', 'whitespace-only.txt'])('%s has no abstracts and one warning at line 1', (name) => {
		const parsed = parseFixture(name);
		expect(parsed.format).toBe('empty');
		expect(parsed.abstracts).toEqual([]);
		expect(parsed.diagnostics).toEqual([
			{
				severity: 'warning',
				code: 'EmptySeed',
				file: name,
				line: 1,
				message: 'the file is empty; add lines starting with "Abstract:" or remove the file',
			},
		]);
	});
});

describe('parseSeed: long abstracts', () => {
	it('keeps an abstract over the limit in full and warns at its line', () => {
		const sentence = 'This sentence is repeated to make one very long abstract. ';
		const long = sentence.repeat(Math.ceil((LONG_ABSTRACT_CHARS + 1) / sentence.length)).trim();
		expect(long.length).toBeGreaterThan(20_000);
		const parsed = parseSeed(`Abstract: A short one.\nAbstract: ${long}\n`, 'long-abstract.txt');
		expect(parsed.abstracts[1]?.paragraphs).toEqual([long]);
		expect(parsed.diagnostics).toHaveLength(1);
		expect(parsed.diagnostics[0]).toMatchObject({ code: 'LongAbstract', file: 'long-abstract.txt', line: 2 });
		expect(parsed.diagnostics[0]?.message).toContain(`${long.length.toLocaleString('en')} characters long`);
	});

	it('does not warn at exactly the limit', () => {
		const parsed = parseSeed(`Abstract: ${'x'.repeat(LONG_ABSTRACT_CHARS)}`, 'limit.txt');
		expect(parsed.diagnostics).toEqual([]);
	});
});

describe('parseSeed: scraped author pages', () => {
	it('reads title, category, author (without the leading no-break space) and paragraphs', () => {
		const parsed = parseFixture('author-page.txt');
		expect(parsed.format).toBe('author-page');
		expect(parsed.diagnostics).toEqual([]);
		expect(parsed.abstracts).toEqual([
			{
				line: 12,
				title: 'Defense Against Model Stealing',
				category: 'Machine Learning',
				authors: ['Mei, Jian-Ping'],
				paragraphs: ['Malicious users replicate commercial models at low cost.', 'A second paragraph of the same abstract.'],
			},
			{
				line: 21,
				title: 'A Geometric Perspective on Diffusion Models',
				category: 'Artificial Intelligence',
				authors: ['Mei, Jian-Ping'],
				paragraphs: ['Recent years have witnessed progress in diffusion models.'],
			},
		]);
	});

	it('skips a block without a source line, warns at its first line, and keeps the blocks around it', () => {
		const parsed = parseFixture('unparseable-block.txt');
		expect(parsed.abstracts.map((a) => [a.line, a.title, a.paragraphs])).toEqual([
			[12, 'First Good Paper', ['The first good block has a title, a source line and an abstract.']],
			[24, 'Second Good Paper', ['The second good block comes after the broken one.']],
		]);
		expect(parsed.diagnostics).toHaveLength(1);
		expect(parsed.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'UnparseableBlock', file: 'unparseable-block.txt', line: 15 });
	});

	it('warns at line 1 when the page has no "Collaborating Authors" line, and still reads its blocks', () => {
		const parsed = parseFixture('author-page-without-authors.txt');
		expect(parsed.format).toBe('author-page');
		expect(parsed.abstracts).toEqual([
			{
				line: 8,
				title: 'Only Paper',
				category: 'Machine Learning',
				authors: [],
				paragraphs: ['The header of this page lost its authors.'],
			},
		]);
		expect(parsed.diagnostics).toHaveLength(1);
		expect(parsed.diagnostics[0]).toMatchObject({ code: 'AuthorPageWithoutAuthors', file: 'author-page-without-authors.txt', line: 1 });
	});
});
