import {
	replacements as unicodeitReplacements,
	subsuperscripts as unicodeitScripts,
} from 'unicodeit/ts_dist/js/data.js';
import { flattenLatex, parseLatex, type LatexNode } from './parse-latex.ts';

/**
 * Plain text is read from the same tree that renders the page, so a title, an excerpt,
 * a `<meta>` description, JSON-LD and RIS say what the page shows. Math, which the page
 * typesets, becomes the Unicode a person would type for it: `\Lambda_{\alpha}` reads
 * Λ_α, `\mathbb{Z}` ℤ, `10^{-22}` 10⁻²². The result is text, never markup.
 */
function latexText(nodes: readonly LatexNode[]): string {
	return flattenLatex(nodes, (node) => texToText(node.tex));
}

/** Plain text of LaTeX source: one paragraph, a title or an author name. */
export function plainText(latex: string): string {
	return latexText(parseLatex(latex));
}

/**
 * unicodeit's table (4,000+ commands from the LaTeX symbol lists) maps commands to
 * their characters. `\epsilon` and `\phi` are read as the ordinary letters ε and φ, as
 * the typesetter sets them (typeset-math.ts), so plain text and the page agree and
 * search matches what readers type.
 */
/** unicodeit types its rows as `string[]`; every row is a [TeX, character] pair. */
const replacements = unicodeitReplacements as [string, string][];
const subsuperscripts = unicodeitScripts as [string, string][];

const SYMBOLS = new Map<string, string>([
	...replacements.filter(([tex]) => /^\\[a-zA-Z]+$/u.test(tex)),
	['\\epsilon', 'ε'],
	['\\phi', 'φ'],
	['\\cdot', '·'],
	['\\colon', ':'],
	['\\lbrace', '{'],
	['\\rbrace', '}'],
]);
/** `\mathbb{Z}`, `\mathcal{L}`: letters with a Unicode form of their own. */
const STYLED_LETTERS = new Map(
	replacements.filter(([tex]) => /^\\math(?:bb|cal|frak|scr)\{[A-Za-z0-9]\}$/u.test(tex)),
);
const scripts = (mark: string) =>
	new Map(
		subsuperscripts.filter(([tex]) => tex.startsWith(mark)).map(([tex, ch]) => [tex.slice(1), ch]),
	);
const SUBSCRIPTS = scripts('_');
const SUPERSCRIPTS = scripts('^');

/** Commands whose argument is read as plain text: fonts, boxes and operator names. */
const TRANSPARENT = new Set(
	'mathrm mathbf mathit mathsf mathtt mathnormal boldsymbol bm text textrm textit textbf textsf texttt textup textnormal emph operatorname mbox hbox rm bf it mathbb mathcal mathfrak mathscr'.split(
		' ',
	),
);
/** Spacing and sizing commands: a space or nothing. */
const SPACES = new Map([
	['quad', ' '],
	['qquad', ' '],
	['enspace', ' '],
	['thinspace', ' '],
	['medspace', ' '],
	['thickspace', ' '],
	['left', ''],
	['right', ''],
	['big', ''],
	['Big', ''],
	['bigg', ''],
	['Bigg', ''],
	['bigl', ''],
	['bigr', ''],
	['Bigl', ''],
	['Bigr', ''],
	['displaystyle', ''],
	['textstyle', ''],
	['limits', ''],
	['nolimits', ''],
]);

/** TeX math as readable Unicode text. Unknown commands are kept as written. */
export function texToText(tex: string): string {
	return new TexReader(tex).read(0, tex.length).replace(/\s+/gu, ' ').trim();
}

/** Deeper groups than this are read as written: bounds recursion on hostile input. */
const MAX_DEPTH = 32;

class TexReader {
	private readonly tex: string;
	/** For every `{`, its matching `}` or -1, found in one pass so hostile input stays linear. */
	private readonly closing: Int32Array;
	private depth = 0;

