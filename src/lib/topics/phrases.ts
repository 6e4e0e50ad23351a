import { BOILERPLATE, HEAD, isStopWord, wordsOf, type Word } from './words.ts';

/*
 * Candidate phrases of the tagged text, acronyms counted as their long form, and the
 * folding that makes one key of a phrase's plural and spelling variants: what a topic
 * can be, before anything judges whether it should be one.
 */

/** An acronym in parentheses, as in "Federated Learning (FL)" or "Low-Rank Adaptation (LoRA)". */
const ACRONYM_IN_PARENS = /\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*?)s?\)/gu;

/** One occurrence of a candidate phrase; `before` is the word that precedes it inside its noun phrase. */
export interface Occurrence {
	key: string;
	surface: string;
	before?: string | undefined;
	/** Another word of the noun phrase follows: here the phrase modifies a longer one. */
	modifies: boolean;
}

/** Candidate phrases of a text: 2–3 word runs inside noun phrases that end in a noun. */
export function* phrasesOf(
	tagged: readonly Word[],
	acronyms: Map<string, string>,
	lemmas?: Map<string, number>,
): Generator<Occurrence> {
	let run: Word[] = [];
	const flush = function* () {
		for (let size = 2; size <= 3; size++) {
			for (let i = 0; i + size <= run.length; i++) {
				const words = run.slice(i, i + size);
				if (!HEAD.has(words.at(-1)!.pos)) continue;
				yield {
					key: words.map((w) => w.lemma).join(' '),
					surface: words.map((w) => w.surface).join(' '),
					before: run[i - 1]?.lemma,
					modifies: i + size < run.length,
				};
			}
		}
		for (const [i, w] of run.entries()) {
			if (!HEAD.has(w.pos)) continue;
			// Only as the head of its phrase: "black-box" in "black-box attacks" is a modifier.
			if (w.lemma.includes('-') && i < run.length - 1) continue;
			// A hyphenated noun of content words is a phrase of its own ("super-resolution"); a
			// plain noun is kept only as a last resort for a paper that shares no phrase.
			const compound = w.lemma.includes('-');
			if (
				compound
					? w.lemma.split('-').every((part) => part.length > 2 && !isStopWord(part))
					: w.lemma.length >= 4
			) {
				yield { key: w.lemma, surface: w.surface, modifies: i < run.length - 1 };
			}
		}
		run = [];
	};
	for (const word of tagged) {
		const expansion = acronyms.get(word.surface) ?? acronyms.get(word.surface.replace(/s$/u, ''));
		if (expansion) {
			// A known acronym counts as its long form, and ends the phrase around it.
			yield* flush();
			yield { key: expansion, surface: word.surface, modifies: false };
			continue;
		}
		if (word.boundary) {
			yield* flush();
			continue;
		}
		lemmas?.set(word.lemma, (lemmas.get(word.lemma) ?? 0) + 1);
		run.push(word);
	}
	yield* flush();
}

/** Acronyms the collection defines, mapped to the key of their long form. */
export function collectAcronyms(texts: readonly string[]): Map<string, string> {
	const votes = new Map<string, Map<string, number>>();
	for (const text of texts) {
		for (const match of text.matchAll(ACRONYM_IN_PARENS)) {
			const acronym = match[1]!;
			// The long form is among the (at most eight) words just before the parenthesis.
			const clause =
				text
					.slice(Math.max(0, match.index - 120), match.index)
					.split(/[.,;:()[\]]/u)
					.at(-1) ?? '';
			const before = clause
				.split(/[^A-Za-z-]+/u)
				.filter(Boolean)
				.slice(-8);
			const longForm = longFormFor(acronym, before);
			if (!longForm) continue;
			const key = wordsOf(longForm.join(' '))
				.map((w) => w.lemma)
				.join(' ');
			const forms = votes.get(acronym) ?? new Map<string, number>();
			forms.set(key, (forms.get(key) ?? 0) + 1);
			votes.set(acronym, forms);
		}
	}
	const acronyms = new Map<string, string>();
	for (const [acronym, forms] of votes) {
		const [best] = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		if (best) acronyms.set(acronym, best[0]);
	}
	return acronyms;
}

