import fc from 'fast-check';

/** Characters that mean something to HTML, JSX, MDX, Markdown, YAML, LaTeX or templates. */
const DANGEROUS_ALPHABET = [
	...'{}<>[]()*_#$\\`!|-~&;\'"/=: ',
	'\n',
	'a',
	'z',
	'0',
	'import ',
	'export ',
	'<script>',
	'</',
	'{{',
	'${',
	'---',
	'&lt;',
];

/**
 * Random seed text built from the dangerous alphabet. Every string that a seed can
 * carry must reach the reader unchanged (up to folded whitespace).
 */
export const dangerousText = fc
	.array(fc.constantFrom(...DANGEROUS_ALPHABET), { minLength: 1, maxLength: 60 })
	.map((parts) => parts.join(''));

/** Fixed by default so CI is reproducible; set FC_SEED to explore. */
export const PROPERTY_SEED = Number(process.env['FC_SEED'] ?? 20261123);

/** Whether text holds anything the LaTeX parser reads as markup (src/lib/latex/parse-latex.ts). */
export function hasLatexMarkup(text: string): boolean {
	return /[$\\~]|``|''|--/u.test(text);
}

/**
 * Dangerous text with no LaTeX markup: it must reach the page exactly as written.
 * Runs of `-`, `` ` `` and `'` are folded to one so no `--`, ``` `` ``` or `''` forms.
 */
export const latexFreeText = fc
	.array(fc.constantFrom(...DANGEROUS_ALPHABET.filter((part) => !/[$\\~]/u.test(part))), {
		minLength: 1,
		maxLength: 60,
	})
	.map((parts) =>
		parts.join('').replace(/-{2,}/gu, '-').replace(/`{2,}/gu, '`').replace(/'{2,}/gu, "'"),
	);

/** The dangerous alphabet plus the LaTeX the parser knows, and hostile LaTeX it must refuse. */
const LATEX_ALPHABET = [
	...DANGEROUS_ALPHABET,
	'$',
	'$$',
	'\\',
	'\\$',
	'\\{',
	'\\}',
	'{',
	'}',
	'~',
	'--',
	'---',
	'``',
	"''",
	'\\textit{',
	'\\emph{',
	'\\textbf{',
	'\\url{',
	'https://example.org/a?b=<c>&d="e"',
	'javascript:alert(1)',
	'\\frac{',
	'\\href{javascript:alert(1)}{',
	'\\htmlClass{x}{',
	'\\style{color:red}{',
	'\\includegraphics{x.png}',
	'\\text{<img src=x onerror=alert(1)>}',
	'\\alpha',
	'\\epsilon',
	'x^{2}',
	'_',
	'<script>alert(1)</script>',
	// Whole constructs, so that samples hold well-formed LaTeX as well as fragments.
	'$x^{2}$',
	'$\\epsilon$',
	'$$\\frac{a}{b}$$',
	'$\\text{<img src=x onerror=alert(1)>}$',
	'$\\href{javascript:alert(1)}{x}$',
	'$\\color{red}{x}$',
	'\\textit{x}',
	'\\textbf{<b>}',
	'\\url{https://example.org/a?b=<c>&d="e"}',
	'\\url{javascript:alert(1)}',
];

/** Random seed text dense with LaTeX, valid and not: the page may change it, but must add only safe markup. */
export const latexText = fc
	.array(fc.constantFrom(...LATEX_ALPHABET), { minLength: 1, maxLength: 60 })
	.map((parts) => parts.join(''));
