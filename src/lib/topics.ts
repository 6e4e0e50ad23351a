import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TopicOverrides } from '../schemas/topic-overrides.ts';
import { generalFrequency } from './general-english.ts';
import { termSlug } from './taxonomy/term-slug.ts';
import { applyParentOverrides, deriveParents, type TreeOptions } from './topic-tree.ts';

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


export const MAX_TOPICS_PER_PAPER = 6;
export const MIN_PAPERS_PER_TOPIC = 2;

/**
 * Words that carry no topic in any abstract: the way papers talk about themselves
 * ("we propose a novel method", "extensive experiments show"). They end a phrase, as
 * stop words do. General English stop words come from wink-nlp.
 */
const ACADEMIC_BOILERPLATE = `
abstract achieve achieved achieves achieving across additional address addresses adopt advance advances
allow allows already although among analyze applied apply approach approaches art aspect attempt available
based baseline baselines benchmark benchmarks best better beyond bring brings can challenge challenges
challenging commonly compared comparison competitive comprehensive conduct conducted consider considerable
consistently contribution contributions could crucial current currently demonstrate demonstrated demonstrates
design designed despite develop developed different difficult directly due easily effective effectively
efficiency efficient efficiently either enable enables enabling end enhance enhanced enhances ensure especially
even evaluate evaluated evaluation existing experiment experimental experiments extensive extensively
facilitate field findings first focus focuses following found framework further furthermore gain gains general
given good great greatly however huge ideal idea important improve improved improvement improvements improves
improving include including increase increasing increasingly indeed inspired instead introduce introduced
issue issues key known lack large largely latter lead leading leads less leverage leverages leveraging
like limitation limitations limited little lot low made main mainly make makes making many may means
meanwhile method methods might moreover much multiple must namely need needs new next non notably novel
novelty number numerous obtain obtained offer offers often one ones order outperform outperforms over
overall paper papers particular particularly perform performance performances performs possible potential
practical practice previous previously primarily problem problems promising propose proposed proposes
provide provided provides providing quality range rather recent recently reduce reduces regarding related
relatively remarkable remains require required requires research respectively result results reveal
second serve set several show showed shown shows significant significantly similar simple simply since
small so solution solutions some specific specifically state still strong study studies substantial
successfully suffer superior task tasks technique techniques terms thereby therefore third three through
thus together toward towards tremendous two typically under unique upon use used useful uses using usually
validate various vast via viable wide widely within without work works would yet according popular real-world
application applications state-of-the-art end-to-end high-quality large-scale well-trained low-cost fine-tune fine-tuned
`.trim().split(/\s+/u);

const BOILERPLATE = new Set([...ACADEMIC_BOILERPLATE, 'high-level', 'low-level']);

/**
 * Nouns that name a part of any study rather than its subject: a phrase ending in one
 * ("public datasets", "loss functions", "sampling steps") is not a topic.
 */
const GENERIC_HEADS = new Set(
	`architecture component content data dataset distribution function information layer level manner module parameter
phase problem process quality result scenario setting stage step strategy task technique update value way`.split(/\s+/u),
);


/** wink-nlp tokenises, tags parts of speech, lemmatises and flags English stop words. */
const nlp = winkNLP(model);
const its = nlp.its;

const stopWordCache = new Map<string, boolean>();
function isStopWord(word: string): boolean {
	let stop = stopWordCache.get(word);
	if (stop === undefined) {
		stop = nlp.readDoc(word).tokens().out(its.stopWordFlag)[0] === true;
		stopWordCache.set(word, stop);
	}
	return stop;
}

/** An acronym in parentheses, as in "Federated Learning (FL)" or "Low-Rank Adaptation (LoRA)". */
const ACRONYM_IN_PARENS = /\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*?)s?\)/gu;

/**
 * Derives a topic taxonomy from the collection's own text, with no configuration:
 * recurring noun phrases (2–3 words, stop words and academic boilerplate removed,
 * plurals folded) and acronyms the collection defines that name a subject of the field
 * (namesASubject, coherenceOf), scored by TF-IDF across the collection, with broad
 * topics made parents of narrower ones in a large collection (topic-tree.ts; `options`
 * lowers the size threshold, for tests). Every topic has at least two papers and every
 * paper at most six topics. The same input always gives the same output.
 */
