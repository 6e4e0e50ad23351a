import { generalFrequency } from './general-english.ts';
import { COHERENCE_MIN_PAPERS } from './subjects.ts';

/*
 * Which of the phrases that name a subject become topics: fragments and redundant
 * phrases dropped, then the strongest for the collection's size.
 */

export const MAX_TOPICS_PER_PAPER = 6;
export const MIN_PAPERS_PER_TOPIC = 2;

/** Topics chosen for their own strength: about this many times √N... */
const TOPICS_PER_ROOT = 4;
/** ...and this many from COHERENCE_MIN_PAPERS up, where coherence vets each of them. */
const TOPICS_PER_ROOT_MEASURED = 5;
/** Per million words of general English: a word this common is an everyday word... */
const EVERYDAY_WORD = 10;
/** ...and a phrase of everyday words only must be this much more coherent to be chosen. */
const EVERYDAY_FACTOR = 2;
/** A topic chosen for its own strength must gather papers this much more alike than chance. */
const SPECIFIC_COHERENCE = 3.5;

/**
 * Drops fragments: a phrase that only ever occurs inside longer candidate phrases
 * ("deep neural" inside "deep neural network"), or that mostly straddles two.
 */
export function dropFragments(
	candidates: Set<string>,
	totals: Map<string, number>,
	leftContexts: Map<string, Map<string, number>>,
	keep: Map<string, unknown>,
): Set<string> {
	const kept = new Set(candidates);
	const containers = containersOf(candidates);
	for (const shorter of candidates) {
		if (keep.has(shorter)) continue;
		// "learning model" nearly always reads "machine learning model" or "deep learning model":
		// it straddles two phrases rather than naming one.
		const first = shorter.split(' ')[0]!;
		let straddling = 0;
		for (const [before, count] of leftContexts.get(shorter) ?? [])
			if (candidates.has(`${before} ${first}`)) straddling += count;
		if (straddling >= 0.75 * (totals.get(shorter) ?? 0)) {
			kept.delete(shorter);
			continue;
		}
		let nested = 0;
		for (const longer of containers.get(shorter) ?? []) nested += totals.get(longer) ?? 0;
		if (nested >= (totals.get(shorter) ?? 0)) kept.delete(shorter);
	}
	return kept;
}

/** For every candidate, the longer candidates that contain it word for word. */
function containersOf(candidates: Set<string>): Map<string, string[]> {
	const containers = new Map<string, string[]>();
	for (const longer of candidates) {
		const words = longer.split(' ');
		const seen = new Set<string>();
		for (let size = 1; size < words.length; size++) {
			for (let i = 0; i + size <= words.length; i++) {
				const sub = words.slice(i, i + size).join(' ');
				if (!candidates.has(sub) || seen.has(sub)) continue;
				seen.add(sub);
				containers.get(sub)?.push(longer) ?? containers.set(sub, [longer]);
			}
		}
	}
	return containers;
}

/**
 * Keeps the strongest specific topics for the collection's size (about 4·√N): many
 * papers, many mentions, and papers more alike than chance (coherence). Papers that none
 * of them covers are handled by the caller (broader shared subjects, then the nearest topic).
 */
export function selectTopics(
	candidates: Set<string>,
	documents: Map<string, Set<string>>,
	totals: Map<string, number>,
	termFrequencies: Map<string, Map<string, number>>,
	keep: Map<string, unknown>,
	coherence: (key: string) => number,
): Set<string> {
	// Where coherence vets every chosen topic, more can be chosen safely, and fewer papers
	// fall back to broad subjects (about 57% pure on the arXiv sample, against 83%).
	const perRoot =
		termFrequencies.size >= COHERENCE_MIN_PAPERS ? TOPICS_PER_ROOT_MEASURED : TOPICS_PER_ROOT;
	const limit = Math.max(8, Math.ceil(perRoot * Math.sqrt(termFrequencies.size)));
	const strength = (key: string) =>
		(documents.get(key)?.size ?? 0) *
		Math.log(1 + (totals.get(key) ?? 0)) *
		(key.includes(' ') ? 1 : 0.8) *
		Math.log2(1 + Math.min(coherence(key), 8));
	// A phrase made only of everyday words ("special case", "time scale") must show more
	// plainly that it gathers one kind of paper than a phrase with a word of the field.
	const everyday = (key: string) =>
		key.split(/[ -]/u).every((word) => generalFrequency(word) >= EVERYDAY_WORD);
	const specific = (key: string) =>
		keep.has(key) || coherence(key) >= SPECIFIC_COHERENCE * (everyday(key) ? EVERYDAY_FACTOR : 1);
	const ranked = [...candidates]
		.filter(specific)
		.sort((a, b) => strength(b) - strength(a) || (a < b ? -1 : 1));
	const chosen = new Set([
		...ranked.slice(0, limit),
		...[...candidates].filter((key) => keep.has(key)),
	]);
	return chosen;
}

/** Drops a longer phrase that only ever occurs where a shorter one inside it does. */
export function dropRedundant(
	candidates: Set<string>,
	documents: Map<string, Set<string>>,
): Set<string> {
	const kept = new Set(candidates);
	for (const [shorter, longers] of containersOf(candidates)) {
		for (const longer of longers) {
			const a = documents.get(longer)!;
			const b = documents.get(shorter)!;
			// Same papers, or a couple of papers that the broader phrase already covers.
			if ((a.size === b.size || a.size <= 2) && [...a].every((id) => b.has(id)))
				kept.delete(longer);
		}
	}
	return kept;
}
