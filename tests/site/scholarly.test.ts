import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';
import { loadHtml } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { readSeedsFolder, writeSeedsFolder } from '../helpers/seeds-folder.ts';

const GOLDEN: Record<string, string> = JSON.parse(
	readFileSync(new URL('../golden/bundled-urls.json', import.meta.url), 'utf8'),
);
const SITE = 'https://atlas.example.org';
/** A scraped paper (real title and author), and an `Abstract:` paper (derived title). */
const GEOMETRIC = '7b714072dfb1';
const BEAUTIFUL_PROMPT = 'ee7bc3f4';

const metaOf = ($: ReturnType<typeof loadHtml>, name: string) =>
	$(`meta[name="${name}"]`)
		.map((_, m) => $(m).attr('content'))
		.get();
const jsonLd = ($: ReturnType<typeof loadHtml>) =>
	JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;

describe('citation metadata, short links, sitemap and feed', () => {
	let site: BuiltSite;
	let rows: PaperRow[];
	let promptId: string;

	beforeAll(async () => {
		const seeds = await readSeedsFolder(BUNDLED_SEEDS);
		promptId = Object.keys(GOLDEN).find((id) => id.startsWith(BEAUTIFUL_PROMPT))!;
		const papersYaml = [
			`${GEOMETRIC}:`,
			'  year: 2023',
			'  venue: arXiv',
			'  arxiv: "2305.19947"',
			`${promptId}:`,
			'  title: "BeautifulPrompt: Towards Automatic Prompt Engineering for Text-to-Image Synthesis"',
			'  authors: [Tingfeng Cao, Chengyu Wang]',
			'  year: 2023',
			'  doi: 10.18653/v1/2023.emnlp-industry.1',
		].join('\n');
		site = await buildSiteOk({
			seeds: await writeSeedsFolder('scholarly', { ...seeds, 'papers.yaml': papersYaml }),
			name: 'scholarly',
			site: SITE,
		});
		rows = readPapersJson(site);
	});

	test('supplied metadata sets the title and flows into papers.json, but never moves a URL', () => {
		const prompt = rows.find((r) => r.id === promptId)!;
		expect(prompt).toMatchObject({
			title: 'BeautifulPrompt: Towards Automatic Prompt Engineering for Text-to-Image Synthesis',
			titleSource: 'metadata',
			authors: ['tingfeng-cao', 'chengyu-wang'],
			year: 2023,
			doi: '10.18653/v1/2023.emnlp-industry.1',
		});
		for (const row of rows) expect(row.url).toBe(GOLDEN[row.id]);
	});

	test('citation_* tags appear only where title, author and year are real', () => {
		const withTags = new Map<string, string[]>();
		for (const row of rows) {
			const $ = loadHtml(site.read(pageFile(site, row)));
			if (metaOf($, 'citation_title').length) withTags.set(row.id, metaOf($, 'citation_author'));
		}
		expect([...withTags.keys()].sort()).toEqual([GEOMETRIC, promptId].sort());
		expect(withTags.get(promptId)).toEqual(['Tingfeng Cao', 'Chengyu Wang']);
		const $ = loadHtml(
			site.read(
				pageFile(
					site,
					rows.find((r) => r.id === GEOMETRIC)!,
				),
			),
		);
		expect(metaOf($, 'citation_title')).toEqual(['A Geometric Perspective on Diffusion Models']);
		expect(metaOf($, 'citation_publication_date')).toEqual(['2023']);
		expect(metaOf($, 'citation_abstract_html_url')).toEqual([`${SITE}${GOLDEN[GEOMETRIC]}`]);
		expect(metaOf($, 'citation_arxiv_id')).toEqual(['2305.19947']);
	});

	test('every paper page has OpenGraph, a canonical URL and JSON-LD ScholarlyArticle that parses', () => {
		const topicNames = new Map(
			(JSON.parse(site.read('topics.json')) as { slug: string; name: string }[]).map((t) => [
				t.slug,
				t.name,
			]),
		);
		for (const row of rows) {
			const $ = loadHtml(site.read(pageFile(site, row)));
			expect($('link[rel=canonical]').attr('href')).toBe(`${SITE}${row.url}`);
			expect($('meta[property="og:title"]').attr('content')).toBe(row.title);
			expect($('meta[property="og:url"]').attr('content')).toBe(`${SITE}${row.url}`);
			const ld = jsonLd($);
			expect(ld).toMatchObject({
				'@context': 'https://schema.org',
				'@type': 'ScholarlyArticle',
				headline: row.title,
				url: `${SITE}${row.url}`,
			});
			expect(String(ld['abstract']).length).toBeGreaterThan(100);
			expect(ld['identifier']).toContainEqual({
				'@type': 'PropertyValue',
				propertyID: 'abstract-atlas-id',
				value: row.id,
			});
			expect(ld['keywords']).toEqual(row.topics.map((slug) => topicNames.get(slug)));
			if (row.titleSource === 'derived') expect(ld['alternativeHeadline']).toMatch(/derived/u);
			if (row.authors.length) expect(ld['author']).toBeDefined();
			else expect(ld['author']).toBeUndefined();
		}
	});

	test('/p/<id>/ is a static redirect to the paper, with a canonical link and a visible link', () => {
		for (const row of rows) {
			const $ = loadHtml(site.read(`p/${row.id}/index.html`));
			expect($('meta[http-equiv=refresh]').attr('content')).toBe(`0; url=${row.url}`);
			expect($('link[rel=canonical]').attr('href')).toBe(`${SITE}${row.url}`);
			expect($('body a').attr('href')).toBe(row.url);
		}
	});

	test('the sitemap and the RSS feed are well-formed XML listing every paper; robots.txt points at the sitemap', () => {
		const sitemap = site.read('sitemap-0.xml');
		expect(XMLValidator.validate(sitemap)).toBe(true);
		expect(XMLValidator.validate(site.read('sitemap-index.xml'))).toBe(true);
		for (const row of rows) expect(sitemap).toContain(`<loc>${SITE}${row.url}</loc>`);
		expect(sitemap).not.toContain('/p/');
		const feed = site.read('rss.xml');
		expect(XMLValidator.validate(feed)).toBe(true);
		expect(feed.match(/<item>/gu)).toHaveLength(rows.length);
		expect(feed).not.toMatch(/<pubDate>|<lastBuildDate>/u);
		expect(site.read('robots.txt')).toBe(
			`User-agent: *\nAllow: /\nSitemap: ${SITE}/sitemap-index.xml\n`,
		);
	});
});

