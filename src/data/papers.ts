import type { PaginateFunction } from 'astro';
import { getCollection } from 'astro:content';
import { compareByTitle } from '../lib/build-collection.ts';
import { absoluteUrl, paperPath } from '../lib/site-paths.ts';
import { groupByTerm, termTree, type TaxonomyKind, type Term } from '../lib/taxonomy.ts';
import type { Paper } from '../schemas/paper.ts';

/** Every paper, in title order: the order of every list on the site. */
export async function allPapers(): Promise<Paper[]> {
	return (await getCollection('papers')).map((entry) => entry.data).sort(compareByTitle);
}

/**
 * A paper's page as citations give it: absolute on Astro's `site` (plus the base) when
 * one is set, otherwise the path from the host root under the base.
 */
export function paperUrl(paper: Pick<Paper, 'slug'>): string {
	return absoluteUrl(paperPath(import.meta.env.BASE_URL, paper.slug), import.meta.env.SITE || undefined);
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
	const terms = await allTerms(kind);
	const summary = (term: Term) => ({ slug: term.slug, name: term.name, count: term.papers.length });
	const children = new Map(termTree(terms).map((node) => [node.term.slug, node.children.map(summary)]));
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
