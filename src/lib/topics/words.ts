import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TopicInput } from './extract-topics.ts';

/*
 * The first step of topic extraction: wink-nlp's tags and lemmas, with the field's
 * hyphenated compounds joined back and the words that can never be part of a topic
 * marked as boundaries. Tagging is most of extraction's time, hence the cache.
 */

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
`
	.trim()
	.split(/\s+/u);

export const BOILERPLATE = new Set([...ACADEMIC_BOILERPLATE, 'high-level', 'low-level']);

/** wink-nlp tokenises, tags parts of speech, lemmatises and flags English stop words. */
const nlp = winkNLP(model);
const its = nlp.its;

const stopWordCache = new Map<string, boolean>();
export function isStopWord(word: string): boolean {
	let stop = stopWordCache.get(word);
	if (stop === undefined) {
		stop = nlp.readDoc(word).tokens().out(its.stopWordFlag)[0] === true;
		stopWordCache.set(word, stop);
	}
	return stop;
}

/**
 * Tagged words by text. Tagging is most of extraction's time; a dev server keeps one
 * of these between syncs, so that re-extracting topics after one edited abstract tags
 * only that abstract. A build needs none: every text is tagged once anyway.
 */
export type TaggingCache = Map<string, readonly Word[]>;

/**
 * The tagger for this extraction: through the cache when there is one, which afterwards
 * keeps only the texts of these papers, so it never outgrows the collection.
 */
export function taggedWords(
	papers: readonly TopicInput[],
	cache: TaggingCache | undefined,
): (text: string) => readonly Word[] {
	if (!cache) return wordsOf;
	const texts = new Set(papers.map((p) => p.text));
	for (const text of cache.keys()) if (!texts.has(text)) cache.delete(text);
	return (text) => {
		let words = cache.get(text);
		if (!words) cache.set(text, (words = wordsOf(text)));
		return words;
	};
}

export interface Word {
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
export const HEAD = new Set(['NOUN', 'PROPN']);

/** Tagged words, with hyphenated compounds ("text-to-image", "zero-shot") joined back into one word. */
export function wordsOf(text: string): Word[] {
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
		while (
			values[parts.at(-1)! + 1] === '-' &&
			spaces[parts.at(-1)! + 1] === '' &&
			spaces[parts.at(-1)! + 2] === '' &&
			/[\p{L}\p{N}]/u.test(values[parts.at(-1)! + 2] ?? '')
		) {
			parts.push(parts.at(-1)! + 2);
		}
		const last = parts.at(-1)!;
		if (parts.length > 1) {
			const surface = values.slice(i, last + 1).join('');
			const lastTag = tags[last] ?? 'X';
			const lemma = [
				...parts.slice(0, -1).map((k) => values[k]!.toLowerCase()),
				HEAD.has(lastTag) ? lemmas[last]! : values[last]!.toLowerCase(),
			].join('-');
			words.push({
				surface,
				lemma,
				pos: HEAD.has(lastTag) ? lastTag : 'ADJ',
				boundary: BOILERPLATE.has(lemma),
			});
			i = last;
			continue;
		}
		const surface = values[i]!;
		const rawLemma = (lemmas[i] ?? surface).toLowerCase();
		const lemma = LEMMA_FIXES[rawLemma] ?? rawLemma;
		const pos = tags[i] ?? 'X';
		const previous = words.at(-1);
		// Gerunds inside a noun phrase ("zero-shot learning") are often tagged as verbs.
		const gerund =
			pos === 'VERB' &&
			/ing$/u.test(surface) &&
			previous !== undefined &&
			!previous.boundary &&
			NOMINAL.has(previous.pos);
		const nominal = NOMINAL.has(pos) || gerund;
		words.push({
			surface,
			lemma: gerund ? surface.toLowerCase() : lemma,
			pos: gerund ? 'NOUN' : pos,
			boundary:
				!nominal ||
				stops[i] === true ||
				BOILERPLATE.has(surface.toLowerCase()) ||
				BOILERPLATE.has(lemma) ||
				lemma.length < 2,
		});
	}
	return words;
}
