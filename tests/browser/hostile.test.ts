/**
 * The standing hostile-seed suite (issue 11): tests/fixtures/hostile/ plus a generated
 * 200 kB abstract and 2,000-character words, built once, served on 127.0.0.1 and read
 * in Debian's Chromium. Every attack is its own abstract with its own ASCII marker
 * (`HOSTILEMDX01`, …), so each is checked on its own page and through search. The
 * build must succeed and name every bad line; no seed code may run at build time or
 * in the browser; each marker must read as text on its page and be found by search;
 * and the Content-Security-Policy must report nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatedMdx } from '../../src/lib/site/generated-mdx.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import {
	browserSuite,
	leaks,
	NO_LEAKS,
	watchedPage,
	type WatchedPage,
} from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { readCollectionFolder } from '../helpers/collections.ts';
import { watchCsp } from '../helpers/csp.ts';
import { hasLatexMarkup } from '../helpers/dangerous-text.ts';
import {
	fold,
	foreignScripts,
	loadHtml,
	unexpectedInAbstract,
	type FoundElement,
} from '../helpers/html.ts';
import {
	BIG_ABSTRACT_CHARS,
	CANARY_DIR,
	LONG_WORD_CHARS,
	RAN_TOKEN,
	writeHostileSeeds,
} from '../helpers/hostile-seeds.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** A marker: plain ASCII, one word, unique to one abstract or title. */
const MARKER = /\bHOSTILE[A-Z]+\d\d\b/gu;

/** Attributes that hold a URL a browser would follow or load. */
const URL_ATTRIBUTES = [
	'href',
	'src',
	'srcset',
	'action',
	'formaction',
	'data',
	'poster',
	'xlink:href',
	'background',
	'ping',
	'cite',
];

/** Elements seed text could smuggle in that no page of the site has of its own. */
const NEVER_ON_A_PAGE =
	'iframe, frame, frameset, img, object, embed, applet, base, form, input, textarea, video, audio, details';

interface Hostile {
	paper: Paper;
	row: PaperRow;
	/** Markers its title and abstract carry. */
	markers: string[];
}

/** What one paper page showed and did in Chromium. */
interface PageReport {
	hostile: Hostile;
	ms: number;
	/** The page's meta description, which carries the abstract's start as text. */
	description: string;
	/** Tags of the elements inside `.abstract`. */
	abstractTags: string[];
	/** innerText of the heading and of each abstract paragraph. */
	heading: string;
	paragraphs: string[];
	/** Elements under `.abstract` and the heading, as unexpectedInAbstract reads them. */
	elements: FoundElement[];
	/** Tags of the elements inside the heading. */
	headingTags: string[];
	/** `window.HOSTILE_RAN`, set by any seed script that ran. */
	ran: unknown;
	/** Whether the page is wider than the window (a reader scrolls sideways). */
	overflow: { scrollWidth: number; innerWidth: number };
	/** URL attributes that would run script or leave the site. */
	badUrls: string[];
	cspViolations: string[];
}

let site: BuiltSite;
let server: StaticServer | undefined;
let seedsDir: string;
let hostile: Hostile[] = [];
const visits: WatchedPage[] = [];
/** Every console message of every page: seed code that ran would print RAN_TOKEN. */
const consoleLog: string[] = [];
const suiteStarted = performance.now();

const suite = browserSuite(async (onClose) => {
	await rm(join(PROJECT_ROOT, CANARY_DIR), { recursive: true, force: true });
	seedsDir = await writeHostileSeeds();
	site = await buildSite({ seeds: seedsDir, name: 'hostile' });
	if (site.code !== 0)
		throw new Error(`the hostile build failed (exit ${site.code}):\n${site.log}`);
	// Each abstract as the seeds hold it, with its row in papers.json: its page.
	const rows = new Map(readPapersJson(site).map((row) => [row.id, row]));
	hostile = (await readCollectionFolder(seedsDir)).collection.papers.map((paper) => {
		const row = rows.get(paper.id);
		if (!row) throw new Error(`papers.json has no paper ${paper.id} (${paper.title})`);
		return {
			paper,
			row,
			markers: unique(
				[paper.titleTex ?? paper.title, ...paper.paragraphs].join(' ').match(MARKER) ?? [],
			),
		};
	});
	const served = await serveStatic(site.outDir, site.base);
	onClose(() => served.close());
	server = served;
});

