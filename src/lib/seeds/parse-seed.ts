import type { Diagnostic } from '../../schemas/diagnostic.ts';
import type { DiagnosticCode } from '../errors/diagnostic-codes.ts';

/** One abstract as found in a seed file, before identity and merging. */
export interface SeedAbstract {
	/** 1-based line where the abstract's text starts. */
	line: number;
	/** The text as written, one string per paragraph (lines of a paragraph joined by a space). */
	paragraphs: string[];
	/** The paper's real title, when the seed gives one (scraped author pages). */
	title?: string;
	authors: string[];
	/** e.g. "Machine Learning" from the source line "arXiv.org Machine Learning". */
	category?: string;
}

type SeedFormat = 'abstract-lines' | 'author-page' | 'empty';

export interface ParsedSeed {
	format: SeedFormat;
	abstracts: SeedAbstract[];
	diagnostics: Diagnostic[];
}

/** Abstracts longer than this are built in full but flagged: they are usually two pasted together. */
export const LONG_ABSTRACT_CHARS = 20_000;

const ABSTRACT_LINE = /^\s*Abstract:[ \t]?(.*)$/u;
const ARXIV_SOURCE = /^arXiv\.org(?:\s+(.+))?$/u;

interface Line {
	no: number;
	text: string;
}

/**
 * Reads one seed file. Both bundled formats are recognised from the text itself, so a
 * user can drop either kind into the seeds folder under any name. Problems become
 * diagnostics with a line number, never exceptions: one bad block must not cost the
 * rest of the file.
 */
export function parseSeed(text: string, file: string): ParsedSeed {
	const lines = text
		.replace(/^\uFEFF/u, '')
		.split(/\r\n|\r|\n/u)
		.map((t, i): Line => ({ no: i + 1, text: t }));
	const firstLines = lines.filter((l) => l.text.trim() !== '').slice(0, 4);
	if (firstLines.length === 0) {
		return {
			format: 'empty',
			abstracts: [],
			diagnostics: [warn('EmptySeed', file, 1, 'the file is empty; add lines starting with "Abstract:" or remove the file')],
		};
	}
	const isAuthorPage =
		firstLines[0]?.text.trim() === 'Goto' || firstLines.some((l) => l.text.trim() === 'Collaborating Authors');
	const parsed = isAuthorPage ? parseAuthorPage(lines, file) : parseAbstractLines(lines, file);
	for (const abstract of parsed.abstracts) {
		const length = abstract.paragraphs.join(' ').length;
		if (length > LONG_ABSTRACT_CHARS) {
			parsed.diagnostics.push(
				warn(
					'LongAbstract',
					file,
					abstract.line,
					`the abstract is ${length.toLocaleString('en')} characters long (over ${LONG_ABSTRACT_CHARS.toLocaleString('en')}); it is built in full, but check that two abstracts were not pasted together`,
				),
			);
		}
	}
	parsed.diagnostics.sort((a, b) => a.line - b.line);
	return { format: isAuthorPage ? 'author-page' : 'abstract-lines', ...parsed };
}

function warn(code: DiagnosticCode, file: string, line: number, message: string): Diagnostic {
	return { severity: 'warning', code, file, line, message };
}

/** Groups consecutive non-blank lines into paragraphs. */
function paragraphsOf(lines: Line[]): { line: number; paragraphs: string[] } | undefined {
	const paragraphs: string[] = [];
	let current: string[] = [];
	let first: number | undefined;
	for (const l of lines) {
		const t = l.text.trim();
		if (t === '') {
			if (current.length) paragraphs.push(current.join(' '));
			current = [];
			continue;
		}
		first ??= l.no;
		current.push(t);
	}
	if (current.length) paragraphs.push(current.join(' '));
	return first === undefined ? undefined : { line: first, paragraphs };
}

/**
 * `Abstract:` format: each `Abstract:` line starts an abstract; lines after it, up to
 * the next `Abstract:` line, continue it (a blank line starts a new paragraph).
 */