	constructor(tex: string) {
		this.tex = tex;
		this.closing = new Int32Array(tex.length).fill(-1);
		const open: number[] = [];
		for (let i = 0; i < tex.length; i++) {
			if (tex[i] === '\\') i++;
			else if (tex[i] === '{') open.push(i);
			else if (tex[i] === '}' && open.length) this.closing[open.pop()!] = i;
		}
	}

	read(start: number, end: number): string {
		let out = '';
		let i = start;
		while (i < end) {
			const atom = this.atom(i, end);
			i = atom.next;
			out += atom.text;
		}
		return out;
	}

	/** One unit of math at `i`: a group, a command with its arguments, a script or a character. */
	private atom(i: number, end: number): { text: string; next: number } {
		const { tex } = this;
		const ch = tex[i]!;
		if (ch === '{') {
			const close = this.closing[i]!;
			if (close === -1 || close >= end || this.depth >= MAX_DEPTH) return { text: ch, next: i + 1 };
			return { text: this.nested(i + 1, close), next: close + 1 };
		}
		if (ch === '}') return { text: '', next: i + 1 };
		if (ch === '_' || ch === '^') {
			const arg = this.argument(i + 1, end);
			if (!arg) return { text: ch, next: i + 1 };
			return { text: script(arg.text, ch === '_' ? SUBSCRIPTS : SUPERSCRIPTS, ch), next: arg.next };
		}
		if (ch === '~') return { text: ' ', next: i + 1 };
		if (ch !== '\\') return { text: ch, next: i + 1 };

		let nameEnd = i + 1;
		while (nameEnd < end && /[a-zA-Z]/u.test(tex[nameEnd]!)) nameEnd++;
		if (nameEnd === i + 1) {
			// `\,` `\;` `\!` `\ ` are spacing; `\{` `\%` `\\` are the character.
			const next = tex[i + 1];
			if (next === undefined) return { text: '\\', next: i + 1 };
			return {
				text: ',;:! '.includes(next) ? (next === '!' ? '' : ' ') : next === '\\' ? ' ' : next,
				next: i + 2,
			};
		}
		const name = tex.slice(i + 1, nameEnd);
		const command = `\\${name}`;
		if (SPACES.has(name)) return { text: SPACES.get(name)!, next: nameEnd };
		if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
			const numerator = this.argument(nameEnd, end);
			const denominator = numerator && this.argument(numerator.next, end);
			if (numerator && denominator)
				return {
					text: `${wrap(numerator.text)}/${wrap(denominator.text)}`,
					next: denominator.next,
				};
		}
		if (name === 'sqrt') {
			const arg = this.argument(nameEnd, end);
			if (arg) return { text: `√${wrap(arg.text)}`, next: arg.next };
		}
		if (TRANSPARENT.has(name)) {
			const arg = this.argument(nameEnd, end);
			if (arg)
				return { text: STYLED_LETTERS.get(`${command}{${arg.text}}`) ?? arg.text, next: arg.next };
		}
		const symbol = SYMBOLS.get(command);
		if (symbol !== undefined) return { text: symbol, next: nameEnd };
		return { text: command, next: nameEnd };
	}

	/** A command's argument: a `{…}` group or the next atom, skipping spaces. */
	private argument(from: number, end: number): { text: string; next: number } | undefined {
		let i = from;
		while (i < end && this.tex[i] === ' ') i++;
		if (i >= end || this.tex[i] === '}') return undefined;
		return this.atom(i, end);
	}

	private nested(start: number, end: number): string {
		this.depth++;
		try {
			return this.read(start, end);
		} finally {
			this.depth--;
		}
	}
}

/** `x_{ij}` as xᵢⱼ when every character has a sub/superscript form, else x_(ij) or x_i. */
function script(text: string, forms: Map<string, string>, mark: string): string {
	const chars = [...text];
	if (chars.length > 0 && chars.every((c) => forms.has(c)))
		return chars.map((c) => forms.get(c)!).join('');
	return `${mark}${wrap(text)}`;
}

/** Parentheses around more than one symbol, so `a/(b+c)` keeps its meaning. */
function wrap(text: string): string {
	return [...text].length <= 1 || /^[\p{L}\p{N}.]+$/u.test(text) ? text : `(${text})`;
}
