/** Titles longer than this are cut at a word boundary: they must fit a heading and a tab. */
export const MAX_TITLE_CHARS = 100;

/**
 * Real titles are short noun phrases (about 5 to 14 words); a longer derived title is
 * a sentence, not a title, so it is cut at the last phrase boundary within this many words.
 */
const MAX_TITLE_WORDS = 14;
/** A cut never leaves fewer words than this: "The evolution" says nothing. */
const MIN_TITLE_WORDS = 5;

/** An aim shorter than this ("The answer") names nothing; another sentence is tried. */
const MIN_AIM_WORDS = 3;

/** For an abstract with no words to make a title from (e.g. only punctuation). */
const UNTITLED = 'Untitled abstract';

const VERB =
	/\b(?:we|paper|work|report|study|article)\b[^.;:]{0,40}?\b(?:propose|present|introduce|develop|design|provide|devise|build)(?:s|d|ed)?\s+/giu;
const NAMING =
	/^(.*?),?\s+(?:dubbed|called|named|termed|(?:which\s+)?we\s+(?:refer\s+to|call)\s+as|referred\s+to\s+as)\s+(.+)$/iu;
/** The name after "dubbed"/"called": a phrase ending in its acronym, or one word. */
const NAME_AFTER_NAMING =
	/^(?:(?:[^\s,;.]+\s+){1,12}?\([A-Za-z][\w-]*\)|[^\s,;]+?(?=[,;.]?(?:\s|$)))/u;
/** A multi-word name with its acronym: "Federated Share-A Low-Rank Adaptation (FedSA-LoRA)". */
const NAME_WITH_ACRONYM = /^(?:the\s+)?((?:[A-Z][\w-]*\s+){1,8}\([A-Za-z][\w-]*\))/u;
/** "BeautifulPrompt, a deep generative model …" */
const NAME_THEN_APPOSITIVE = /^([A-Z(][^\s,]{1,40}),\s*((?:a|an|the)\s[^,;]+)/u;
/** "a single-fold distillation algorithm, SFDDM, which …" */
const APPOSITIVE_THEN_NAME =
	/^((?:a|an|the)\s[^,;]+?),\s*([A-Z][^\s,;.]*[A-Z0-9][^\s,;.]*)(?=[,;.]|\s|$)/u;

/** Editorial marks that say something about the abstract, not the paper. */
const EDITORIAL =
	/^\s*(?:[([]\s*abridged\s*[)\]]|abridged\s*[:.])\s*|\s*[([]\s*abridged\s*[)\]]\s*$/giu;
/** Headings of structured abstracts ("Context. … Aims. …"): they name a part, not the paper. */
const SECTION_LABEL =
	/^(?:context|background|aims?|objectives?|purpose|motivation|methods?|results?|conclusions?|introduction|summary)\s*[:.]\s+/iu;
/**
 * The place a sentence is said in ("In this paper,", "Here,"), which a title leaves out.
 * "this" or "the present" followed by one word covers paper, letter, note, work, thesis, talk …
 */
const PLACE_OPENER =
	/^(?:(?:[Ii]n|[Ww]ithin|[Tt]hroughout)\s+(?:this|the\s+present|our|the\s+current)(?:\s+\p{Ll}+)?\s+\p{Ll}+|[Hh]ere(?:in)?|[Hh]ereby|[Nn]ow|[Ff]inally|[Ff]irst(?:ly)?)\s*,?\s+(?=[Ww]e\b|I\b|\p{Lu}|the\b|a\b|an\b)/u;
/** Words between "we" and its verb: auxiliaries and adverbs ("we have also carefully studied"). */
const AUXILIARY =
	/^(?:have|had|will|shall|can|could|may|might|would|should|must|do|also|here|then|now|further|first|briefly|then|again|therefore|thus|hence|moreover|instead|finally|next|still|not only|\w+ly)$/iu;
/** Verbs whose object is a statement: the title is what is shown, not "We show". */
const STATEMENT_VERB =
	/^(?:show|prove|find|found|demonstrate|argue|establish|conclude|observe|note|point|suggest|confirm|claim|verify|predict|report|explain|check|see|illustrate|discover|assert|infer|deduce|expect|believe|remark|recall|stress|emphasize|emphasise|know)(?:s|ed|d)?$/iu;
/** Verbs whose object is followed by what it is used for: "we use X to compute Y". */
const TOOL_VERB =
	/^(?:use|used|employ|employed|apply|applied|exploit|exploited|utilize|utilized|utilise|utilised|adopt|adopted)$/iu;
/** A particle that belongs to the verb, not to the object ("report on", "search for", "carry out"). */
const PARTICLE = /^(?:on|for|out|upon|into|about|at|with)$/iu;
/**
 * Participles that say what a paper does to its subject, so that "X is presented" is
 * about X. Generic research verbs: what any field's abstracts use.
 */
const RESEARCH_PARTICIPLE =
	/\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be|can\s+be)\s+(?:\w+ly\s+)?(?:presented|studied|investigated|considered|discussed|proposed|described|analy[sz]ed|derived|calculated|computed|examined|reported|developed|introduced|measured|obtained|explored|reviewed|constructed|performed|carried\s+out|given|addressed|evaluated|determined|established|demonstrated|treated|formulated|outlined|summari[sz]ed|simulated|modell?ed|estimated|tested|extended|generali[sz]ed|revisited|characteri[sz]ed|classified|identified|detected|observed|made|undertaken|conducted|provided|compared|solved|defined)\b/iu;
