import slugify from '@sindresorhus/slugify';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TopicOverrides } from '../schemas/topic-overrides.ts';
import { fallbackSlug } from './taxonomy.ts';

/** One paper as topic extraction sees it: its id and its plain text. */
export interface TopicInput {
	id: string;
	/** Plain text (LaTeX already read as text), title included when it is real. */
	text: string;
}

export interface Topic {
	slug: string;
	name: string;
	/** Ids of the papers under this topic, sorted. */
	papers: string[];
}

export interface TopicAssignment {
	/** Sorted by paper count (descending), then name. */
	topics: Topic[];
	/** Per paper id: topic slugs, most relevant first. */
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
 * plurals folded) and acronyms the collection defines, scored by TF-IDF across the
 * collection. Every topic has at least two papers and every paper at most six topics.
 * The same input always gives the same output.
 */
export function extractTopics(papers: readonly TopicInput[], overrides: TopicOverrides = {}): TopicAssignment {
	const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const acronyms = collectAcronyms(sorted.map((p) => p.text));
	let phraseMap = userPhrases(overrides);

	// Phrase counts per paper, and the surface forms seen for each phrase key.
	const termFrequencies = new Map<string, Map<string, number>>();
	const surfaces = new Map<string, Map<string, number>>();
	const leftContexts = new Map<string, Map<string, number>>();
	for (const paper of sorted) {
		const tf = new Map<string, number>();
		for (const { key, surface, before } of phrasesOf(paper.text, acronyms)) {
			tf.set(key, (tf.get(key) ?? 0) + 1);
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

	const minimum = sorted.length >= MIN_PAPERS_PER_TOPIC ? MIN_PAPERS_PER_TOPIC : 1;
	const shared = [...documents]
		.filter(([key, docs]) => phraseMap.has(key) || (docs.size >= minimum && !hasGenericHead(key)))
		.map(([key]) => key);
	/** Single plain nouns ("label") only stand in for a paper that shares no phrase. */
	const singles = new Set(shared.filter((key) => isSingleNoun(key) && !phraseMap.has(key)));
	let candidates = new Set(shared.filter((key) => !singles.has(key)));
	candidates = dropFragments(candidates, totals, leftContexts, phraseMap);
	candidates = dropRedundant(candidates, documents);
	for (const [target, sources] of Object.entries(overrides.merge ?? {})) {
		for (const source of sources) mergeInto(target, source, candidates, documents, termFrequencies, surfaces);
	}
	for (const hidden of overrides.hide ?? []) {
		candidates.delete(keyForSlug(hidden, candidates) ?? hidden);
		singles.delete(keyForSlug(hidden, singles) ?? hidden);
	}

	const n = sorted.length;
	const idf = (key: string) => Math.log((1 + n) / (1 + (documents.get(key)?.size ?? 0))) + 1;
	candidates = selectTopics(candidates, singles, documents, totals, termFrequencies, phraseMap, idf);

	// Assign each paper its best topics, then drop topics left with too few papers, until stable.
	// Each paper's candidate topics, best first, ranked once.
	const ranked = new Map(
		sorted.map((paper) => [
			paper.id,
			[...termFrequencies.get(paper.id)!]
				.filter(([key]) => candidates.has(key))
				.map(([key, count]) => ({ key, score: (1 + Math.log(count)) * idf(key) * (isSingleNoun(key) ? 0.5 : 1) }))
				// Topics the user added in topics.yaml come first: they were asked for.
				.sort((a, b) => Number(phraseMap.has(b.key)) - Number(phraseMap.has(a.key)) || b.score - a.score || (a.key < b.key ? -1 : 1))
				.map((s) => s.key),
		]),
	);
	let byPaper = new Map<string, string[]>();
	for (;;) {
		byPaper = new Map();
		for (const [id, keys] of ranked) {
			const best: string[] = [];
			for (const key of keys) {
				if (best.length === MAX_TOPICS_PER_PAPER) break;
				if (candidates.has(key)) best.push(key);
			}
			byPaper.set(id, best);
		}
		const counts = new Map<string, number>();
		for (const keys of byPaper.values()) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
		const tooSmall = [...candidates].filter((key) => (counts.get(key) ?? 0) < (phraseMap.has(key) ? 1 : minimum));
		if (tooSmall.length === 0) break;
		for (const key of tooSmall) candidates.delete(key);
	}

	const members = new Map<string, string[]>();
	for (const paper of sorted) for (const key of byPaper.get(paper.id)!) members.set(key, [...(members.get(key) ?? []), paper.id]);
	const names = new Map([...candidates].map((key) => [key, overrideName(key, overrides, phraseMap) ?? displayName(key, surfaces.get(key), acronyms)]));
	const slugs = new Map([...candidates].map((key) => [key, topicSlug(key)]));
	const topics: Topic[] = [...candidates]
		.map((key) => ({
			slug: slugs.get(key)!,
			name: names.get(key)!,
			papers: members.get(key) ?? [],
		}))
		.sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name, 'en') || (a.slug < b.slug ? -1 : 1));
	const referenced = [
		...Object.keys(overrides.rename ?? {}),
		...Object.entries(overrides.merge ?? {}).flat(2),
		...(overrides.hide ?? []),
	];
	return {
		topics,
		byPaper: new Map([...byPaper].map(([id, keys]) => [id, keys.map((key) => slugs.get(key)!)])),
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

/** A topic's slug: readable, and the same for "diffusion model" and "Diffusion Models". */
export function topicSlug(key: string): string {
	return slugify(key, { decamelize: false }) || fallbackSlug('topic', key);
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
function* phrasesOf(text: string, acronyms: Map<string, string>): Generator<Occurrence> {
	let run: Word[] = [];
	const flush = function* () {
		for (let size = 2; size <= 3; size++) {
			for (let i = 0; i + size <= run.length; i++) {
				const words = run.slice(i, i + size);
				if (!HEAD.has(words.at(-1)!.pos)) continue;
				yield { key: words.map((w) => w.lemma).join(' '), surface: words.map((w) => w.surface).join(' '), before: run[i - 1]?.lemma };
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
				yield { key: w.lemma, surface: w.surface };
			}
		}
		run = [];
	};
	for (const word of wordsOf(text)) {
		const expansion = acronyms.get(word.surface) ?? acronyms.get(word.surface.replace(/s$/u, ''));
		if (expansion) {
			// A known acronym counts as its long form, and ends the phrase around it.
			yield* flush();
			yield { key: expansion, surface: word.surface };
			continue;
		}
		if (word.boundary) {
			yield* flush();
			continue;
		}
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
				containers.set(sub, [...(containers.get(sub) ?? []), longer]);
			}
		}
	}
	return containers;
}

/**
 * Keeps the strongest topics for the collection's size (about 4·√N), then adds, for
 * each paper that none of them covers, its own best candidate, so that no paper is
 * left without a topic when it shares any phrase with another paper.
 */
function selectTopics(
	candidates: Set<string>,
	singles: Set<string>,
	documents: Map<string, Set<string>>,
	totals: Map<string, number>,
	termFrequencies: Map<string, Map<string, number>>,
	keep: Map<string, unknown>,
	idf: (key: string) => number,
): Set<string> {
	const limit = Math.max(8, Math.ceil(4 * Math.sqrt(termFrequencies.size)));
	const strength = (key: string) => (documents.get(key)?.size ?? 0) * Math.log(1 + (totals.get(key) ?? 0)) * (key.includes(' ') ? 1 : 0.8);
	const ranked = [...candidates].sort((a, b) => strength(b) - strength(a) || (a < b ? -1 : 1));
	const chosen = new Set([...ranked.slice(0, limit), ...[...candidates].filter((key) => keep.has(key))]);
	const byScore = (pool: Set<string>, tf: Map<string, number>) =>
		[...tf]
			.filter(([key]) => pool.has(key))
			.sort((a, b) => (1 + Math.log(b[1])) * idf(b[0]) - (1 + Math.log(a[1])) * idf(a[0]) || (a[0] < b[0] ? -1 : 1))[0]?.[0];
	for (const tf of termFrequencies.values()) {
		if ([...tf.keys()].some((key) => chosen.has(key))) continue;
		const best = byScore(candidates, tf) ?? byScore(singles, tf);
		if (best) chosen.add(best);
	}
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

/**
 * The way the collection writes a phrase, as a heading: the plural when the field
 * writes one ("Diffusion Models"), in title case, acronyms and mixed case kept.
 */
function displayName(key: string, forms: Map<string, number> | undefined, acronyms: Map<string, string>): string {
	const written = [...(forms ?? [])].filter(([surface]) => !acronyms.has(surface) && !acronyms.has(surface.replace(/s$/u, '')));
	const plural = (surface: string) => (/[^s]s$/u.test(surface) ? 1 : 0);
	const [best] = written.sort((a, b) => plural(b[0]) - plural(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const surface = best?.[0] ?? key;
	const cap = (word: string, first: boolean) =>
		/[A-Z].*[A-Z]|\d/u.test(word) || (!first && MINOR_WORDS.has(word.toLowerCase())) ? word : word.charAt(0).toUpperCase() + word.slice(1);
	return surface
		.split(' ')
		.map((word, i) => word.split('-').map((part, j) => cap(j === 0 ? part : part.toLowerCase(), i === 0 && j === 0)).join('-'))
		.join(' ');
}