afterAll(() => {
	// The suite's own time, build included, for the README's figure.
	console.info(
		`hostile suite: build ${Math.round(site?.ms ?? 0)} ms, whole file ${Math.round(performance.now() - suiteStarted)} ms`,
	);
});

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

function byMarker(marker: string): Hostile {
	const found = hostile.filter((h) => h.markers.includes(marker));
	if (found.length !== 1) throw new Error(`${marker} is on ${found.length} papers`);
	return found[0]!;
}

/** A fresh watched page that also keeps its console and its CSP violations. */
async function visit(): Promise<{ watched: WatchedPage; page: Page; csp: () => string[] }> {
	const watched = await watchedPage(suite.browser());
	visits.push(watched);
	watched.page.on('console', (message) => consoleLog.push(message.text()));
	const csp = watchCsp(watched.page);
	await csp.ready;
	return { watched, page: watched.page, csp: () => csp.violations() };
}

/** Navigates, insists on a 200, and gives an `onerror` or a refresh a moment to fire. */
async function open(page: Page, path: string): Promise<number> {
	const started = performance.now();
	const response = await page.goto(server!.origin + path, { waitUntil: 'load' });
	const ms = performance.now() - started;
	expect(response?.status(), `status of ${path}`).toBe(200);
	await page.waitForTimeout(100);
	expect(new URL(page.url()).pathname, `${path} navigated away`).toBe(
		new URL(path, server!.origin).pathname,
	);
	return ms;
}

/** Every URL-bearing attribute whose value would run script or leave the origin. */
function badUrls(page: Page): Promise<string[]> {
	return page.evaluate((attributes) => {
		const bad: string[] = [];
		for (const el of document.querySelectorAll('*')) {
			for (const attr of el.attributes) {
				if (!attributes.includes(attr.name.toLowerCase())) continue;
				for (const value of attr.name === 'srcset'
					? attr.value.split(',').map((part) => part.trim().split(/\s+/u)[0] ?? '')
					: [attr.value]) {
					let url: URL;
					try {
						url = new URL(value, document.baseURI);
					} catch {
						bad.push(`${el.tagName} ${attr.name}=${value} (not a URL)`);
						continue;
					}
					if (/^\s*javascript:/iu.test(value) || url.protocol === 'javascript:')
						bad.push(`${el.tagName} ${attr.name}=${value}`);
					else if (/^https?:$/u.test(url.protocol) && url.origin !== location.origin)
						bad.push(`${el.tagName} ${attr.name}=${value}`);
				}
			}
		}
		return bad;
	}, URL_ATTRIBUTES);
}

