import type { Paper } from '../../schemas/paper.ts';
import { bibtexEntry } from '../cite/bibtex.ts';
import { cspMetaTag, escapeAttribute } from '../hosting/csp.ts';
import { risRecord } from '../cite/ris.ts';
import { withBase } from './options.ts';
import { absoluteUrl, paperPath } from './urls.ts';

/** Where the site is served: the base path (with slashes) and, when known, its origin. */
export interface SiteAddress {
	base: string;
	site: string | undefined;
}

/** One file of the built site, by its path inside the output folder. */
export interface SiteFile {
	path: string;
	body: string;
}

/** Text escaped as Astro escapes it in element content, so the page is byte-identical to a rendered one. */
function escapeText(text: string): string {
	return text.replace(
		/[&<>'"]/gu,
		(ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[ch]!,
	);
}

/**
 * A static redirect page: works with no JavaScript and on any static host. Used for
 * /p/<id>/ short links, and for old URLs if the slug rule is ever changed on purpose.
 * `policy` is the site's Content-Security-Policy, carried as every rendered page carries
 * it (the dev server, which applies none, gives none); `icon` the site's icon, without
 * which browsers ask the host root for /favicon.ico.
 * A reader whose browser does not follow the refresh lands on a page with a main
 * landmark and a heading, as on every other page (axe).
 */
export function redirectPage(
	title: string,
	target: string,
	site: string | undefined,
	{ policy, icon }: { policy?: string; icon?: string } = {},
): string {
	const canonical = absoluteUrl(target, site);
	return (
		`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${policy === undefined ? '' : cspMetaTag(policy)}<title>${escapeText(title)} · Abstract Atlas</title>` +
		(icon === undefined
			? ''
			: `<link rel="icon" href="${escapeAttribute(icon)}" type="image/svg+xml">`) +
		`<meta http-equiv="refresh" content="${escapeAttribute(`0; url=${target}`)}"><link rel="canonical" href="${escapeAttribute(canonical)}">` +
		`<meta name="robots" content="noindex"></head><body><main><h1>Short link</h1><p>This is a permanent short link to <a href="${escapeAttribute(target)}">${escapeText(title)}</a>.</p></main></body></html>`
	);
}

/** A paper's page as citations give it: absolute on the site's origin when known, else the path. */
export function citedPaperUrl(paper: Pick<Paper, 'slug'>, { base, site }: SiteAddress): string {
	return absoluteUrl(paperPath(base, paper.slug), site);
}

/**
 * The files every paper adds beside its page: the `/p/<id>/` short link and the `.bib`
 * and `.ris` downloads. They need no page machinery, and as Astro routes they were three
 * routes per paper; written as files from the same pure functions they cost a fraction.
 */
export function* paperFiles(
	papers: Iterable<Paper>,
	address: SiteAddress,
	{ policy }: { policy?: string } = {},
): Generator<SiteFile> {
	for (const paper of papers) {
		const url = citedPaperUrl(paper, address);
		yield {
			path: `p/${paper.id}/index.html`,
			body: redirectPage(paper.title, paperPath(address.base, paper.slug), address.site, {
				...(policy === undefined ? {} : { policy }),
				icon: withBase(address.base, 'favicon.svg'),
			}),
		};
		yield { path: `papers/${paper.slug}.bib`, body: bibtexEntry(paper, { url }) };
		yield { path: `papers/${paper.slug}.ris`, body: risRecord(paper, { url }) };
	}
}
