/**
 * The built site as a reader meets it: real builds, served on 127.0.0.1, read in
 * Debian's Chromium (hostile seed text has its own suite, tests/browser/hostile.test.ts);
 * nothing may leave the machine; a site hosted under a base path must keep every
 * link, stylesheet and page inside that path.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	browserSuite,
	leaks,
	NO_LEAKS,
	type OnClose,
	type WatchedPage,
	watchedPage,
} from '../helpers/browser.ts';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { SITE_SEEDS, TEST_OUTPUT } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';

const SCREENSHOTS = join(TEST_OUTPUT, 'screenshots');

interface Served {
	site: BuiltSite;
	server: StaticServer;
	papers: PaperRow[];
}

/** A watched page that also records every response a reader would see fail. */
interface Visit extends WatchedPage {
	failedResponses: string[];
}

const visits: Visit[] = [];
let root: Served;
let atlas: Served;
let bundled: Served;

async function serve(site: BuiltSite, onClose: OnClose): Promise<Served> {
	const server = await serveStatic(site.outDir, site.base);
	onClose(() => server.close());
	return { site, server, papers: readPapersJson(site) };
}

async function visit(): Promise<Visit> {
	const watched = await watchedPage(suite.browser());
	const failedResponses: string[] = [];
	watched.page.on('response', (response) => {
		if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
	});
	const v: Visit = Object.assign(watched, { failedResponses });
	visits.push(v);
	return v;
}

/** Navigates and insists the page itself came back 200. */
async function open(page: Page, url: string): Promise<void> {
	const response = await page.goto(url, { waitUntil: 'load' });
	expect(response?.status(), `status of ${url}`).toBe(200);
}

/** What a reader must never get from a page: dialogs, errors, foreign requests, failed loads. */
function expectQuiet(v: Visit): void {
	expect(v.dialogs, 'dialogs opened').toEqual([]);
	expect(v.errors, 'page errors').toEqual([]);
	expect(v.foreignRequests, 'requests to hosts other than 127.0.0.1').toEqual([]);
	expect(v.failedResponses, 'responses with status >= 400').toEqual([]);
}

function paperTitled(served: Served, predicate: (title: string) => boolean): PaperRow {
	const row = served.papers.find((paper) => predicate(paper.title));
	if (!row)
		throw new Error(
			`no such paper in papers.json; titles: ${served.papers.map((p) => p.title).join(' | ')}`,
		);
	return row;
}

/** Every href/src on the page, as written in the HTML (not resolved). */
function rawLinks(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('[href], [src]')].map(
			(el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
		),
	);
}

const suite = browserSuite(async (onClose) => {
	root = await serve(sharedSiteOk('fixture'), onClose);
	atlas = await serve(
		await buildSiteOk({ seeds: SITE_SEEDS, name: 'browser-atlas', base: '/atlas/' }),
		onClose,
	);
	bundled = await serve(sharedSiteOk('bundled'), onClose);
	await mkdir(SCREENSHOTS, { recursive: true });
});

describe('the built site in Chromium (base /)', () => {
	it('lists every paper on the home page and its link leads to the paper page', async () => {
		const v = await visit();
		const { page } = v;
		await open(page, root.server.home);

		expect(root.papers.length).toBeGreaterThan(0);
		const list = page.locator('ol.paper-list');
		await expect(page.locator('ol.paper-list > li.paper-card').count()).resolves.toBe(
			root.papers.length,
		);
		for (const paper of root.papers) {
			const link = list.getByRole('link', { name: paper.title, exact: true });
			await expect(link.count(), `links titled ${JSON.stringify(paper.title)}`).resolves.toBe(1);
			await expect(link.isVisible(), `${JSON.stringify(paper.title)} is visible`).resolves.toBe(
				true,
			);
			await expect(link.getAttribute('href')).resolves.toBe(paper.url);
		}

		const hostile = paperTitled(root, (title) => title.includes('HostileNet'));
		await list.getByRole('link', { name: hostile.title, exact: true }).click();
		await page.waitForURL(root.server.origin + hostile.url);
		expect(new URL(page.url()).pathname).toBe(hostile.url);
		await expect(
			page.getByRole('heading', { level: 1, name: hostile.title }).isVisible(),
		).resolves.toBe(true);
		expectQuiet(v);
	});

	it('shows where an abstract came from', async () => {
		const v = await visit();
		const { page } = v;
		const row = paperTitled(root, (title) => title === 'A Study of Careful Parsing');
		await open(page, root.server.origin + row.url);
		const provenance = page.locator('section.provenance');
		await expect(provenance.isVisible()).resolves.toBe(true);
		const text = await provenance.innerText();
		for (const source of row.sources) {
			expect(text).toContain(source.file);
			expect(text).toContain(`line ${source.line}`);
		}
		expectQuiet(v);
	});
});