describe('building the hostile seeds', () => {
	test('the build succeeds and its summary counts every paper, file, duplicate and warning', () => {
		expect(site.code).toBe(0);
		expect(hostile.length).toBe(49);
		expect(site.log).toContain(
			'Abstract Atlas: 49 papers built, 17 files read, 1 duplicate merged, 18 warnings, 9 math fragments shown as TeX source;',
		);
	});

	test('every bad line gives one warning naming its file and line, and nothing else warns', () => {
		const warnings = site.log.split('\n').filter((line) => line.includes('[WARN]'));
		const named = warnings.map((line) =>
			/\[WARN\] \[abstract-atlas-loader\] ([\w.-]+\.txt):(\d+): .* \[([A-Za-z0-9]+)\]$/u.exec(line),
		);
		expect(
			named.filter((match) => match === null),
			'warnings that name no file, line and code',
		).toEqual([]);
		const found = named.map((match) => `${match![1]}:${match![2]} ${match![3]}`).sort();
		expect(found).toEqual(
			[
				'big-abstract.txt:1 LongAbstract',
				'blank.txt:1 EmptySeed',
				'crlf-bom.txt:5 MathNotTypeset',
				'empty.txt:1 EmptySeed',
				'latex.txt:1 MathNotTypeset',
				'latex.txt:2 MathNotTypeset',
				'latex.txt:3 MathNotTypeset',
				'latex.txt:4 MathNotTypeset',
				'latex.txt:4 MathNotTypeset',
				'latex.txt:5 MathNotTypeset',
				'latex.txt:6 MathNotTypeset',
				'latex.txt:6 MathNotTypeset',
				'latin1.txt:2 InvalidUtf8',
				'lines.txt:10 EmptyAbstract',
				'lines.txt:3 TextOutsideAbstract',
				'lines.txt:4 EmptyAbstract',
				'lines.txt:5 EmptyAbstract',
				'scraped.txt:15 UnparseableBlock',
			].sort(),
		);
		// The untypesettable fragments are named, so the reader knows what to fix.
		for (const tex of [
			'$x^{2$',
			'$\\input{/etc/passwd}$',
			'$\\def\\loop{\\loop\\loop}\\loop$',
			'$\\href{javascript:alert(2)}{x}$',
			'$\\includegraphics{http://evil.example/x.png}$',
			'$\\frac{1}{$',
			'$\\htmlClass{x}{y}$',
		]) {
			expect(site.log, tex).toContain(`cannot typeset the math "${tex}"`);
		}
	});

	test('no seed code ran at build time: no canary file, nothing it would print, no generated code', () => {
		const seeds = readdirSync(seedsDir)
			.map((file) => readFileSync(join(seedsDir, file), 'latin1'))
			.join('\n');
		// The attacks are live: code that writes the canary and prints the token when evaluated…
		expect(seeds).toContain(
			"Abstract:import fs from 'node:fs'; fs.mkdirSync('tests/.output/hostile-canary'",
		);
		expect(seeds).toContain('Abstract:{process.exit(7)}');
		expect(seeds).toContain("console.log('SEED' + 'CODE' + 'RAN')");
		// …and only evaluation could join the token.
		expect(seeds).not.toContain(RAN_TOKEN);
		// The build runs in its project copy (site.root): seed code would write the canary there.
		for (const root of [site.root, PROJECT_ROOT])
			expect(
				existsSync(join(root, CANARY_DIR)),
				`${CANARY_DIR} exists in ${root}: seed code ran`,
			).toBe(false);
		expect(site.log).not.toContain(RAN_TOKEN);
		expect(site.log).not.toMatch(/\[ERROR\]|process\.exit|ReferenceError|SyntaxError/u);
		// Seed text only travels as the entries' data: every generated MDX file is the fixed one.
		const fixed = generatedMdx('../../src/components/AbstractBody.astro');
		const mdxDir = join(site.generatedDir, 'papers');
		const sources = readdirSync(mdxDir)
			.filter((file) => file.endsWith('.mdx'))
			.map((file) => readFileSync(join(mdxDir, file), 'utf8'));
		expect(sources).toHaveLength(hostile.length);
		for (const source of sources) expect(source).toBe(fixed);
	});

	test('control characters in seeds never reach the terminal', () => {
		expect(site.log).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u);
		expect(site.log).toContain('\\u001b[2J');
	});

	test('the same abstract in two files is one page listing both; two abstracts with one derived title are two pages', () => {
		const duplicate = byMarker('HOSTILEDUP01');
		expect(duplicate.row.sources).toEqual([
			{ file: 'duplicate-a.txt', line: 1 },
			{ file: 'duplicate-b.txt', line: 3 },
		]);
		const provenance = fold(
			loadHtml(site.read(pageFile(site, duplicate.row)))('.provenance').text(),
		);
		expect(provenance).toContain('duplicate-a.txt, line 1');
		expect(provenance).toContain('duplicate-b.txt, line 3');

		const twins = [byMarker('HOSTILETWIN01'), byMarker('HOSTILETWIN02')];
		// Whatever the title rule derives, both derive the same one ("HostileTwin: A lightweight network…").
		expect(twins[0]!.row.title).toMatch(/^HostileTwin\b/u);
		expect(twins[1]!.row.title).toBe(twins[0]!.row.title);
		expect(twins[0]!.row.url).not.toBe(twins[1]!.row.url);
		for (const twin of twins)
			expect(site.exists(pageFile(site, twin.row)), twin.row.url).toBe(true);
	});

	test('every marker in the seeds is on exactly one paper, and each paper page exists', () => {
		const inSeeds = unique(
			readdirSync(seedsDir).flatMap(
				(file) => readFileSync(join(seedsDir, file), 'latin1').match(MARKER) ?? [],
			),
		).sort();
		expect(inSeeds.length).toBeGreaterThanOrEqual(50);
		expect(hostile.flatMap((h) => h.markers).sort()).toEqual(inSeeds);
		for (const h of hostile) {
			expect(h.markers.length, h.row.title).toBeGreaterThan(0);
			expect(site.exists(pageFile(site, h.row)), h.row.url).toBe(true);
		}
	});

	test('no built page carries a script, a javascript: URL, a frame, an image or any element made from seed text', () => {
		const pages = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('.html'),
		);
		expect(pages.length).toBeGreaterThan(hostile.length * 2);
		const problems: string[] = [];
		for (const file of pages) {
			const $ = loadHtml(site.read(file));
			for (const script of foreignScripts($)) problems.push(`${file}: ${script.slice(0, 120)}`);
			// The site's own search form (the 404 page's, a GET to /search/) is the one form allowed,
			// and /search/'s folded filter pane the one <details>.
			$(NEVER_ON_A_PAGE)
				.not('form.not-found-search[action="/search/"], form.not-found-search input[name="q"]')
				.filter(
					(_, el) =>
						!(
							file === 'search/index.html' && $(el).is('details.search-filters[data-atlas-filters]')
						),
				)
				.each((_, el) => void problems.push(`${file}: <${el.tagName}>`));
			// Only the short-link pages redirect, and only to their paper: a seed's refresh never counts.
			$('meta[http-equiv="refresh" i]').each((_, el) => {
				const to = /^0; url=(\/papers\/[a-z0-9-]+\/)$/u.exec(el.attribs['content'] ?? '')?.[1];
				if (!/^p\/[0-9a-f]{12}\/index\.html$/u.test(file) || !hostile.some((h) => h.row.url === to))
					problems.push(`${file}: refresh ${el.attribs['content']}`);
			});
			for (const el of $('*').toArray()) {
				if (!('attribs' in el)) continue;
				for (const name of URL_ATTRIBUTES) {
					const value = el.attribs[name];
					if (value !== undefined && /^\s*javascript:/iu.test(value))
						problems.push(`${file}: ${el.tagName} ${name}=${value}`);
				}
			}
			$('.abstract *, article h1 *, .paper-card h2 *').each((_, el) => {
				const problem = unexpectedInAbstract({
					tag: el.tagName.toLowerCase(),
					attributes: el.attribs,
					insideMath: $(el).parents('span.math').length > 0,
					empty: $(el).children().length === 0,
				});
				if (problem !== '' && !$(el).is('.paper-card h2 > a')) problems.push(`${file}: ${problem}`);
			});
		}
		expect(problems).toEqual([]);
	});
});

