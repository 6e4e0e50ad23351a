/**
 * A small parser for the LaTeX that arXiv-style abstracts carry: inline and display
 * math, `\textit`/`\emph`/`\textbf`, `\url`, TeX quotes, ties, dashes and escaped
 * characters. It returns a tree that components render; it never produces markup.
 * Anything it does not recognise (an unknown command, a stray dollar or brace) is
 * kept as the text it was written as, so seed text that is not LaTeX reads unchanged.
 */

export type LatexNode =
	| { type: 'text'; text: string }
	| { type: 'emphasis'; children: LatexNode[] }
	| { type: 'strong'; children: LatexNode[] }
	/** `href` is a validated http(s) URL; `text` is the URL as written. */
	| { type: 'link'; href: string; text: string }
	/** `tex` is the source between the delimiters, as written. */
	| { type: 'inlineMath'; tex: string }
	| { type: 'displayMath'; tex: string };

export type MathNode = Extract<LatexNode, { type: 'inlineMath' | 'displayMath' }>;

/** `\textit{\textit{…}}` deeper than this is kept as text: bounds recursion on hostile input. */
const MAX_DEPTH = 16;

const STYLE_COMMANDS = new Map<string, 'emphasis' | 'strong'>([
	['textit', 'emphasis'],
	['emph', 'emphasis'],
	['textbf', 'strong'],
]);
const CITE_COMMANDS = new Set(['cite', 'citep', 'citet', 'citealp', 'citealt']);
const ESCAPABLE = new Set(['$', '%', '&', '_', '#', '{', '}']);
const NO_BREAK_SPACE = '\u00a0';

/**
 * For every `{`, the index of its matching `}` (or -1). One left-to-right pass in
 * which a backslash always takes the next character with it, as the parser reads it,
 * so `\{` and `\}` never count; this keeps the parse linear on unbalanced input.
 */
function matchBraces(text: string): Int32Array {
	const match = new Int32Array(text.length).fill(-1);
	const open: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\\') i++;
		else if (ch === '{') open.push(i);
		else if (ch === '}') {
			const start = open.pop();
			if (start !== undefined) match[start] = i;
		}
	}
	return match;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isLetter = (ch: string | undefined) => ch !== undefined && /[a-zA-Z]/u.test(ch);

/** A blank line ends a paragraph, and math never runs across one. */
function isParagraphBreak(text: string, i: number, end: number): boolean {
	if (text[i] !== '\n') return false;
	for (let j = i + 1; j < end; j++) {
		if (text[j] === '\n') return true;
		if (text[j] !== ' ' && text[j] !== '\t' && text[j] !== '\r') return false;
	}
	return false;
}

/**
 * Math that is one command or operator, as arXiv abstracts put between numbers:
 * `10.36$\\pm$0.15`, `3$\\times$3`, `$\\sim$5`. Pandoc's digit rule would leave it as text.
 */
const OPERATOR_ONLY = /^(?:\\[a-zA-Z]+|[-+<>=\/|:]|<=|>=)$/u;

/**
 * Spaces inside the dollars (`$ d\\geq 1$`) fail pandoc's rule, yet arXiv abstracts
 * write math that way; prices and prose between two dollars never hold TeX markup.
 */
