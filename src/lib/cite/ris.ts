import {
	arxivId,
	citedTitle,
	citeKey,
	DERIVED_TITLE_NOTE,
	doiName,
	hasDerivedTitle,
	keywordNames,
	singleLine,
	type CitablePaper,
	type CiteOptions,
} from './citation-fields.ts';
import { plainText } from '../latex/plain-text.ts';
import { present } from '../text/present.ts';

export const RIS_CONTENT_TYPE = 'application/x-research-info-systems; charset=utf-8';

/** RIS lines end with CR LF, as the format's specification and EndNote write them. */
export const RIS_EOL = '\r\n';

/**
 * One RIS line: a two-character tag, two spaces, a hyphen, a space, then the value.
 * Values are plain text on a single line, so no text can start a tag of its own.
 */
function risLine(tag: string, value: string): string {
	return `${tag}  - ${singleLine(value)}`;
}

/**
 * A RIS record (`TY  - GEN` … `ER  - `) for EndNote, Zotero and other reference
 * managers, with the same key, title rule and fields as the BibTeX entry. The abstract
 * is read as plain text, as these tools show it.
 */
export function risRecord(paper: CitablePaper, options: CiteOptions): string {
	const lines = [
		risLine('TY', 'GEN'),
		risLine('ID', citeKey(paper)),
		risLine('T1', citedTitle(paper)),
	];
	for (const author of paper.authors)
		if (singleLine(author) !== '') lines.push(risLine('AU', author));
	const year = present(paper.year);
	if (year) lines.push(risLine('PY', year));
	const venue = present(paper.venue);
	if (venue) lines.push(risLine('T2', venue));
	const abstract = singleLine(paper.paragraphs.map(plainText).join(' '));
	if (abstract !== '') lines.push(risLine('AB', abstract));
	for (const keyword of keywordNames(paper)) lines.push(risLine('KW', keyword));
	const doi = doiName(paper.doi);
	if (doi) lines.push(risLine('DO', doi));
	lines.push(risLine('UR', options.url));
	const pdf = present(paper.pdf);
	if (pdf) lines.push(risLine('L1', pdf));
	const arxiv = arxivId(paper.arxiv);
	if (arxiv) lines.push(risLine('N1', `arXiv:${arxiv}`));
	if (hasDerivedTitle(paper)) lines.push(risLine('N1', DERIVED_TITLE_NOTE));
	lines.push(risLine('DB', 'Abstract Atlas'));
	// The end tag keeps its trailing space: `ER  - ` is the whole line.
	lines.push('ER  - ');
	return `${lines.join(RIS_EOL)}${RIS_EOL}`;
}
