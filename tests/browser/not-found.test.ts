/**
 * The 404 page as a reader meets it: a host sends it for any URL the site does not
 * have, at any depth, so it must look right, lead home and to topics, and search from
 * there, at `/` and under `/atlas/`. `npm run preview` and `astro dev` send it too.
 * Search engines and the site's own search leave it out.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, watchedPage, type WatchedPage } from '../helpers/browser.ts';
import type { BuiltSite } from '../helpers/build-site.ts';
import { startDevServer, startPreviewServer } from '../helpers/dev-server.ts';
import { loadHtml } from '../helpers/html.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { SHARED_SITE_URL as SITE, sharedSiteOk } from '../helpers/shared-sites.ts';

const HEADING = 'Page not found';
/** URLs no build has, from the top to deep down, with and without a slash, and a missing download. */
const UNKNOWN = [
	'nope',
	'nope/',
	'papers/no-such-paper-00000000/',
	'topics/a/b/c/d/',
	'papers/missing.bib',
];

interface Served {
	site: BuiltSite;
	server: StaticServer;
	papers: PaperRow[];
}

const served: Partial<Record<'root' | 'atlas', Served>> = {};
const pages: WatchedPage[] = [];

const suite = browserSuite(async (onClose) => {
	// The /atlas/ build has a site URL: the sitemap and canonical links exist only then.
	for (const [key, name] of [
		['root', 'bundled'],
		['atlas', 'bundled-atlas-site'],
	] as const) {
		const site = sharedSiteOk(name);
		const server = await serveStatic(site.outDir, site.base);
		onClose(() => server.close());
		served[key] = { site, server, papers: readPapersJson(site) };
	}
});

async function newPage(): Promise<WatchedPage> {
	const watched = await watchedPage(suite.browser());
	pages.push(watched);
	await watched.page.setViewportSize({ width: 1280, height: 2000 });
	return watched;
}

/** Chromium logs a document's own 404 status as a console error: that one is the point. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 404/u.test(e));

/** Status and `<h1>` of a URL as a plain HTTP client gets them. */
async function fetchPage(url: string): Promise<{ status: number; type: string; heading: string }> {
	const response = await fetch(url, { redirect: 'manual' });
	return {
		status: response.status,
		type: response.headers.get('content-type') ?? '',
		heading: loadHtml(await response.text())('h1')
			.text()
			.trim(),
	};
}

describe.each(['root', 'atlas'] as const)('the 404 page (%s)', (key) => {
	const s = () => served[key]!;

	it('is built as 404.html at the top of the output, every link absolute under the base, no canonical URL', () => {
		const { site } = s();
		expect(site.exists('404.html')).toBe(true);
		const $ = loadHtml(site.read('404.html'));
		expect($('h1').text()).toBe(HEADING);
		const links = $('[href], [src], form[action]')
			.map((_, el) => $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action'))
			.get();
		expect(links.length).toBeGreaterThan(5);
		// A relative link would resolve against whatever missing URL the page was sent for.
		expect(links.filter((link) => !link.startsWith(site.base) && !link.startsWith('#'))).toEqual(
			[],
		);
		expect($('link[rel="canonical"]').length).toBe(0);
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
	});

	it('is what a host sends, with status 404, for URLs the site does not have, at any depth', async () => {
		const { server, papers } = s();
		for (const path of UNKNOWN) {
			expect(await fetchPage(`${server.home}${path}`), path).toEqual({
				status: 404,
				type: expect.stringMatching(/^text\/html/u),
				heading: HEADING,
			});
		}
		// …and only for those.
		expect((await fetchPage(`${server.origin}${papers[0]!.url}`)).status).toBe(200);
	});

	it('in Chromium, deep down an unknown path: styled, its links lead home and to topics, its search box finds a paper', async () => {
		const { server, papers } = s();
		const watched = await newPage();
		const { page } = watched;
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400 && response.request().resourceType() !== 'document')
				failed.push(`${response.status()} ${response.url()}`);
		});
		const missing = `${server.home}topics/a/b/c/d/`;
		expect((await page.goto(missing))?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(HEADING);
		// The site's stylesheet loaded from under the base, not from beside the missing URL.
		await expect(
			page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily),
		).resolves.toMatch(/Georgia/u);
		expect(failed).toEqual([]);
		// Its own style and scripts run under the site's Content-Security-Policy like every page's.
		expect(unexpected(watched.errors)).toEqual([]);

		await page.locator('main').getByRole('link', { name: 'Home' }).click();
		await page.waitForURL(server.home);
		await expect(page.locator('.paper-card').count()).resolves.toBeGreaterThan(10);

		await page.goto(missing);
		await page.locator('main').getByRole('link', { name: 'Topics' }).click();
		await page.waitForURL(`${server.home}topics/`);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Topics');

		await page.goto(missing);
		const painterly = papers.find((p) => p.title.startsWith('FreePIH'))!;
		await page
			.getByRole('searchbox', { name: 'Search the abstracts' })
			.fill('painterly image harmonization');
		await page.keyboard.press('Enter');
		await page.waitForURL(
			(url) =>
				url.pathname === `${server.home.replace(server.origin, '')}search/` &&
				url.searchParams.get('q') === 'painterly image harmonization',
		);
		await expect
			.poll(
				() =>
					page.locator('[data-atlas-search-page] pagefind-results .pf-result-link').allInnerTexts(),
				{ timeout: 15_000 },
			)
			.toContain(painterly.title);
	});
});

describe('what leaves the 404 page out', () => {
	it('the sitemap lists pages but not the 404 page', () => {
		const { site } = served.atlas!;
		const sitemap = site.read('sitemap-0.xml');
		expect(sitemap).toContain(`<loc>${SITE}/atlas/</loc>`);
		expect(sitemap).not.toMatch(/404/u);
	});

	it('search indexes the papers and nothing else', () => {
		for (const { site, papers } of Object.values(served)) {
			const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as {
				languages: Record<string, { page_count: number }>;
			};
			expect(
				Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
			).toBe(papers.length);
		}
	});
});

describe('npm run preview and astro dev', () => {
	it('npm run preview (astro preview) sends the 404 page with status 404 for unknown URLs under the base', async () => {
		const { site } = served.atlas!;
		const preview = await startPreviewServer(site.outDir, site.base);
		try {
			for (const path of [...UNKNOWN, 'a/b/c']) {
				expect(await fetchPage(`${preview.origin}${site.base}${path}`), path).toEqual({
					status: 404,
					type: expect.stringMatching(/^text\/html/u),
					heading: HEADING,
				});
			}
			expect((await fetchPage(`${preview.origin}${site.base}topics/`)).status).toBe(200);
		} finally {
			await preview.stop();
		}
	});

	it('astro dev renders the 404 page for an unknown URL, not a Vite error', async () => {
		const dev = await startDevServer(BUNDLED_SEEDS, '/atlas/');
		try {
			for (const path of ['nope', 'papers/no-such-paper-00000000/']) {
				expect(await fetchPage(`${dev.origin}/atlas/${path}`), path).toEqual({
					status: 404,
					type: expect.stringMatching(/^text\/html/u),
					heading: HEADING,
				});
			}
		} finally {
			await dev.stop();
		}
	});
});

describe('across every page visited from a 404 page', () => {
	// Errors on the search page itself are search.test.ts's to find.
	it('nothing left 127.0.0.1 and no dialog opened', () => {
		expect(pages.length).toBe(2);
		expect(pages.flatMap((p) => p.foreignRequests)).toEqual([]);
		expect(pages.flatMap((p) => p.dialogs)).toEqual([]);
	});
});
