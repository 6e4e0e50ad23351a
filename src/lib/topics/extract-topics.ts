import type { TopicOverrides } from '../../schemas/topic-overrides.ts';
import { countPhrase, keyForSlug, mergeInto, overrideName, userPhrases } from './overrides.ts';
import { collectAcronyms, documentsOf, foldKeys, foldPlurals, phrasesOf } from './phrases.ts';
import {
	dropFragments,
	dropRedundant,
	MAX_TOPICS_PER_PAPER,
	MIN_PAPERS_PER_TOPIC,
	selectTopics,
} from './selection.ts';
import { coherenceOf, meanSimilarity, paperVectors } from './similarity.ts';
import {
	fileStrays,
	STRAY_COVERAGE,
	STRAY_MIN_SIMILARITY,
	STRAY_SURE_SIMILARITY,
} from './strays.ts';
import { COHERENCE_MIN_PAPERS, isSingleNoun, namesASubject, type Judge } from './subjects.ts';
import { displayName, topicSlug } from './topic-names.ts';
import { applyParentOverrides, deriveParents, type TreeOptions } from './topic-tree.ts';
import { taggedWords, type TaggingCache } from './words.ts';

/** One paper as topic extraction sees it: its id and its plain text. */
export interface TopicInput {
	id: string;
	/** Plain text (LaTeX already read as text), title included when it is real. */
	text: string;
}

export interface Topic {
	slug: string;
	name: string;
	/** Ids of the papers under this topic, sorted; a parent's include its subtopics' papers. */
	papers: string[];
	/** Slug of the broader topic this one is a subtopic of (see topic-tree.ts). */
	parent?: string;
}

export interface TopicAssignment {
	/** Sorted by paper count (descending), then name. */
	topics: Topic[];
	/** Per paper id: topic slugs, most relevant first; a subtopic's parent follows it. */
	byPaper: Map<string, string[]>;
	/** Slugs that the overrides name but that no phrase of the collection has. */
	unknownSlugs: string[];
}

export interface ExtractOptions extends TreeOptions {
	tagging?: TaggingCache;
}

/**
 * Derives a topic taxonomy from the collection's own text, with no configuration:
 * recurring noun phrases (2–3 words, stop words and academic boilerplate removed,
 * plurals folded) and acronyms the collection defines that name a subject of the field
 * (namesASubject, coherenceOf), scored by TF-IDF across the collection, with broad
 * topics made parents of narrower ones in a large collection (topic-tree.ts; `options`
 * lowers the size threshold, for tests). Every topic has at least two papers and every
 * paper at most six topics. The same input always gives the same output.
 */
