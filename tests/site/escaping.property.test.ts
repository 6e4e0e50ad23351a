import fc from 'fast-check';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { paperId } from '../../src/lib/normalize-text.ts';
import { generatedMdx } from '../../src/lib/generated-mdx.ts';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { dangerousText, PROPERTY_SEED } from '../helpers/dangerous-text.ts';
import { fold, foreignScripts, loadHtml } from '../helpers/html.ts';
import { pageFile, readPapersJson } from '../helpers/papers-json.ts';
import { writeSeedsFolder } from '../helpers/seeds-folder.ts';

describe('seed text is data, never code or markup (property-based)', () => {
	test('any text survives the trip through generated MDX frontmatter unchanged', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(dangerousText, fc.string({ unit: 'binary' })), { minLength: 1, maxLength: 4 }), (paragraphs) => {
				const source = generatedMdx(paragraphs, '../../src/components/AbstractBody.astro');
				const [, frontmatter, body] = source.split(/^---$/mu);
				expect((yaml.load(frontmatter!) as { paragraphs: string[] }).paragraphs).toEqual(paragraphs);
				expect(body).not.toContain(paragraphs[0]!.length > 8 ? paragraphs[0] : '\u0000never');
			}),
			{ seed: PROPERTY_SEED, numRuns: 500 },
		);
	});

	describe('through a real build', () => {
		const samples = fc.sample(dangerousText, { seed: PROPERTY_SEED, numRuns: 80 });
		/** Each sample gets a unique marker so it is its own abstract. */
		const texts = samples.map((sample, i) => `Sample${String(i).padStart(3, '0')} ${sample}`);
		let site: BuiltSite;

		beforeAll(async () => {
			const seed = texts.map((text) => `Abstract:${text}`).join('\n');
			site = await buildSiteOk({ seeds: await writeSeedsFolder('property', { 'dangerous.txt': seed }), name: 'property' });
		});

		test('every random abstract appears on its page exactly as written, and adds no element', () => {
			const rows = new Map(readPapersJson(site).map((row) => [row.id, row]));
			expect(rows.size).toBe(texts.length);
			for (const text of texts) {
				const row = rows.get(paperId(text));
				expect(row, text).toBeDefined();
				const $ = loadHtml(site.read(pageFile(site, row!)));
				const paragraphs = $('.abstract p').map((_, p) => $(p).text()).get();
				expect(fold(paragraphs.join(' ')), JSON.stringify(text)).toBe(fold(text));
				expect($('.abstract').find('*').length).toBe(paragraphs.length);
				expect($('.abstract p[class], .abstract p[style], .abstract p[id]').length).toBe(0);
				expect($('h1').text()).toBe(row!.title);
				expect(foreignScripts($)).toEqual([]);
			}
		});
	});
});
