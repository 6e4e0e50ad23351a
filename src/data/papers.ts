import type { PaginateFunction } from 'astro';
import { getCollection } from 'astro:content';
import { compareByTitle } from '../lib/papers/title-order.ts';
import { citedPaperUrl } from '../lib/site/paper-files.ts';
import { groupByTerm, termTree, type TaxonomyKind, type Term } from '../lib/taxonomy/terms.ts';
import type { Paper } from '../schemas/paper.ts';

/**
 * Once per build: every route calls these, and each call would otherwise walk and sort
 * the whole collection again (tens of thousands of times on a large site). The dev
 * server reloads the collection when seeds change, so there nothing is kept.
 */
function oncePerBuild<K, V>(compute: (key: K) => Promise<V>): (key: K) => Promise<V> {
	const cache = new Map<K, Promise<V>>();
	return (key) => {
		if (import.meta.env.DEV) return compute(key);
		let value = cache.get(key);
		if (!value) cache.set(key, (value = compute(key)));
		return value;
	};
}

const papersInTitleOrder = oncePerBuild(async () =>
	(await getCollection('papers')).map((entry) => entry.data).sort(compareByTitle),
);

/** Every paper, in title order: the order of every list on the site. */
export function allPapers(): Promise<Paper[]> {
	return papersInTitleOrder(undefined);
}

/**
 * A paper's page as citations give it: absolute on Astro's `site` (plus the base) when
 * one is set, otherwise the path from the host root under the base.
 */
export function paperUrl(paper: Pick<Paper, 'slug'>): string {
	// The same rule the build uses for the .bib and .ris files written beside the page.
	return citedPaperUrl(paper, {
		base: import.meta.env.BASE_URL,
		site: import.meta.env.SITE || undefined,
	});
}

/** The terms of one taxonomy with their papers. */
export const allTerms: (kind: TaxonomyKind) => Promise<Term[]> = oncePerBuild(async (kind) =>
	groupByTerm(await allPapers(), kind),
);

/** Papers per page on the home page and on term pages. */
export const PAGE_SIZE = 50;

/**
 * Static paths for the pages of every term of a taxonomy, 50 papers a page:
 * `/<kind>/<slug>/`, then `/<kind>/<slug>/2/`, …
 */
export async function termStaticPaths(kind: TaxonomyKind, paginate: PaginateFunction) {
	const terms = await allTerms(kind);
	const summary = (term: Term) => ({ slug: term.slug, name: term.name, count: term.papers.length });
	const children = new Map(
		termTree(terms).map((node) => [node.term.slug, node.children.map(summary)]),
	);
	const bySlug = new Map(terms.map((term) => [term.slug, term]));
	return terms.flatMap((term) => {
		const parent = term.parent ? bySlug.get(term.parent) : undefined;
		return paginate(term.papers, {
			params: { slug: term.slug },
			props: {
				term: summary(term),
				/** Subtopics, listed with their counts before the papers. */
				children: children.get(term.slug) ?? [],
				parent: parent ? summary(parent) : undefined,
			},
			pageSize: PAGE_SIZE,
		});
	});
}
