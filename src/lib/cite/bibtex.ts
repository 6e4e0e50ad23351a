import { compareByTitle } from '../papers/title-order.ts';
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
import { present } from '../text/present.ts';
import { mathNodes, mathSource, parseLatex } from '../latex/parse-latex.ts';

export const BIBTEX_CONTENT_TYPE = 'application/x-bibtex; charset=utf-8';

/**
 * Every character that means something to BibTeX or LaTeX in running text, written so
 * that it prints as itself. Braces and the backslash become text commands, not `\{`,
 * `\}` and `\\`: BibTeX counts every brace, escaped or not, to find where a value ends,
 * so `\}` alone would end the field early in real BibTeX.
 */
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
	'\\': '\\textbackslash{}',
	'{': '\\textbraceleft{}',
	'}': '\\textbraceright{}',
	'%': '\\%',
	'&': '\\&',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'^': '\\textasciicircum{}',
	'~': '\\textasciitilde{}',
	// In LaTeX's default OT1 encoding these print as ¡, ¿ and —.
	'<': '\\textless{}',
	'>': '\\textgreater{}',
	'|': '\\textbar{}',
};

function escapeText(text: string): string {
	return text.replace(/[\\{}%&$#_^~<>|]/gu, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

/**
 * Plain text (a name, a note, a venue) as a BibTeX value that prints that text, on one
 * line. TeX's dash and quote ligatures (`--`, ``` `` ```, `''`) are left to typeset as dashes and quotes.
 */
export function bibtexText(text: string): string {
	return escapeText(singleLine(text));
}

/** A run of letters and digits, hyphenated parts included: "FooNet", "3D", "GANs", "Jian-Ping". */
const WORD = /([\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*)/u;

/** "FooNet", "GANs", "3D", "D-ADD": a capital after the first character of the word or of a hyphenated part. */
function hasInnerCapital(word: string): boolean {
	return word.split('-').some((part) => /^.+\p{Lu}/su.test(part));
}

/**
 * A title as plain text, escaped, with each word that has an inner capital in braces,
 * so that styles that sentence-case titles keep "FooNet" and "GANs" as written.
 */
export function bibtexTitle(title: string): string {
	return singleLine(title)
		.split(WORD)
		.map((part, i) =>
			i % 2 === 1 ? (hasInnerCapital(part) ? `{${part}}` : part) : escapeText(part),
		)
		.join('');
}

/**
 * One author name, as given ("Mei, Jian-Ping"). A name BibTeX would split or refuse
 * (one containing the word "and", or more than two commas) is braced as a single name.
 */
function bibtexName(name: string): string {
	const text = bibtexText(name);
	const commas = name.split(',').length - 1;
	return /(?:^|\s)and(?:\s|$)/iu.test(singleLine(name)) || commas > 2 ? `{${text}}` : text;
}

/**
 * Whether BibTeX and backslash-aware parsers would both find this value's end at the
 * closing brace we add: every brace matched (counted both ways) and no trailing
 * backslash that would escape our closing brace.
 */
export function bracesBalance(text: string): boolean {
	let depth = 0;
	for (const ch of text) {
		if (ch === '{') depth++;
		else if (ch === '}' && --depth < 0) return false;
	}
	if (depth !== 0) return false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\\') {
			if (i === text.length - 1) return false;
			i++;
		} else if (ch === '{') depth++;
		else if (ch === '}' && --depth < 0) return false;
	}
	return depth === 0;
}

/**
 * TeX commands that reach outside the document (files, the shell) or redefine what
 * the rest means. Seed text is untrusted, and a style that typesets the abstract runs
 * its LaTeX, so these are written as text: `\input` prints "\input".
 */
const UNSAFE_COMMANDS = new Set([
	'input',
	'include',
	'InputIfFileExists',
	'IfFileExists',
	'openin',
	'openout',
	'read',
	'readline',
	'write',
	'immediate',
	'special',
	'directlua',
	'luaexec',
	'latelua',
	'catcode',
	'def',
	'edef',
	'gdef',
	'xdef',
	'let',
	'futurelet',
	'csname',
	'newcommand',
	'renewcommand',
	'providecommand',
	'DeclareRobustCommand',
	'usepackage',
	'RequirePackage',
	'documentclass',
	'makeatletter',
	'endinput',
	'begin',
	'end',
	'newenvironment',
	'renewenvironment',
	'NewDocumentCommand',
	'RenewDocumentCommand',
	'NewDocumentEnvironment',
	'scantokens',
]);

/** Running-text characters LaTeX reads as markup; outside math they are escaped to print as themselves. */
const PROSE_ESCAPES: Readonly<Record<string, string>> = {
	'&': '\\&',
	'#': '\\#',
	_: '\\_',
	'^': '\\textasciicircum{}',
};

/**
 * A command word (letters only, as TeX reads them: `\input@x` is `\input`), an escaped
 * character or a lone trailing backslash, a math delimiter, or one character.
 */
const LATEX_TOKEN = /\\[a-zA-Z]+|\\[\s\S]?|\$\$|[\s\S]/gu;

/**
 * Where the math of a paragraph is, as the page reads it: the LaTeX tree decides which
 * dollars open math (`$5 and $6` is text on the page, so it is text here too), and each
 * math node is found in the text in reading order, since the tree keeps its source as written.
 */
function mathSpans(text: string): Array<readonly [number, number]> {
	const spans: Array<readonly [number, number]> = [];
	let cursor = 0;
	for (const node of mathNodes(parseLatex(text))) {
		const source = mathSource(node);
		const start = text.indexOf(source, cursor);
		if (start === -1) continue;
		spans.push([start, start + source.length]);
		cursor = start + source.length;
	}
	return spans;
}

function latexParagraph(text: string, escapeBraces: boolean): string {
	// Math and text are read apart, so no token runs across a math delimiter (`$x$$` is
	// math then a stray dollar, not math then `$$`).
	const tokens: string[] = [];
	const inMath: boolean[] = [];
	const read = (part: string, math: boolean) => {
		for (const token of part.match(LATEX_TOKEN) ?? []) {
			tokens.push(token);
			inMath.push(math);
		}
	};
	let at = 0;
	for (const [start, end] of mathSpans(text)) {
		read(text.slice(at, start), false);
		read(text.slice(start, end), true);
		at = end;
	}
	read(text.slice(at), false);
	// A dollar outside the page's math opens none: it prints as written.
	const stray = new Set(
		tokens.flatMap((token, i) => ((token === '$' || token === '$$') && !inMath[i] ? [i] : [])),
	);
	return tokens
		.map((token, i) => {
			if (stray.has(i)) return token.replace(/\$/gu, '\\$');
			if (token === '\\') return '\\textbackslash{}';
			if (token === '%') return '\\%';
			if (escapeBraces && /^\\?[{}]$/u.test(token)) {
				const left = token.endsWith('{');
				if (inMath[i]) return left ? '\\lbrace{}' : '\\rbrace{}';
				return left ? '\\textbraceleft{}' : '\\textbraceright{}';
			}
			if (token.startsWith('\\') && UNSAFE_COMMANDS.has(token.slice(1)))
				return `\\textbackslash{}${token.slice(1)}`;
			if (inMath[i]) return token === '^' && tokens[i + 1] === '^' ? '^{}' : token;
			return PROSE_ESCAPES[token] ?? token;
		})
		.join('');
}

/**
 * The abstract as a BibTeX value. It is LaTeX already (arXiv style), so its markup and
 * math are kept; what LaTeX would reject in running text is escaped to print as
 * written: a bare `%` (a comment to LaTeX and to BibTeX parsers), `&`, `#`, `_` and
 * `^` outside math, a `$` that opens no math, a trailing backslash. Commands that
 * read files, run code or redefine TeX become text. If the braces do not balance,
 * every brace is escaped as well, so the text can never end its field or open another.
 */
export function bibtexAbstract(paragraphs: readonly string[]): string {
	const texts = paragraphs.map(singleLine).filter((p) => p !== '');
	const latex = texts.map((p) => latexParagraph(p, false)).join('\n\n');
	return bracesBalance(latex) ? latex : texts.map((p) => latexParagraph(p, true)).join('\n\n');
}

/**
 * A URL for a verbatim field (`url`, `doi`, `eprint`), where backslash escapes would be
 * read literally: whatever could end the field or is not allowed in a URL (braces,
 * backslashes, spaces, a `%` that starts no escape) is percent-encoded instead.
 */
export function bibtexVerbatim(value: string): string {
	return singleLine(value).replace(
		/[{}\\\s"<>^`|]|%(?![0-9A-Fa-f]{2})/gu,
		(ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
	);
}

/** `\url{…}` for a non-verbatim field: `%` and `#` escaped, as `\url` inside an argument needs. */
function urlCommand(url: string): string {
	return `\\url{${url.replace(/[%#]/gu, (ch) => `\\${ch}`)}}`;
}

/**
 * A keyword as written: keyword lists are read verbatim and split at commas, so a
 * topic name's own commas, and braces, backslashes and dollars (which parsers still read
 * as TeX there, and which no topic needs), are dropped.
 */
function bibtexKeyword(name: string): string {
	return singleLine(name.replace(/\s*,\s*/gu, ' ').replace(/[{}\\$]/gu, ''));
}

/**
 * A BibTeX `@misc` entry for a paper, ending with a newline, keyed by its permanent id
 * (`atlas:<id>`). A derived title is bracketed and flagged in `note`, never passed off
 * as the paper's own. Optional metadata (year, venue, DOI, arXiv id) is used when present.
 */
export function bibtexEntry(paper: CitablePaper, options: CiteOptions): string {
	// A real title's LaTeX is kept, read as the abstract is: BibTeX styles typeset it.
	const title =
		paper.titleTex === undefined
			? bibtexTitle(citedTitle(paper))
			: bibtexAbstract([paper.titleTex]);
	const fields: [string, string][] = [['title', title]];
	const authors = paper.authors.filter((name) => singleLine(name) !== '').map(bibtexName);
	if (authors.length > 0) fields.push(['author', authors.join(' and ')]);
	const year = present(paper.year);
	if (year) fields.push(['year', bibtexText(year)]);
	const url = bibtexVerbatim(options.url);
	const venue = present(paper.venue);
	fields.push(['howpublished', venue ? bibtexText(venue) : urlCommand(url)]);
	fields.push(['url', url]);
	const doi = doiName(paper.doi);
	if (doi) fields.push(['doi', bibtexVerbatim(doi)]);
	const eprint = arxivId(paper.arxiv);
	if (eprint) fields.push(['eprint', bibtexVerbatim(eprint)], ['archiveprefix', 'arXiv']);
	const keywords = keywordNames(paper)
		.map(bibtexKeyword)
		.filter((keyword) => keyword !== '');
	if (keywords.length > 0) fields.push(['keywords', keywords.join(', ')]);
	if (hasDerivedTitle(paper)) fields.push(['note', bibtexText(DERIVED_TITLE_NOTE)]);
	const abstract = bibtexAbstract(paper.paragraphs);
	if (abstract !== '') fields.push(['abstract', abstract]);
	return `@misc{${citeKey(paper)},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

/**
 * Papers per part of the collection's BibTeX. One file for 50,000 papers would be about
 * 90 MB, over what static hosts take (Cloudflare Pages: 25 MiB a file); 10,000 entries
 * stay near 20 MB.
 */
const BIBTEX_PART_SIZE = 10_000;

/** One file of the collection's BibTeX: `papers.bib`, then `papers-2.bib`, … */
export interface BibtexPart {
	/** File name without `.bib`. */
	name: string;
	text: string;
}

/**
 * The collection's BibTeX in parts of at most `size` entries, in title order. Up to
 * `size` papers it is one `papers.bib`, exactly collectionBibtex; above, `papers.bib`
 * starts with a `@comment` naming the other parts, so whoever downloads it learns of them.
 */
export function collectionBibtexParts<P extends CitablePaper>(
	papers: readonly P[],
	urlOf: (paper: P) => string,
	size = BIBTEX_PART_SIZE,
): BibtexPart[] {
	const sorted = [...papers].sort(compareByTitle);
	const count = Math.max(1, Math.ceil(sorted.length / size));
	const name = (i: number) => (i === 0 ? 'papers' : `papers-${i + 1}`);
	return Array.from({ length: count }, (_, i) => {
		const text = collectionBibtex(sorted.slice(i * size, (i + 1) * size), urlOf);
		if (count === 1 || i > 0) return { name: name(i), text };
		const others = Array.from({ length: count - 1 }, (_, j) => `${name(j + 1)}.bib`).join(', ');
		return {
			name: name(i),
			text: `@comment{Part 1 of ${count} of this collection's entries, in title order; the others are ${others}.}\n\n${text}`,
		};
	});
}

/** Every paper's entry, in title order, separated by blank lines: the site's `papers.bib`. */
export function collectionBibtex<P extends CitablePaper>(
	papers: readonly P[],
	urlOf: (paper: P) => string,
): string {
	return [...papers]
		.sort(compareByTitle)
		.map((paper) => bibtexEntry(paper, { url: urlOf(paper) }))
		.join('\n');
}

export function bibtexResponse(text: string): Response {
	return new Response(text, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
}
