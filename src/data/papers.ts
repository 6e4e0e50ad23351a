import type { PaginateFunction } from 'astro';
import { getCollection } from 'astro:content';
import { compareByTitle } from '../lib/build-collection.ts';
import { groupByTerm, type TaxonomyKind, type Term } from '../lib/taxonomy.ts';
import type { Paper } from '../schemas/paper.ts';

/** Every paper, in title order: the order of every list on the site. */
export async function allPapers(): Promise<Paper[]> {
	return (await getCollection('papers')).map((entry) => entry.data).sort(compareByTitle);
}

/** The terms of one taxonomy with their papers. */
export async function allTerms(kind: TaxonomyKind): Promise<Term[]> {
	return groupByTerm(await allPapers(), kind);
}

/** Papers per page on the home page and on term pages. */
export const PAGE_SIZE = 50;

/**
 * Static paths for the pages of every term of a taxonomy, 50 papers a page:
 * `/<kind>/<slug>/`, then `/<kind>/<slug>/2/`, …
 */
export async function termStaticPaths(kind: TaxonomyKind, paginate: PaginateFunction) {
	return (await allTerms(kind)).flatMap((term) =>
		paginate(term.papers, {
			params: { slug: term.slug },
			props: { term: { slug: term.slug, name: term.name, count: term.papers.length } },
			pageSize: PAGE_SIZE,
		}),
	);
}
