import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, buildCollection, type Collection } from '../../../src/lib/papers/build-collection.ts';
import { compareByTitle } from '../../../src/lib/papers/title-order.ts';
import { slugV1 } from '../../../src/lib/papers/slug-rule-v1.ts';
import { PaperSchema } from '../../../src/schemas/paper.ts';
import { readFixtureSeed } from '../../helpers/fixtures.ts';

const build = (...names: string[]) => buildCollection(names.map((name) => readFixtureSeed(name)));
const idOf = (normalized: string) => createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 12);
const paperWith = (collection: Collection, start: string) => {
	const paper = collection.papers.find((p) => p.paragraphs[0]?.startsWith(start));
	if (!paper) throw new Error(`no paper starts with ${JSON.stringify(start)}`);
	return paper;
};

/** Several kinds of seed at once, for the order and rename checks. */
const MIXED = [
	'abstract-lines.txt',
	'author-page.txt',
	'duplicates.txt',
	'multi-paragraph.txt',
	'title-collision-a.txt',
	'title-collision-b.txt',
	'unparseable-block.txt',
	'windows-1252.txt',
];

describe('buildCollection: papers', () => {
	it('gives every abstract an id from its normalized text and a slug from its derived title', () => {
		const collection = build('abstract-lines.txt');
		expect(collection.diagnostics).toEqual([]);
		expect(collection.stats).toEqual({ files: 1, abstracts: 2, duplicatesMerged: 0 });
		const fooNet = paperWith(collection, 'We propose FooNet');
		const id = idOf('We propose FooNet, a lightweight network for edge devices. It runs on a phone.');
		expect(fooNet).toEqual({
			id,
			slug: `foonet-a-lightweight-network-for-edge-devices-${id.slice(0, 8)}`,
			title: 'FooNet: A lightweight network for edge devices',
			titleSource: 'derived',
			paragraphs: ['We propose FooNet, a lightweight network for edge devices. It runs on a phone.'],
			excerpt: 'We propose FooNet, a lightweight network for edge devices. It runs on a phone.',
			sources: [{ file: 'abstract-lines.txt', line: 1 }],
			authors: [],
			categories: [],
			// Filled by classifyPapers, which needs the whole collection.
			topics: [],
			related: [],
		});
	});

	it('produces papers that satisfy PaperSchema', () => {
		for (const paper of build(...MIXED).papers) expect(PaperSchema.parse(paper)).toEqual(paper);
	});

	it('keeps paragraphs apart but identifies the paper by all of its text', () => {
		const paper = paperWith(build('multi-paragraph.txt'), 'The first paragraph');
		expect(paper.paragraphs).toEqual([
			'The first paragraph starts here and is wrapped onto a second line.',
			'The second paragraph stands alone.',
		]);
		expect(paper.id).toBe(
			idOf('The first paragraph starts here and is wrapped onto a second line. The second paragraph stands alone.'),
		);
	});

	it('uses the real title of an author page, but keeps the slug derived from the abstract', () => {
		const paper = paperWith(build('author-page.txt'), 'Malicious users');
		expect(paper.title).toBe('Defense Against Model Stealing');
		expect(paper.titleSource).toBe('source');
		expect(paper.authors).toEqual(['Mei, Jian-Ping']);
		expect(paper.categories).toEqual(['Machine Learning']);
		expect(paper.sources).toEqual([{ file: 'author-page.txt', line: 12 }]);
		expect(paper.slug).toBe(slugV1(paper.paragraphs, paper.id));
		expect(paper.slug).not.toContain('defense');
	});

	it('keeps the good blocks of an author page around a broken one and names the broken one', () => {
		const { papers, diagnostics } = build('unparseable-block.txt');
		expect(papers.map((p) => p.title)).toEqual(['First Good Paper', 'Second Good Paper']);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]).toMatchObject({ code: 'UnparseableBlock', file: 'unparseable-block.txt', line: 15 });
	});

	it('shortens a long excerpt to plain text', () => {
		const long = `We study $\\alpha$ \\textbf{robustness}. ${'More words follow here. '.repeat(20)}`;
		const { papers } = buildCollection([{ file: 'long.txt', bytes: new TextEncoder().encode(`Abstract: ${long}`) }]);
		const excerpt = papers[0]?.excerpt ?? '';
		expect(excerpt.startsWith('We study α robustness. More words')).toBe(true);
		expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS);
		expect(excerpt.endsWith('…')).toBe(true);
	});

	// An abstract of only punctuation or markup ("Abstract: .", "{}", "$$") has no words for a title, and
	// PaperSchema requires one: an empty title would fail the whole build.
	it('gives every paper a non-empty title, even a placeholder abstract', () => {
		const { papers } = build('punctuation-only.txt');
		expect(papers).toHaveLength(2);
		for (const paper of papers) expect(PaperSchema.safeParse(paper).success).toBe(true);
	});
});