describe('the hostile site in Chromium', () => {
	const reports: PageReport[] = [];

	beforeAll(async () => {
		// One tab for every paper, as a reader going from page to page; a phone's width.
		const { page, csp } = await visit();
		await page.setViewportSize({ width: 390, height: 844 });
		for (const h of hostile) {
			const seen = csp().length;
			const ms = await open(page, h.row.url);
			const shown = await page.evaluate(() => {
				const found = [...document.querySelectorAll('.abstract *, article h1 *')].map((el) => ({
					tag: el.tagName.toLowerCase(),
					attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
					insideMath: el.parentElement?.closest('span.math') != null,
					empty: el.children.length === 0,
				}));
				return {
					abstractTags: [...document.querySelectorAll('.abstract *')].map((el) =>
						el.tagName.toLowerCase(),
					),
					heading: (document.querySelector('article h1') as HTMLElement | null)?.innerText ?? '',
					paragraphs: [...document.querySelectorAll<HTMLElement>('.abstract p')].map(
						(p) => p.innerText,
					),
					elements: found,
					headingTags: [...document.querySelectorAll('article h1 *')].map((el) =>
						el.tagName.toLowerCase(),
					),
					ran: (window as unknown as { HOSTILE_RAN?: unknown }).HOSTILE_RAN,
					overflow: {
						scrollWidth: document.documentElement.scrollWidth,
						innerWidth: window.innerWidth,
					},
				};
			});
			const description = await page.locator('meta[name="description"]').getAttribute('content');
			reports.push({
				hostile: h,
				ms,
				...shown,
				description: description ?? '',
				badUrls: await badUrls(page),
				cspViolations: csp().slice(seen),
			});
		}
		await page.context().close();
	});

	test('each marker is visible as text on its own page', () => {
		const missing = reports.flatMap((r) =>
			r.hostile.markers
				.filter((m) => !`${r.heading}\n${r.paragraphs.join('\n')}`.includes(m))
				.map((m) => `${m} on ${r.hostile.row.url}`),
		);
		expect(missing).toEqual([]);
		// The attacks show as what they are, e.g. a script element as its source text.
		expect(
			reports.find((r) => r.hostile.markers.includes('HOSTILEHTML01'))!.paragraphs.join(' '),
		).toContain("<script>window.HOSTILE_RAN = 'script';");
		expect(reports.find((r) => r.hostile.markers.includes('HOSTILETITLE01'))!.heading).toContain(
			"<script>alert('title')</script>",
		);
		// Latin-1 bytes read as the letters they are; CRLF and a BOM leave no trace but the paragraph break.
		expect(
			reports.find((r) => r.hostile.markers.includes('HOSTILELATIN01'))!.paragraphs.join(' '),
		).toContain('café, naïve, résumé, © and 5 µm.');
		const crlf = reports.find((r) => r.hostile.markers.includes('HOSTILECRLF01'))!;
		expect(crlf.paragraphs).toEqual([
			'HOSTILECRLF01 is written with a byte-order mark and CRLF line endings, continued on a second CRLF line.',
			'A second paragraph after a blank CRLF line.',
		]);
	});

	test('an abstract without LaTeX reads exactly as written', () => {
		// HOSTILEMIX01's `${"template"}` opens no math, so it too must read unchanged.
		const plain = reports.filter(
			(r) =>
				!r.hostile.paper.paragraphs.some(hasLatexMarkup) ||
				r.hostile.markers.includes('HOSTILEMIX01'),
		);
		expect(plain.length).toBeGreaterThan(15);
		for (const r of plain) {
			expect(r.paragraphs.map(fold), r.hostile.row.url).toEqual(
				r.hostile.paper.paragraphs.map(fold),
			);
			// Nothing but paragraphs, and the description is the same text, cut.
			expect(unique(r.abstractTags), r.hostile.row.url).toEqual(['p']);
			expect(r.description.length, r.hostile.row.url).toBeGreaterThan(20);
			expect(
				fold(r.hostile.paper.paragraphs.join(' '))
					.normalize('NFC')
					.startsWith(r.description.replace(/…$/u, '')),
				`${r.hostile.row.url}: ${r.description}`,
			).toBe(true);
		}
		expect(reports.find((r) => r.hostile.markers.includes('HOSTILEMIX01'))!.description).toContain(
			'<script>alert("xss")</script>',
		);
	});

	test('seed text makes no element and no javascript: or foreign URL: only paragraphs, emphasis, http(s) links and typeset math', () => {
		const problems = reports.flatMap((r) =>
			r.elements
				.map(unexpectedInAbstract)
				.filter((p) => p !== '')
				.map((p) => `${r.hostile.row.url}: ${p}`),
		);
		expect(problems).toEqual([]);
		expect(reports.flatMap((r) => r.badUrls.map((bad) => `${r.hostile.row.url}: ${bad}`))).toEqual(
			[],
		);
		// The scraped title's \textbf and $x^{2}$ are the only markup its heading gained.
		const title = reports.find((r) => r.hostile.markers.includes('HOSTILETITLE01'))!;
		expect(title.headingTags.sort()).toEqual(['math', 'mi', 'mn', 'msup', 'span', 'strong']);
	});

	test('no seed script ran, no dialog opened, no request left 127.0.0.1, no page error', () => {
		expect(
			reports
				.filter((r) => r.ran !== undefined)
				.map((r) => `${r.hostile.row.url}: ${String(r.ran)}`),
		).toEqual([]);
		expect(consoleLog.filter((line) => line.includes(RAN_TOKEN))).toEqual([]);
		expect(leaks(visits)).toEqual({ ...NO_LEAKS, failedResponses: [] });
	});

	test('the Content-Security-Policy reports no violation on any hostile page', () => {
		expect(
			reports.flatMap((r) => r.cspViolations.map((v) => `${r.hostile.row.url}: ${v}`)),
		).toEqual([]);
	});

	test('a 2,000-character word and a 200 kB abstract fit a phone screen, and the big page loads quickly', () => {
		const wide = reports
			.filter((r) => r.overflow.scrollWidth > r.overflow.innerWidth)
			.map((r) => `${r.hostile.row.url}: ${r.overflow.scrollWidth}px`);
		expect(wide).toEqual([]);
		const long = reports.find((r) => r.hostile.markers.includes('HOSTILEWORD01'))!;
		expect(long.paragraphs.join(' ')).toContain(
			'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(44),
		);
		expect(
			Math.max(
				...long.paragraphs
					.join(' ')
					.split(' ')
					.map((word) => word.length),
			),
		).toBe(LONG_WORD_CHARS);
		const big = reports.find((r) => r.hostile.markers.includes('HOSTILEBIG01'))!;
		expect(big.paragraphs.join('').length).toBe(BIG_ABSTRACT_CHARS);
		console.info(`hostile suite: the 200 kB paper page loaded in ${Math.round(big.ms)} ms`);
		expect(big.ms).toBeLessThan(5_000);
	});

	test('the other page types built from hostile seeds are quiet too', async () => {
		const topics = (JSON.parse(site.read('topics.json')) as { url: string }[]).map((t) =>
			t.url.slice(site.base.length),
		);
		const paths = [
			'',
			'search/',
			'topics/',
			'authors/',
			'categories/',
			...topics,
			...readPapersJson(site).flatMap((row) => [
				...row.authors.map((a) => `authors/${a}/`),
				...row.categories.map((c) => `categories/${c}/`),
			]),
		];
		const problems: string[] = [];
		const { page, csp } = await visit();
		for (const path of unique(paths)) {
			const seen = csp().length;
			await open(page, `${site.base}${path}`);
			problems.push(
				...(await badUrls(page)).map((bad) => `${path}: ${bad}`),
				...csp()
					.slice(seen)
					.map((v) => `${path}: ${v}`),
			);
		}
		await page.context().close();
		expect(unique(paths).length).toBeGreaterThan(8);
		expect(problems).toEqual([]);
		expect(leaks(visits)).toEqual({ ...NO_LEAKS, failedResponses: [] });
	});
});

