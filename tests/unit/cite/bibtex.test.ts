/**
 * BibTeX entries are read back with a real BibTeX parser (@retorquere/bibtex-parser,
 * the one Better BibTeX for Zotero imports with), and their braces are also counted
 * the way BibTeX itself counts them (every brace, escaped or not), so that no title,
 * name or abstract can end its field early or start another field or entry.
 */
import { mathNodes, parseLatex } from '../../../src/lib/latex/parse-latex.ts';
import { parse, type Entry } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BIBTEX_CONTENT_TYPE,
	bibtexAbstract,
	bibtexEntry,
	bibtexResponse,
	bibtexText,
	bibtexTitle,
	bibtexVerbatim,
	bracesBalance,
	collectionBibtex,
	collectionBibtexParts,
} from '../../../src/lib/cite/bibtex.ts';
import { DERIVED_TITLE_NOTE } from '../../../src/lib/cite/citation-fields.ts';
import { dangerousText, PROPERTY_SEED } from '../../helpers/dangerous-text.ts';
import { makeCitablePaper as paper, makePaper } from '../../helpers/collections.ts';

const URL_OF = 'https://atlas.example.org/papers/foonet-0123abcd/';

/** One entry, parsed; fails on any parser error and on any second entry. */
function parseOne(bibtex: string, raw = false): Entry {
	const library = parse(bibtex, { sentenceCase: false, ...(raw ? { raw: true } : {}) });
	expect(library.errors, bibtex).toEqual([]);
	expect(library.entries, bibtex).toHaveLength(1);
	return library.entries[0]!;
}

/**
 * Field names and raw values as BibTeX itself finds them: it counts every brace,
 * backslash or not, to find where a value and the entry end.
 */