/** The words before "(ACRO)" whose initials spell the acronym's capitals. */
function longFormFor(acronym: string, words: string[]): string[] | undefined {
	const letters = acronym.replace(/[^A-Z]/gu, '').toLowerCase();
	for (let take = 1; take <= words.length; take++) {
		const candidate = words.slice(words.length - take);
		const initials = candidate
			.flatMap((w) => w.split('-').filter(Boolean))
			.map((part) => part[0]!.toLowerCase())
			.join('');
		const wordInitials = candidate.map((w) => w[0]!.toLowerCase()).join('');
		if (initials === letters || wordInitials === letters) {
			if (candidate.length < 2 || BOILERPLATE.has(candidate[0]!.toLowerCase())) return undefined;
			return candidate;
		}
	}
	return undefined;
}

export function documentsOf(
	termFrequencies: Map<string, Map<string, number>>,
): Map<string, Set<string>> {
	const documents = new Map<string, Set<string>>();
	for (const [id, tf] of termFrequencies) {
		for (const key of tf.keys()) {
			const docs = documents.get(key) ?? new Set<string>();
			docs.add(id);
			documents.set(key, docs);
		}
	}
	return documents;
}

/**
 * Merges phrase keys that `group` maps to the same value: into the group value itself
 * when it is a key, else into the most frequent key (ties: code-point order). Returns
 * the mapping, for keys that arrive later (user phrases).
 */
export function foldKeys(
	termFrequencies: Map<string, Map<string, number>>,
	surfaces: Map<string, Map<string, number>>,
	group: (key: string) => string,
): (key: string) => string {
	const totals = new Map<string, number>();
	for (const tf of termFrequencies.values())
		for (const [key, count] of tf) totals.set(key, (totals.get(key) ?? 0) + count);
	const canonical = new Map<string, string>();
	for (const key of [...totals.keys()].sort(
		(a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1),
	)) {
		const value = group(key);
		if (!canonical.has(value)) canonical.set(value, totals.has(value) ? value : key);
	}
	const fold = (key: string) => canonical.get(group(key)) ?? key;
	for (const tf of termFrequencies.values()) {
		for (const [key, count] of [...tf]) {
			const folded = fold(key);
			if (folded === key) continue;
			tf.delete(key);
			tf.set(folded, (tf.get(folded) ?? 0) + count);
		}
	}
	for (const [key, forms] of [...surfaces]) {
		const folded = fold(key);
		if (folded === key) continue;
		const target = surfaces.get(folded) ?? new Map<string, number>();
		for (const [form, count] of forms) target.set(form, (target.get(form) ?? 0) + count);
		surfaces.set(folded, target);
		surfaces.delete(key);
	}
	return fold;
}

/**
 * The tagger leaves some plurals unlemmatised ("Diffusion Models" as proper nouns,
 * "datasets"); a phrase whose last word is the plural of a word seen elsewhere is
 * folded into the singular phrase.
 */
export function foldPlurals(
	termFrequencies: Map<string, Map<string, number>>,
	surfaces: Map<string, Map<string, number>>,
): (key: string) => string {
	const lastWords = new Set<string>();
	for (const tf of termFrequencies.values())
		for (const key of tf.keys()) lastWords.add(key.split(' ').at(-1)!);
	return foldKeys(termFrequencies, surfaces, (key) => {
		const words = key.split(' ');
		const last = words.at(-1)!;
		if (/[^s]s$/u.test(last) && lastWords.has(last.slice(0, -1)))
			words[words.length - 1] = last.slice(0, -1);
		return words.join(' ');
	});
}
