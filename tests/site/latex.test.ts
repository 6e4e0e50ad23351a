/**
 * LaTeX in the bundled seeds, as a reader meets it in the built site: math typeset to
 * MathML at build time, text commands as elements, nothing left as raw LaTeX, and the
 * math stylesheet only where there is math, served by the site itself.
 */
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { SHARED_BUILDS, sharedSiteOk } from '../helpers/shared-sites.ts';
import { fold, loadHtml } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { REAL_LATEX_SEEDS } from '../helpers/paths.ts';

describe('LaTeX in the bundled seeds, built under a base path', () => {
	let site: BuiltSite;
	let rows: PaperRow[];
	let pages: string[];

	beforeAll(async () => {
		// Strict (as every shared build of the bundled seeds): the bundled math must typeset without a single warning.
		site = sharedSiteOk('bundled-atlas');
		expect(SHARED_BUILDS['bundled-atlas'].strict).toBe(true);
		rows = readPapersJson(site);
		pages = (await readdir(site.outDir, { recursive: true })).filter((f) => f.endsWith('.html'));
	});

	/** The built page of the paper whose title starts with `prefix`. */
	function paper(prefix: string) {
		const row = rows.find((r) => r.title.startsWith(prefix));
		if (!row)
			throw new Error(
				`no paper titled "${prefix}…"; titles: ${rows.map((r) => r.title).join(' | ')}`,
			);
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
		const $ = paper('The inherent diffusion property of gradient perturbation protection');
		expect($('.abstract').html()).toContain('<em>yes</em>');
		expect($('.abstract em').first().text()).toBe(
			'is it possible to deactivate existing protection mechanisms by removing the perturbation inside the gradients?',
		);
		const distfl = paper('DistFL');
		expect(
			distfl('.abstract strong')
				.map((_, el) => distfl(el).text())
				.get(),
		).toEqual(['DistFL', 'Dist', 'F', 'L']);
	});

	test('\\url{https://github.com/shikiw/DAM-VP} is a link to that address', () => {
		const $ = paper('Diversity-Aware Meta Visual Prompting');
		const link = $('.abstract a');
		expect(link.length).toBe(1);
		expect(link.attr('href')).toBe('https://github.com/shikiw/DAM-VP');
		expect(link.attr('rel')).toBe('nofollow noopener');
		expect(link.text()).toBe('https://github.com/shikiw/DAM-VP');
		expect(fold($('.abstract').text())).toContain(
			'Our code is available at: https://github.com/shikiw/DAM-VP.',
		);
	});

	test("``sweet spot'' reads “sweet spot”, and -- is a dash", () => {
		expect($text(paper('TEESlice'))).toContain('such “sweet spot” configurations');
		const shapley = rows
			.map((r) => loadHtml(site.read(pageFile(site, r))))
			.find(($) => $text($).includes('theoretically and through simulations'));
		expect($text(shapley!)).toContain('we show – theoretically and through simulations – that');
	});

	test('no page shows raw \\textit, \\textbf, \\url or $\\ (citations aside), and nothing failed to typeset', () => {
		expect(pages.length).toBeGreaterThan(rows.length);
		for (const page of pages) {
			const $ = loadHtml(site.read(page));
			$('script, style, template, .cite').remove();
			const text = $.root().text();
			for (const raw of ['\\textit', '\\textbf', '\\url', '$\\'])
				expect(text.includes(raw), `${page} shows ${raw}`).toBe(false);
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
		const stylesheets = ($: ReturnType<typeof loadHtml>) =>
			$('link[rel=stylesheet]')
				.map((_, el) => $(el).attr('href'))
				.get();
		const home = stylesheets(loadHtml(site.read('index.html')));
		expect(home.length).toBeGreaterThan(0);
		const withMath = rows.filter(
			(row) => loadHtml(site.read(pageFile(site, row)))('.math').length > 0,
		);
		expect(withMath.map((row) => row.title.slice(0, 12)).sort()).toEqual([
			'(AR)²: A sim',
			'Arena: An en',
			'Federated Sh',
			'GIDM: A two-',
		]);
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
			const urls = [
				...css.replace(/url\((["'])data:.*?\1\)/gsu, '').matchAll(/url\(\s*["']?([^"')]+)/gu),
			].map((m) => m[1]!);
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) expect(url, url).toMatch(/^\/atlas\/_astro\//u);
			expect(css).not.toContain('@import');
		}
	});
});

