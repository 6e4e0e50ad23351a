// Reading arXiv's metadata CSV (../shared/real/README.md), shared by npm run real and npm run bench.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The records of an arXiv metadata CSV, one object per row keyed by column name. */
export function readArxivCsv(path) {
	return parse(readFileSync(path), { columns: true, skip_empty_lines: true });
}

/** An abstract's paragraphs: arXiv hard-wraps at ~80 columns; two leading spaces start a paragraph. */
export function paragraphsOf(abstract) {
	const paragraphs = [];
	for (const line of abstract.replace(/\r\n?/gu, '\n').split('\n')) {
		if (line.trim() === '') continue;
		if (/^ {2}/u.test(line) || paragraphs.length === 0) paragraphs.push(line.trim());
		else paragraphs[paragraphs.length - 1] += ` ${line.trim()}`;
	}
	return paragraphs;
}

/** A field with arXiv's line breaks and runs of spaces folded to single spaces. */
export const oneLine = (text) => text.replace(/\s+/gu, ' ').trim();