function parseAbstractLines(lines: Line[], file: string): Omit<ParsedSeed, 'format'> {
	const abstracts: SeedAbstract[] = [];
	const diagnostics: Diagnostic[] = [];
	let start: Line | undefined;
	let body: Line[] = [];
	const stray: Line[] = [];

	const flush = () => {
		if (!start) return;
		const found = paragraphsOf(body);
		if (found) abstracts.push({ line: found.line, paragraphs: found.paragraphs, authors: [] });
		else diagnostics.push(warn('EmptyAbstract', file, start.no, 'this "Abstract:" line has no text; write the abstract after "Abstract:" or delete the line'));
	};

	for (const l of lines) {
		const match = ABSTRACT_LINE.exec(l.text);
		if (match) {
			flush();
			start = l;
			body = [{ no: l.no, text: match[1] ?? '' }];
		} else if (start) {
			body.push(l);
		} else if (l.text.trim() !== '') {
			stray.push(l);
		}
	}
	flush();
	const firstStray = stray[0];
	if (firstStray) {
		diagnostics.push(
			warn(
				'TextOutsideAbstract',
				file,
				firstStray.no,
				`${stray.length === 1 ? 'this line is outside any abstract and was' : `${stray.length} lines from here are outside any abstract and were`} skipped; start an abstract with "Abstract:"`,
			),
		);
	}
	return { abstracts, diagnostics };
}

/**
 * Scraped author page: a header (`Goto`, `Collaborating Authors`, the author's name),
 * then blocks separated by two or more blank lines. A block is a title, a source line
 * (`arXiv.org Machine Learning`) and the abstract, separated by single blank lines.
 */
function parseAuthorPage(lines: Line[], file: string): Omit<ParsedSeed, 'format'> {
	const abstracts: SeedAbstract[] = [];
	const diagnostics: Diagnostic[] = [];
	const headerAt = lines.findIndex((l) => l.text.trim() === 'Collaborating Authors');
	let bodyFrom = 0;
	const authors: string[] = [];
	if (headerAt === -1) {
		diagnostics.push(warn('AuthorPageWithoutAuthors', file, 1, 'this looks like a scraped author page but has no "Collaborating Authors" line, so no author is known'));
		bodyFrom = lines.findIndex((l) => l.text.trim() === 'Goto') + 1;
	} else {
		const authorAt = lines.findIndex((l, i) => i > headerAt && l.text.trim() !== '');
		const authorLine = lines[authorAt];
		if (authorLine) {
			authors.push(authorLine.text.trim());
			bodyFrom = authorAt + 1;
		} else {
			bodyFrom = lines.length;
		}
	}

	for (const block of splitBlocks(lines.slice(bodyFrom))) {
		const fields = splitFields(block);
		const [titleField, sourceField, ...abstractFields] = fields;
		const firstLine = block[0]?.no ?? 1;
		const sourceText = sourceField?.map((l) => l.text.trim()).join(' ');
		if (!titleField || !sourceText || abstractFields.length === 0) {
			diagnostics.push(
				warn(
					'UnparseableBlock',
					file,
					firstLine,
					'this block cannot be parsed and was skipped: a block is a title line, a source line (like "arXiv.org Machine Learning") and the abstract, separated by blank lines',
				),
			);
			continue;
		}
		const found = paragraphsOf(abstractFields.flatMap((f) => [...f, { no: 0, text: '' }]));
		if (!found) continue;
		const category = ARXIV_SOURCE.exec(sourceText)?.[1]?.trim();
		abstracts.push({
			line: found.line,
			paragraphs: found.paragraphs,
			title: titleField.map((l) => l.text.trim()).join(' '),
			authors,
			...(category ? { category } : {}),
		});
	}
	return { abstracts, diagnostics };
}

/** Splits lines into blocks at runs of two or more blank lines. */
function splitBlocks(lines: Line[]): Line[][] {
	const blocks: Line[][] = [];
	let current: Line[] = [];
	let blanks = 0;
	for (const l of lines) {
		if (l.text.trim() === '') {
			blanks++;
			continue;
		}
		if (blanks >= 2 && current.length) {
			blocks.push(current);
			current = [];
		}
		blanks = 0;
		if (current.length) {
			const last = current[current.length - 1];
			if (last && l.no - last.no > 1) current.push({ no: l.no - 1, text: '' });
		}
		current.push(l);
	}
	if (current.length) blocks.push(current);
	return blocks;
}

/** Splits a block into fields at single blank lines. */
function splitFields(block: Line[]): Line[][] {
	const fields: Line[][] = [];
	let current: Line[] = [];
	for (const l of block) {
		if (l.text === '') {
			if (current.length) fields.push(current);
			current = [];
		} else {
			current.push(l);
		}
	}
	if (current.length) fields.push(current);
	return fields;
}
