import type { Diagnostic } from '../../schemas/diagnostic.ts';
import type { Paper, Source } from '../../schemas/paper.ts';
import { decodeSeed } from '../seeds/decode-seed.ts';
import { deriveTitle, shorten } from './derive-title.ts';
import { plainText } from '../latex/plain-text.ts';
import { normalizeText, paperId } from './paper-id.ts';
import { parseSeed, type SeedAbstract } from '../seeds/parse-seed.ts';
import { slugV1 } from './slug-rule-v1.ts';
import { compareByTitle } from './title-order.ts';

/** A seed file as read from disk: its path relative to the seeds folder, and its bytes. */
export interface SeedFile {
	file: string;
	bytes: Uint8Array;
}

/** What one seed file contributes; cacheable per file digest. */
export interface ReadSeed {
	file: string;
	abstracts: SeedAbstract[];
	diagnostics: Diagnostic[];
}

export interface CollectionStats {
	/** Seed files read. */
	files: number;
	/** Abstracts found, counting each copy of a duplicate. */
	abstracts: number;
	/** Copies folded into a paper that was already found. */
	duplicatesMerged: number;
}

export interface Collection {
	/** In title order. */
	papers: Paper[];
	diagnostics: Diagnostic[];
	stats: CollectionStats;
}

/** Characters of plain text shown under a title in lists. */
export const EXCERPT_CHARS = 240;

/** Decodes and parses one file, turning an encoding problem into a warning rather than a loss. */
export function readSeed({ file, bytes }: SeedFile): ReadSeed {
	const decoded = decodeSeed(bytes);
	const parsed = parseSeed(decoded.text, file);
	const diagnostics = [...parsed.diagnostics];
	if (decoded.invalidUtf8Line !== undefined) {
		diagnostics.unshift({
			severity: 'warning',
			code: 'InvalidUtf8',
			file,
			line: decoded.invalidUtf8Line,
			message:
				'the file is not valid UTF-8 (first bad byte on this line); it was read as Windows-1252. Save it as UTF-8 to silence this',
		});
	}
	diagnostics.sort((a, b) => a.line - b.line);
	return { file, abstracts: parsed.abstracts, diagnostics };
}

/**
 * Turns every file's abstracts into papers: one per distinct normalized abstract,
 * whichever files and lines it appeared in. The result depends only on the seeds'
 * content, never on the order files were read, so two builds agree byte for byte.
 */
export function assemblePapers(seeds: readonly ReadSeed[]): Collection {
	const ordered = [...seeds].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const byId = new Map<string, { first: SeedAbstract; sources: Source[]; found: SeedAbstract[] }>();
	let abstracts = 0;
	for (const seed of ordered) {
		for (const abstract of seed.abstracts) {
			abstracts++;
			const id = paperId(abstract.paragraphs.join(' '));
			const source = { file: seed.file, line: abstract.line };
			const known = byId.get(id);
			if (known) {
				known.sources.push(source);
				known.found.push(abstract);
			} else {
				byId.set(id, { first: abstract, sources: [source], found: [abstract] });
			}
		}
	}
	const papers = [...byId].map(([id, { first, sources, found }]): Paper => {
		// Title and excerpt read the abstract as the page shows it: one LaTeX reader.
		const plain = plainAbstract(first.paragraphs);
		const derived = deriveTitle(plain);
		const real = found.find((a) => a.title)?.title;
		return {
			id,
			// Never from `derived`: a better shown title must not move a permanent URL.
			slug: slugV1(first.paragraphs, id),
			...(real ? realTitle(real) : { title: derived }),
			titleSource: real ? 'source' : 'derived',
			paragraphs: first.paragraphs.map((p) => p.normalize('NFC')),
			excerpt: shorten(plain, EXCERPT_CHARS),
			sources,
			authors: unique(found.flatMap((a) => a.authors.map(plainName))),
			categories: unique(found.flatMap((a) => (a.category ? [a.category] : []))),
			topics: [],
			related: [],
		};
	});
	papers.sort(compareByTitle);
	return {
		papers,
		diagnostics: ordered.flatMap((s) => s.diagnostics),
		stats: { files: seeds.length, abstracts, duplicatesMerged: abstracts - papers.length },
	};
}

/**
 * A real title (scraped or from papers.yaml) is kept whole, since citation tools must get
 * it exactly, and read through the same LaTeX tree as the abstract: the plain text goes
 * where only text fits, the LaTeX to the page (typeset) and to BibTeX.
 */
export function realTitle(written: string): Pick<Paper, 'title' | 'titleTex'> {
	const tex = normalizeText(written);
	const title = normalizeText(plainText(tex));
	return title === tex || title === '' ? { title: tex } : { title, titleTex: tex };
}

/** An abstract as one line of plain text, math in Unicode: for titles, excerpts, descriptions and JSON-LD. */
export function plainAbstract(paragraphs: readonly string[]): string {
	return normalizeText(paragraphs.map(plainText).join(' '));
}

/** An author's name or a venue as a reader writes it: TeX accents (`Bal\\'azs`, `D{\\'e}cembre`) become letters. */
export function plainName(written: string): string {
	return normalizeText(plainText(written));
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