describe('without a site URL', () => {
	test('no sitemap, no feed, no absolute URLs; robots.txt allows everything', async () => {
		const site = sharedSiteOk('bundled');
		expect(site.exists('sitemap-index.xml')).toBe(false);
		expect(site.exists('rss.xml')).toBe(false);
		expect(site.read('robots.txt')).toBe('User-agent: *\nAllow: /\n');
		const row = readPapersJson(site)[0]!;
		const $ = loadHtml(site.read(pageFile(site, row)));
		expect($('link[rel=canonical]').length).toBe(0);
		expect(jsonLd($)['url']).toBe(row.url);
	});
});

describe('papers.yaml mistakes', () => {
	test.each([
		[
			'an unknown id',
			'abcdefabcdef:\n  year: 2020\n',
			/\[PapersYamlUnknownId\] papers\.yaml: "abcdefabcdef": no paper has this id\.\n\s+Hint:\n\s+Use the "id" of a paper in papers\.json/u,
		],
		[
			'a bad field',
			`${GEOMETRIC}:\n  year: soon\n`,
			new RegExp(
				`\\[ConfigYamlInvalid\\] papers\\.yaml: ${GEOMETRIC}\\.year: .*\\n\\s+Hint:\\n\\s+Allowed in papers\\.yaml: <paper id>: \\{ title, authors`,
				'u',
			),
		],
		[
			'an unknown field',
			`${GEOMETRIC}:\n  yaer: 2020\n`,
			new RegExp(
				`\\[ConfigYamlInvalid\\] papers\\.yaml: ${GEOMETRIC}: Unrecognized key: "yaer"`,
				'u',
			),
		],
	])('%s fails the build with the file, the key and the fix', async (_, yaml, message) => {
		const seeds = await readSeedsFolder(BUNDLED_SEEDS);
		const failed = await buildSite({
			seeds: await writeSeedsFolder('scholarly-bad', { ...seeds, 'papers.yaml': yaml }),
			name: 'scholarly-bad',
		});
		expect(failed.code).not.toBe(0);
		expect(failed.log).toMatch(message);
	});
});
