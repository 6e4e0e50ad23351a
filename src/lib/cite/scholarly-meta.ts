import type { Paper } from '../../schemas/paper.ts';
import { plainAbstract } from '../papers/assemble-papers.ts';

/** Where the page lives: absolute when the site URL is known, else a path from the host root. */
export interface PageAddress {
	url: string;
}

/** Whether title, author and year are all real: the condition for Highwire citation tags. */
export function hasRealCitation(paper: Pick<Paper, 'titleSource' | 'authors' | 'year'>): boolean {
	return paper.titleSource !== 'derived' && paper.authors.length > 0 && paper.year !== undefined;
}

/**
 * Highwire Press `citation_*` tags, which Google Scholar and Zotero read. Returned only
 * when the title, author and year are real: invented values would pollute their
 * records, so a paper with a derived title or no known author or year gets none.
 */
export function citationTags(
	paper: Paper,
	address: PageAddress,
): [name: string, content: string][] {
	if (!hasRealCitation(paper)) return [];
	return [
		['citation_title', paper.title],
		...paper.authors.map((author): [string, string] => ['citation_author', author]),
		['citation_publication_date', String(paper.year)],
		['citation_abstract_html_url', address.url],
		...(paper.venue ? [['citation_journal_title', paper.venue] as [string, string]] : []),
		...(paper.doi ? [['citation_doi', paper.doi] as [string, string]] : []),
		...(paper.pdf ? [['citation_pdf_url', paper.pdf] as [string, string]] : []),
		...(paper.arxiv ? [['citation_arxiv_id', paper.arxiv] as [string, string]] : []),
	];
}

/**
 * schema.org `ScholarlyArticle` for search engines. A derived title is given as the
 * headline only with `alternativeHeadline` saying so, and authors only when known.
 */
export function scholarlyArticle(paper: Paper, address: PageAddress): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'ScholarlyArticle',
		headline: paper.title,
		...(paper.titleSource === 'derived'
			? { alternativeHeadline: 'Title derived from the abstract; not the paper’s own title' }
			: {}),
		abstract: plainAbstract(paper.paragraphs),
		url: address.url,
		identifier: [
			{ '@type': 'PropertyValue', propertyID: 'abstract-atlas-id', value: paper.id },
			...(paper.doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi }] : []),
			...(paper.arxiv
				? [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxiv }]
				: []),
		],
		keywords: paper.topics.map((t) => t.name),
		...(paper.authors.length
			? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) }
			: {}),
		...(paper.year !== undefined ? { datePublished: String(paper.year) } : {}),
		...(paper.venue ? { isPartOf: { '@type': 'Periodical', name: paper.venue } } : {}),
	};
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that no value,
 * however hostile, can close the script element.
 */
export function jsonForScript(data: unknown): string {
	return JSON.stringify(data)
		.replace(/</gu, '\\u003c')
		.replace(/\u2028/gu, '\\u2028')
		.replace(/\u2029/gu, '\\u2029');
}