const SPACED_MATH = /\\[a-zA-Z]|[\^_{]/u;

/**
 * The closing `$` of inline math opened at `open`, by pandoc's rule: the first
 * unescaped `$` decides; the math must not start or end with a space, and the
 * closing `$` must not be followed by a digit. arXiv's own habits are math too: a
 * lone operator between numbers (`10.36$\\pm$0.15`), which a price never is, and
 * spaced math that holds TeX markup (`$ d\\geq 1$`).
 */
function closeInline(text: string, open: number, end: number): number {
	for (let j = open + 1; j < end; j++) {
		const ch = text[j];
		if (ch === '\\') j++;
		else if (isParagraphBreak(text, j, end)) return -1;
		else if (ch === '$') {
			const tex = text.slice(open + 1, j);
			if (j + 1 < end && isDigit(text[j + 1]) && !OPERATOR_ONLY.test(tex)) return -1;
			const spaced = isSpace(text[open + 1]) || isSpace(text[j - 1]);
			return !spaced || (tex.trim() !== '' && SPACED_MATH.test(tex)) ? j : -1;
		}
	}
	return -1;
}

/** The index of the `$$` that closes display math whose content starts at `from`. */
function closeDisplay(text: string, from: number, end: number): number {
	for (let j = from; j < end; j++) {
		const ch = text[j];
		if (ch === '\\') j++;
		else if (isParagraphBreak(text, j, end)) return -1;
		else if (ch === '$') return text[j + 1] === '$' && j + 1 < end ? j : -1;
	}
	return -1;
}

/**
 * TeX accents as arXiv writes names and words (`Bal\\'azs`, `Djokovi\\'{c}`, `Schr\\"odinger`,
 * `Erd\\H{o}s`): the accent command to its Unicode combining mark. Readers, search and
 * citation tools want the letter, not the TeX.
 */
const ACCENT_MARKS = new Map<string, string>(
	Object.entries({
		"'": '\u0301',
		'"': '\u0308',
		'`': '\u0300',
		'^': '\u0302',
		'~': '\u0303',
		'=': '\u0304',
		'.': '\u0307',
		v: '\u030c',
		c: '\u0327',
		u: '\u0306',
		H: '\u030b',
		r: '\u030a',
		k: '\u0328',
		d: '\u0323',
		b: '\u0331',
	}),
);
/** Letters TeX writes as commands: `\\aa` å, `\\o` ø, `\\ss` ß; `\\i` is the dotless i accents go on. */
const LETTER_COMMANDS = new Map<string, string>(
	Object.entries({
		aa: 'å',
		AA: 'Å',
		o: 'ø',
		O: 'Ø',
		ss: 'ß',
		ae: 'æ',
		AE: 'Æ',
		oe: 'œ',
		OE: 'Œ',
		l: 'ł',
		L: 'Ł',
		i: 'ı',
		j: 'ȷ',
	}),
);

/** The letter an accent applies to: `a`, `{a}`, `\\i` or `{\\i}`, with where it ends. */
function accentBase(
	text: string,
	from: number,
	end: number,
	braces: Int32Array,
): { base: string; next: number } | undefined {
	let i = from;
	let close = -1;
	if (text[i] === '{') {
		close = braces[i]!;
		if (close === -1 || close >= end) return undefined;
		i++;
	}
	let base: string | undefined;
	let after = i + 1;
	if (isLetter(text[i])) base = text[i];
	else if (
		text[i] === '\\' &&
		(text[i + 1] === 'i' || text[i + 1] === 'j') &&
		!isLetter(text[i + 2])
	) {
		base = text[i + 1];
		after = i + 2;
	}
	if (base === undefined) return undefined;
	if (close !== -1) return after === close ? { base, next: close + 1 } : undefined;
	return after <= end ? { base, next: after } : undefined;
}

/**
 * Reads a TeX accent or letter command at `i` (a backslash) as its Unicode letter, or
 * undefined when it is not one, so the caller keeps the text as written.
 */
function readAccent(
	text: string,
	i: number,
	end: number,
	braces: Int32Array,
): { letter: string; next: number } | undefined {
	const symbol = text[i + 1];
	if (symbol !== undefined && !isLetter(symbol) && ACCENT_MARKS.has(symbol)) {
		// An accent's argument skips spaces, as TeX's does: `Petojevi\\' c` is Petojević.
		let from = i + 2;
		while (text[from] === ' ' && from + 1 < end) from++;
		const found = accentBase(text, from, end, braces);
		return found && { letter: accented(found.base, symbol), next: found.next };
	}
	let nameEnd = i + 1;
	while (nameEnd < end && isLetter(text[nameEnd])) nameEnd++;
	const name = text.slice(i + 1, nameEnd);
	if (name.length === 1 && ACCENT_MARKS.has(name)) {
		let from = nameEnd;
		// `\\v{c}`, or `\\c c` with the space TeX skips after a command word.
		if (text[from] === ' ' && isLetter(text[from + 1])) from++;
		else if (text[from] !== '{') return undefined;
		const found = accentBase(text, from, end, braces);
		return found && { letter: accented(found.base, name), next: found.next };
	}
	const letter = LETTER_COMMANDS.get(name);
	if (letter === undefined) return undefined;
	// TeX drops the space or the empty group after a command word: `Stra\\ss e`, `\\o{}rsted`.
	let next = nameEnd;
	if (text.startsWith('{}', next)) next += 2;
	else if (text[next] === ' ' && isLetter(text[next + 1])) next++;
	return next <= end ? { letter, next } : undefined;
}

function accented(base: string, accent: string): string {
	const letter = base === 'i' ? 'ı' : base === 'j' ? 'ȷ' : base;
	const composed = `${letter}${ACCENT_MARKS.get(accent)!}`.normalize('NFC');
	// A dotless i with an accent has no precomposed form; the reader expects í.
	return composed
		.replace(/ı(?=[\u0300-\u036f])/gu, 'i')
		.replace(/ȷ(?=[\u0300-\u036f])/gu, 'j')
		.normalize('NFC');
}

/** An http(s) URL as the browser would resolve it, or undefined for anything else. */
function httpUrl(written: string): string | undefined {
	try {
		const url = new URL(written.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

class Parser {
	private readonly text: string;
	private readonly braces: Int32Array;

	constructor(text: string) {
		this.text = text;
		this.braces = matchBraces(text);
	}

	/** Parses `text[start, end)`; nothing it produces reaches past `end`. */
	parse(start: number, end: number, depth: number): LatexNode[] {
		const { text } = this;
		const nodes: LatexNode[] = [];
		let buffer = '';
		const flush = () => {
			if (buffer !== '') nodes.push({ type: 'text', text: buffer });
			buffer = '';
		};
		const push = (node: LatexNode) => {
			flush();
			nodes.push(node);
		};

		let i = start;
		while (i < end) {
			const ch = text[i]!;
			const next = i + 1 < end ? text[i + 1] : undefined;
			if (ch === '\\') {
				const accent = readAccent(text, i, end, this.braces);
				if (accent) {
					buffer += accent.letter;
					i = accent.next;
					continue;
				}
				if (next !== undefined && ESCAPABLE.has(next)) {
					buffer += next;
					i += 2;
					continue;
				}
				if (!isLetter(next)) {
					// `\\`, `\,`, a trailing backslash: kept, with the character it escapes.
					buffer += text.slice(i, Math.min(i + 2, end));
					i += 2;
					continue;
				}
				let nameEnd = i + 1;
				while (nameEnd < end && isLetter(text[nameEnd])) nameEnd++;
				const name = text.slice(i + 1, nameEnd);
				const argument = this.argumentAfter(nameEnd, end);
				const style = STYLE_COMMANDS.get(name);
				if (argument && style && depth < MAX_DEPTH) {
					push({ type: style, children: this.parse(argument.open + 1, argument.close, depth + 1) });
					i = argument.close + 1;
					continue;
				}
				if (argument && CITE_COMMANDS.has(name)) {
					// Citation keys point into a bibliography the abstract does not have; a reader sees them bracketed.
					buffer += `[${text.slice(argument.open + 1, argument.close).trim()}]`;
					i = argument.close + 1;
					continue;
				}
				if (argument && name === 'url') {
					const written = text.slice(argument.open + 1, argument.close);
					const href = httpUrl(written);
					if (href) {
						push({ type: 'link', href, text: written.trim() });
						i = argument.close + 1;
						continue;
					}
					buffer += text.slice(i, argument.close + 1);
					i = argument.close + 1;
					continue;
				}
				// Unknown command (or a known one without an argument): kept as written.
				buffer += text.slice(i, nameEnd);
				i = nameEnd;
				continue;
			}
			if (ch === '$') {
				if (next === '$') {
					const close = closeDisplay(text, i + 2, end);
					if (close !== -1 && text.slice(i + 2, close).trim() !== '') {
						push({ type: 'displayMath', tex: text.slice(i + 2, close) });
						i = close + 2;
					} else {
						buffer += '$$';
						i += 2;
					}
					continue;
				}
				const close = next === undefined ? -1 : closeInline(text, i, end);
				if (close !== -1) {
					push({ type: 'inlineMath', tex: text.slice(i + 1, close) });
					i = close + 1;
				} else {
					buffer += '$';
					i += 1;
				}
				continue;
			}
			if (ch === '{' && next === '\\') {
				// `{\\"o}`, `{\\aa}`: the group only keeps TeX from kerning; the reader sees the letter.
				const close = this.braces[i]!;
				const accent =
					close !== -1 && close < end ? readAccent(text, i + 1, close, this.braces) : undefined;
				if (accent?.next === close) {
					buffer += accent.letter;
					i = close + 1;
					continue;
				}
			}
			if (ch === '`' && next === '`') {
				buffer += '“';
				i += 2;
				continue;
			}
			if (ch === "'" && next === "'") {
				buffer += '”';
				i += 2;
				continue;
			}
			if (ch === '-' && next === '-') {
				if (i + 2 < end && text[i + 2] === '-') {
					buffer += '—';
					i += 3;
				} else {
					buffer += '–';
					i += 2;
				}
				continue;
			}
			if (ch === '~') {
				buffer += NO_BREAK_SPACE;
				i += 1;
				continue;
			}
			buffer += ch;
			i += 1;
		}
		flush();
		return nodes;
	}

	/** A `{…}` group right after a command name (spaces allowed between), inside `end`. */
	private argumentAfter(from: number, end: number): { open: number; close: number } | undefined {
		let open = from;
		while (open < end && (this.text[open] === ' ' || this.text[open] === '\t')) open++;
		if (open >= end || this.text[open] !== '{') return undefined;
		const close = this.braces[open]!;
		return close !== -1 && close < end ? { open, close } : undefined;
	}
}

/**
 * Parses one paragraph of an abstract. Text without LaTeX markup comes back as a
 * single text node equal to the input.
 */
export function parseLatex(text: string): LatexNode[] {
	if (text === '') return [{ type: 'text', text: '' }];
	return new Parser(text).parse(0, text.length, 0);
}

/** Every math node of a tree, in reading order. */
export function mathNodes(nodes: readonly LatexNode[]): MathNode[] {
	return nodes.flatMap((node): MathNode[] => {
		if (node.type === 'inlineMath' || node.type === 'displayMath') return [node];
		if (node.type === 'emphasis' || node.type === 'strong') return mathNodes(node.children);
		return [];
	});
}

/** The math node's source with its delimiters, as the seed wrote it. */
export function mathSource(node: MathNode): string {
	return node.type === 'displayMath' ? `$$${node.tex}$$` : `$${node.tex}$`;
}

/**
 * The text of a tree, math read by `math`: as its TeX source by default (what the page
 * shows for math it cannot typeset), or as plain text (plain-text.ts).
 */
export function flattenLatex(
	nodes: readonly LatexNode[],
	math: (node: MathNode) => string = mathSource,
): string {
	return nodes
		.map((node) => {
			switch (node.type) {
				case 'text':
				case 'link':
					return node.text;
				case 'emphasis':
				case 'strong':
					return flattenLatex(node.children, math);
				case 'inlineMath':
				case 'displayMath':
					return math(node);
			}
		})
		.join('');
}
