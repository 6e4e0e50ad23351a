import slugify from '@sindresorhus/slugify';

/**
 * Slug rule, version 1. FROZEN: NEVER EDIT THIS FILE, not even to fix a bug.
 *
 * A paper's URL `/papers/<slug>/` is permanent: people cite it, bookmark it and link to
 * it, and `tests/golden/bundled-urls.json` pins it. Version 1 made the slug from the
 * title derived from the abstract, so the title rule, its LaTeX reader and the slug
 * rule as they stood then are copied here verbatim and kept apart from the code that
 * makes the title a page shows. That code may improve freely; this file must not move.
 * A new slug rule gets a new file (`slug-rule-v2.ts`) and redirects from every v1 URL.
 *
 * Besides this file the rule depends only on `@sindresorhus/slugify`, pinned to an exact
 * version in package.json for this reason: an upgrade must keep the golden URLs test green.
 */
export function slugV1(paragraphs: readonly string[], id: string): string {
	return paperSlug(deriveTitle(paragraphs), id);
}

// ---- verbatim copy of normalizeText from normalize-text.ts (v1) ----

function normalizeText(text: string): string {
	return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// ---- verbatim copy of derive-title.ts (v1) ----

/** Titles longer than this are cut at a word boundary: they must fit a heading and a tab. */
const MAX_TITLE_CHARS = 100;

const VERB =
	/\b(?:we|paper|work|report|study|article)\b[^.;:]{0,40}?\b(?:propose|present|introduce|develop|design|provide|devise|build)(?:s|d|ed)?\s+/giu;
const NAMING = /^(.*?),?\s+(?:dubbed|called|named|termed|(?:which\s+)?we\s+(?:refer\s+to|call)\s+as|referred\s+to\s+as)\s+(.+)$/iu;
/** The name after "dubbed"/"called": a phrase ending in its acronym, or one word. */
const NAME_AFTER_NAMING = /^(?:(?:[^\s,;.]+\s+){1,12}?\([A-Za-z][\w-]*\)|[^\s,;]+?(?=[,;.]?(?:\s|$)))/u;
/** A multi-word name with its acronym: "Federated Share-A Low-Rank Adaptation (FedSA-LoRA)". */
const NAME_WITH_ACRONYM = /^(?:the\s+)?((?:[A-Z][\w-]*\s+){1,8}\([A-Za-z][\w-]*\))/u;
/** "BeautifulPrompt, a deep generative model …" */
const NAME_THEN_APPOSITIVE = /^([A-Z(][^\s,]{1,40}),\s*((?:a|an|the)\s[^,;]+)/u;
/** "a single-fold distillation algorithm, SFDDM, which …" */
const APPOSITIVE_THEN_NAME = /^((?:a|an|the)\s[^,;]+?),\s*([A-Z][^\s,;.]*[A-Z0-9][^\s,;.]*)(?=[,;.]|\s|$)/u;

/**
 * Most seeds carry no title, but a page, a tab and a citation need one. A reader
 * recognises a paper by the name of what it contributes ("we propose X", "dubbed X"),
 * so that is preferred; otherwise the first sentence, shortened. The result is plain
 * text: callers escape it like any other seed text.
 */
function deriveTitle(paragraphs: readonly string[]): string {
	const plain = normalizeText(frozenLatexToPlainForSlugsV1(paragraphs.join(' ')));
	const sentences = plain.split(/(?<=[.!?])\s+(?=[A-Z(“"])/u);
	for (const sentence of sentences) {
		const named = namedContribution(sentence);
		if (named) return shorten(named);
	}
	const first = (sentences[0] ?? plain).replace(/[.!?]$/u, '').replace(/^In this (?:paper|work|article),\s+(\w)/u, (_, c: string) => c.toUpperCase());
	return shorten(first) || UNTITLED;
}

/** For an abstract with no words to make a title from (e.g. only punctuation). */
const UNTITLED = 'Untitled abstract';

function namedContribution(sentence: string): string | undefined {
	for (const verb of sentence.matchAll(VERB)) {
		const object = sentence.slice((verb.index ?? 0) + verb[0].length);
		const clause = object.replace(/[.!?]$/u, '');
		const naming = NAMING.exec(clause);
		const name = naming?.[2] ? NAME_AFTER_NAMING.exec(naming[2])?.[0] : undefined;
		if (naming?.[1] && name && isName(name) && naming[1].split(/\s+/u).length <= 16) {
			return name.includes(' ') ? name : `${name}: ${capitalize(trimClause(naming[1]))}`;
		}
		const withAcronym = NAME_WITH_ACRONYM.exec(clause);
		if (withAcronym?.[1]) return withAcronym[1];
		const appositive = NAME_THEN_APPOSITIVE.exec(clause);
		if (appositive?.[1] && appositive[2] && isName(appositive[1])) {
			return `${appositive[1]}: ${capitalize(trimClause(appositive[2]))}`;
		}
		const named = APPOSITIVE_THEN_NAME.exec(clause);
		if (named?.[1] && named[2] && named[1].split(/\s+/u).length <= 12) {
			return `${named[2]}: ${capitalize(trimClause(named[1]))}`;
		}
	}
	return undefined;
}

/** A coined name: capitalised, or written with symbols like "(AR)^2". */
function isName(word: string): boolean {
	return /^[A-Z(]/u.test(word) && !/^(?:The|A|An|This|Our|We|It)$/u.test(word);
}

/** Cuts a descriptive clause where a relative clause or purpose begins. */
function trimClause(text: string): string {
	return (text.split(/,|\s(?:which|that|where|whose|while|by)\s/u)[0] ?? text).trim();
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Cuts at a word boundary so that the result, with an ellipsis, fits MAX_TITLE_CHARS. */
function shorten(text: string, max = MAX_TITLE_CHARS): string {
	const clean = text.trim();
	// Count and cut by code point, so that a character outside the BMP is never split.
	const chars = [...clean];
	if (chars.length <= max) return clean;
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

// ---- verbatim copy of latex-plain.ts (v1): the OLD LaTeX reader, frozen, for slugs v1 only ----
// Everything else reads LaTeX through src/lib/latex/ (one parser, parse-latex.ts; its text,
// plain-text.ts). The doc below names the places this reader served in v1; today it serves
// only the v1 title that slugV1 makes a slug of. Only its name changed.

const SYMBOLS: Record<string, string> = {
	alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
	theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
	sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
	Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
	times: '×', cdot: '·', leq: '≤', geq: '≥', le: '≤', ge: '≥', approx: '≈', infty: '∞', pm: '±',
};

/** `\command{argument}` with at most one level of nested braces inside the argument. */
const COMMAND_WITH_ARGUMENT = /\\[a-zA-Z]+\*?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/gu;

function unwrapCommands(text: string): string {
	let previous;
	let current = text;
	do {
		previous = current;
		current = current.replace(COMMAND_WITH_ARGUMENT, '$1');
	} while (current !== previous);
	return current;
}

/** Inside `$…$` braces only group and symbols are named: `\mathbf{(AR)^{2}}` reads `(AR)^2`. */
function mathToPlain(math: string): string {
	return unwrapCommands(math)
		.replace(/\\([a-zA-Z]+)/gu, (all, name: string) => SYMBOLS[name] ?? all)
		.replace(/[{}]/gu, '');
}

/**
 * Reads arXiv-style LaTeX as a person would say it, for places that hold only plain
 * text: derived titles, slugs, excerpts and `<meta>` descriptions. Only recognised
 * markup is changed (`\cmd{…}`, `$…$`, quotes, `~`, dashes, escaped characters); any
 * other character, braces and stray dollars included, is kept, because seed text
 * that is not LaTeX must read as written. It returns text, never markup.
 */
function frozenLatexToPlainForSlugsV1(text: string): string {
	const escaped: string[] = [];
	const protectedText = text.replace(/\\([%&_$#{}])/gu, (_, ch: string) => `\u0000${escaped.push(ch) - 1}\u0000`);
	return unwrapCommands(protectedText)
		.replace(/\$([^$\n]+)\$/gu, (all, math: string) => (/^\s|\s$/u.test(math) ? all : mathToPlain(math)))
		.replace(/``/gu, '“')
		.replace(/''/gu, '”')
		.replace(/---/gu, '—')
		.replace(/--/gu, '–')
		.replace(/~/gu, '\u00a0')
		.replace(/\\([a-zA-Z]+)/gu, (all, name: string) => SYMBOLS[name] ?? all)
		.replace(/\u0000(\d+)\u0000/gu, (_, i: string) => escaped[Number(i)] ?? '');
}

// ---- verbatim copy of paper-slug.ts (v1) ----

/** Longest readable part of a slug; the id suffix comes on top. */
const MAX_SLUG_WORDS_CHARS = 60;

/**
 * The path segment of a paper's permanent URL: a readable part from the title derived
 * from the abstract text, then the first 8 hex of the id. The readable part helps a
 * person who sees the link; the suffix keeps two papers with the same derived title
 * apart. Both depend on the abstract alone, so a real title learned later never moves
 * the page.
 */
function paperSlug(derivedTitle: string, id: string): string {
	const words = slugify(derivedTitle, { decamelize: false });
	let readable = words;
	if (readable.length > MAX_SLUG_WORDS_CHARS) {
		const cut = readable.slice(0, MAX_SLUG_WORDS_CHARS + 1);
		const dash = cut.lastIndexOf('-');
		readable = dash > 0 ? cut.slice(0, dash) : readable.slice(0, MAX_SLUG_WORDS_CHARS);
	}
	return `${readable || 'paper'}-${id.slice(0, 8)}`;
}
