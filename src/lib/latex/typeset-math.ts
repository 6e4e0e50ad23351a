import temml from 'temml';
import { mathNodes, mathSource, parseLatex } from './parse-latex.ts';
import { mathStylesToClasses } from './math-styles.ts';

export type TypesetResult = { ok: true; mathml: string } | { ok: false; error: string };

/**
 * Seed TeX is untrusted. `trust: false` refuses `\href`, `\includegraphics`, `\style`
 * and the like; the limits stop `\def` loops and page-sized `\rule`s; `annotate: false`
 * leaves the TeX source out of the MathML, so search indexes ε rather than `\epsilon`.
 */
const OPTIONS = {
	throwOnError: true,
	trust: false,
	annotate: false,
	strict: false,
	/** Macro expansions per fragment. */
	maxExpand: 200,
	/** Largest user-given size: [em, pt]. */
	maxSize: [5, 50] as [number, number],
};

/**
 * TeX's `\epsilon` and `\phi` are the symbol forms ϵ (U+03F5) and ϕ (U+03D5), which
 * search does not match with the ε and φ readers type and that titles and excerpts use
 * (plain-text.ts). Abstracts mean the letter, so they are set as the ordinary letters.
 */
const ORDINARY_LETTERS = { '\\epsilon': '\\varepsilon', '\\phi': '\\varphi' };

/** Temml underlines the offending source with U+0332, which reads badly in a terminal. */
function errorText(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message
		.replace(/\u0332/gu, '')
		.replace(/^ParseError:\s*/u, '')
		.replace(/\s+/gu, ' ')
		.trim();
}

/** TeX to MathML at build time. Never throws: invalid TeX comes back as an error to show and warn about. */
export function typesetMath(tex: string, { display }: { display: boolean }): TypesetResult {
	try {
		// A fresh macros object each time: `\gdef` writes into it, and must not leak into other fragments.
		const mathml = temml.renderToString(tex, {
			...OPTIONS,
			macros: { ...ORDINARY_LETTERS },
			displayMode: display,
		});
		// \label, \ref and \eqref make element ids and links: seed text must not name ids on
		// the page (they would clash with the page's own) nor add empty links.
		if (/\sid=|<a[\s>]/u.test(mathml))
			return {
				ok: false,
				error: 'labels and cross-references (\\label, \\ref, \\eqref) are not shown on the web',
			};
		// Temml's style attributes become classes: the CSP refuses style attributes.
		return { ok: true, mathml: mathStylesToClasses(mathml) };
	} catch (error) {
		return { ok: false, error: errorText(error) };
	}
}

/** Every math fragment of an abstract that cannot be typeset, with its source (delimiters included) and why. */
export function mathProblems(paragraphs: readonly string[]): { tex: string; error: string }[] {
	return paragraphs.flatMap((paragraph) =>
		mathNodes(parseLatex(paragraph)).flatMap((node) => {
			const result = typesetMath(node.tex, { display: node.type === 'displayMath' });
			return result.ok ? [] : [{ tex: mathSource(node), error: result.error }];
		}),
	);
}