/** "This paper studies X", "The present work is devoted to X", "The aim of this paper is to study X". */
const DOCUMENT_SUBJECT =
	/^(?:this|the\s+present|our|the\s+current)\s+(?:\w+\s+)?(?:paper|article|work|letter|note|thesis|report|study|review|contribution|talk|manuscript|chapter|survey|lecture|proceeding|dissertation|essay|investigation|analysis|research)s?\s+(?:\w+ly\s+)?(?:is\s+(?:devoted|dedicated|concerned|aimed|focused)\s+(?:to|with|on|at)|deals\s+with|focuses\s+on|aims\s+(?:to|at)|reports\s+on|is\s+about|concerns|(?!(?:has|is|was|does|as|its|this|thus)\b)[a-z]+s)\s+/iu;
const AIM_SUBJECT =
	/^(?:the|our)\s+(?:main\s+)?(?:aim|purpose|goal|objective|object|intention|subject|topic|focus)\s+of\s+(?:this|the\s+present|our)\s+\w+\s+is\s+(?:to\s+)?/iu;
/** "It is shown that X", "It is well known that X". */
const IMPERSONAL =
	/^it\s+(?:is|was|has\s+been)\s+(?:\w+\s+)?(?:shown|proved|proven|found|demonstrated|argued|known|established|suggested|believed|observed|expected|pointed\s+out|noted)\s+that\s+/iu;
/**
 * Openings that lean on the rest of the sentence ("Using X,", "Although X,", "Recently,"):
 * a title that starts with one dangles, so the main clause after the comma is used.
 */
const DANGLING_OPENER =
	/^(?:although|though|while|whereas|since|because|as|if|when|whenever|once|after|before|unlike|despite|given|using|based|by|motivated|inspired|following|within|for|in|on|to|with|from|through|via|under|over|among|along|across|around|beyond|throughout|against|upon|at|starting|combining|taking|assuming|considering|applying|employing|exploiting|building|extending|recently|traditionally|however|moreover|furthermore|additionally|finally|thus|hence|therefore|consequently|nevertheless|nonetheless|instead|indeed|here|now|first|second|third|lastly|then|also|next|specifically|in\s+particular|in\s+addition|in\s+contrast|for\s+example|for\s+instance|\w+ly)\b/iu;
