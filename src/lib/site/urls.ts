import type { TaxonomyKind } from '../taxonomy/terms.ts';
import { withBase } from './options.ts';

/** A paper's permanent page, from the host root: `/papers/<slug>/` under the base. */
export function paperPath(base: string, slug: string): string {
	return withBase(base, `papers/${slug}/`);
}

/** A paper's citation file next to its page: `/papers/<slug>.bib` or `/papers/<slug>.ris`. */
export function paperCitePath(base: string, slug: string, format: 'bib' | 'ris'): string {
	return withBase(base, `papers/${slug}.${format}`);
}

/** Every paper's BibTeX entry in one file. */
export function collectionBibPath(base: string): string {
	return withBase(base, 'papers.bib');
}

/**
 * A path from the host root (base included) made absolute on the site's origin, or left
 * as it is when the site is unknown. Every absolute URL the site writes comes from here
 * (canonical links, citations, structured data, the feed, robots.txt, short links), so
 * they cannot disagree about the origin or the base.
 */
export function absoluteUrl(path: string, site: string | URL | undefined): string {
	return site ? new URL(path, site).href : path;
}

/** Page n of the home page's paper list: `/` for the first, then `/page/2/`, … */
export function homePagePath(base: string, page: number): string {
	return page <= 1 ? withBase(base) : withBase(base, `page/${page}/`);
}

/** The index of a taxonomy: `/topics/`, `/authors/`, `/categories/`. */
export function taxonomyPath(base: string, kind: TaxonomyKind): string {
	return withBase(base, `${kind}/`);
}

/** Page n of one term: `/topics/<slug>/`, then `/topics/<slug>/2/`, … */
export function termPath(base: string, kind: TaxonomyKind, slug: string, page = 1): string {
	return withBase(base, `${kind}/${slug}/${page > 1 ? `${page}/` : ''}`);
}

/** Numbered links for a paginated list; `pathOf(n)` gives page n's URL. */
export function pageLinks(current: number, last: number, pathOf: (page: number) => string) {
	return {
		prev: current > 1 ? pathOf(current - 1) : undefined,
		next: current < last ? pathOf(current + 1) : undefined,
		pages: Array.from({ length: last }, (_, i) => ({
			number: i + 1,
			href: pathOf(i + 1),
			current: i + 1 === current,
		})),
	};
}
