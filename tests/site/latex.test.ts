/**
 * LaTeX in the bundled seeds, as a reader meets it in the built site: math typeset to
 * MathML at build time, text commands as elements, nothing left as raw LaTeX, and the
 * math stylesheet only where there is math, served by the site itself.
 */
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { fold, loadHtml } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';

describe('LaTeX in the bundled seeds, built under a base path', () => {
	let site: BuiltSite;
	let rows: PaperRow[];
	let pages: string[];

	beforeAll(async () => {
		// Strict: the bundled math must typeset without a single warning.
		site = await buildSiteOk({ seeds: BUNDLED_SEEDS, name: 'latex-bundled', base: '/atlas/', strict: true });
		rows = readPapersJson(site);
		pages = (await readdir(site.outDir, { recursive: true })).filter((f) => f.endsWith('.html'));
	});

	/** The built page of the paper whose title starts with `prefix`. */
	function paper(prefix: string) {
		const row = rows.find((r) => r.title.startsWith(prefix));
		if (!row) throw new Error(`no paper titled "${prefix}…"; titles: ${rows.map((r) => r.title).join(' | ')}`);
		return loadHtml(site.read(pageFile(site, row)));
	}

	test('$\\epsilon$ in the GIDM abstract is typeset as MathML holding the letter, not the TeX', () => {
		const $ = paper('GIDM');
		const math = $('.abstract span.math.math-inline > math');
		expect(math.length).toBeGreaterThanOrEqual(2);
		expect(math.filter((_, el) => $(el).text() === 'ε').length).toBe(2);
		expect(fold($('.abstract').text())).toContain('private training noise ε and sampling step t');
		expect($('.abstract').html()).not.toContain('\\epsilon');
	});

	test('\\textit{yes} is emphasis, \\textbf is strong', () => {
		const $ = paper('Recent years have witnessed the vulnerability');
		expect($('.abstract').html()).toContain('<em>yes</em>');
		expect($('.abstract em').first().text()).toBe('is it possible to deactivate existing protection mechanisms by removing the perturbation inside the gradients?');
		const distfl = paper('DistFL');
		expect(distfl('.abstract strong').map((_, el) => distfl(el).text()).get()).toEqual(['DistFL', 'Dist', 'F', 'L']);
	});

	test('\\url{https://github.com/shikiw/DAM-VP} is a link to that address', () => {
		const $ = paper('Diversity-Aware Meta Visual Prompting');
		const link = $('.abstract a');
		expect(link.length).toBe(1);
		expect(link.attr('href')).toBe('https://github.com/shikiw/DAM-VP');
		expect(link.attr('rel')).toBe('nofollow noopener');
		expect(link.text()).toBe('https://github.com/shikiw/DAM-VP');
		expect(fold($('.abstract').text())).toContain('Our code is available at: https://github.com/shikiw/DAM-VP.');
	});

	test("``sweet spot'' reads “sweet spot”, and -- is a dash", () => {
		expect($text(paper('TEESlice'))).toContain('such “sweet spot” configurations');
		const shapley = rows.map((r) => loadHtml(site.read(pageFile(site, r)))).find(($) => $text($).includes('theoretically and through simulations'));
		expect($text(shapley!)).toContain('we show – theoretically and through simulations – that');
	});

	test('no page shows raw \\textit, \\textbf, \\url or $\\ (citations aside), and nothing failed to typeset', () => {
		expect(pages.length).toBeGreaterThan(rows.length);
		for (const page of pages) {
			const $ = loadHtml(site.read(page));
			$('script, style, template, .cite').remove();
			const text = $.root().text();
			for (const raw of ['\\textit', '\\textbf', '\\url', '$\\']) expect(text.includes(raw), `${page} shows ${raw}`).toBe(false);
			expect($('.math-error').length, page).toBe(0);
		}
	});

	test('the MathML carries no annotation, so the TeX source is neither shown nor indexed', () => {
		let maths = 0;
		for (const page of pages) {
			const $ = loadHtml(site.read(page));
			maths += $('math').length;
			expect($('annotation, annotation-xml, semantics').length, page).toBe(0);
		}
		// $1.58\times$, $1.82\times$, $\mathbf{(AR)^{2}}$, $\epsilon$ twice, $t$, $A$ five times, $B$ four times.
		expect(maths).toBe(15);
	});

	test('a page without math loads no math stylesheet; a page with math loads only the site’s own', () => {
		const stylesheets = ($: ReturnType<typeof loadHtml>) => $('link[rel=stylesheet]').map((_, el) => $(el).attr('href')).get();
		const home = stylesheets(loadHtml(site.read('index.html')));
		expect(home.length).toBeGreaterThan(0);
		const withMath = rows.filter((row) => loadHtml(site.read(pageFile(site, row)))('.math').length > 0);
		expect(withMath.map((row) => row.title.slice(0, 12)).sort()).toEqual(['(AR)^2: A si', 'Arena: An en', 'Federated Sh', 'GIDM: A two-']);
		for (const row of rows) {
			const $ = loadHtml(site.read(pageFile(site, row)));
			const hrefs = stylesheets($);
			if (!withMath.includes(row)) {
				expect(hrefs, row.title).toEqual(home);
				continue;
			}
			const math = hrefs.filter((href) => !home.includes(href));
			expect(math, row.title).toHaveLength(1);
			expect(math[0]).toMatch(/^\/atlas\/_astro\/[\w.-]+\.css$/u);
			// Every font and image the math stylesheet refers to is the site's own, under the base.
			const css = site.read(math[0]!.slice('/atlas/'.length));
			expect(css).toMatch(/(^|\})math\s*\{/u);
			// Inline data: images aside (an SVG inside one has url() references of its own).
			const urls = [...css.replace(/url\((["'])data:.*?\1\)/gsu, '').matchAll(/url\(\s*["']?([^"')]+)/gu)].map((m) => m[1]!);
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) expect(url, url).toMatch(/^\/atlas\/_astro\//u);
			expect(css).not.toContain('@import');
		}
	});
});

/** Visible text of a page's abstract, whitespace folded. */
function $text($: ReturnType<typeof loadHtml>): string {
	return fold($('.abstract').text());
}