/**
 * Where a noun phrase ends and a clause about it begins: a relative clause, a purpose,
 * a result, or a second verb ("and show that …").
 */
const CLAUSE_BOUNDARY = new RegExp(
	[
		String.raw`[;:]\s`,
		String.raw`\s[-–—]\s`,
		String.raw`,\s*(?:\w+\s+){0,2}(?:to|of|in|on|by|for|with|from|at|through|under)\s+(?:which|whom|whose)\b`,
		String.raw`,\s*(?:which|where|whereby|whose|who|while|whereas|thus|hence|therefore|so\s+that|leading|allowing|enabling|showing|yielding|giving|resulting|providing|making|namely|i\.e\.|e\.g\.|and\s+(?:we|it|they|this|these|show|find|obtain|discuss|compare|derive|use|apply|study|present|propose|argue|explain|investigate|analy[sz]e|demonstrate|calculate|compute|determine|estimate|test|perform|identify|extend|prove|construct|describe|conclude|give|provide|predict|suggest)\b)`,
		String.raw`\s(?:which|whereby|in\s+order\s+to|so\s+as\s+to|so\s+that|such\s+that|aiming|in\s+an\s+attempt)\s`,
		String.raw`\sand\s(?:we|then|also|(?:show|find|obtain|discuss|compare|derive|use|apply|stud(?:y|ie)|present|propose|argue|explain|investigate|analy[sz]e|demonstrate|calculate|compute|determine|estimate|test|perform|identify|extend|prove|construct|describe|conclude|give|provide|predict|suggest)(?:s|es|d|ed)?)\b`,
		String.raw`\s\(\s*(?:see|cf\.|e\.g\.|i\.e\.|for|as|which)(?!\w)`,
	].join('|'),
	'iu',
);
/** In a noun phrase (not a statement), "that" and "is" start a clause about it. */
const NOUN_PHRASE_BOUNDARY =
	/\s(?:that|is|are|was|were|has|have|can|could|will|would|may|might)\s/iu;
/** "this result", "these equations", "it": meaningless without the sentence before, so not a title. */
const REFERS_BACK =
	/^(?:that\s+)?(?:this|these|those|such|it|them|they|its|their|the\s+above|the\s+latter|the\s+former|the\s+same)\b/iu;
/** A title never says "them", "it" or "the above": the thing meant is named in another sentence. */
const PRONOUN = /\b(?:them|it|they|above|aforementioned|latter|former)\b/iu;
/** A phrase may be cut before these words: what follows only narrows what comes before. */
const CUT_BEFORE =
	/^(?:in|with|for|on|at|from|under|using|via|through|within|across|between|by|during|near|beyond|into|over|towards?|as|against|without|based|due|when|where|after|before|up|to)$/iu;
/** A cut must not leave these at the end: "of", "the", "and" ask for more. */
const CANNOT_END =
	/^(?:of|the|a|an|and|or|its|their|his|her|our|this|these|those|that|to|some|each|every|two|three|both|new|very|non|such|in|on|at|for|with|by|from|into|as|than|via|between|is|are|was|were|be|been|can|may)$/iu;

/**
 * Most seeds carry no title, but a page, a tab and a citation need one. A reader
 * recognises a paper by the name of what it contributes ("we propose X", "dubbed X"),
 * so that is preferred; otherwise by what it studies, shows or presents, said as a
 * title says it: "We study the X of Y" becomes "The X of Y". It takes plain text, so
 * that any reader of the abstract's markup can feed it; the result is plain text too,
 * and callers escape it like any other seed text.
 *
 * Not the slug: URLs are made by the frozen slug-rule-v1.ts, so this may keep improving.
 */
