import { latexToPlain } from './latex-plain.ts';
import { normalizeText } from './normalize-text.ts';

/** Titles longer than this are cut at a word boundary: they must fit a heading and a tab. */
export const MAX_TITLE_CHARS = 100;

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
export function deriveTitle(paragraphs: readonly string[]): string {
	const plain = normalizeText(latexToPlain(paragraphs.join(' ')));
	const sentences = plain.split(/(?<=[.!?])\s+(?=[A-Z(“"])/u);
	for (const sentence of sentences) {
		const named = namedContribution(sentence);
		if (named) return shorten(named);
	}
	const first = (sentences[0] ?? plain).replace(/[.!?]$/u, '').replace(/^In this (?:paper|work|article),\s+(\w)/u, (_, c: string) => c.toUpperCase());
	return shorten(first) || UNTITLED;
}

/** For an abstract with no words to make a title from (e.g. only punctuation). */
export const UNTITLED = 'Untitled abstract';

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
export function shorten(text: string, max = MAX_TITLE_CHARS): string {
	const clean = text.trim();
	// Count and cut by code point, so that a character outside the BMP is never split.
	const chars = [...clean];
	if (chars.length <= max) return clean;
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
