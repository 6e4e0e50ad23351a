import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { fold, loadHtml, visibleText } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { SITE_SEEDS } from '../helpers/paths.ts';
import { SHARED_BUILDS, sharedSite, sharedSiteOk } from '../helpers/shared-sites.ts';

describe('a small fixture seeds folder', () => {
	let site: BuiltSite;
	let rows: PaperRow[];
	beforeAll(async () => {
		site = sharedSiteOk('fixture');
		rows = readPapersJson(site);
	});

	test('papers.json lists every paper once, in title order, with the contract fields', () => {
		expect(rows.map((r) => r.title)).toEqual([
			'A Study of Careful Parsing',
			'Café au lait is written with composed and decomposed accents',
			'Duplicated Across Files',
			'HostileNet: A probe',
			"import fs from 'node:fs'",
		]);
		for (const row of rows) {
			expect(Object.keys(row).slice(0, 6)).toEqual([
				'id',
				'title',
				'titleSource',
				'url',
				'sources',
				'topics',
			]);
			expect(row.id).toMatch(/^[0-9a-f]{12}$/);
			expect(row.url).toMatch(new RegExp(`^/papers/[a-z0-9-]+-${row.id.slice(0, 8)}/$`));
			expect(site.exists(pageFile(site, row))).toBe(true);
		}
		expect(rows.find((r) => r.title === 'A Study of Careful Parsing')).toMatchObject({
			titleSource: 'source',
			sources: [{ file: 'author-page.txt', line: 12 }],
			authors: ['doe-jane'],
			categories: ['machine-learning'],
		});
		const topics = new Set(
			(JSON.parse(site.read('topics.json')) as { slug: string }[]).map((t) => t.slug),
		);
		for (const row of rows) for (const slug of row.topics) expect(topics).toContain(slug);
		expect(rows.find((r) => r.title === 'HostileNet: A probe')?.titleSource).toBe('derived');
	});

	test('a duplicate across files is one page that lists both sources', () => {
		const row = rows.find((r) => r.title === 'Duplicated Across Files')!;
		expect(row.sources).toEqual([
			{ file: 'author-page.txt', line: 21 },
			{ file: 'duplicates-and-empty.txt', line: 1 },
		]);
		const text = visibleText(site.read(pageFile(site, row)), '.provenance');
		expect(text).toContain('author-page.txt, line 21');
		expect(text).toContain('duplicates-and-empty.txt, line 1');
		expect(text).toContain('Doe, Jane');
		expect(text).toContain('Artificial Intelligence');
	});

	test('a scraped abstract keeps its paragraphs', () => {
		const row = rows.find((r) => r.title === 'A Study of Careful Parsing')!;
		const $ = loadHtml(site.read(pageFile(site, row)));
		expect($('h1').text()).toBe('A Study of Careful Parsing');
		expect($('.abstract p').length).toBe(2);
		expect(fold($('.abstract p').last().text())).toBe(
			'A second paragraph of the same abstract keeps its own paragraph.',
		);
	});

	test('the home page lists every paper with title, excerpt and link, in title order', () => {
		const $ = loadHtml(site.read('index.html'));
		const cards = $('.paper-card')
			.map((_, li) => ({
				title: $(li).find('h2 a').text(),
				href: $(li).find('h2 a').attr('href'),
				excerpt: $(li).find('.excerpt').text(),
			}))
			.get();
		expect(cards.map((c) => c.title)).toEqual(rows.map((r) => r.title));
		expect(cards.map((c) => c.href)).toEqual(rows.map((r) => r.url));
		for (const card of cards) expect(card.excerpt.length).toBeGreaterThan(20);
	});

	test('a bad seed line is named in a warning and the summary counts everything', () => {
		expect(site.log).toMatch(
			/duplicates-and-empty\.txt:3: this "Abstract:" line has no text.* \[EmptyAbstract\]$/mu,
		);
		expect(site.log).toMatch(
			/Abstract Atlas: 5 papers built, 3 files read, 1 duplicate merged, 1 warning; no site URL \(set ATLAS_SITE\)/u,
		);
		expect(site.log.match(/no site URL/gu)).toHaveLength(1);
		expect(site.log).not.toContain('MODULE_LEVEL_DIRECTIVE');
	});

	test('only paper pages are indexed for search, and the search bundle ships with the site', async () => {
		const pages = (await readdir(site.outDir, { recursive: true })).filter((f) =>
			f.endsWith('.html'),
		);
		expect(pages.length).toBeGreaterThan(rows.length);
		for (const page of pages) {
			const indexed = loadHtml(site.read(page))('[data-pagefind-body]').length === 1;
			expect(indexed, page).toBe(/^papers\/[^/]+\/index\.html$/u.test(page));
		}
		for (const file of [
			'pagefind/pagefind.js',
			'pagefind/pagefind-component-ui.js',
			'pagefind/pagefind-component-ui.css',
			'pagefind/pagefind-highlight.js',
		]) {
			expect(site.exists(file), file).toBe(true);
		}
	});

	test('no seed text is written into MDX source: every paper module is the same fixed file', async () => {
		const dir = join(site.generatedDir, 'papers');
		const files = (await readdir(dir)).filter((f) => f.endsWith('.mdx'));
		expect(files.sort()).toEqual(rows.map((r) => `${r.id}.mdx`).sort());
		for (const file of files) {
			expect(await readFile(join(dir, file), 'utf8'), file).toBe(
				'import AbstractBody from "../../src/components/AbstractBody.astro";\n\n<AbstractBody paragraphs={props.paragraphs} />\n',
			);
		}
	});
});

