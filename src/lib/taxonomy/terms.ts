import type { Paper, TermRef } from '../../schemas/paper.ts';
import { compareByTitle } from '../papers/title-order.ts';
import { termSlug } from './term-slug.ts';

/** A term of one of the site's taxonomies (topic, author, category) with its papers. */
export interface Term {
	slug: string;
	name: string;
	/** Topics only: the slug of the broader topic this one is a subtopic of. */
	parent?: string;
	/** In title order. */
	papers: Paper[];
}

export type TaxonomyKind = 'topics' | 'authors' | 'categories';

/** A paper's terms of one taxonomy, as slug and name. */
export function termsOfPaper(
	paper: Pick<Paper, 'topics' | 'authors' | 'categories'>,
	kind: TaxonomyKind,
): TermRef[] {
	if (kind === 'topics') return paper.topics;
	return paper[kind].map((name) => ({ slug: termSlug(kind, name), name }));
}

/**
 * Groups papers by the terms of one taxonomy, sorted as every list of terms on the
 * site is: most papers first, then by name. Derived from the papers alone, so pages,
 * JSON indexes and counts can never disagree.
 */
export function groupByTerm(papers: readonly Paper[], kind: TaxonomyKind): Term[] {
	const terms = new Map<string, Term>();
	for (const paper of papers) {
		for (const ref of termsOfPaper(paper, kind)) {
			const term = terms.get(ref.slug) ?? {
				slug: ref.slug,
				name: ref.name,
				papers: [],
				...(ref.parent ? { parent: ref.parent } : {}),
			};
			term.papers.push(paper);
			terms.set(ref.slug, term);
		}
	}
	for (const term of terms.values()) term.papers.sort(compareByTitle);
	return [...terms.values()].sort(
		(a, b) =>
			b.papers.length - a.papers.length ||
			a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
			(a.slug < b.slug ? -1 : 1),
	);
}

/** A term in a tree of terms: its subterms (topics only), in the order of the list. */
export interface TermNode {
	term: Term;
	children: Term[];
}

/**
 * The terms as a tree, one level deep: terms without a parent in list order, each with
 * its subterms. A term whose parent is not in the list stands at the top.
 */
export function termTree(terms: readonly Term[]): TermNode[] {
	const slugs = new Set(terms.map((t) => t.slug));
	const children = new Map<string, Term[]>();
	for (const term of terms)
		if (term.parent && slugs.has(term.parent))
			children.get(term.parent)?.push(term) ?? children.set(term.parent, [term]);
	return terms
		.filter((t) => !t.parent || !slugs.has(t.parent))
		.map((term) => ({ term, children: children.get(term.slug) ?? [] }));
}
