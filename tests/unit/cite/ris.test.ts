/**
 * RIS records as EndNote and Zotero read them: `TG  - value` lines ending CR LF, one
 * record from `TY  - ` to `ER  - `. Hostile text must stay on its own line's value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DERIVED_TITLE_NOTE } from '../../../src/lib/cite/citation-fields.ts';
import { RIS_EOL, risRecord } from '../../../src/lib/cite/ris.ts';
import { makeCitablePaper as paper } from '../../helpers/collections.ts';
import { dangerousText, PROPERTY_SEED } from '../../helpers/dangerous-text.ts';

const URL_OF = 'https://atlas.example.org/papers/foonet-0123abcd/';
const RIS_LINE = /^([A-Z][A-Z0-9])  - (.*)$/u;

/** Tags and values in order; fails on any line that is not a RIS line, or a record that is not one record. */
function readRis(text: string): [string, string][] {
	expect(text.endsWith(RIS_EOL)).toBe(true);
	const lines = text.slice(0, -RIS_EOL.length).split(RIS_EOL);
	const tags = lines.map((line): [string, string] => {
		const match = RIS_LINE.exec(line);
		if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
		return [match[1]!, match[2]!];
	});
	expect(text.replace(/\r\n/gu, '')).not.toMatch(/[\r\n\u2028\u2029\u0085]/u);
	expect(tags[0]).toEqual(['TY', 'GEN']);
	expect(tags.at(-1)).toEqual(['ER', '']);
	expect(tags.filter(([tag]) => tag === 'TY' || tag === 'ER')).toHaveLength(2);
	return tags;
}

const values = (tags: [string, string][], tag: string) =>
	tags.filter(([t]) => t === tag).map(([, v]) => v);

describe('risRecord', () => {
	it('writes one GEN record with the key, title, authors, abstract, keywords and URL', () => {
		const text = risRecord(
			paper({
				title: 'A Geometric Perspective on Diffusion Models',
				authors: ['Mei, Jian-Ping', 'Doe, Jane'],
				topics: [
					{ slug: 'diffusion-model', name: 'Diffusion Models' },
					{ slug: 'data-distribution', name: 'data distribution' },
				],
				paragraphs: ['We study $\\alpha$-\\textbf{diffusion}.', 'A second paragraph.'],
			}),
			{ url: URL_OF },
		);
		expect(text).toBe(
			[
				'TY  - GEN',
				'ID  - atlas:0123abcd4567',
				'T1  - A Geometric Perspective on Diffusion Models',
				'AU  - Mei, Jian-Ping',
				'AU  - Doe, Jane',
				'AB  - We study α-diffusion. A second paragraph.',
				'KW  - Diffusion Models',
				'KW  - data distribution',
				`UR  - ${URL_OF}`,
				'DB  - Abstract Atlas',
				'ER  - ',
				'',
			].join('\r\n'),
		);
		readRis(text);
	});

	it('keys records by the permanent id, whatever the title', () => {
		for (const title of ['One title', 'A later, better title']) {
			expect(values(readRis(risRecord(paper({ title }), { url: '/x/' })), 'ID')).toEqual([
				'atlas:0123abcd4567',
			]);
		}
	});

	it('brackets a derived title in T1 and adds a note saying it is not the paper’s own', () => {
		const derived = readRis(
			risRecord(paper({ title: 'FooNet: A lightweight network', titleSource: 'derived' }), {
				url: '/x/',
			}),
		);
		expect(values(derived, 'T1')).toEqual(['[FooNet: A lightweight network]']);
		expect(values(derived, 'N1')).toEqual([DERIVED_TITLE_NOTE]);
		const source = readRis(
			risRecord(paper({ title: 'FooNet: A lightweight network' }), { url: '/x/' }),
		);
		expect(values(source, 'T1')).toEqual(['FooNet: A lightweight network']);
		expect(values(source, 'N1')).toEqual([]);
	});

	it('uses year, venue, DOI, PDF and arXiv id when present, and leaves them out otherwise', () => {
		const full = readRis(
			risRecord(
				paper({
					year: 2023,
					venue: 'NeurIPS',
					doi: 'doi:10.1000/x_y',
					pdf: 'https://arxiv.org/pdf/2301.00001',
					arxiv: 'https://arxiv.org/abs/2301.00001',
				}),
				{
					url: URL_OF,
				},
			),
		);
		expect(values(full, 'PY')).toEqual(['2023']);
		expect(values(full, 'T2')).toEqual(['NeurIPS']);
		expect(values(full, 'DO')).toEqual(['10.1000/x_y']);
		expect(values(full, 'L1')).toEqual(['https://arxiv.org/pdf/2301.00001']);
		expect(values(full, 'N1')).toEqual(['arXiv:2301.00001']);
		const bare = readRis(
			risRecord(paper({ year: undefined, venue: ' ' }), { url: '/atlas/papers/x/' }),
		);
		expect(bare.map(([tag]) => tag)).toEqual(['TY', 'ID', 'T1', 'AB', 'UR', 'DB', 'ER']);
		expect(values(bare, 'UR')).toEqual(['/atlas/papers/x/']);
	});

	it.each([
		'Title\r\nER  - \r\nTY  - JOUR\r\nT1  - injected',
		'line\nbreak and\u2028separators\u2029and\u0085NEL\tand\u000bVT',
		'} , evil = {',
		'\u0000control\u0007characters',
	])('keeps hostile text %j on its own line', (text) => {
		const tags = readRis(
			risRecord(
				paper({
					title: text,
					authors: [text],
					paragraphs: [text, text],
					topics: [{ slug: 't', name: text }],
				}),
				{ url: '/x/' },
			),
		);
		expect(tags.map(([tag]) => tag)).toEqual([
			'TY',
			'ID',
			'T1',
			'AU',
			'AB',
			'KW',
			'UR',
			'DB',
			'ER',
		]);
		const folded = text
			.replace(/[\s\u0085\u2028\u2029]+/gu, ' ')
			.replace(/[\u0000-\u001f]/gu, '')
			.trim();
		expect(values(tags, 'T1')).toEqual([folded]);
		expect(values(tags, 'AU')).toEqual([folded]);
	});

	it('survives random text (property-based)', () => {
		fc.assert(
			fc.property(
				dangerousText,
				dangerousText,
				fc.array(dangerousText, { maxLength: 3 }),
				(title, abstract, authors) => {
					const tags = readRis(
						risRecord(paper({ title, titleSource: 'derived', paragraphs: [abstract], authors }), {
							url: '/x/',
						}),
					);
					expect(values(tags, 'ID')).toEqual(['atlas:0123abcd4567']);
					expect(values(tags, 'T1')).toEqual([`[${title.replace(/\s+/gu, ' ').trim()}]`]);
					expect(values(tags, 'AU')).toHaveLength(authors.filter((a) => a.trim() !== '').length);
				},
			),
			{ seed: PROPERTY_SEED, numRuns: 300 },
		);
	});
});
