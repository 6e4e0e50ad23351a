/**
 * Citations in real builds: every paper's .bib and .ris file, the collection's
 * papers.bib, and the Cite section on every paper page (Shiki-highlighted BibTeX, the
 * copy button's text, download links that resolve), at the root without a site URL
 * and under a base with one, plus the hostile fixture seeds.
 */
import { readdir } from 'node:fs/promises';
import { parse } from '@retorquere/bibtex-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { DERIVED_TITLE_NOTE } from '../../src/lib/cite/citation-fields.ts';
import type { BuiltSite } from '../helpers/build-site.ts';
import { foreignScripts, loadHtml } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { SHARED_BUILDS, SHARED_SITE_URL as SITE, sharedSiteOk } from '../helpers/shared-sites.ts';

/** `papers/<slug>` inside the output folder, from a row's URL. */
function slugPath(site: BuiltSite, row: PaperRow): string {
	return pageFile(site, row).replace(/\/index\.html$/u, '');
}

/** Parses BibTeX, failing on any error. */
function parseBibtex(text: string, file: string) {
	const library = parse(text, { sentenceCase: false, unsupported: 'ignore' });
	expect(library.errors, file).toEqual([]);
	return library.entries;
}

describe.each([
	{ name: 'bundled', site: undefined },
	{ name: 'bundled-atlas-site', site: SITE },
] as const)('citations of the bundled seeds ($name)', ({ name, site: siteUrl }) => {
	let site: BuiltSite;
	let rows: PaperRow[];
	beforeAll(async () => {
		site = sharedSiteOk(name);
		expect(SHARED_BUILDS[name].site).toBe(siteUrl);
		rows = readPapersJson(site);
	});

	/** What the url field must hold: absolute when the build has a site URL. */
	const citedUrl = (row: PaperRow) => (siteUrl ? `${siteUrl}${row.url}` : row.url);

	test('every paper has its own .bib with one entry keyed atlas:<id>, and nothing else is there', async () => {
		const bibFiles = (await readdir(`${site.outDir}/papers`)).filter((f) => f.endsWith('.bib'));
		expect(bibFiles).toHaveLength(rows.length);
		for (const row of rows) {
			const file = `${slugPath(site, row)}.bib`;
			const entries = parseBibtex(site.read(file), file);
			expect(entries).toHaveLength(1);
			const entry = entries[0]!;
			expect(entry.type).toBe('misc');
			expect(entry.key).toBe(`atlas:${row.id}`);
			expect(entry.fields['url']).toBe(citedUrl(row));
			if (row.titleSource === 'derived') {
				expect(entry.fields.title).toMatch(/^\[.+\]$/u);
				expect(entry.fields['note']).toBe(DERIVED_TITLE_NOTE);
			} else {
				expect(entry.fields['note']).toBeUndefined();
			}
			expect(entry.fields['abstract']?.length).toBeGreaterThan(100);
		}
	});

	test('papers.bib holds every paper once, in the title order of papers.json, the same text as each file', () => {
		const text = site.read('papers.bib');
		const entries = parseBibtex(text, 'papers.bib');
		expect(entries).toHaveLength(rows.length);
		expect(entries.map((e) => e.key)).toEqual(rows.map((r) => `atlas:${r.id}`));
		expect(text).toBe(rows.map((row) => site.read(`${slugPath(site, row)}.bib`)).join('\n'));
	});

	test('scraped papers cite their authors and real titles', () => {
		const scraped = rows.filter((r) => r.authors.length > 0);
		expect(scraped.length).toBeGreaterThan(0);
		for (const row of scraped) {
			const entry = parseBibtex(site.read(`${slugPath(site, row)}.bib`), row.url)[0]!;
			expect(entry.fields.author?.length).toBe(row.authors.length);
			expect(row.titleSource).toBe('source');
			expect(entry.fields.title).toBe(row.title);
		}
	});

	test('every paper has a .ris record that starts with TY  - and ends with ER  - ', () => {
		for (const row of rows) {
			const ris = site.read(`${slugPath(site, row)}.ris`);
			expect(ris.startsWith('TY  - GEN\r\n')).toBe(true);
			expect(ris.endsWith('ER  - \r\n')).toBe(true);
			expect(ris).toContain(`\r\nID  - atlas:${row.id}\r\n`);
			expect(ris).toContain(`\r\nUR  - ${citedUrl(row)}\r\n`);
			for (const line of ris.slice(0, -2).split('\r\n'))
				expect(line).toMatch(/^[A-Z][A-Z0-9]  - /u);
		}
	});

	test('every paper page has a Cite section after the provenance, with Shiki-highlighted BibTeX and working downloads', () => {
		for (const row of rows) {
			const page = pageFile(site, row);
			const $ = loadHtml(site.read(page));
			const cite = $('.cite');
			expect(cite.length, page).toBe(1);
			expect(cite.is('[data-pagefind-ignore]')).toBe(true);
			expect(cite.prev().is('.provenance'), page).toBe(true);
			expect(cite.find('h2').text()).toBe('Cite');
			const bibFile = `${slugPath(site, row)}.bib`;
			const bibtex = site.read(bibFile);

			const code = cite.find('pre.astro-code');
			expect(code.length).toBe(1);
			expect(code.attr('data-language')).toBe('bibtex');
			expect(code.text()).toBe(bibtex.trimEnd());
			// Both themes, as classes naming each token's light and dark colour: no style attribute, which the CSP refuses.
			expect(cite.find('[style]').length).toBe(0);
			expect(code.find('span[class*="shiki-dark-"]').length).toBeGreaterThan(5);
			expect(
				new Set(
					code
						.find('span[class*="shiki-light-"]')
						.map((_, s) => /shiki-light-([0-9a-f]+)/u.exec($(s).attr('class') ?? '')?.[1])
						.get(),
				).size,
			).toBeGreaterThan(2);

			const button = cite.find('button[data-cite-copy]');
			expect(button.attr('type')).toBe('button');
			expect(button.text().trim()).toBe('Copy BibTeX');
			expect(button.attr('data-cite-text')).toBe(bibtex);
			expect(cite.find('[role=status][aria-live=polite]').length).toBe(1);

			const downloads = cite
				.find('a[download]')
				.map((_, a) => $(a).attr('href'))
				.get();
			expect(downloads).toEqual([`${row.url.slice(0, -1)}.bib`, `${row.url.slice(0, -1)}.ris`]);
			for (const href of downloads)
				expect(site.exists(href.slice(site.base.length)), href).toBe(true);
			expect(foreignScripts($)).toEqual([]);
		}
	});

	test('the stylesheets give every colour class of the code a value, and pick light or dark with the theme', async () => {
		const files = (await readdir(`${site.outDir}/_astro`))
			.filter((f) => f.endsWith('.css'))
			.map((f) => site.read(`_astro/${f}`));
		const $ = loadHtml(site.read(pageFile(site, rows[0]!)));
		const css = [
			...files,
			...$('style')
				.map((_, el) => $(el).text())
				.get(),
		].join('\n');
		expect(css).toMatch(
			/\.astro-code[^{]*\{[^}]*color:\s*light-dark\(var\(--shiki-light\),\s*var\(--shiki-dark\)\)/u,
		);
		const classes = new Set(
			$('.cite .astro-code, .cite .astro-code span')
				.map((_, el) => ($(el).attr('class') ?? '').split(' '))
				.get(),
		);
		const colourClasses = [...classes].filter((c) => c.startsWith('shiki-'));
		expect(colourClasses.length).toBeGreaterThan(4);
		for (const cls of colourClasses) expect(css, cls).toContain(`.${cls}{`);
	});
});

describe('citations of the hostile fixture seeds', () => {
	let site: BuiltSite;
	beforeAll(async () => {
		site = sharedSiteOk('fixture');
	});

	test('every .bib parses to its one entry and papers.bib to all of them', () => {
		const rows = readPapersJson(site);
		for (const row of rows) {
			const entries = parseBibtex(site.read(`${slugPath(site, row)}.bib`), row.url);
			expect(entries.map((e) => e.key)).toEqual([`atlas:${row.id}`]);
			expect(
				Object.keys(entries[0]!.fields).every((f) =>
					['title', 'author', 'howpublished', 'url', 'keywords', 'note', 'abstract'].includes(f),
				),
			).toBe(true);
		}
		expect(parseBibtex(site.read('papers.bib'), 'papers.bib').map((e) => e.key)).toEqual(
			rows.map((r) => `atlas:${r.id}`),
		);
	});

	test('the hostile abstract reaches the .bib whole and the page only as text', () => {
		const row = readPapersJson(site).find((r) => r.title === 'HostileNet: A probe')!;
		const bibtex = site.read(`${slugPath(site, row)}.bib`);
		const raw = parse(bibtex, { raw: true }).entries[0]!;
		expect(raw.fields.title).toBe('[{HostileNet}: A probe]');
		expect(raw.fields['abstract']).toContain('<script>alert("xss")</script>');
		expect(raw.fields['abstract']).toContain('{process.exit(3)}');
		const $ = loadHtml(site.read(pageFile(site, row)));
		expect($('.cite script, .cite img').length).toBe(0);
		expect($('.cite pre').text()).toBe(bibtex.trimEnd());
		expect(foreignScripts($)).toEqual([]);
	});
});