describe('LaTeX as arXiv writes it: math titles, accents, operators between numbers', () => {
	let site: BuiltSite;
	let rows: PaperRow[];
	let pages: string[];

	beforeAll(async () => {
		site = await buildSiteOk({ seeds: REAL_LATEX_SEEDS, name: 'latex-real' });
		rows = readPapersJson(site);
		pages = (await readdir(site.outDir, { recursive: true })).filter((f) => f.endsWith('.html'));
	});

	const row = (title: string) => {
		const found = rows.find((r) => r.title === title);
		if (!found)
			throw new Error(
				`no paper titled "${title}"; titles: ${rows.map((r) => r.title).join(' | ')}`,
			);
		return found;
	};

	test('titles with math are plain Unicode where only text fits: papers.json, <title>, meta, JSON-LD, search', () => {
		expect(rows.map((r) => r.title)).toEqual([
			'A macro the abstract never defines',
			'From dyadic Λ_α to Λ_α',
			'Measured rates between numbers',
			'p-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight',
		]);
		const $ = loadHtml(site.read(pageFile(site, row('From dyadic Λ_α to Λ_α'))));
		expect($('title').text()).toBe('From dyadic Λ_α to Λ_α · Abstract Atlas');
		expect($('meta[property="og:title"]').attr('content')).toBe('From dyadic Λ_α to Λ_α');
		const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as {
			headline: string;
		};
		expect(jsonLd.headline).toBe('From dyadic Λ_α to Λ_α');
		expect($('h1').attr('data-pagefind-meta')).toBe('title[data-title]');
		expect($('h1').attr('data-title')).toBe('From dyadic Λ_α to Λ_α');
		// Citation tags need a real author and year: papers.yaml gives them for the p-adic paper.
		const padic = loadHtml(
			site.read(
				pageFile(
					site,
					row('p-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight'),
				),
			),
		);
		expect(padic('meta[name=citation_title]').attr('content')).toBe(
			'p-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight',
		);
		expect(
			padic('meta[name=citation_author]')
				.map((_, m) => padic(m).attr('content'))
				.get(),
		).toContain('Michel Benoît');
	});

	test('the h1, the home list and prev/next typeset a title’s math; BibTeX keeps the LaTeX, RIS gets text', () => {
		const dyadic = row('From dyadic Λ_α to Λ_α');
		const $ = loadHtml(site.read(pageFile(site, dyadic)));
		expect($('h1 span.math > math').length).toBe(2);
		expect(fold($('h1').text())).not.toContain('$');
		const home = loadHtml(site.read('index.html'));
		const link = home(`a[href="${dyadic.url}"]`);
		expect(link.find('math').length).toBe(2);
		const next = loadHtml(site.read(pageFile(site, row('A macro the abstract never defines'))))(
			'a[rel=next]',
		);
		expect(next.find('math').length).toBe(2);
		const padic = loadHtml(
			site.read(
				pageFile(
					site,
					row('p-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight'),
				),
			),
		);
		expect(padic('h1 math').first().text()).toBe('p');
		const slug = dyadic.url.slice(0, -1);
		expect(site.read(`${slug.slice(1)}.bib`)).toContain(
			'title = {From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$}',
		);
		expect(site.read(`${slug.slice(1)}.ris`)).toContain('T1  - From dyadic Λ_α to Λ_α');
	});

	test('TeX accents read as letters in names and text; $\\pm$ between numbers is typeset, prices are not', () => {
		const dyadic = loadHtml(site.read(pageFile(site, row('From dyadic Λ_α to Λ_α'))));
		expect(fold(dyadic('.abstract').text())).toContain('of Schrödinger type');
		expect(fold(dyadic('.abstract').text())).toContain('following Djoković and Erdős.');
		expect(
			dyadic('a[href*="/authors/"]')
				.map((_, a) => dyadic(a).text())
				.get(),
		).toContain('Balázs, Csaba');
		const padic = loadHtml(
			site.read(
				pageFile(
					site,
					row('p-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight'),
				),
			),
		);
		expect(
			padic('a[href*="/authors/"]')
				.map((_, a) => padic(a).text())
				.get(),
		).toContain('Michel Benoît');
		const rates = loadHtml(site.read(pageFile(site, row('Measured rates between numbers'))));
		expect(
			rates('.abstract math')
				.map((_, m) => rates(m).text())
				.get(),
		).toEqual(['±', '×', '∼']);
		expect(fold(rates('.abstract').text())).toContain('tickets cost $5 and $10 at the door.');
		const macro = loadHtml(site.read(pageFile(site, row('A macro the abstract never defines'))));
		expect(fold(macro('.abstract').text())).toContain('the naïve ångström bound of Østergaard.');
	});

	test('math that cannot be typeset shows its source, is warned about by file and line, and counted once', () => {
		const macro = loadHtml(site.read(pageFile(site, row('A macro the abstract never defines'))));
		expect(macro('.abstract code.math-error').text()).toBe('$\\GLtwo(q)$');
		expect(site.log).toContain('author-page.txt:26: cannot typeset the math "$\\GLtwo(q)$"');
		expect(site.log).toContain('1 math fragment shown as TeX source');
	});

	test('no page shows raw LaTeX outside the Cite block, except the one fragment that cannot be typeset', () => {
		for (const page of pages) {
			const $ = loadHtml(site.read(page));
			$('script, style, template, .cite, code.math-error').remove();
			const text = $('body').text();
			for (const raw of ['$\\', '\\Lambda', "\\'", '\\"', '\\H{', '$p$'])
				expect(text.includes(raw), `${page} shows ${raw}`).toBe(false);
		}
	});
});

/** Visible text of a page's abstract, whitespace folded. */
function $text($: ReturnType<typeof loadHtml>): string {
	return fold($('.abstract').text());
}
