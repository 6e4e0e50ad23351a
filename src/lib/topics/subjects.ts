import { generalFrequency } from './general-english.ts';

/*
 * Whether a candidate phrase names a subject of the field: measured on the collection
 * and against general English, with no list fitted to one field.
 */

/**
 * Nouns that name a part of any study rather than its subject: a phrase ending in one
 * ("public datasets", "loss functions", "sampling steps") is not a topic.
 */
const GENERIC_HEADS = new Set(
	`architecture component content data dataset distribution function information layer level manner module parameter
phase problem process quality result scenario setting stage step strategy task technique update value way`.split(
		/\s+/u,
	),
);

function hasGenericHead(key: string): boolean {
	const head = key.split(' ').at(-1)!;
	return GENERIC_HEADS.has(head) || GENERIC_HEADS.has(head.replace(/s$/u, ''));
}

export function isSingleNoun(key: string): boolean {
	return !key.includes(' ') && !key.includes('-');
}

/** What the collection says about its phrases, to judge whether one names a subject. */
export interface Judge {
	/** Occurrences per phrase key. */
	totals: Map<string, number>;
	/** Occurrences where another noun-phrase word follows the phrase. */
	modifiers: Map<string, number>;
	/** Surface forms per key, as written. */
	surfaces: Map<string, Map<string, number>>;
	/** Words in the whole collection. */
	words: number;
	/** How much more alike a phrase's papers are than any two papers of the collection. */
	coherence: (key: string) => number;
}

/**
 * A single word is a topic only when it is rarer in general English than this, per
 * million words ("duality" 0.3, "pruning" 0.5, "relativity" 0.8; "errors" 11,
 * "theories" 35, "lines" 250)...
 */
const FIELD_TERM_MAX_GENERAL = 1.2;
/** ...and the collection uses it this many times more often than general English does. */
const FIELD_TERM_MIN_LIFT = 100;
/** A phrase followed by another noun in this share of its occurrences is a fragment ("deep convolutional"). */
const MODIFIER_SHARE = 0.7;
/** From this many papers up, topics must gather papers more alike than chance (see coherenceOf). */
export const COHERENCE_MIN_PAPERS = 100;
/** Papers under a topic must be this many times more alike than two papers picked at random. */
const MIN_COHERENCE = 1.5;
/** A single word must gather papers at least this much more alike than chance. */
const FIELD_TERM_MIN_COHERENCE = 3;

/**
 * Whether a phrase names a subject of the field rather than a part of any study
 * ("loss function"), a fragment of a longer name ("deep convolutional"), a citation
 * ("et al") or an everyday word ("theories"). Measured on the collection and against
 * general English, the same way for any field.
 */
export function namesASubject(
	key: string,
	judge: Judge,
	minCoherence = MIN_COHERENCE,
	termCoherence = FIELD_TERM_MIN_COHERENCE,
): boolean {
	if (hasGenericHead(key)) return false;
	const parts = key.split(' ');
	// "et al", "i e": words too short to name anything.
	if (parts.filter((w) => w.replace(/[^\p{L}]/gu, '').length <= 2).length * 2 > parts.length)
		return false;
	const total = judge.totals.get(key) ?? 0;
	// Mostly followed by another noun: a modifier of longer names ("deep convolutional ...").
	if ((judge.modifiers.get(key) ?? 0) >= MODIFIER_SHARE * total) return false;
	if (judge.coherence(key) < minCoherence) return false;
	if (!isSingleNoun(key)) return true;
	if (judge.coherence(key) < termCoherence) return false;
	// A single word: a term of the field, not a name ("Einstein") nor an everyday word.
	let lower = 0;
	for (const [form, count] of judge.surfaces.get(key) ?? [])
		if (form === form.toLowerCase()) lower += count;
	if (lower < total / 3) return false;
	const general = generalFrequency(key);
	const inCollection = (total / Math.max(1, judge.words)) * 1_000_000;
	return (
		general <= FIELD_TERM_MAX_GENERAL &&
		inCollection >= FIELD_TERM_MIN_LIFT * Math.max(general, 0.05)
	);
}
