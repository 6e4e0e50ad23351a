import type { Paper } from '../../schemas/paper.ts';
import { paperPath, termPath } from './urls.ts';
import { termsOfPaper, type TaxonomyKind, type Term } from '../taxonomy/terms.ts';

/**
 * One row of `dist/papers.json`, the contract other tools read. Fields may be added;
 * existing ones are never renamed or removed.
 */
export interface PaperIndexEntry {
	id: string;
	title: string;
	titleSource: Paper['titleSource'];
	/** Path from the host root, including the base. */
	url: string;
	sources: Paper['sources'];
	/** Topic slugs, most relevant first. */
	topics: string[];
	/** Author slugs (see authors.json). */
	authors: string[];
	/** Category slugs (see categories.json). */
	categories: string[];
	/** From papers.yaml, present only when supplied. */
	year?: number;
	venue?: string;
	doi?: string;
	pdf?: string;
	arxiv?: string;
}

export function paperIndexEntry(paper: Paper, base: string): PaperIndexEntry {
	return {
		id: paper.id,
		title: paper.title,
		titleSource: paper.titleSource,
		url: paperPath(base, paper.slug),
		sources: paper.sources,
		topics: paper.topics.map((t) => t.slug),
		authors: termsOfPaper(paper, 'authors').map((t) => t.slug),
		categories: termsOfPaper(paper, 'categories').map((t) => t.slug),
		...(paper.year !== undefined ? { year: paper.year } : {}),
		...(paper.venue !== undefined ? { venue: paper.venue } : {}),
		...(paper.doi !== undefined ? { doi: paper.doi } : {}),
		...(paper.pdf !== undefined ? { pdf: paper.pdf } : {}),
		...(paper.arxiv !== undefined ? { arxiv: paper.arxiv } : {}),
	};
}

/** One row of `topics.json`, `authors.json` or `categories.json`. */
export interface TermIndexEntry {
	slug: string;
	name: string;
	/** Path from the host root, including the base. */
	url: string;
	count: number;
	/** topics.json only: the slug of the broader topic this one is a subtopic of, or null. */
	parent?: string | null;
}

export function termIndexEntry(term: Term, kind: TaxonomyKind, base: string): TermIndexEntry {
	const entry = {
		slug: term.slug,
		name: term.name,
		url: termPath(base, kind, term.slug),
		count: term.papers.length,
	};
	return kind === 'topics' ? { ...entry, parent: term.parent ?? null } : entry;
}

/** JSON as the site writes it: tab-indented, one trailing newline. */
export function jsonResponse(data: unknown): Response {
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
}