function bibtexFieldsByBraceCount(bibtex: string): {
	key: string;
	fields: [string, string][];
	rest: string;
} {
	const head = /^@misc\{([^,\s]+),\n/u.exec(bibtex);
	if (!head) throw new Error(`not an @misc entry: ${bibtex}`);
	const fields: [string, string][] = [];
	let i = head[0].length;
	for (;;) {
		const field = /^ {2}([a-z]+) = \{/u.exec(bibtex.slice(i));
		if (!field) break;
		let depth = 1;
		let j = i + field[0].length;
		for (; depth > 0; j++) {
			if (j >= bibtex.length) throw new Error(`field ${field[1]} never ends`);
			if (bibtex[j] === '{') depth++;
			else if (bibtex[j] === '}') depth--;
		}
		fields.push([field[1]!, bibtex.slice(i + field[0].length, j - 1)]);
		i = j;
		if (bibtex.startsWith(',\n', i)) i += 2;
		else break;
	}
	return { key: head[1]!, fields, rest: bibtex.slice(i) };
}

/**
 * TeX prints a few character pairs in text as one typographic character, and the parser
 * reads them so: plain text keeps its dashes and quotes as TeX typesets them.
 */
function texLigatures(text: string): string {
	return text.replace(/---/gu, '—').replace(/--/gu, '–').replace(/``/gu, '“').replace(/''/gu, '”');
}

const fold = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('bibtexEntry', () => {
	it('writes an @misc entry keyed atlas:<id> with the page URL, keywords and abstract', () => {
		const bibtex = bibtexEntry(
			paper({
				title: 'A Geometric Perspective on Diffusion Models',
				authors: ['Mei, Jian-Ping'],
				topics: [
					{ slug: 'diffusion-model', name: 'Diffusion Models' },
					{ slug: 'data-distribution', name: 'data distribution' },
				],
				paragraphs: ['We study $\\alpha$-\\textbf{diffusion}.', 'A second paragraph.'],
			}),
			{ url: URL_OF },
		);
		expect(bibtex).toBe(
			[
				'@misc{atlas:0123abcd4567,',
				'  title = {A Geometric Perspective on Diffusion Models},',
				'  author = {Mei, Jian-Ping},',
				`  howpublished = {\\url{${URL_OF}}},`,
				`  url = {${URL_OF}},`,
				'  keywords = {Diffusion Models, data distribution},',
				'  abstract = {We study $\\alpha$-\\textbf{diffusion}.\n\nA second paragraph.}',
				'}',
				'',
			].join('\n'),
		);
		const entry = parseOne(bibtex);
		expect(entry.type).toBe('misc');
		expect(entry.key).toBe('atlas:0123abcd4567');
		expect(entry.fields.title).toBe('A Geometric Perspective on Diffusion Models');
		expect(entry.fields.author).toEqual([{ lastName: 'Mei', firstName: 'Jian-Ping' }]);
		expect(entry.fields['url']).toBe(URL_OF);
		expect(new Set(entry.fields.keywords)).toEqual(
			new Set(['Diffusion Models', 'data distribution']),
		);
		expect(parseOne(bibtex, true).fields['abstract']).toBe(
			'We study $\\alpha$-\\textbf{diffusion}.\n\nA second paragraph.',
		);
		expect(entry.fields['note']).toBeUndefined();
	});

	it('keys entries by the permanent id, whatever the title', () => {
		const a = bibtexEntry(paper({ title: 'One title' }), { url: '/x/' });
		const b = bibtexEntry(paper({ title: 'A later, better title', titleSource: 'metadata' }), {
			url: '/x/',
		});
		expect(parseOne(a).key).toBe('atlas:0123abcd4567');
		expect(parseOne(b).key).toBe('atlas:0123abcd4567');
		expect(parseOne(bibtexEntry(paper({ id: 'ffffffffffff' }), { url: '/x/' })).key).toBe(
			'atlas:ffffffffffff',
		);
	});

	it('brackets a derived title and says in a note that it is not the paper’s own', () => {
		const derived = parseOne(
			bibtexEntry(paper({ title: 'FooNet: A lightweight network', titleSource: 'derived' }), {
				url: '/x/',
			}),
		);
		expect(derived.fields.title).toBe('[FooNet: A lightweight network]');
		expect(derived.fields['note']).toBe(DERIVED_TITLE_NOTE);
		for (const titleSource of ['source', 'metadata'] as const) {
			const real = parseOne(
				bibtexEntry(paper({ title: 'FooNet: A lightweight network', titleSource }), { url: '/x/' }),
			);
			expect(real.fields.title).toBe('FooNet: A lightweight network');
			expect(real.fields['note']).toBeUndefined();
		}
	});

	it('braces words with inner capitals so that sentence-casing styles keep them', () => {
		expect(bibtexTitle('FooNet: A 3D GAN for GANs and Jian-Ping')).toBe(
			'{FooNet}: A {3D} {GAN} for {GANs} and Jian-Ping',
		);
		const entry = parseOne(bibtexEntry(paper({ title: 'FooNet: A 3D GAN' }), { url: '/x/' }));
		expect(entry.fields.title).toBe('FooNet: A 3D GAN');
	});

	it('joins authors with "and", names as given, and keeps a name that contains "and" whole', () => {
		const entry = parseOne(
			bibtexEntry(
				paper({ authors: ['Mei, Jian-Ping', 'Jane Doe', 'Smith and Sons', 'de la Cruz, María'] }),
				{ url: '/x/' },
			),
		);
		expect(entry.fields.author).toMatchObject([
			{ lastName: 'Mei', firstName: 'Jian-Ping' },
			{ lastName: 'Doe', firstName: 'Jane' },
			{ name: 'Smith and Sons' },
			{ lastName: 'Cruz', prefix: 'de la', firstName: 'María' },
		]);
		expect(bibtexEntry(paper({ authors: [] }), { url: '/x/' })).not.toContain('author =');
	});

	it('uses year, venue, DOI and arXiv id when present, and works without them', () => {
		const full = bibtexEntry(
			paper({
				year: 2023,
				venue: 'NeurIPS 2023 & Co',
				doi: 'https://doi.org/10.1000/x_y',
				arxiv: 'arXiv:2301.00001',
				pdf: 'https://arxiv.org/pdf/2301.00001',
			}),
			{ url: URL_OF },
		);
		const entry = parseOne(full);
		expect(entry.fields).toMatchObject({
			year: '2023',
			howpublished: 'NeurIPS 2023 & Co',
			url: URL_OF,
			doi: '10.1000/x_y',
			eprint: '2301.00001',
			archiveprefix: 'arXiv',
		});
		const bare = parseOne(bibtexEntry(paper({ venue: '  ' }), { url: URL_OF }));
		expect(Object.keys(bare.fields).sort()).toEqual(['abstract', 'howpublished', 'title', 'url']);
		expect(bare.fields['howpublished']).toContain(URL_OF);
	});

	it('gives a path as the URL when the site is unknown', () => {
		const entry = parseOne(bibtexEntry(paper(), { url: '/atlas/papers/foonet-0123abcd/' }));
		expect(entry.fields['url']).toBe('/atlas/papers/foonet-0123abcd/');
	});
});

describe('hostile text stays inside its field', () => {
	const HOSTILE_TITLES = [
		'} , evil = {',
		'}, author = {Mallory}, x = {',
		'}\n}\n@misc{injected, title = {pwned}',
		'{',
		'}}}}',
		'\\}',
		'\\',
		'ends with a backslash \\',
		'100% of a_b & c #1 costs $5 ^ ~ x',
		'@string{evil = "x"} @comment{',
		'"quoted" and \'single\'',
		'\\textbf{not bold} \\input{/etc/passwd}',
		'Ünïcødé — “quotes” ✓',
	];

	it.each(HOSTILE_TITLES)(
		'title, author and keyword %j come back as written, with no extra field or entry',
		(text) => {
			const bibtex = bibtexEntry(
				paper({ title: text, authors: [text], topics: [{ slug: 't', name: text }] }),
				{ url: '/x/' },
			);
			const entry = parseOne(bibtex);
			const keyword = fold(text.replace(/\s*,\s*/gu, ' ').replace(/[{}\\$]/gu, ''));
			const fields = [
				'title',
				'author',
				'howpublished',
				'url',
				...(keyword ? ['keywords'] : []),
				'abstract',
			];
			expect(entry.key).toBe('atlas:0123abcd4567');
			expect(Object.keys(entry.fields).sort()).toEqual([...fields].sort());
			expect(entry.fields.title).toBe(fold(text));
			expect(entry.fields.author).toHaveLength(1);
			if (keyword) expect(entry.fields.keywords).toEqual([keyword]);
			const counted = bibtexFieldsByBraceCount(bibtex);
			expect(counted.key).toBe('atlas:0123abcd4567');
			expect(counted.fields.map(([name]) => name)).toEqual(fields);
			expect(counted.rest).toBe('\n}\n');
		},
	);

	it.each(HOSTILE_TITLES)('the abstract %j stays one field of one entry', (text) => {
		const bibtex = bibtexEntry(paper({ paragraphs: [text, text] }), { url: '/x/' });
		expect(parseOne(bibtex, true).fields['abstract']).toBe(bibtexAbstract([text, text]));
		const cooked = parse(bibtex, { sentenceCase: false, unsupported: 'ignore' });
		expect(cooked.entries.map((e) => Object.keys(e.fields).sort())).toEqual([
			['abstract', 'howpublished', 'title', 'url'],
		]);
		expect(bibtexFieldsByBraceCount(bibtex).fields.map(([name]) => name)).toEqual([
			'title',
			'howpublished',
			'url',
			'abstract',
		]);
	});

	it('keeps a balanced abstract’s LaTeX and math, escaping what LaTeX would reject in running text', () => {
		expect(bibtexAbstract(['We use \\textbf{X} and $\\{x\\}$ at 50% (\\% stays).'])).toBe(
			'We use \\textbf{X} and $\\{x\\}$ at 50\\% (\\% stays).',
		);
		expect(bibtexAbstract(['a\\\\%b', '%%'])).toBe('a\\\\\\%b\n\n\\%\\%');
		expect(bibtexAbstract(['R&D #1 in snake_case x^2, $x_i^{2}$ and $$a_1$$; Fig.~3'])).toBe(
			'R\\&D \\#1 in snake\\_case x\\textasciicircum{}2, $x_i^{2}$ and $$a_1$$; Fig.~3',
		);
		expect(bibtexAbstract(['It costs $5 and \\$6.', 'A $$ alone'])).toBe(
			'It costs \\$5 and \\$6.\n\nA \\$\\$ alone',
		);
	});

	it('reads math where the page reads it: dollars the page shows as text are text in the .bib too', () => {
		// The page's LaTeX reader takes "$5 and $10" for two prices, not for math.
		expect(mathNodes(parseLatex('It costs $5 and $10 a year.'))).toEqual([]);
		expect(bibtexAbstract(['It costs $5 and $10 a year.'])).toBe('It costs \\$5 and \\$10 a year.');
		// Where the page does typeset, the math is kept as written, next to a stray dollar.
		expect(bibtexAbstract(['With $x_1$$ left over'])).toBe('With $x_1$\\$ left over');
	});

	it('writes TeX commands that read files, run code or redefine TeX as text', () => {
		expect(
			bibtexAbstract([
				'\\input{/etc/passwd} \\immediate\\write18{rm -rf ~} \\input@x \\def\\x{y} \\textbf{ok}',
			]),
		).toBe(
			'\\textbackslash{}input{/etc/passwd} \\textbackslash{}immediate\\textbackslash{}write18{rm -rf ~} \\textbackslash{}input@x \\textbackslash{}def\\x{y} \\textbf{ok}',
		);
		// ^^5c is TeX's own spelling of a backslash: it must never reach TeX whole.
		expect(bibtexAbstract(['$^^5cinput{x}$ and ^^5c'])).toBe(
			'$^{}^5cinput{x}$ and \\textasciicircum{}\\textasciicircum{}5c',
		);
	});

	it.each([
		['a } b', 'a \\textbraceright{} b'],
		['a { b', 'a \\textbraceleft{} b'],
		['} , evil = {', '\\textbraceright{} , evil = \\textbraceleft{}'],
		['\\textbf{x', '\\textbf\\textbraceleft{}x'],
		['a \\} b', 'a \\textbraceright{} b'],
		['\\{ x }', '\\textbraceleft{} x \\textbraceright{}'],
		['$\\{x$ }', '$\\lbrace{}x$ \\textbraceright{}'],
		['x \\\\{', 'x \\\\\\textbraceleft{}'],
		['trailing \\', 'trailing \\textbackslash{}'],
	])('escapes every brace of the unbalanced abstract %j', (text, expected) => {
		expect(bibtexAbstract([text])).toBe(expected);
		const bibtex = bibtexEntry(paper({ paragraphs: [text] }), { url: '/x/' });
		expect(parseOne(bibtex, true).fields['abstract']).toBe(expected);
		expect(bibtexFieldsByBraceCount(bibtex).fields.map(([name]) => name)).toEqual([
			'title',
			'howpublished',
			'url',
			'abstract',
		]);
	});

	it('knows balance the way both BibTeX and backslash-aware parsers count it', () => {
		expect(bracesBalance('a {b} \\{c\\} $\\{x\\}$')).toBe(true);
		expect(bracesBalance('\\{ x }')).toBe(false);
		expect(bracesBalance('{ x \\}')).toBe(false);
		expect(bracesBalance('} {')).toBe(false);
		expect(bracesBalance('x \\')).toBe(false);
		expect(bracesBalance('x \\\\')).toBe(true);
	});

	it('escapes every BibTeX special character in plain text', () => {
		expect(bibtexText('{ } \\ % & $ # _ ^ ~')).toBe(
			'\\textbraceleft{} \\textbraceright{} \\textbackslash{} \\% \\& \\$ \\# \\_ \\textasciicircum{} \\textasciitilde{}',
		);
		expect(bibtexText('line\nbreak\u2028and\ttab\u0000')).toBe('line break and tab');
	});

	it('percent-encodes what could end a verbatim field, and keeps valid escapes', () => {
		expect(bibtexVerbatim('https://x.org/a b/{c}\\d%20e%zz_f#g')).toBe(
			'https://x.org/a%20b/%7Bc%7D%5Cd%20e%25zz_f#g',
		);
		const entry = parseOne(bibtexEntry(paper(), { url: '/a}, evil = {b/' }));
		expect(entry.fields['url']).toBe('/a%7D,%20evil%20=%20%7Bb/');
	});

	it('survives random text made of TeX, BibTeX and markup characters (property-based)', () => {
		fc.assert(
			fc.property(
				dangerousText,
				dangerousText,
				fc.array(dangerousText, { maxLength: 3 }),
				(title, abstract, authors) => {
					const bibtex = bibtexEntry(
						paper({ title, titleSource: 'derived', paragraphs: [abstract], authors }),
						{ url: '/x/' },
					);
					const names = authors.filter((a) => fold(a) !== '');
					const expectedFields = [
						'title',
						...(names.length ? ['author'] : []),
						'howpublished',
						'url',
						'note',
						...(fold(abstract) ? ['abstract'] : []),
					];
					// BibTeX's own brace counting finds exactly these fields and the entry's end.
					const counted = bibtexFieldsByBraceCount(bibtex);
					expect(counted.key).toBe('atlas:0123abcd4567');
					expect(counted.fields.map(([name]) => name)).toEqual(expectedFields);
					expect(counted.rest).toBe('\n}\n');
					// So does the parser, raw (structure) and read as LaTeX (values).
					const raw = parseOne(bibtex, true);
					expect(Object.keys(raw.fields).sort()).toEqual([...expectedFields].sort());
					// (The parser tidies spaces inside math, so compare without them.)
					const noSpace = (text: string | undefined) => text?.replace(/\s+/gu, '');
					expect(noSpace(raw.fields['abstract'])).toBe(
						fold(abstract) ? noSpace(bibtexAbstract([abstract])) : undefined,
					);
					expect(Object.fromEntries(counted.fields)['abstract']).toBe(
						fold(abstract) ? bibtexAbstract([abstract]) : undefined,
					);
					const entry = parseOne(
						bibtexEntry(paper({ title, titleSource: 'derived', authors }), { url: '/x/' }),
					);
					expect(entry.key).toBe('atlas:0123abcd4567');
					expect(entry.fields.title).toBe(texLigatures(`[${fold(title)}]`));
					expect(entry.fields['note']).toBe(DERIVED_TITLE_NOTE);
					expect(entry.fields.author?.length ?? 0).toBeLessThanOrEqual(names.length);
				},
			),
			{ seed: PROPERTY_SEED, numRuns: 500 },
		);
		// 500 runs through two BibTeX parsers take about 5 s alone and three times that while
		// builds share the machine's two CPUs: the default 5 s made the full run fail at random.
	}, 30_000);
});

describe('collectionBibtex', () => {
	it('holds every entry once, in title order, each with its own URL', () => {
		const papers = [
			paper({ id: 'bbbbbbbbbbbb', title: 'Zebra' }),
			paper({ id: 'aaaaaaaaaaaa', title: 'apple' }),
			paper({ id: 'cccccccccccc', title: 'Mango' }),
		];
		const text = collectionBibtex(papers, (p) => `/papers/${p.id}/`);
		const library = parse(text, { sentenceCase: false });
		expect(library.errors).toEqual([]);
		expect(library.entries.map((e) => e.key)).toEqual([
			'atlas:aaaaaaaaaaaa',
			'atlas:cccccccccccc',
			'atlas:bbbbbbbbbbbb',
		]);
		expect(library.entries.map((e) => e.fields['url'])).toEqual([
			'/papers/aaaaaaaaaaaa/',
			'/papers/cccccccccccc/',
			'/papers/bbbbbbbbbbbb/',
		]);
		expect(text).toBe(
			['apple', 'Mango', 'Zebra']
				.map((t) =>
					bibtexEntry(
						papers.find((p) => p.title === t)!,
						{ url: `/papers/${papers.find((p) => p.title === t)!.id}/` },
					),
				)
				.join('\n'),
		);
	});

	it('is served as BibTeX in UTF-8', async () => {
		const response = bibtexResponse('@misc{x,}\n');
		expect(response.headers.get('Content-Type')).toBe(BIBTEX_CONTENT_TYPE);
		expect(BIBTEX_CONTENT_TYPE).toBe('application/x-bibtex; charset=utf-8');
		await expect(response.text()).resolves.toBe('@misc{x,}\n');
	});
});

describe('bibtexAbstract and environments', () => {
	it.each([
		'\\begin{input}{/etc/passwd}',
		'\\newenvironment{x}{\\input{/etc/passwd}}{}',
		'\\scantokens{\\input x}',
	])('writes %s as text, so that no LaTeX run reads a file or redefines TeX', (tex) => {
		const written = bibtexAbstract([`Before ${tex} after.`]);
		expect(written).not.toMatch(/(?<!\\textbackslash\{\})\\(?:begin|newenvironment|scantokens)\b/u);
		expect(written).toContain('\\textbackslash{}');
	});
});

describe('collectionBibtexParts', () => {
	const papers = ['C', 'A', 'B', 'E', 'D'].map((title) => makePaper({ title }));
	const url = (paper: { slug: string }) => `/papers/${paper.slug}/`;

	it('is one papers.bib, exactly the collection, up to the part size', () => {
		expect(collectionBibtexParts(papers, url, 5)).toEqual([
			{ name: 'papers', text: collectionBibtex(papers, url) },
		]);
		expect(collectionBibtexParts([], url, 5)).toEqual([{ name: 'papers', text: '' }]);
	});

	it('splits in title order past the part size, and papers.bib names the other parts', () => {
		const parts = collectionBibtexParts(papers, url, 2);
		expect(parts.map((p) => p.name)).toEqual(['papers', 'papers-2', 'papers-3']);
		expect(
			parts[0]!.text.startsWith(
				"@comment{Part 1 of 3 of this collection's entries, in title order; the others are papers-2.bib, papers-3.bib.}\n\n",
			),
		).toBe(true);
		const titles = parts.map((p) =>
			[...p.text.matchAll(/title = \{\[(\w)\]\}/gu)].map((m) => m[1]).join(''),
		);
		expect(titles).toEqual(['AB', 'CD', 'E']);
	});
});