export function deriveTitle(plainText: string): string {
	const text = plainText
		.replace(/\s+/gu, ' ')
		.replace(EDITORIAL, ' ')
		.trim()
		.replace(SECTION_LABEL, '');
	const sentences = splitSentences(text);
	for (const sentence of sentences) {
		const named = namedContribution(sentence);
		if (named) return shorten(tidy(named));
	}
	let weakAim: string | undefined;
	for (const sentence of sentences) {
		const aim = aimOf(sentence);
		if (!aim || wordCount(aim) < 2) continue;
		const title = finish(aim, /^that\s/iu.test(aim) ? 'statement' : 'phrase');
		// "The answer", "This result": too little to tell one paper from another
		if (wordCount(title) >= MIN_AIM_WORDS && !REFERS_BACK.test(title) && !PRONOUN.test(title))
			return title;
		weakAim ??= title;
	}
	const first =
		sentences.map(mainClause).find((s) => s && wordCount(s) >= 2) ??
		withoutOpener(sentences[0] ?? text);
	// Better a weak aim than a title that starts with "We"
	if (weakAim && /^(?:we|I)\s/iu.test(first)) return weakAim;
	// A title that starts where the abstract starts keeps the author's case ("p-adic", "banana").
	return finish(first, 'statement', text.startsWith(first));
}

/**
 * Sentences, not split after initials and common abbreviations ("et al.", "Fig.", "J. Smith"),
 * because a title cut there would be half a sentence.
 */
