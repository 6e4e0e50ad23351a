import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import type { Paper, TermRef } from '../../schemas/paper.ts';
import { compareByTitle } from '../papers/title-order.ts';

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

/** Slug for an author or category name: readable and stable ("Mei, Jian-Ping" → "mei-jian-ping"). */
export function termSlug(name: string): string {
	return slugify(name, { decamelize: false }) || fallbackSlug('name', name);
}

/**
 * For names slugify cannot spell in Latin letters (Han characters, for one): a short hash,
 * so that two such names never share a page.
 */
export function fallbackSlug(prefix: string, name: string): string {
	return `${prefix}-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

/** A paper's terms of one taxonomy, as slug and name. */
export function termsOfPaper(paper: Pick<Paper, 'topics' | 'authors' | 'categories'>, kind: TaxonomyKind): TermRef[] {
	if (kind === 'topics') return paper.topics;
	return paper[kind].map((name) => ({ slug: termSlug(name), name }));
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
			const term = terms.get(ref.slug) ?? { slug: ref.slug, name: ref.name, papers: [], ...(ref.parent ? { parent: ref.parent } : {}) };
			term.papers.push(paper);
			terms.set(ref.slug, term);
		}
	}
	for (const term of terms.values()) term.papers.sort(compareByTitle);
	return [...terms.values()].sort(
		(a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1),
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
	for (const term of terms) if (term.parent && slugs.has(term.parent)) children.get(term.parent)?.push(term) ?? children.set(term.parent, [term]);
	return terms.filter((t) => !t.parent || !slugs.has(t.parent)).map((term) => ({ term, children: children.get(term.slug) ?? [] }));
}
