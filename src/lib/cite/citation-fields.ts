import type { Paper } from '../../schemas/paper.ts';
import { present } from '../text/present.ts';

/**
 * What a citation reads from a paper. The bibliographic fields (year, venue, DOI, PDF,
 * arXiv) come from papers.yaml and are optional: citations work with whatever is there.
 */
export type CitablePaper = Pick<
	Paper,
	| 'id'
	| 'title'
	| 'titleTex'
	| 'titleSource'
	| 'paragraphs'
	| 'authors'
	| 'topics'
	| 'year'
	| 'venue'
	| 'doi'
	| 'pdf'
	| 'arxiv'
>;

export interface CiteOptions {
	/** The paper's page: absolute when the site's URL is known, else the path from the host root. */
	url: string;
}

/** Said wherever a citation carries a title we derived, so nobody takes it for the paper's own. */
export const DERIVED_TITLE_NOTE =
	"Title derived from the abstract by Abstract Atlas; not the paper's own title";

/** Stable citation key: from the permanent id, never the title, so a better title never breaks a citation. */
export function citeKey(paper: Pick<Paper, 'id'>): string {
	return `atlas:${paper.id}`;
}

export function hasDerivedTitle(paper: Pick<Paper, 'titleSource'>): boolean {
	return paper.titleSource === 'derived';
}

/**
 * The title as a citation shows it. A derived title goes in square brackets, the
 * cataloguers' convention for a title supplied by the cataloguer, not the work.
 */
export function citedTitle(paper: Pick<Paper, 'title' | 'titleSource'>): string {
	const title = singleLine(paper.title);
	return hasDerivedTitle(paper) ? `[${title}]` : title;
}

/** Control characters removed and every run of whitespace (newlines included) made one space. */
export function singleLine(text: string): string {
	return text
		.replace(/[\s\u0085\u2028\u2029]+/gu, ' ')
		.replace(/[\u0000-\u001f\u007f-\u009f]/gu, '')
		.trim();
}

/** `10.1000/xyz` from `10.1000/xyz`, `doi:10.1000/xyz` or `https://doi.org/10.1000/xyz`. */
export function doiName(doi: string | null | undefined): string | undefined {
	return present(doi)?.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/iu, '');
}

/** `2301.00001` from `2301.00001`, `arXiv:2301.00001` or an arxiv.org abs/pdf link. */
export function arxivId(arxiv: string | null | undefined): string | undefined {
	return present(arxiv)
		?.replace(/^(?:arxiv:\s*|https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)/iu, '')
		.replace(/\.pdf$/iu, '');
}

/** Topic names as keywords, most relevant first. */
export function keywordNames(paper: Pick<Paper, 'topics'>): string[] {
	return paper.topics.map((topic) => singleLine(topic.name)).filter((name) => name !== '');
}