function splitSentences(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+(?=[A-Z(“"\p{Lu}])/u)
		.reduce<string[]>((sentences, piece) => {
			const previous = sentences.at(-1);
			if (
				previous !== undefined &&
				/(?:\b(?:al|e\.g|i\.e|cf|vs|Fig|Figs|Eq|Eqs|Ref|Refs|Sec|Ch|No|Vol|resp|approx|Dr|Prof|Mr|Mrs|Ms|St)\.|(?:^|\s)\p{Lu}\.)$/u.test(
					previous,
				)
			) {
				sentences[sentences.length - 1] = `${previous} ${piece}`;
			} else {
				sentences.push(piece);
			}
			return sentences;
		}, [])
		.map((s) => s.replace(SECTION_LABEL, '').trim())
		.filter((s) => /\p{L}/u.test(s));
}

/**
 * What a sentence says the paper does, without saying "we": the object of "we study",
 * the subject of "X is presented", the object of "this paper presents". Undefined when
 * the sentence is background rather than the paper's aim.
 */
function aimOf(sentence: string): string | undefined {
	let s = sentence.replace(/[.!?]+$/u, '').trim();
	s = s.replace(PLACE_OPENER, '');
	const impersonal = IMPERSONAL.exec(s);
	if (impersonal) return `that ${s.slice(impersonal[0].length)}`;
	const aim = AIM_SUBJECT.exec(s);
	if (aim) {
		const rest = s.slice(aim[0].length);
		return /\bto\s$/u.test(aim[0]) ? objectOfVerbPhrase(rest) : rest;
	}
	const document = DOCUMENT_SUBJECT.exec(s);
	if (document) {
		const rest = s.slice(document[0].length);
		return /\bto\s$/u.test(document[0])
			? objectOfVerbPhrase(rest)
			: objectAfterVerb(rest, lastWord(document[0]));
	}
	const we =
		/(?:^|,\s+|\s(?:here|and\s+then)\s+)(?:here\s+)?(?:we|I)\s+(.+)$/u.exec(s) ??
		/^(?:we|I)\s+(.+)$/iu.exec(s);
	if (we?.[1] && (we.index === 0 || /^[^,]*,/u.test(s))) return objectOfVerbPhrase(we[1]);
	const passive = RESEARCH_PARTICIPLE.exec(s);
	if (passive && passive.index > 0) {
		const subject = s.slice(0, passive.index).replace(PLACE_OPENER, '');
		const main = mainClause(subject);
		if (main && !/^(?:it|this|these|they|which|that)\b/iu.test(main)) {
			// "X is presented for Y": what X is for belongs to the title; "X is studied by Y" does not
			const purpose = /^\s*(for|of|to|on)\s+(.+)$/iu.exec(
				s.slice(passive.index + passive[0].length),
			);
			return purpose?.[1] && purpose[2] ? `${main} ${purpose[1]} ${purpose[2]}` : main;
		}
	}
	return undefined;
}

/** "have also studied the X of Y" → "the X of Y"; "show that X" → "that X". */
function objectOfVerbPhrase(phrase: string): string | undefined {
	const words = phrase.split(' ');
	let i = 0;
	while (i < words.length - 1 && AUXILIARY.test(words[i] ?? '')) i++;
	const verb = words[i];
	if (verb === undefined) return undefined;
	if (/^(?:are|were|am|is)$/iu.test(verb)) {
		// "we are interested in X", "we are able to compute X"
		const rest = words.slice(i + 1).join(' ');
		const after = /^(?:\w+\s+)?(?:in|with|on|to)\s+(.+)$/iu.exec(rest);
		return after?.[1] ? (objectOfVerbPhrase(after[1]) ?? after[1]) : undefined;
	}
	if (
		/^(?:aim|try|attempt|wish|want|seek|intend|propose|set\s+out|strive)s?$/iu.test(verb) &&
		words[i + 1] === 'to'
	) {
		return objectOfVerbPhrase(words.slice(i + 2).join(' '));
	}
	return objectAfterVerb(words.slice(i + 1).join(' '), verb);
}

function objectAfterVerb(rest: string, verb: string): string | undefined {
	let object = rest.replace(
		/^(?:(?:here|also|briefly|further|then|now|first|again|\w+ly),?\s+)+/iu,
		'',
	);
	const words = object.split(' ');
	if (PARTICLE.test(words[0] ?? '')) object = words.slice(1).join(' ');
	if (
		STATEMENT_VERB.test(verb) &&
		!/^that\s/iu.test(object) &&
		/^(?:how|why|what|whether|when|where|there)\b/iu.test(object) === false
	) {
		// "we report the discovery of X": a noun phrase after all
		return object;
	}
	if (TOOL_VERB.test(verb)) {
		// "we use X to study Y": the paper is about Y, studied with X
		const purpose =
			/^(.+?)\s+(?:in\s+order\s+)?to\s+(?!(?:be|the|a|an|this|these|its|their|our|all|any|each)\b)(\w+)\s+(.+)$/u.exec(
				object,
			);
		if (purpose?.[1] && purpose[3] && wordCount(purpose[1]) <= 8)
			return `${purpose[3]} with ${purpose[1]}`;
	}
	return object;
}

/**
 * The main clause of a sentence that opens with a dependent one ("Although X, Y" → "Y";
 * "Recently, X" → "X"). Undefined when there is no main clause to find.
 */
function mainClause(sentence: string): string | undefined {
	let s = sentence
		.replace(/[.!?]+$/u, '')
		.trim()
		.replace(PLACE_OPENER, '');
	for (let guard = 0; guard < 3 && DANGLING_OPENER.test(s); guard++) {
		const comma = s.indexOf(', ');
		const then = /\sthen\s/u.exec(s);
		if (then && (comma < 0 || then.index < comma)) s = s.slice(then.index + then[0].length);
		else if (comma >= 0) s = s.slice(comma + 2);
		else return undefined;
		s = s.replace(/^then\s+/u, '');
	}
	return s || undefined;
}

/**
 * Last resort for a text whose every sentence dangles ("To second order the correction is
 * …"): start at its first noun phrase, so that the title does not.
 */
function withoutOpener(sentence: string): string {
	if (!DANGLING_OPENER.test(sentence)) return sentence;
	const noun = /\s(?=(?:the|a|an)\s)/iu.exec(sentence);
	return noun && wordCount(sentence.slice(0, noun.index)) <= 8
		? sentence.slice(noun.index + 1)
		: sentence;
}

/** Turns the chosen phrase into a title: cut at a clause, short, capitalised. */
function finish(candidate: string, kind: 'phrase' | 'statement', keepCase = false): string {
	let phrase = candidate.trim().replace(/[.!?]+$/u, '');
	if (kind === 'phrase' || /^that\s/iu.test(phrase)) {
		const isStatement = /^(?:that|how|why|whether|when|where|what)\s/iu.test(phrase);
		phrase = phrase.replace(/^that\s+/iu, '');
		phrase = cutAt(phrase, CLAUSE_BOUNDARY);
		const opened = mainClause(phrase);
		if (opened && opened !== phrase && wordCount(opened) >= 3) phrase = opened;
		phrase = cutAt(phrase, CLAUSE_BOUNDARY);
		if (!isStatement) phrase = cutAt(phrase, NOUN_PHRASE_BOUNDARY);
	} else {
		phrase = cutAt(cutAt(phrase, CLAUSE_BOUNDARY), /,\s(?:and|but|so|yet)\s/u);
	}
	phrase = tidy(limitWords(tidy(withoutOpener(phrase))));
	return shorten(keepCase ? phrase : capitalize(phrase)) || UNTITLED;
}

/** Cuts before the first boundary, unless that would leave too little to be a title. */
function cutAt(phrase: string, boundary: RegExp): string {
	const match = boundary.exec(phrase);
	if (!match || match.index === 0) return phrase;
	const head = phrase.slice(0, match.index);
	return wordCount(head) >= 2 ? head : phrase;
}

/** Over MAX_TITLE_WORDS, cut before the last preposition that keeps a whole phrase. */
function limitWords(phrase: string): string {
	const words = phrase.split(' ');
	if (words.length <= MAX_TITLE_WORDS) return phrase;
	// A comma is a stronger boundary than a preposition, so it is tried first.
	for (const boundary of [
		(end: number) => /[,;:]$/u.test(words[end - 1] ?? ''),
		(end: number) => CUT_BEFORE.test(words[end] ?? ''),
	]) {
		for (let end = MAX_TITLE_WORDS; end >= MIN_TITLE_WORDS; end--) {
			const last = (words[end - 1] ?? '').replace(/[,;:]$/u, '');
			if (boundary(end) && !CANNOT_END.test(last))
				return words
					.slice(0, end)
					.join(' ')
					.replace(/[,;:]$/u, '');
		}
	}
	return `${words
		.slice(0, MAX_TITLE_WORDS)
		.join(' ')
		.replace(/[,;:]$/u, '')}…`;
}

/** Drops what a title never carries: a trailing comma, an unclosed bracket, a citation. */
function tidy(phrase: string): string {
	let s = phrase
		.replace(/\s*\[[\d,\s–-]+\]/gu, '')
		.replace(/\s+/gu, ' ')
		.trim();
	const open = s.lastIndexOf('(');
	if (open > 0 && s.indexOf(')', open) < 0) s = s.slice(0, open);
	s = s.replace(/[\s,;:–—-]+$/u, '').replace(/^[\s,;:–—-]+/u, '');
	for (
		let words = s.split(' ');
		words.length > 2 && CANNOT_END.test(words.at(-1) ?? '');
		words = s.split(' ')
	) {
		s = words
			.slice(0, -1)
			.join(' ')
			.replace(/[\s,;:–—-]+$/u, '');
	}
	return s;
}

function wordCount(text: string): number {
	return text.split(/\s+/u).filter(Boolean).length;
}

function lastWord(text: string): string {
	return text.trim().split(/\s+/u).at(-1) ?? '';
}

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

/** Capitalises the first word unless its case is part of it ("mRNA", "iPhone", "pH"). */
function capitalize(text: string): string {
	const first = text.split(' ')[0] ?? '';
	if (/^\p{Ll}+[-]?\p{Lu}/u.test(first)) return text;
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