describe('strict mode', () => {
	test('ATLAS_STRICT=1 fails a build whose seeds warn, after naming the file and line', async () => {
		const site = await buildSite({ seeds: SITE_SEEDS, name: 'fixture-strict', strict: true });
		expect(site.code).not.toBe(0);
		expect(site.log).toContain('duplicates-and-empty.txt:3');
		expect(site.log).toContain(
			'[StrictWarnings] ATLAS_STRICT is set and the seeds gave 1 warning(s)',
		);
	});

	test('the bundled seeds build with zero warnings, even under ATLAS_STRICT=1', async () => {
		expect(SHARED_BUILDS.bundled.strict).toBe(true);
		const site = sharedSite('bundled');
		expect(site.code, site.log).toBe(0);
		expect(site.log).toContain(
			'Abstract Atlas: 39 papers built, 5 files read, 0 duplicates merged, 0 warnings',
		);
		expect(site.log).not.toMatch(/\[WARN\]/u);
	});
});

describe('under a base path with a site URL', () => {
	let site: BuiltSite;
	beforeAll(async () => {
		site = await buildSiteOk({
			seeds: SITE_SEEDS,
			name: 'fixture-atlas',
			base: 'atlas',
			site: 'https://atlas.example.org',
		});
	});

	test('papers.json URLs include the normalised base', () => {
		for (const row of readPapersJson(site))
			expect(row.url).toMatch(/^\/atlas\/papers\/[a-z0-9-]+\/$/u);
	});

	test('every link and asset on every page stays under the base', async () => {
		const pages = ['index.html', ...readPapersJson(site).map((row) => pageFile(site, row))];
		for (const page of pages) {
			const $ = loadHtml(site.read(page));
			const urls = $('[href], [src]')
				.map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
				.get();
			expect(urls.length).toBeGreaterThan(2);
			for (const url of urls) {
				if (url.startsWith('https://atlas.example.org/'))
					expect(url).toMatch(/^https:\/\/atlas\.example\.org\/atlas\//u);
				else if (!url.startsWith('#')) expect(url, `${page}: ${url}`).toMatch(/^\/atlas\//u);
			}
		}
	});

	test('pages carry a canonical URL from the site and base, and the summary does not complain', () => {
		const row = readPapersJson(site)[0]!;
		const $ = loadHtml(site.read(pageFile(site, row)));
		expect($('link[rel=canonical]').attr('href')).toBe(`https://atlas.example.org${row.url}`);
		expect(site.log).not.toContain('no site URL');
	});
});