describe('buildCollection: encodings', () => {
	it('decodes a Windows-1252 file and warns at the line of the first bad byte', () => {
		const { papers, diagnostics } = build('windows-1252.txt');
		expect(papers.map((p) => p.paragraphs[0])).toContain('Café owners use “smart” quotes and charge €5.');
		expect(papers).toHaveLength(3);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'InvalidUtf8', file: 'windows-1252.txt', line: 3 });
		// The only place that says which encoding was assumed, and how to be rid of the warning.
		expect(diagnostics[0]?.message).toMatch(/not valid UTF-8.*Windows-1252.*Save it as UTF-8/u);
	});

	it('reads a BOM file exactly like the plain one', () => {
		const plain = build('abstract-lines.txt');
		const bom = buildCollection([readFixtureSeed('bom.txt', 'abstract-lines.txt')]);
		expect(bom).toEqual(plain);
	});

	// With a UTF-8 BOM and one Windows-1252 byte, the BOM must not become "ï»¿" and hide line 1.
	it('keeps the first abstract of a BOM file that falls back to Windows-1252', () => {
		const { papers, diagnostics } = build('bom-windows-1252.txt');
		expect(papers.map((p) => p.sources[0]?.line).sort()).toEqual([1, 2]);
		expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['InvalidUtf8', 2]]);
	});
});

describe('buildCollection: duplicates', () => {
	it('merges the same abstract with different wrapping and accent composition', () => {
		const collection = build('duplicates.txt');
		expect(collection.papers).toHaveLength(2);
		const cafe = paperWith(collection, 'Café');
		expect(cafe.paragraphs).toEqual(['Caf\u00e9 au lait is studied with composed accents in this abstract.']);
		expect(cafe.sources).toEqual([
			{ file: 'duplicates.txt', line: 1 },
			{ file: 'duplicates.txt', line: 3 },
		]);
		expect(collection.stats).toEqual({ files: 1, abstracts: 3, duplicatesMerged: 1 });
		expect(collection.diagnostics).toEqual([]);
	});

	it('lists sources across files in file and line order, whatever order the files came in', () => {
		const collection = buildCollection([
			readFixtureSeed('duplicates.txt', 'z/later.txt'),
			readFixtureSeed('duplicates.txt', 'a/earlier.txt'),
		]);
		expect(paperWith(collection, 'Café').sources).toEqual([
			{ file: 'a/earlier.txt', line: 1 },
			{ file: 'a/earlier.txt', line: 3 },
			{ file: 'z/later.txt', line: 1 },
			{ file: 'z/later.txt', line: 3 },
		]);
		expect(collection.stats).toEqual({ files: 2, abstracts: 6, duplicatesMerged: 4 });
	});
});

describe('buildCollection: identity and order', () => {
	it('gives two abstracts with the same derived title distinct ids and slugs', () => {
		const { papers } = build('title-collision-a.txt', 'title-collision-b.txt');
		expect(papers).toHaveLength(2);
		const [a, b] = papers;
		if (!a || !b) throw new Error('expected two papers');
		expect(a.title).toBe('FooNet: A lightweight network for edge devices');
		expect(b.title).toBe(a.title);
		expect(a.id).not.toBe(b.id);
		expect(a.slug).not.toBe(b.slug);
		for (const paper of papers) {
			expect(paper.slug).toBe(`foonet-a-lightweight-network-for-edge-devices-${paper.id.slice(0, 8)}`);
		}
	});

	it('is identical, byte for byte, whatever order the files are given in', () => {
		const inOrder = buildCollection(MIXED.map((name) => readFixtureSeed(name)));
		const reversed = buildCollection([...MIXED].reverse().map((name) => readFixtureSeed(name)));
		const rotated = buildCollection([...MIXED.slice(3), ...MIXED.slice(0, 3)].map((name) => readFixtureSeed(name)));
		expect(JSON.stringify(reversed)).toBe(JSON.stringify(inOrder));
		expect(JSON.stringify(rotated)).toBe(JSON.stringify(inOrder));
	});

	it('keeps ids, slugs and titles when a file is renamed; only its sources change', () => {
		const before = buildCollection(MIXED.map((name) => readFixtureSeed(name)));
		const after = buildCollection(
			MIXED.map((name) => readFixtureSeed(name, name === 'abstract-lines.txt' ? 'renamed/zz-last.txt' : name)),
		);
		const identity = (c: Collection) => c.papers.map(({ id, slug, title }) => ({ id, slug, title }));
		expect(identity(after)).toEqual(identity(before));
		expect(paperWith(after, 'Deep models').sources).toEqual([{ file: 'renamed/zz-last.txt', line: 2 }]);
	});

	it('derives a title from the plain text of a LaTeX abstract', () => {
		const seed = 'Abstract:We introduce \\textbf{TexNet}, a $\\beta$-model for \\emph{fast} inference. Yes.\n';
		const [paper] = buildCollection([{ file: 'latex.txt', bytes: Buffer.from(seed) }]).papers;
		expect(paper?.title).toBe('TexNet: A β-model for fast inference');
	});

	it('lists papers in case-insensitive title order', () => {
		const { papers } = build('title-order.txt');
		expect(papers.map((p) => p.title)).toEqual([
			'Apple trees grow in cold places',
			'banana plants grow in warm places',
			'Cherry trees flower early',
		]);
	});

	it('breaks title ties by id', () => {
		expect(compareByTitle({ title: 'Same', id: 'aaa' }, { title: 'same', id: 'bbb' })).toBeLessThan(0);
		expect(compareByTitle({ title: 'Same', id: 'bbb' }, { title: 'same', id: 'aaa' })).toBeGreaterThan(0);
	});

	it('lists diagnostics by file name, each naming its own file', () => {
		const { diagnostics } = buildCollection([
			readFixtureSeed('stray-text.txt'),
			readFixtureSeed('empty.txt'),
			readFixtureSeed('empty-abstract-line.txt'),
		]);
		expect(diagnostics.map((d) => [d.file, d.line])).toEqual([
			['empty-abstract-line.txt', 2],
			['empty.txt', 1],
			['stray-text.txt', 1],
		]);
	});
});
