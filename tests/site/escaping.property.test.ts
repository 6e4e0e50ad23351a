import type * as cheerio from 'cheerio';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { paperId } from '../../src/lib/papers/paper-id.ts';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import {
	dangerousText,
	latexFreeText,
	latexText,
	PROPERTY_SEED,
} from '../helpers/dangerous-text.ts';
import { fold, foreignScripts, loadHtml, unexpectedInAbstract } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { writeSeedsFolder } from '../helpers/seeds-folder.ts';

describe('seed text is data, never code or markup (property-based)', () => {
	describe('through a real build', () => {
		/** Text without LaTeX markup must reach the page exactly as written. */
		const plain = fc
			.sample(latexFreeText, { seed: PROPERTY_SEED, numRuns: 80 })
			.map((sample, i) => `Sample${String(i).padStart(3, '0')} ${sample}`);
		/** Any text, LaTeX or not, valid or hostile: the page may typeset it, but adds only safe markup. */
		const latex = [
			...fc.sample(dangerousText, { seed: PROPERTY_SEED + 1, numRuns: 40 }),
			...fc.sample(latexText, { seed: PROPERTY_SEED, numRuns: 80 }),
		].map((sample, i) => `Latex${String(i).padStart(3, '0')} ${sample}`);
		let site: BuiltSite;
		let rows: Map<string, PaperRow>;

		beforeAll(async () => {
			// Each sample starts with a unique marker so it is its own abstract.
			const seed = [...plain, ...latex].map((text) => `Abstract:${text}`).join('\n');
			site = await buildSiteOk({
				seeds: await writeSeedsFolder('property', { 'dangerous.txt': seed }),
				name: 'property',
			});
			rows = new Map(readPapersJson(site).map((row) => [row.id, row]));
		});

		/** The built page of a sample. */
		function page(text: string): cheerio.CheerioAPI {
			const row = rows.get(paperId(text));
			expect(row, text).toBeDefined();
			const $ = loadHtml(site.read(pageFile(site, row!)));
			expect($('h1').text()).toBe(row!.title);
			return $;
		}

		test('every random abstract without LaTeX appears on its page exactly as written, and adds no element', () => {
			expect(rows.size).toBe(plain.length + latex.length);
			for (const text of plain) {
				const $ = page(text);
				const paragraphs = $('.abstract p')
					.map((_, p) => $(p).text())
					.get();
				expect(fold(paragraphs.join(' ')), JSON.stringify(text)).toBe(fold(text));
				expect($('.abstract').find('*').length).toBe(paragraphs.length);
				expect($('.abstract p[class], .abstract p[style], .abstract p[id]').length).toBe(0);
				expect(foreignScripts($)).toEqual([]);
			}
		});

		test('any random abstract, LaTeX included, adds only p, em, strong, http(s) links and typeset math', () => {
			const seen = { typeset: 0, errors: 0, emphasis: 0, links: 0 };
			for (const text of latex) {
				const $ = page(text);
				const problems = $('.abstract *')
					.toArray()
					.map((el) =>
						unexpectedInAbstract({
							tag: el.tagName.toLowerCase(),
							attributes: el.attribs,
							insideMath: $(el).parents('span.math').length > 0,
							empty: $(el).children().length === 0,
						}),
					)
					.filter((problem) => problem !== '');
				expect(problems, JSON.stringify(text)).toEqual([]);
				expect(foreignScripts($)).toEqual([]);
				seen.typeset += $('.abstract .math').length;
				seen.errors += $('.abstract .math-error').length;
				seen.emphasis += $('.abstract em, .abstract strong').length;
				seen.links += $('.abstract a').length;
			}
			// The samples did exercise the typesetter, its errors, the commands and \url, not only the text path.
			for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
		});
	});
});