describe('searching the hostile site', () => {
	test('search finds every marker, on its own page first', async () => {
		const { page, csp } = await visit();
		await open(page, `${site.base}search/`);
		const markers = hostile.flatMap((h) => h.markers.map((marker) => ({ marker, url: h.row.url })));
		const started = performance.now();
		// A string, not a function: Vitest would rewrite a function's import() for Node.
		const found = (await page.evaluate(`(async () => {
			const pagefind = await import(${JSON.stringify(`${site.base}pagefind/pagefind.js`)});
			await pagefind.init();
			const out = {};
			for (const marker of ${JSON.stringify(markers.map((m) => m.marker))}) {
				const { results } = await pagefind.search(marker.toLowerCase());
				const data = await Promise.all(results.slice(0, 3).map((result) => result.data()));
				out[marker] = data.filter((d) => d.content.includes(marker)).map((d) => d.url);
			}
			return out;
		})()`)) as Record<string, string[]>;
		console.info(
			`hostile suite: ${markers.length} marker searches took ${Math.round(performance.now() - started)} ms`,
		);
		const wrong = markers
			.filter(({ marker, url }) => found[marker]?.[0] !== url)
			.map(({ marker, url }) => `${marker}: expected ${url}, got ${JSON.stringify(found[marker])}`);
		expect(wrong).toEqual([]);
		expect(csp()).toEqual([]);
		await page.context().close();
	});

	test('search results show hostile titles and excerpts as text, and the 200 kB abstract is found to its end', async () => {
		for (const marker of ['HOSTILETITLE01', 'HOSTILEHTML02', 'HOSTILEBIGEND01']) {
			const { page, csp } = await visit();
			await page.setViewportSize({ width: 1280, height: 2000 });
			const started = performance.now();
			await open(page, `${site.base}search/?q=${marker.toLowerCase()}`);
			const results = page.locator('[data-atlas-search-page] pagefind-results .pf-result');
			await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
			const ms = performance.now() - started;
			const h = byMarker(marker);
			const first = results.first();
			expect(
				new URL((await first.locator('.pf-result-link').getAttribute('href')) ?? '', server!.origin)
					.pathname,
			).toBe(h.row.url);
			await expect(first.locator('.pf-result-link').innerText()).resolves.toBe(h.row.title);
			await expect(
				page
					.locator('[data-atlas-search-page] pagefind-results')
					.locator('img, script:not([type="text/pagefind-template"]), iframe, style, svg[onload]')
					.count(),
			).resolves.toBe(0);
			if (marker === 'HOSTILEBIGEND01')
				console.info(
					`hostile suite: searching the end of the 200 kB abstract showed its result in ${Math.round(ms)} ms`,
				);
			expect(ms).toBeLessThan(10_000);
			expect(await badUrls(page)).toEqual([]);
			expect(csp()).toEqual([]);
			await page.context().close();
		}
		expect(leaks(visits)).toEqual({ ...NO_LEAKS, failedResponses: [] });
	});
});
