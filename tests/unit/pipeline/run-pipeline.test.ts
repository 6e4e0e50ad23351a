import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS } from '../../../src/lib/papers/assemble-papers.ts';
import {
	runPipeline,
	type CachedSeed,
	type PipelineResult,
	type PipelineSeed,
} from '../../../src/lib/pipeline/run-pipeline.ts';
import type { TaggingCache } from '../../../src/lib/topics/words.ts';
import { compareByTitle } from '../../../src/lib/papers/title-order.ts';
import { slugV1 } from '../../../src/lib/papers/slug-rule-v1.ts';
import { PaperSchema } from '../../../src/schemas/paper.ts';
import { pipelineOf, readFixtureCollection } from '../../helpers/collections.ts';
import { latexFixture, readFixtureSeed } from '../../helpers/fixtures.ts';
import { rejection } from '../../helpers/thrown.ts';

/** Seed files alone, as the loader gives a folder without topics.yaml or papers.yaml. */
const pipeline = (seeds: PipelineSeed[]) => runPipeline({ seeds });
const build = (...names: string[]) => pipeline(names.map((name) => readFixtureSeed(name)));
const idOf = (normalized: string) =>
	createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 12);
const paperWith = (collection: Pick<PipelineResult, 'papers'>, start: string) => {
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

describe('runPipeline: papers', () => {
	it('gives every abstract an id from its normalized text and a slug from its derived title', () => {
		const collection = build('abstract-lines.txt');
		expect(collection.diagnostics).toEqual([]);
		expect(collection.stats).toEqual({
			files: 1,
			abstracts: 2,
			duplicatesMerged: 0,
			mathNotTypeset: 0,
		});
		const fooNet = paperWith(collection, 'We propose FooNet');
		const id = idOf(
			'We propose FooNet, a lightweight network for edge devices. It runs on a phone.',
		);
		expect(fooNet).toEqual({
			id,
			slug: `foonet-a-lightweight-network-for-edge-devices-${id.slice(0, 8)}`,
			title: 'FooNet: A lightweight network for edge devices',
			titleSource: 'derived',
			paragraphs: [
				'We propose FooNet, a lightweight network for edge devices. It runs on a phone.',
			],
			excerpt: 'We propose FooNet, a lightweight network for edge devices. It runs on a phone.',
			sources: [{ file: 'abstract-lines.txt', line: 1 }],
			authors: [],
			categories: [],
			// Too few papers share a phrase for a topic; the only other paper is the related one.
			topics: [],
			related: [paperWith(collection, 'Deep models').id],
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
			idOf(
				'The first paragraph starts here and is wrapped onto a second line. The second paragraph stands alone.',
			),
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
		expect(diagnostics[0]).toMatchObject({
			code: 'UnparseableBlock',
			file: 'unparseable-block.txt',
			line: 15,
		});
	});

	it('shortens a long excerpt to plain text', () => {
		const long = `We study $\\alpha$ \\textbf{robustness}. ${'More words follow here. '.repeat(20)}`;
		const { papers } = pipeline([
			{ file: 'long.txt', bytes: new TextEncoder().encode(`Abstract: ${long}`) },
		]);
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

describe('runPipeline: encodings', () => {
	it('decodes a Windows-1252 file and warns at the line of the first bad byte', () => {
		const { papers, diagnostics } = build('windows-1252.txt');
		expect(papers.map((p) => p.paragraphs[0])).toContain(
			'Café owners use “smart” quotes and charge €5.',
		);
		expect(papers).toHaveLength(3);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]).toMatchObject({
			severity: 'warning',
			code: 'InvalidUtf8',
			file: 'windows-1252.txt',
			line: 3,
		});
		// The only place that says which encoding was assumed, and how to be rid of the warning.
		expect(diagnostics[0]?.message).toMatch(/not valid UTF-8.*Windows-1252.*Save it as UTF-8/u);
	});

	it('reads a BOM file exactly like the plain one', () => {
		const plain = build('abstract-lines.txt');
		const bom = pipeline([readFixtureSeed('bom.txt', 'abstract-lines.txt')]);
		expect(bom).toEqual(plain);
	});

	// With a UTF-8 BOM and one Windows-1252 byte, the BOM must not become "ï»¿" and hide line 1.
	it('keeps the first abstract of a BOM file that falls back to Windows-1252', () => {
		const { papers, diagnostics } = build('bom-windows-1252.txt');
		expect(papers.map((p) => p.sources[0]?.line).sort()).toEqual([1, 2]);
		expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['InvalidUtf8', 2]]);
	});
});

describe('runPipeline: duplicates', () => {
	it('merges the same abstract with different wrapping and accent composition', () => {
		const collection = build('duplicates.txt');
		expect(collection.papers).toHaveLength(2);
		const cafe = paperWith(collection, 'Café');
		expect(cafe.paragraphs).toEqual([
			'Caf\u00e9 au lait is studied with composed accents in this abstract.',
		]);
		expect(cafe.sources).toEqual([
			{ file: 'duplicates.txt', line: 1 },
			{ file: 'duplicates.txt', line: 3 },
		]);
		expect(collection.stats).toEqual({
			files: 1,
			abstracts: 3,
			duplicatesMerged: 1,
			mathNotTypeset: 0,
		});
		expect(collection.diagnostics).toEqual([]);
	});

	it('lists sources across files in file and line order, whatever order the files came in', () => {
		const collection = pipeline([
			readFixtureSeed('duplicates.txt', 'z/later.txt'),
			readFixtureSeed('duplicates.txt', 'a/earlier.txt'),
		]);
		expect(paperWith(collection, 'Café').sources).toEqual([
			{ file: 'a/earlier.txt', line: 1 },
			{ file: 'a/earlier.txt', line: 3 },
			{ file: 'z/later.txt', line: 1 },
			{ file: 'z/later.txt', line: 3 },
		]);
		expect(collection.stats).toEqual({
			files: 2,
			abstracts: 6,
			duplicatesMerged: 4,
			mathNotTypeset: 0,
		});
	});
});

describe('runPipeline: identity and order', () => {
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
			expect(paper.slug).toBe(
				`foonet-a-lightweight-network-for-edge-devices-${paper.id.slice(0, 8)}`,
			);
		}
	});

	it('is identical, byte for byte, whatever order the files are given in', () => {
		const inOrder = pipeline(MIXED.map((name) => readFixtureSeed(name)));
		const reversed = pipeline([...MIXED].reverse().map((name) => readFixtureSeed(name)));
		const rotated = pipeline(
			[...MIXED.slice(3), ...MIXED.slice(0, 3)].map((name) => readFixtureSeed(name)),
		);
		expect(JSON.stringify(reversed)).toBe(JSON.stringify(inOrder));
		expect(JSON.stringify(rotated)).toBe(JSON.stringify(inOrder));
	});

	it('keeps ids, slugs and titles when a file is renamed; only its sources change', () => {
		const before = pipeline(MIXED.map((name) => readFixtureSeed(name)));
		const after = pipeline(
			MIXED.map((name) =>
				readFixtureSeed(name, name === 'abstract-lines.txt' ? 'renamed/zz-last.txt' : name),
			),
		);
		const identity = (c: PipelineResult) =>
			c.papers.map(({ id, slug, title }) => ({ id, slug, title }));
		expect(identity(after)).toEqual(identity(before));
		expect(paperWith(after, 'Deep models').sources).toEqual([
			{ file: 'renamed/zz-last.txt', line: 2 },
		]);
	});

	it('derives a title from the plain text of a LaTeX abstract', () => {
		const seed =
			'Abstract:We introduce \\textbf{TexNet}, a $\\beta$-model for \\emph{fast} inference. Yes.\n';
		const [paper] = pipeline([{ file: 'latex.txt', bytes: Buffer.from(seed) }]).papers;
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
		expect(compareByTitle({ title: 'Same', id: 'aaa' }, { title: 'same', id: 'bbb' })).toBeLessThan(
			0,
		);
		expect(
			compareByTitle({ title: 'Same', id: 'bbb' }, { title: 'same', id: 'aaa' }),
		).toBeGreaterThan(0);
	});

	it('lists diagnostics by file name, each naming its own file', () => {
		const { diagnostics } = pipeline([
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

/** tests/fixtures/collections/<case>/, read by the loader's reader and run as the loader runs it. */
const folder = async (name: string) => (await readFixtureCollection(name)).collection;

describe('runPipeline: a seeds folder as the loader reads it', () => {
	it('reads seed files in subfolders, names them with / and ignores files that are not .txt', async () => {
		const { papers, stats } = await folder('subfolders');
		expect(papers.map((p) => [p.title, p.sources])).toEqual([
			['NestedNet: A model', [{ file: '2024/spring/nested.txt', line: 1 }]],
			['RootNet: A model', [{ file: 'top.txt', line: 1 }]],
		]);
		expect(stats.files).toBe(2);
	});

	it('makes one paper of an abstract found in two files, listing both sources', async () => {
		const { papers, stats } = await folder('duplicates-across-files');
		expect(papers.map((p) => [p.title, p.sources])).toEqual([
			['SoloNet: A model', [{ file: 'b-second.txt', line: 1 }]],
			[
				'TwinNet: A model',
				[
					{ file: 'a-first.txt', line: 1 },
					{ file: 'b-second.txt', line: 2 },
				],
			],
		]);
		expect(stats).toEqual({ files: 2, abstracts: 3, duplicatesMerged: 1, mathNotTypeset: 0 });
	});

	it('applies papers.yaml: title, authors, year and DOI change, the slug does not, and the order follows the new title', async () => {
		const { papers } = await folder('papers-yaml');
		const { papers: without } = runPipeline({
			seeds: (await readFixtureCollection('papers-yaml')).input.seeds,
		});
		expect(without.map((p) => p.title)).toEqual(['LabelNet: A model', 'PlainNet: A model']);
		expect(papers.map((p) => p.title)).toEqual(['PlainNet: A model', 'Zebra Labels for Everyone']);
		const labelled = papers[1]!;
		expect(labelled).toMatchObject({
			titleSource: 'metadata',
			authors: ['Ada Lovelace', 'Kurt Gödel'],
			year: 2021,
			doi: '10.1000/labelnet',
		});
		expect(labelled.slug).toBe(without[0]!.slug);
		expect(papers[0]).toEqual(without[1]);
	});

	it('stops at a papers.yaml id that names no paper, naming the file', async () => {
		const error = await rejection(folder('papers-yaml-unknown-id'));
		expect(error.name).toBe('PapersYamlUnknownId');
		expect(error.message).toMatch(/papers\.yaml: "deadbeef0000"/u);
	});

	it('warns at the topics.yaml line of a slug the collection does not have', async () => {
		const { diagnostics } = await folder('unknown-topic-slug');
		expect(diagnostics).toEqual([
			{
				severity: 'warning',
				code: 'UnknownTopicSlug',
				file: 'topics.yaml',
				line: 3,
				message:
					'no topic "no-such-topic" in this collection; use a slug from topics.json, or add the topic under "add"',
			},
		]);
	});

	it('warns once per math fragment that cannot be typeset, in an abstract or a papers.yaml title, and counts them', async () => {
		const { papers, diagnostics, stats } = await folder('math-not-typeset');
		expect(papers).toHaveLength(2);
		expect(stats.mathNotTypeset).toBe(2);
		expect(
			diagnostics.map((d) => [
				d.code,
				d.file,
				d.line,
				d.message.slice(0, d.message.indexOf(' in ')),
			]),
		).toEqual([
			['MathNotTypeset', 'abstracts.txt', 2, 'cannot typeset the math "$\\frac{1}{$"'],
			['MathNotTypeset', 'abstracts.txt', 1, 'cannot typeset the math "$\\sqrt{$"'],
		]);
		expect(diagnostics[1]?.message).toContain(
			'in "Good Titles with √{ Broken Math" (paper bc8984a79f34)',
		);
	});
});

describe('runPipeline: math that cannot be typeset', () => {
	it('warns once per fragment, naming the paper and its first source, with control characters escaped', () => {
		const text = `We propose FracNet, a model with ${latexFixture('invalid-tex')} Also $\\href{x}{y}$ and \u001b[31m$\\x\u001b$.`;
		const { papers, diagnostics } = pipelineOf({
			'a.txt': `Abstract:We propose OneNet, with $x$ and $$y$$.\n\nAbstract:${text}\n`,
			'b.txt': `Abstract:${text}\n`,
		});
		const paper = paperWith({ papers }, 'We propose FracNet');
		expect(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
			`a.txt:3: cannot typeset the math "$\\frac{1}{$" in "${paper.title}" (paper ${paper.id}): "Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{"; the page shows it as TeX source`,
			expect.stringMatching(
				/^a\.txt:3: cannot typeset the math "\$\\href\{x\}\{y\}\$" in "FracNet/u,
			),
			// Seed text never reaches the terminal raw: control characters are escaped.
			expect.stringContaining('"$\\x\\u001b$"'),
		]);
		expect(diagnostics.map((d) => d.message).join('')).not.toContain('\u001b');
	});
});

describe('runPipeline: caches a dev server keeps between syncs', () => {
	it('re-reads only the files whose digest changed, forgets removed files, and gives what an uncached run gives', async () => {
		const { input } = await readFixtureCollection('duplicates-across-files');
		const seeds = new Map<string, CachedSeed>();
		const tagging: TaggingCache = new Map();
		const first = runPipeline(input, { seeds, tagging });
		expect(first).toEqual(runPipeline(input));
		expect([...seeds.keys()].sort()).toEqual(['a-first.txt', 'b-second.txt']);
		expect(tagging.size).toBeGreaterThan(0);
		const kept = seeds.get('a-first.txt')!.read;

		// b-second.txt edited (new digest, new bytes), a-first.txt untouched.
		const edited = input.seeds.map((s) =>
			s.file === 'b-second.txt'
				? {
						...s,
						bytes: new TextEncoder().encode('Abstract: We propose NewNet, an edited model.\n'),
						digest: 'edited',
					}
				: s,
		);
		const second = runPipeline({ ...input, seeds: edited }, { seeds, tagging });
		expect(seeds.get('a-first.txt')!.read).toBe(kept);
		expect(second.papers.map((p) => p.title)).toEqual([
			'NewNet: An edited model',
			'TwinNet: A model',
		]);
		expect(second).toEqual(runPipeline({ ...input, seeds: edited }));

		// A cached read is used only under the same digest: stale bytes under a new digest are re-read.
		runPipeline(
			{ ...input, seeds: edited.filter((s) => s.file === 'b-second.txt') },
			{ seeds, tagging },
		);
		expect([...seeds.keys()]).toEqual(['b-second.txt']);
	});
});