export function extractTopics(papers: readonly TopicInput[], overrides: TopicOverrides = {}, options: ExtractOptions = {}): TopicAssignment {
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
		for (const { key, surface, before, modifies } of phrasesOf(tagged(paper.text), acronyms, lemmas)) {
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
	for (const tf of termFrequencies.values()) for (const [key, count] of tf) totals.set(key, (totals.get(key) ?? 0) + count);

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
		.filter(([key, docs]) => phraseMap.has(key) || (docs.size >= minimum && (n >= COHERENCE_MIN_PAPERS || !isSingleNoun(key)) && namesASubject(key, judge)))
		.map(([key]) => key);
	let candidates = new Set(shared);
	candidates = dropFragments(candidates, totals, leftContexts, phraseMap);
	candidates = dropRedundant(candidates, documents);
	for (const [target, sources] of Object.entries(overrides.merge ?? {})) {
		for (const source of sources) mergeInto(target, source, candidates, documents, termFrequencies, surfaces);
	}
	for (const hidden of overrides.hide ?? []) candidates.delete(keyForSlug(hidden, candidates) ?? hidden);

	// The fallback for papers no chosen topic fits: any subject they share, however broad.
	const hidden = new Set(overrides.hide ?? []);
	const pool = new Set(candidates);
	for (const [key, docs] of documents) if (docs.size >= minimum && namesASubject(key, judge, Number.NEGATIVE_INFINITY) && !(hidden.size > 0 && hidden.has(topicSlug(key)))) pool.add(key);
	candidates = selectTopics(candidates, documents, totals, termFrequencies, phraseMap, coherence);

	// Assign each paper its best topics, then drop topics left with too few papers, until stable.
	// Each paper's candidate topics, best first, ranked once.
	const ranked = new Map(
		sorted.map((paper) => [
			paper.id,
			[...termFrequencies.get(paper.id)!]
				.filter(([key]) => pool.has(key))
				.map(([key, count]) => ({ key, score: (1 + Math.log(count)) * idf(key) * (isSingleNoun(key) ? 0.5 : 1) }))
				// Topics the user added in topics.yaml come first: they were asked for.
				.sort((a, b) => Number(phraseMap.has(b.key)) - Number(phraseMap.has(a.key)) || b.score - a.score || (a.key < b.key ? -1 : 1)),
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
	const assignOne = (keys: readonly { key: string }[], allowed: Set<string>) => assign(keys, allowed).slice(0, 1);
	const prune = (allowed: Set<string>, ids: readonly string[], pick = assign) => {
		for (;;) {
			const counts = new Map<string, number>();
			for (const id of ids) for (const key of pick(ranked.get(id)!, allowed)) counts.set(key, (counts.get(key) ?? 0) + 1);
			const tooSmall = [...allowed].filter((key) => (counts.get(key) ?? 0) < (phraseMap.has(key) ? 1 : minimum));
			if (tooSmall.length === 0) return;
			for (const key of tooSmall) allowed.delete(key);
		}
	};
	const everyone = [...ranked.keys()];
	const specific = candidates;
	prune(specific, everyone);
	const uncoveredBy = (allowed: Set<string>, ids: readonly string[]) => ids.filter((id) => assign(ranked.get(id)!, allowed).length === 0);

	// Papers that no chosen topic fits share broader subjects among themselves: each picks the
	// subject it shares with most such papers, then takes the best of the subjects so picked.
	// One only: a broad subject files such a paper, it does not describe it.
	const fallbacks = new Set<string>();
	const chooseFallbacks = (uncovered: readonly string[]) => {
		const shares = new Map<string, number>();
		for (const id of uncovered) for (const { key } of ranked.get(id)!) shares.set(key, (shares.get(key) ?? 0) + 1);
		for (const id of uncovered) {
			let best: string | undefined;
			for (const { key } of ranked.get(id)!) if ((shares.get(key) ?? 0) >= minimum && (best === undefined || shares.get(key)! > shares.get(best)!)) best = key;
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
	for (const paper of sorted) for (const key of byPaper.get(paper.id)!) members.get(key)?.push(paper.id) ?? members.set(key, [paper.id]);
	const names = new Map([...candidates].map((key) => [key, overrideName(key, overrides, phraseMap) ?? displayName(key, surfaces.get(key), acronyms)]));
	const slugs = new Map([...candidates].map((key) => [key, topicSlug(key)]));
	const leaves = [...candidates].map((key) => ({ slug: slugs.get(key)!, papers: members.get(key) ?? [] }));
	const parentOf = applyParentOverrides(deriveParents(leaves, n, options), overrides.parent ?? {}, new Set(leaves.map((t) => t.slug)));

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
	for (const paper of sorted) for (const slug of slugsByPaper.get(paper.id)!) papersOf.get(slug)?.push(paper.id) ?? papersOf.set(slug, [paper.id]);
	const topics: Topic[] = [...candidates]
		.map((key) => {
			const slug = slugs.get(key)!;
			const parent = parentOf.get(slug);
			return { slug, name: names.get(key)!, papers: papersOf.get(slug) ?? [], ...(parent ? { parent } : {}) };
		})
		.filter((topic) => topic.papers.length > 0)
		.sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name, 'en') || (a.slug < b.slug ? -1 : 1));
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

function hasGenericHead(key: string): boolean {
	const head = key.split(' ').at(-1)!;
	return GENERIC_HEADS.has(head) || GENERIC_HEADS.has(head.replace(/s$/u, ''));
}

function isSingleNoun(key: string): boolean {
	return !key.includes(' ') && !key.includes('-');
}

/** What the collection says about its phrases, to judge whether one names a subject. */
interface Judge {
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
const COHERENCE_MIN_PAPERS = 100;
/** Papers under a topic must be this many times more alike than two papers picked at random. */
const MIN_COHERENCE = 1.5;
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
/** A single word must gather papers at least this much more alike than chance. */
const FIELD_TERM_MIN_COHERENCE = 3;

/**
 * Whether a phrase names a subject of the field rather than a part of any study
 * ("loss function"), a fragment of a longer name ("deep convolutional"), a citation
 * ("et al") or an everyday word ("theories"). Measured on the collection and against
 * general English, the same way for any field.
 */
function namesASubject(key: string, judge: Judge, minCoherence = MIN_COHERENCE, termCoherence = FIELD_TERM_MIN_COHERENCE): boolean {
	if (hasGenericHead(key)) return false;
	const parts = key.split(' ');
	// "et al", "i e": words too short to name anything.
	if (parts.filter((w) => w.replace(/[^\p{L}]/gu, '').length <= 2).length * 2 > parts.length) return false;
	const total = judge.totals.get(key) ?? 0;
	// Mostly followed by another noun: a modifier of longer names ("deep convolutional ...").
	if ((judge.modifiers.get(key) ?? 0) >= MODIFIER_SHARE * total) return false;
	if (judge.coherence(key) < minCoherence) return false;
	if (!isSingleNoun(key)) return true;
	if (judge.coherence(key) < termCoherence) return false;
	// A single word: a term of the field, not a name ("Einstein") nor an everyday word.
	let lower = 0;
	for (const [form, count] of judge.surfaces.get(key) ?? []) if (form === form.toLowerCase()) lower += count;
	if (lower < total / 3) return false;
	const general = generalFrequency(key);
	const inCollection = (total / Math.max(1, judge.words)) * 1_000_000;
	return general <= FIELD_TERM_MAX_GENERAL && inCollection >= FIELD_TERM_MIN_LIFT * Math.max(general, 0.05);
}

/**
 * For each phrase, how alike its papers are: the mean cosine similarity of their phrase
 * vectors (TF-IDF, the phrase itself left out), divided by the mean over all pairs of
 * papers. A phrase of one subject gathers papers that share much else ("star formation"),
 * one of how papers talk scatters across the collection ("upper limits", "et al").
 * Linear in the collection: one pass over each phrase's papers, cached.
 */
const keyWords = new Map<string, string[]>();
function wordsOfKey(key: string): string[] {
	let words = keyWords.get(key);
	if (!words) keyWords.set(key, (words = key.split(/[ -]/u)));
	return words;
}

/** Each paper's content words as a unit-length TF-IDF vector. */
function paperVectors(contentWords: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
	const size = contentWords.size;
	const documents = documentsOf(contentWords);
	const idf = (word: string) => Math.log((1 + size) / (1 + (documents.get(word)?.size ?? 0))) + 1;
	const vectors = new Map<string, Map<string, number>>();
	for (const [id, tf] of contentWords) {
		const vector = new Map<string, number>();
		let norm = 0;
		for (const [word, count] of tf) {
			const weight = (1 + Math.log(count)) * idf(word);
			vector.set(word, weight);
			norm += weight * weight;
		}
		norm = Math.sqrt(norm) || 1;
		for (const [word, weight] of vector) vector.set(word, weight / norm);
		vectors.set(id, vector);
	}
	return vectors;
}

/** The mean cosine similarity of two different papers of the collection, computed in one pass. */
function meanSimilarity(vectors: Map<string, Map<string, number>>): number {
	const all = new Map<string, number>();
	let nonEmpty = 0;
	for (const vector of vectors.values()) {
		if (vector.size > 0) nonEmpty++;
		for (const [word, weight] of vector) all.set(word, (all.get(word) ?? 0) + weight);
	}
	let squared = 0;
	for (const value of all.values()) squared += value * value;
	const n = vectors.size;
	return n > 1 ? Math.max(1e-6, (squared - nonEmpty) / (n * (n - 1))) : 1;
}

function coherenceOf(
	vectors: Map<string, Map<string, number>>,
	documents: Map<string, Set<string>>,
	baseline: number,
): (key: string) => number {
	const cache = new Map<string, number>();
	return (key) => {
		let value = cache.get(key);
		if (value !== undefined) return value;
		const ids = [...(documents.get(key) ?? [])];
		const k = ids.length;
		if (k < 2) value = 1;
		else {
			// The phrase's own words are left out: they make its papers alike by definition.
			const own = new Set(key.split(/[ -]/u));
			const related = (dim: string) => own.has(dim) || (dim.includes('-') && wordsOfKey(dim).some((w) => own.has(w)));
			const sum = new Map<string, number>();
			let left = 0;
			for (const id of ids) {
				for (const [dim, weight] of vectors.get(id)!) {
					if (related(dim)) left += weight * weight;
					else sum.set(dim, (sum.get(dim) ?? 0) + weight);
				}
			}
			let squared = 0;
			for (const v of sum.values()) squared += v * v;
			// Rounding can leave a hair below zero where papers share nothing else.
			value = Math.max(0, (squared - (k - left)) / (k * (k - 1)) / baseline);
		}
		cache.set(key, value);
		return value;
	};
}

/** A topic's slug, from its key (lemmas), so it is the same for "diffusion model" and "Diffusion Models". */
function topicSlug(key: string): string {
	return termSlug('topics', key);
}

function keyForSlug(slug: string, keys: Iterable<string>): string | undefined {
	for (const key of keys) if (topicSlug(key) === slug) return key;
	return undefined;
}

/** One occurrence of a candidate phrase; `before` is the word that precedes it inside its noun phrase. */
interface Occurrence {
	key: string;
	surface: string;
	before?: string | undefined;
	/** Another word of the noun phrase follows: here the phrase modifies a longer one. */
	modifies: boolean;
}

/**
 * Tagged words by text. Tagging is most of extraction's time; a dev server keeps one
 * of these between syncs, so that re-extracting topics after one edited abstract tags
 * only that abstract. A build needs none: every text is tagged once anyway.
 */
export type TaggingCache = Map<string, readonly Word[]>;

export interface ExtractOptions extends TreeOptions {
	tagging?: TaggingCache;
}

/**
 * The tagger for this extraction: through the cache when there is one, which afterwards
 * keeps only the texts of these papers, so it never outgrows the collection.
 */
function taggedWords(papers: readonly TopicInput[], cache: TaggingCache | undefined): (text: string) => readonly Word[] {
	if (!cache) return wordsOf;
	const texts = new Set(papers.map((p) => p.text));
	for (const text of cache.keys()) if (!texts.has(text)) cache.delete(text);
	return (text) => {
		let words = cache.get(text);
		if (!words) cache.set(text, (words = wordsOf(text)));
		return words;
	};
}

interface Word {
	surface: string;
	lemma: string;
	/** Universal POS tag; hyphenated compounds take their last part's noun tag, else ADJ. */
	pos: string;
	/** Ends a phrase: punctuation, a stop word or boilerplate, or a word that cannot be in a noun phrase. */
	boundary: boolean;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Lemmas the model gets wrong for this field's vocabulary. */
const LEMMA_FIXES: Record<string, string> = { datum: 'data' };
const HEAD = new Set(['NOUN', 'PROPN']);

/** Tagged words, with hyphenated compounds ("text-to-image", "zero-shot") joined back into one word. */
function wordsOf(text: string): Word[] {
	const tokens = nlp.readDoc(text).tokens();
	const values = tokens.out(its.value) as string[];
	const tags = tokens.out(its.pos) as string[];
	// wink-nlp's typings declare its.lemma with a signature its own out() does not accept.
	const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
	const spaces = tokens.out(its.precedingSpaces) as string[];
	const stops = tokens.out(its.stopWordFlag) as boolean[];
	const words: Word[] = [];
	for (let i = 0; i < values.length; i++) {
		const parts = [i];
		while (values[parts.at(-1)! + 1] === '-' && spaces[parts.at(-1)! + 1] === '' && spaces[parts.at(-1)! + 2] === '' && /[\p{L}\p{N}]/u.test(values[parts.at(-1)! + 2] ?? '')) {
			parts.push(parts.at(-1)! + 2);
		}
		const last = parts.at(-1)!;
		if (parts.length > 1) {
			const surface = values.slice(i, last + 1).join('');
			const lastTag = tags[last] ?? 'X';
			const lemma = [...parts.slice(0, -1).map((k) => values[k]!.toLowerCase()), HEAD.has(lastTag) ? lemmas[last]! : values[last]!.toLowerCase()].join('-');
			words.push({ surface, lemma, pos: HEAD.has(lastTag) ? lastTag : 'ADJ', boundary: BOILERPLATE.has(lemma) });
			i = last;
			continue;
		}
		const surface = values[i]!;
		const rawLemma = (lemmas[i] ?? surface).toLowerCase();
		const lemma = LEMMA_FIXES[rawLemma] ?? rawLemma;
		const pos = tags[i] ?? 'X';
		const previous = words.at(-1);
		// Gerunds inside a noun phrase ("zero-shot learning") are often tagged as verbs.
		const gerund = pos === 'VERB' && /ing$/u.test(surface) && previous !== undefined && !previous.boundary && NOMINAL.has(previous.pos);
		const nominal = NOMINAL.has(pos) || gerund;
		words.push({
			surface,
			lemma: gerund ? surface.toLowerCase() : lemma,
			pos: gerund ? 'NOUN' : pos,
			boundary: !nominal || stops[i] === true || BOILERPLATE.has(surface.toLowerCase()) || BOILERPLATE.has(lemma) || lemma.length < 2,
		});
	}
	return words;
}

/** Candidate phrases of a text: 2–3 word runs inside noun phrases that end in a noun. */
function* phrasesOf(tagged: readonly Word[], acronyms: Map<string, string>, lemmas?: Map<string, number>): Generator<Occurrence> {
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
			if (compound ? w.lemma.split('-').every((part) => part.length > 2 && !isStopWord(part)) : w.lemma.length >= 4) {
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
function collectAcronyms(texts: readonly string[]): Map<string, string> {
	const votes = new Map<string, Map<string, number>>();
	for (const text of texts) {
		for (const match of text.matchAll(ACRONYM_IN_PARENS)) {
			const acronym = match[1]!;
			// The long form is among the (at most eight) words just before the parenthesis.
			const clause = text.slice(Math.max(0, match.index - 120), match.index).split(/[.,;:()[\]]/u).at(-1) ?? '';
			const before = clause.split(/[^A-Za-z-]+/u).filter(Boolean).slice(-8);
			const longForm = longFormFor(acronym, before);
			if (!longForm) continue;
			const key = wordsOf(longForm.join(' ')).map((w) => w.lemma).join(' ');
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
		const initials = candidate.flatMap((w) => w.split('-').filter(Boolean)).map((part) => part[0]!.toLowerCase()).join('');
		const wordInitials = candidate.map((w) => w[0]!.toLowerCase()).join('');
		if (initials === letters || wordInitials === letters) {
			if (candidate.length < 2 || BOILERPLATE.has(candidate[0]!.toLowerCase())) return undefined;
			return candidate;
		}
	}
	return undefined;
}

function documentsOf(termFrequencies: Map<string, Map<string, number>>): Map<string, Set<string>> {
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
 * The tagger leaves some plurals unlemmatised ("Diffusion Models" as proper nouns,
 * "datasets"); a phrase whose last word is the plural of a word seen elsewhere is
 * folded into the singular phrase.
 */
/**
 * Merges phrase keys that `group` maps to the same value: into the group value itself
 * when it is a key, else into the most frequent key (ties: code-point order). Returns
 * the mapping, for keys that arrive later (user phrases).
 */
function foldKeys(
	termFrequencies: Map<string, Map<string, number>>,
	surfaces: Map<string, Map<string, number>>,
	group: (key: string) => string,
): (key: string) => string {
	const totals = new Map<string, number>();
	for (const tf of termFrequencies.values()) for (const [key, count] of tf) totals.set(key, (totals.get(key) ?? 0) + count);
	const canonical = new Map<string, string>();
	for (const key of [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1))) {
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

function foldPlurals(termFrequencies: Map<string, Map<string, number>>, surfaces: Map<string, Map<string, number>>): (key: string) => string {
	const lastWords = new Set<string>();
	for (const tf of termFrequencies.values()) for (const key of tf.keys()) lastWords.add(key.split(' ').at(-1)!);
	return foldKeys(termFrequencies, surfaces, (key) => {
		const words = key.split(' ');
		const last = words.at(-1)!;
		if (/[^s]s$/u.test(last) && lastWords.has(last.slice(0, -1))) words[words.length - 1] = last.slice(0, -1);
		return words.join(' ');
	});
}

/**
 * Drops fragments: a phrase that only ever occurs inside longer candidate phrases
 * ("deep neural" inside "deep neural network"), or that mostly straddles two.
 */
function dropFragments(
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
		for (const [before, count] of leftContexts.get(shorter) ?? []) if (candidates.has(`${before} ${first}`)) straddling += count;
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
function selectTopics(
	candidates: Set<string>,
	documents: Map<string, Set<string>>,
	totals: Map<string, number>,
	termFrequencies: Map<string, Map<string, number>>,
	keep: Map<string, unknown>,
	coherence: (key: string) => number,
): Set<string> {
	// Where coherence vets every chosen topic, more can be chosen safely, and fewer papers
	// fall back to broad subjects (about 57% pure on the arXiv sample, against 83%).
	const perRoot = termFrequencies.size >= COHERENCE_MIN_PAPERS ? TOPICS_PER_ROOT_MEASURED : TOPICS_PER_ROOT;
	const limit = Math.max(8, Math.ceil(perRoot * Math.sqrt(termFrequencies.size)));
	const strength = (key: string) =>
		(documents.get(key)?.size ?? 0) * Math.log(1 + (totals.get(key) ?? 0)) * (key.includes(' ') ? 1 : 0.8) * Math.log2(1 + Math.min(coherence(key), 8));
	// A phrase made only of everyday words ("special case", "time scale") must show more
	// plainly that it gathers one kind of paper than a phrase with a word of the field.
	const everyday = (key: string) => key.split(/[ -]/u).every((word) => generalFrequency(word) >= EVERYDAY_WORD);
	const specific = (key: string) => keep.has(key) || coherence(key) >= SPECIFIC_COHERENCE * (everyday(key) ? EVERYDAY_FACTOR : 1);
	const ranked = [...candidates].filter(specific).sort((a, b) => strength(b) - strength(a) || (a < b ? -1 : 1));
	const chosen = new Set([...ranked.slice(0, limit), ...[...candidates].filter((key) => keep.has(key))]);
	return chosen;
}

/** Drops a longer phrase that only ever occurs where a shorter one inside it does. */
function dropRedundant(candidates: Set<string>, documents: Map<string, Set<string>>): Set<string> {
	const kept = new Set(candidates);
	for (const [shorter, longers] of containersOf(candidates)) {
		for (const longer of longers) {
			const a = documents.get(longer)!;
			const b = documents.get(shorter)!;
			// Same papers, or a couple of papers that the broader phrase already covers.
			if ((a.size === b.size || a.size <= 2) && [...a].every((id) => b.has(id))) kept.delete(longer);
		}
	}
	return kept;
}

function mergeInto(
	targetSlug: string,
	sourceSlug: string,
	candidates: Set<string>,
	documents: Map<string, Set<string>>,
	termFrequencies: Map<string, Map<string, number>>,
	surfaces: Map<string, Map<string, number>>,
): void {
	const all = [...documents.keys()];
	const target = keyForSlug(targetSlug, all);
	const source = keyForSlug(sourceSlug, all);
	if (!target || !source || target === source) return;
	for (const id of documents.get(source) ?? []) {
		documents.get(target)!.add(id);
		const tf = termFrequencies.get(id)!;
		tf.set(target, (tf.get(target) ?? 0) + (tf.get(source) ?? 0));
		tf.delete(source);
	}
	documents.delete(source);
	surfaces.delete(source);
	candidates.delete(source);
	if (documents.get(target)!.size >= MIN_PAPERS_PER_TOPIC) candidates.add(target);
}

/** Topics a user added, keyed as extraction keys the phrase of their name. */
function userPhrases(overrides: TopicOverrides): Map<string, { name: string; phrases: string[] }> {
	return new Map((overrides.add ?? []).map((topic) => [keyOfName(topic.name), topic]));
}

/** The phrase key of a user-given topic name, as extraction would compute it. */
function keyOfName(name: string): string {
	return wordsOf(name).map((w) => w.lemma).join(' ');
}

function countPhrase(text: string, phrase: string): number {
	const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');
	return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))].length;
}

function overrideName(key: string, overrides: TopicOverrides, added: Map<string, { name: string }>): string | undefined {
	return overrides.rename?.[topicSlug(key)] ?? added.get(key)?.name;
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with']);

/** The plural is the name when at least this share of the occurrences are plural. */
const PLURAL_NAME_SHARE = 0.3;

/**
 * The way the collection writes a phrase, as a heading, in title case with acronyms and
 * mixed case kept. A count noun the field writes in the plural too keeps its plural
 * ("Diffusion Models", "Black Holes"); a mass noun, or a phrase the text rarely
 * pluralises, keeps the form written ("Object Detection", "Optical Flow", never
 * "Optical Flows").
 */
function displayName(key: string, forms: Map<string, number> | undefined, acronyms: Map<string, string>): string {
	const written = [...(forms ?? [])].filter(([surface]) => !acronyms.has(surface) && !acronyms.has(surface.replace(/s$/u, '')));
	const isPlural = (surface: string) => /[^s]s$/u.test(surface) && !/[^s]s$/u.test(key);
	let plurals = 0;
	let all = 0;
	for (const [surface, count] of written) {
		all += count;
		if (isPlural(surface)) plurals += count;
	}
	const pluralName = all > 0 && plurals >= PLURAL_NAME_SHARE * all;
	const plural = (surface: string) => (isPlural(surface) === pluralName ? 1 : 0);
	const [best] = written.sort((a, b) => plural(b[0]) - plural(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const surface = best?.[0] ?? key;
	const cap = (word: string, first: boolean) =>
		/[A-Z].*[A-Z]|\d/u.test(word) || (!first && MINOR_WORDS.has(word.toLowerCase())) ? word : word.charAt(0).toUpperCase() + word.slice(1);
	return surface
		.split(' ')
		.map((word, i) => word.split('-').map((part, j) => cap(j === 0 ? part : part.toLowerCase(), i === 0 && j === 0)).join('-'))
		.join(' ');
}

/** From COHERENCE_MIN_PAPERS up, a stray paper is filed only this many times closer than two random papers. */
const STRAY_MIN_SIMILARITY = 2;
/** ...and at least this share of the mean similarity of two of the topic's own papers. */
const STRAY_WITHIN_SHARE = 0.5;
/**
 * A stray this many times closer than two random papers is always filed; a less close
 * one only while fewer than STRAY_COVERAGE of the papers have a topic, closest first.
 * On the arXiv sample, strays filed at 2 to 5 times are about 56% in their topic's
 * main archive: a paper listed under "Other papers" misleads less than one filed there.
 */
const STRAY_SURE_SIMILARITY = 5;
/** The share of papers that weakly placed strays may bring to a topic, and no further. */
const STRAY_COVERAGE = 0.955;

/**
 * A paper that shares no subject with any other paper is filed under the topic whose
 * papers its wording is closest to (cosine similarity to the topic's mean vector), when
 * that is clearly closer than two papers picked at random (`minimum`). Those closer than
 * `sure` are all filed; the rest closest first, only until `coverage` of the papers have a
 * topic, since a weakly placed paper is the least likely to belong (see
 * STRAY_SURE_SIMILARITY). An inverted index from word to topics keeps this linear in the
 * collection, but for one sort of the strays.
 */
export function fileStrays(byPaper: Map<string, string[]>, vectors: Map<string, Map<string, number>>, minimum: number, sure: number, coverage: number): void {
	const members = new Map<string, string[]>();
	for (const [id, keys] of byPaper) for (const key of keys) members.get(key)?.push(id) ?? members.set(key, [id]);
	const index = new Map<string, { key: string; weight: number }[]>();
	/** Per topic: the mean similarity of two of its papers. */
	const within = new Map<string, number>();
	for (const [key, ids] of members) {
		const centroid = new Map<string, number>();
		for (const id of ids) for (const [word, weight] of vectors.get(id)!) centroid.set(word, (centroid.get(word) ?? 0) + weight / ids.length);
		let squared = 0;
		for (const [word, weight] of centroid) {
			squared += weight * weight;
			index.get(word)?.push({ key, weight }) ?? index.set(word, [{ key, weight }]);
		}
		const k = ids.length;
		within.set(key, k > 1 ? (k * k * squared - k) / (k * (k - 1)) : 0);
	}
	const filed: { id: string; key: string; score: number }[] = [];
	let covered = 0;
	for (const [id, keys] of byPaper) {
		if (keys.length > 0) {
			covered++;
			continue;
		}
		const scores = new Map<string, number>();
		for (const [word, weight] of vectors.get(id)!) for (const entry of index.get(word) ?? []) scores.set(entry.key, (scores.get(entry.key) ?? 0) + weight * entry.weight);
		let best: string | undefined;
		for (const [key, score] of scores) {
			// As close to the topic's papers as they are to one another, give or take STRAY_WITHIN_SHARE.
			if (score < minimum || score < STRAY_WITHIN_SHARE * within.get(key)!) continue;
			if (best === undefined || score > scores.get(best)! || (score === scores.get(best)! && key < best)) best = key;
		}
		if (best !== undefined) filed.push({ id, key: best, score: scores.get(best)! });
	}
	filed.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
	for (const { id, key, score } of filed) {
		if (score < sure && covered >= coverage * byPaper.size) break;
		byPaper.set(id, [key]);
		covered++;
	}
}