describe('the built site in Chromium (base /atlas/)', () => {
	it('keeps every page, link and style under /atlas/', async () => {
		const v = await visit();
		const { page } = v;
		expect(atlas.server.home).toBe(`${atlas.server.origin}/atlas/`);
		await open(page, atlas.server.home);
		await expect(page.locator('h1').isVisible()).resolves.toBe(true);

		for (const paper of atlas.papers)
			expect(paper.url.startsWith('/atlas/papers/'), paper.url).toBe(true);

		const homeLinks = await rawLinks(page);
		expect(homeLinks.length).toBeGreaterThan(0);
		for (const href of homeLinks.filter((h) => h.startsWith('/')))
			expect(href, 'root-relative link on home').toMatch(/^\/atlas\//u);

		// The stylesheet reached the page: the list is unnumbered and cards have a rule, as global.css says.
		const styled = await page.evaluate(() => {
			const list = document.querySelector('ol.paper-list');
			return list ? getComputedStyle(list).listStyleType : 'missing';
		});
		expect(styled, 'list-style of ol.paper-list (global.css applied)').toBe('none');
		const sheetLinks = await page
			.locator('link[rel="stylesheet"]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
		for (const href of sheetLinks) expect(href).toMatch(/^\/atlas\//u);

		// Follow a paper link as a reader would.
		const row = paperTitled(atlas, (title) => title === 'A Study of Careful Parsing');
		const responsePromise = page.waitForResponse(
			(response) => response.url() === atlas.server.origin + row.url,
		);
		await page.locator('ol.paper-list').getByRole('link', { name: row.title, exact: true }).click();
		const response = await responsePromise;
		expect(response.status()).toBe(200);
		await page.waitForURL(atlas.server.origin + row.url);
		await expect(
			page.getByRole('heading', { level: 1, name: row.title }).isVisible(),
		).resolves.toBe(true);

		const paperLinks = await rawLinks(page);
		for (const href of paperLinks.filter((h) => h.startsWith('/')))
			expect(href, 'root-relative link on paper page').toMatch(/^\/atlas\//u);

		// Links in the header and footer lead somewhere real.
		for (const href of new Set(paperLinks.filter((h) => h.startsWith('/')))) {
			const res = await page.request.get(atlas.server.origin + href);
			expect(res.status(), href).toBe(200);
		}

		// Back home through the site name.
		await page.getByRole('link', { name: 'Abstract Atlas', exact: true }).click();
		await page.waitForURL(atlas.server.home);
		expectQuiet(v);
	});
});

describe('browsing the bundled seeds by topic', () => {
	it('goes from a paper to one of its topics, then to a related paper', async () => {
		const v = await visit();
		const { page } = v;
		const start = paperTitled(
			bundled,
			(title) => title === 'A Geometric Perspective on Diffusion Models',
		);
		const topicSlug = start.topics[0]!;
		await open(page, bundled.server.origin + start.url);

		await page.locator('article header .term-links').getByRole('link').first().click();
		await page.waitForURL(`${bundled.server.origin}/topics/${topicSlug}/`);
		const topicName = await page.getByRole('heading', { level: 1 }).innerText();
		const members = bundled.papers.filter((p) => p.topics.includes(topicSlug));
		await expect(page.locator('.paper-card h2 a').count()).resolves.toBe(members.length);

		// Open another paper of the topic, then its first related paper.
		const other = members.find((p) => p.id !== start.id)!;
		await page.getByRole('link', { name: other.title, exact: true }).click();
		await page.waitForURL(bundled.server.origin + other.url);
		await expect(page.locator('.breadcrumbs').innerText()).resolves.toContain('Topics');
		const related = page.locator('.related .paper-card h2 a').first();
		const relatedTitle = await related.innerText();
		const relatedRow = paperTitled(bundled, (title) => title === relatedTitle);
		await related.click();
		await page.waitForURL(bundled.server.origin + relatedRow.url);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
			relatedRow.title,
		);
		expect(topicName.length).toBeGreaterThan(0);
		expectQuiet(v);
	});
});

describe('screenshots for a human to look at', () => {
	it('captures the fixture and bundled sites', async () => {
		const v = await visit();
		const { page } = v;

		await open(page, root.server.home);
		await page.screenshot({ path: join(SCREENSHOTS, 'home.png'), fullPage: true });
		const careful = paperTitled(root, (title) => title === 'A Study of Careful Parsing');
		await open(page, root.server.origin + careful.url);
		await page.screenshot({ path: join(SCREENSHOTS, 'paper.png'), fullPage: true });

		await open(page, bundled.server.home);
		for (const paper of bundled.papers) {
			await expect(
				page
					.locator('ol.paper-list')
					.getByRole('link', { name: paper.title, exact: true })
					.isVisible(),
			).resolves.toBe(true);
		}
		await page.screenshot({ path: join(SCREENSHOTS, 'bundled-home.png'), fullPage: true });
		const diffusion = paperTitled(
			bundled,
			(title) => title === 'A Geometric Perspective on Diffusion Models',
		);
		await open(page, bundled.server.origin + diffusion.url);
		await expect(
			page.getByRole('heading', { level: 1, name: diffusion.title }).isVisible(),
		).resolves.toBe(true);
		await page.screenshot({ path: join(SCREENSHOTS, 'bundled-paper.png'), fullPage: true });
		expectQuiet(v);
	});
});

describe('typeset math in Chromium', () => {
	it('shows MathML inline in the text, with its stylesheet loaded from the site', async () => {
		const v = await visit();
		const { page } = v;
		const gidm = paperTitled(bundled, (title) => title.startsWith('GIDM'));
		await open(page, bundled.server.origin + gidm.url);
		const boxes = await page.locator('.abstract .math math').evaluateAll((maths) =>
			maths.map((math) => {
				const box = math.getBoundingClientRect();
				const line = parseFloat(getComputedStyle(math.closest('p')!).lineHeight);
				return { text: math.textContent, width: box.width, height: box.height, line };
			}),
		);
		expect(boxes.map((b) => b.text)).toEqual(['ε', 'ε', 't']);
		for (const box of boxes) {
			// Laid out as math (not hidden, not an unstyled block): a glyph's size, within one line.
			expect(box.width).toBeGreaterThan(4);
			expect(box.height).toBeGreaterThan(4);
			expect(box.height).toBeLessThanOrEqual(box.line);
		}
		const sheets = await page.evaluate(() =>
			[...document.styleSheets].map((sheet) => sheet.href ?? 'inline'),
		);
		expect(sheets.filter((sheet) => /\/_astro\/math\.[\w-]+\.css$/u.test(sheet))).toHaveLength(1);
		for (const sheet of sheets) expect(new URL(sheet).origin).toBe(bundled.server.origin);
		await page.locator('.abstract').screenshot({ path: join(SCREENSHOTS, 'bundled-math.png') });
		expectQuiet(v);
	});
});

describe('across every page visited', () => {
	it('nothing left 127.0.0.1, nothing failed, nothing ran', () => {
		expect(visits.length).toBeGreaterThan(0);
		expect(leaks(visits)).toEqual(NO_LEAKS);
	});
});