export function extractTopics(
	papers: readonly TopicInput[],
	overrides: TopicOverrides = {},
	options: ExtractOptions = {},
): TopicAssignment {
	const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const tagged = taggedWords(sorted, options.tagging);
	const acronyms = collectAcronyms(sorted.map((p) => p.text));
	let phraseMap = userPhrases(overrides);

	// Phrase counts per paper, and the surface forms seen for each phrase key.
	const termFrequencies = new Map<string, Map<string, number>>();
	const surfaces = new Map<string, Map<string, number>>();
	const leftContexts = new Map<string, Map<string, number>>();
	const modifierCounts = new Map<string, number>();
	/** Per paper: its content words (lemmas of nouns and adjectives outside boilerplate). */
	const contentWords = new Map<string, Map<string, number>>();
	let words = 0;
	for (const paper of sorted) {
		const tf = new Map<string, number>();
		words += paper.text.split(/\s+/u).length;
		const lemmas = new Map<string, number>();
		contentWords.set(paper.id, lemmas);
		for (const { key, surface, before, modifies } of phrasesOf(
			tagged(paper.text),
			acronyms,
			lemmas,
		)) {
			tf.set(key, (tf.get(key) ?? 0) + 1);
			if (modifies) modifierCounts.set(key, (modifierCounts.get(key) ?? 0) + 1);
			if (before) {
				const left = leftContexts.get(key) ?? new Map<string, number>();
				left.set(before, (left.get(before) ?? 0) + 1);
				leftContexts.set(key, left);
			}
			const forms = surfaces.get(key) ?? new Map<string, number>();
			forms.set(surface, (forms.get(surface) ?? 0) + 1);
			surfaces.set(key, forms);
		}
		for (const [key, { phrases }] of phraseMap) {
			const hits = phrases.reduce((n, phrase) => n + countPhrase(paper.text, phrase), 0);
			if (hits) tf.set(key, (tf.get(key) ?? 0) + hits);
		}
		termFrequencies.set(paper.id, tf);
	}

	const foldPlural = foldPlurals(termFrequencies, surfaces);
	// "super-resolution" and "super resolution" would share a slug, so they are one topic.
	const foldSpelling = foldKeys(termFrequencies, surfaces, topicSlug);
	phraseMap = new Map([...phraseMap].map(([key, topic]) => [foldSpelling(foldPlural(key)), topic]));
	const documents = documentsOf(termFrequencies);
	const known = new Set([...documents.keys()].map(topicSlug));
	const totals = new Map<string, number>();
	for (const tf of termFrequencies.values())
		for (const [key, count] of tf) totals.set(key, (totals.get(key) ?? 0) + count);

	const modifiers = new Map<string, number>();
	for (const [key, count] of modifierCounts) {
		const folded = foldSpelling(foldPlural(key));
		modifiers.set(folded, (modifiers.get(folded) ?? 0) + count);
	}
	const n = sorted.length;
	const idf = (key: string) => Math.log((1 + n) / (1 + (documents.get(key)?.size ?? 0))) + 1;
	const vectors = paperVectors(contentWords);
	const coherenceBaseline = meanSimilarity(vectors);
	// In a small collection, how alike a phrase's papers are says little: every phrase passes.
	const measured = coherenceOf(vectors, documents, coherenceBaseline);
	const coherence = n >= COHERENCE_MIN_PAPERS ? measured : () => Number.POSITIVE_INFINITY;

	const minimum = sorted.length >= MIN_PAPERS_PER_TOPIC ? MIN_PAPERS_PER_TOPIC : 1;
	const judge: Judge = { totals, modifiers, surfaces, words, coherence };
	// A single word is chosen for its own strength only where coherence can vouch that it
	// names one kind of paper; in a small collection it only stands in for papers no phrase fits.
	const shared = [...documents]
		.filter(
			([key, docs]) =>
				phraseMap.has(key) ||
				(docs.size >= minimum &&
					(n >= COHERENCE_MIN_PAPERS || !isSingleNoun(key)) &&
					namesASubject(key, judge)),
		)
		.map(([key]) => key);
	let candidates = new Set(shared);
	candidates = dropFragments(candidates, totals, leftContexts, phraseMap);
	candidates = dropRedundant(candidates, documents);
	for (const [target, sources] of Object.entries(overrides.merge ?? {})) {
		for (const source of sources)
			mergeInto(target, source, candidates, documents, termFrequencies, surfaces);
	}
	for (const hidden of overrides.hide ?? [])
		candidates.delete(keyForSlug(hidden, candidates) ?? hidden);

	// The fallback for papers no chosen topic fits: any subject they share, however broad.
	const hidden = new Set(overrides.hide ?? []);
	const pool = new Set(candidates);
	for (const [key, docs] of documents)
		if (
			docs.size >= minimum &&
			namesASubject(key, judge, Number.NEGATIVE_INFINITY) &&
			!(hidden.size > 0 && hidden.has(topicSlug(key)))
		)
			pool.add(key);
	candidates = selectTopics(candidates, documents, totals, termFrequencies, phraseMap, coherence);

	// Assign each paper its best topics, then drop topics left with too few papers, until stable.
	// Each paper's candidate topics, best first, ranked once.
	const ranked = new Map(
		sorted.map((paper) => [
			paper.id,
			[...termFrequencies.get(paper.id)!]
				.filter(([key]) => pool.has(key))
				.map(([key, count]) => ({
					key,
					score: (1 + Math.log(count)) * idf(key) * (isSingleNoun(key) ? 0.5 : 1),
				}))
				// Topics the user added in topics.yaml come first: they were asked for.
				.sort(
					(a, b) =>
						Number(phraseMap.has(b.key)) - Number(phraseMap.has(a.key)) ||
						b.score - a.score ||
						(a.key < b.key ? -1 : 1),
				),
		]),
	);
	/** A paper's best allowed topics, at most six. */
	const assign = (keys: readonly { key: string }[], allowed: Set<string>) => {
		const best: string[] = [];
		for (const { key } of keys) {
			if (best.length === MAX_TOPICS_PER_PAPER) break;
			if (allowed.has(key)) best.push(key);
		}
		return best;
	};
	/** A paper without a specific topic takes one broader subject only: its best. */
	const assignOne = (keys: readonly { key: string }[], allowed: Set<string>) =>
		assign(keys, allowed).slice(0, 1);
	const prune = (allowed: Set<string>, ids: readonly string[], pick = assign) => {
		for (;;) {
			const counts = new Map<string, number>();
			for (const id of ids)
				for (const key of pick(ranked.get(id)!, allowed))
					counts.set(key, (counts.get(key) ?? 0) + 1);
			const tooSmall = [...allowed].filter(
				(key) => (counts.get(key) ?? 0) < (phraseMap.has(key) ? 1 : minimum),
			);
			if (tooSmall.length === 0) return;
			for (const key of tooSmall) allowed.delete(key);
		}
	};
	const everyone = [...ranked.keys()];
	const specific = candidates;
	prune(specific, everyone);
	const uncoveredBy = (allowed: Set<string>, ids: readonly string[]) =>
		ids.filter((id) => assign(ranked.get(id)!, allowed).length === 0);

	// Papers that no chosen topic fits share broader subjects among themselves: each picks the
	// subject it shares with most such papers, then takes the best of the subjects so picked.
	// One only: a broad subject files such a paper, it does not describe it.
	const fallbacks = new Set<string>();
	const chooseFallbacks = (uncovered: readonly string[]) => {
		const shares = new Map<string, number>();
		for (const id of uncovered)
			for (const { key } of ranked.get(id)!) shares.set(key, (shares.get(key) ?? 0) + 1);
		for (const id of uncovered) {
			let best: string | undefined;
			for (const { key } of ranked.get(id)!)
				if (
					(shares.get(key) ?? 0) >= minimum &&
					(best === undefined || shares.get(key)! > shares.get(best)!)
				)
					best = key;
			if (best) fallbacks.add(best);
		}
		prune(fallbacks, uncovered, assignOne);
	};
	chooseFallbacks(uncoveredBy(specific, everyone));
	const byPaper = new Map<string, string[]>();
	for (const [id, keys] of ranked) {
		const own = assign(keys, specific);
		byPaper.set(id, own.length > 0 ? own : assignOne(keys, fallbacks));
	}
	candidates = new Set([...specific, ...fallbacks]);
	const measuredStrays = n >= COHERENCE_MIN_PAPERS;
	fileStrays(
		byPaper,
		vectors,
		coherenceBaseline * (measuredStrays ? STRAY_MIN_SIMILARITY : 1),
		coherenceBaseline * (measuredStrays ? STRAY_SURE_SIMILARITY : 1),
		measuredStrays ? STRAY_COVERAGE : 1,
	);

	const members = new Map<string, string[]>();
	for (const paper of sorted)
		for (const key of byPaper.get(paper.id)!)
			members.get(key)?.push(paper.id) ?? members.set(key, [paper.id]);
	const names = new Map(
		[...candidates].map((key) => [
			key,
			overrideName(key, overrides, phraseMap) ?? displayName(key, surfaces.get(key), acronyms),
		]),
	);
	const slugs = new Map([...candidates].map((key) => [key, topicSlug(key)]));
	const leaves = [...candidates].map((key) => ({
		slug: slugs.get(key)!,
		papers: members.get(key) ?? [],
	}));
	const parentOf = applyParentOverrides(
		deriveParents(leaves, n, options),
		overrides.parent ?? {},
		new Set(leaves.map((t) => t.slug)),
	);

	// A paper under a subtopic is under its parent too, right after it; at most six in all.
	const slugsByPaper = new Map<string, string[]>();
	for (const [id, keys] of byPaper) {
		const list: string[] = [];
		for (const key of keys) {
			const slug = slugs.get(key)!;
			const parent = parentOf.get(slug);
			const needed = (list.includes(slug) ? 0 : 1) + (parent && !list.includes(parent) ? 1 : 0);
			if (list.length + needed > MAX_TOPICS_PER_PAPER) break;
			if (!list.includes(slug)) list.push(slug);
			if (parent && !list.includes(parent)) list.push(parent);
		}
		slugsByPaper.set(id, list);
	}
	const papersOf = new Map<string, string[]>();
	for (const paper of sorted)
		for (const slug of slugsByPaper.get(paper.id)!)
			papersOf.get(slug)?.push(paper.id) ?? papersOf.set(slug, [paper.id]);
	const topics: Topic[] = [...candidates]
		.map((key) => {
			const slug = slugs.get(key)!;
			const parent = parentOf.get(slug);
			return {
				slug,
				name: names.get(key)!,
				papers: papersOf.get(slug) ?? [],
				...(parent ? { parent } : {}),
			};
		})
		.filter((topic) => topic.papers.length > 0)
		.sort(
			(a, b) =>
				b.papers.length - a.papers.length ||
				a.name.localeCompare(b.name, 'en') ||
				(a.slug < b.slug ? -1 : 1),
		);
	const referenced = [
		...Object.keys(overrides.rename ?? {}),
		...Object.entries(overrides.merge ?? {}).flat(2),
		...(overrides.hide ?? []),
		...Object.entries(overrides.parent ?? {}).flat(),
	];
	return {
		topics,
		byPaper: slugsByPaper,
		unknownSlugs: [...new Set(referenced.filter((slug) => !known.has(slug)))].sort(),
	};
}
