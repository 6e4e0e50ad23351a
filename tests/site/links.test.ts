/**
 * No broken link in the built site, at `/` and under `/atlas/`. linkinator crawls the
 * served build from the home page and the 404 page and follows every internal link:
 * pages, stylesheets and the fonts they load, scripts, downloads, short links'
 * redirects and `#fragments`. It never fetches another host; the links that leave the
 * site must be exactly the ones meant to: DOI, arXiv and PDF links that `papers.yaml`
 * supplies, and `\url{…}` links written in abstracts.
 */
import { readFileSync } from 'node:fs';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { readSeedsFolder, writeSeedsFolder } from '../helpers/seeds-folder.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const GOLDEN: Record<string, string> = JSON.parse(
	readFileSync(new URL('../golden/bundled-urls.json', import.meta.url), 'utf8'),
);
const SITE = 'https://atlas.example.org';
/** Two bundled papers given the links papers.yaml can add. */
const GEOMETRIC = '7b714072dfb1';
const BEAUTIFUL_PROMPT = 'ee7bc3f4';

interface Crawl {
	site: BuiltSite;
	server: StaticServer;
	papers: (PaperRow & { doi?: string; arxiv?: string; pdf?: string })[];
	links: LinkResult[];
}

const crawls: Partial<Record<'root' | 'atlas', Crawl>> = {};
let seedText = '';

beforeAll(async () => {
	const seeds = await readSeedsFolder(BUNDLED_SEEDS);
	seedText = Object.values(seeds).join('\n');
	const promptId = Object.keys(GOLDEN).find((id) => id.startsWith(BEAUTIFUL_PROMPT))!;
	const papersYaml = [
		`${GEOMETRIC}:`,
		'  arxiv: "2305.19947"',
		'  pdf: https://arxiv.org/pdf/2305.19947',
		`${promptId}:`,
		'  doi: 10.18653/v1/2023.emnlp-industry.1',
	].join('\n');
	const folder = await writeSeedsFolder('links', { ...seeds, 'papers.yaml': papersYaml });
	for (const [key, base] of [
		['root', undefined],
		['atlas', '/atlas/'],
	] as const) {
		// Under /atlas/ with a site URL: canonical, og:url and JSON-LD links then name the
		// public origin, and are checked against the served build by rewriting it.
		const site = await buildSiteOk({
			seeds: folder,
			name: `links-${key}`,
			...(base ? { base, site: SITE } : {}),
		});
		const server = await serveStatic(site.outDir, site.base);
		crawls[key] = { site, server, papers: readPapersJson(site), links: [] };
		const shortLinks = crawls[key].papers.map((paper) => `${server.home}p/${paper.id}/`);
		crawls[key].links = await crawl(server, shortLinks, base ? SITE : undefined);
	}
});

afterAll(() => Promise.all(Object.values(crawls).map((c) => c.server.close())));

/**
 * Every link reachable from the home page, then every link on the 404 page and the
 * short links (which no page links to: they are for citing); other hosts are listed,
 * never fetched. Two passes, because linkinator recurses only below each start path
 * and checks a URL once: a paper page first reached from its short link was checked
 * without its own links being followed, so its downloads went unchecked.
 */
async function crawl(
	server: StaticServer,
	shortLinks: string[],
	publicOrigin: string | undefined,
): Promise<LinkResult[]> {
	const options = {
		checkCss: true,
		checkFragments: true,
		concurrency: 8,
		timeout: 30_000,
		retryErrors: true,
		retryErrorsCount: 3,
		// Temml's stylesheet draws arrows with a data: SVG whose marker-end is `url(%23a)`, a
		// reference inside that SVG; linkinator reads it as a file next to the stylesheet.
		linksToSkip: async (link: string) =>
			!link.startsWith(`${server.origin}/`) || /\/_astro\/%23/u.test(link),
		urlRewriteExpressions: publicOrigin
			? [
					{
						pattern: new RegExp(`^${publicOrigin.replace(/\./gu, '\\.')}/`, 'u'),
						replacement: `${server.origin}/`,
					},
				]
			: [],
	};
	const site = await new LinkChecker().check({ ...options, path: server.home, recurse: true });
	const entrances = await new LinkChecker().check({
		...options,
		path: [`${server.home}404.html`, ...shortLinks],
		recurse: false,
	});
	return [...site.links, ...entrances.links];
}

describe.each(['root', 'atlas'] as const)('links of the served build (%s)', (key) => {
	const c = () => crawls[key]!;

	it('0 broken internal links', () => {
		const broken = c()
			.links.filter((link) => link.state === LinkState.BROKEN)
			.map((link) => `${link.status ?? '-'} ${link.url} (on ${link.parent ?? 'start'})`);
		expect(broken).toEqual([]);
	});

	it('the crawl reached every paper page, its downloads and short link, and every topic', () => {
		const { links, papers, site, server } = c();
		const ok = new Set(links.filter((link) => link.state === LinkState.OK).map((link) => link.url));
		for (const paper of papers) {
			const page = `${server.origin}${paper.url}`;
			expect(ok, paper.url).toContain(page);
			expect(ok, `${paper.url} .bib`).toContain(page.replace(/\/$/u, '.bib'));
			expect(ok, `${paper.url} .ris`).toContain(page.replace(/\/$/u, '.ris'));
			expect(ok, `short link of ${paper.id}`).toContain(`${server.home}p/${paper.id}/`);
		}
		const topics = JSON.parse(site.read('topics.json')) as { url: string }[];
		for (const topic of topics) expect(ok).toContain(`${server.origin}${topic.url}`);
		for (const file of [
			'papers.json',
			'papers.bib',
			'search/',
			'topics/',
			'authors/',
			'categories/',
		])
			expect(ok).toContain(`${server.home}${file}`);
		expect(
			[...ok].some((url) => /\/_astro\/[^/]+\.woff2$/u.test(url)),
			'the math font, linked from CSS',
		).toBe(true);
	});

	it('the only links that leave the site are DOI, arXiv and PDF links and \\url{} links from abstracts', () => {
		const { links, papers, server } = c();
		// linkinator also reads any <meta content> that parses as a URL, so a title such as
		// "FreePIH: An efficient…" comes back as a "freepih:" link: only http(s) can leave.
		const leaving = new Set(
			links
				.filter((link) => /^https?:/u.test(link.url) && !link.url.startsWith(`${server.origin}/`))
				.map((link) => link.url),
		);
		const meant = new Set([
			...papers.flatMap((paper) => [
				...(paper.doi ? [`https://doi.org/${paper.doi}`] : []),
				...(paper.arxiv ? [`https://arxiv.org/abs/${paper.arxiv}`] : []),
				...(paper.pdf ? [paper.pdf] : []),
			]),
			...[...seedText.matchAll(/\\url\{(https?:\/\/[^}\s]+)\}/gu)].map((match) => match[1]!),
		]);
		expect(meant.size).toBeGreaterThanOrEqual(4);
		expect([...leaving].sort()).toEqual([...meant].sort());
		// Listed, never fetched: no request left the machine.
		expect(
			links.filter((link) => leaving.has(link.url) && link.state !== LinkState.SKIPPED),
		).toEqual([]);
	});
});
