import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mathNodes, parseLatex } from '../../../src/lib/latex/parse-latex.ts';
import { mathProblems, typesetMath } from '../../../src/lib/latex/typeset-math.ts';
import { latexText, PROPERTY_SEED } from '../../helpers/dangerous-text.ts';
import { latexFixture } from '../../helpers/fixtures.ts';
import { loadHtml } from '../../helpers/html.ts';

/** The math fragments of a fixture, typeset as the page would. */
function typesetFixture(name: string) {
	return mathNodes(parseLatex(latexFixture(name))).map((node) =>
		typesetMath(node.tex, { display: node.type === 'displayMath' }),
	);
}

function mathml(result: ReturnType<typeof typesetMath>): string {
	if (!result.ok) throw new Error(`expected MathML, got the error ${result.error}`);
	return result.mathml;
}

describe('typesetMath', () => {
	it('turns inline TeX into MathML with the symbol, and no TeX source', () => {
		const [epsilon, t] = typesetFixture('inline-math').map(mathml);
		expect(epsilon).toBe('<math><mi>ε</mi></math>');
		expect(t).toBe('<math><mi>t</mi></math>');
	});

	it('sets \\epsilon and \\phi as the letters readers type and search for (ε, φ), not the symbol forms ϵ, ϕ', () => {
		expect(mathml(typesetMath('\\epsilon + \\phi', { display: false }))).toBe(
			'<math><mrow><mi>ε</mi><mo>+</mo><mi>φ</mi></mrow></math>',
		);
	});

	it('keeps each fragment on its own: a \\gdef does not reach the next one', () => {
		expect(
			mathml(typesetMath('\\gdef\\epsilon{X}\\gdef\\y{Y}\\epsilon\\y', { display: false })),
		).toContain('<mi>X</mi>');
		expect(mathml(typesetMath('\\epsilon', { display: false }))).toBe('<math><mi>ε</mi></math>');
		expect(typesetMath('\\y', { display: false }).ok).toBe(false);
	});

	it('typesets display math as a block, without an annotation holding the source', () => {
		const [display] = typesetFixture('display-math').map(mathml);
		const $ = loadHtml(display!);
		expect($('math').attr('display')).toBe('block');
		expect($('annotation, semantics').length).toBe(0);
		expect(display).not.toContain('\\');
		expect($('math').text()).toContain('∑');
	});

	it('typesets the math of the bundled seeds', () => {
		const results = typesetFixture('bundled-math');
		expect(results.map((r) => r.ok)).toEqual([true, true]);
		expect(mathml(results[0]!)).toContain('×');
		expect(mathml(results[1]!)).toContain('𝐀');
	});

	it('returns an error for invalid TeX instead of throwing', () => {
		const [broken, fine] = typesetFixture('invalid-tex');
		expect(broken).toEqual({ ok: false, error: expect.stringMatching(/end of input/u) });
		expect(fine?.ok).toBe(true);
	});

	it('refuses commands that would make links or styles (trust is off), and escapes the rest', () => {
		const [set, href] = typesetFixture('untrusted-command');
		expect(mathml(set!)).toContain('{');
		expect(href).toEqual({ ok: false, error: expect.stringContaining('\\href') });
		for (const tex of [
			'\\includegraphics{x.png}',
			'\\style{color:red}{x}',
			'\\htmlClass{x}{y}',
			'\\url{https://x.org}',
		]) {
			expect(typesetMath(tex, { display: false }).ok, tex).toBe(false);
		}
		const text = mathml(typesetMath('\\text{<img src=x onerror=alert(1)>}', { display: false }));
		expect(loadHtml(text)('img').length).toBe(0);
	});

	it('lets seed TeX carry no CSS: colours, boxes and raised boxes typeset without a style attribute (math-styles.test.ts covers arrays)', () => {
		for (const tex of [
			'\\color{red}{x}',
			'\\textcolor{blue}{y}',
			'\\colorbox{red}{z}',
			'\\fcolorbox{red}{blue}{z}',
			'\\boxed{x}',
			'\\raisebox{1em}{x}',
			'\\underbrace{x}_{y}',
		]) {
			const $ = loadHtml(mathml(typesetMath(tex, { display: false })));
			expect($('math').length, tex).toBe(1);
			expect($('[style]').length, tex).toBe(0);
		}
	});

	it('stops an expansion loop, and caps user-given sizes', () => {
		const [loop] = typesetFixture('expansion-loop');
		expect(loop).toEqual({ ok: false, error: expect.stringMatching(/expansion/iu) });
		const [rule] = typesetFixture('huge-rule').map(mathml);
		const $ = loadHtml(rule!);
		expect($('mspace').attr('width')).toBe('5em');
		expect($('mspace').attr('height')).toBe('50pt');
	});

	it('never throws, whatever the TeX (property-based)', () => {
		fc.assert(
			fc.property(latexText, (tex) => {
				const result = typesetMath(tex, { display: tex.length % 2 === 0 });
				expect(typeof (result.ok ? result.mathml : result.error)).toBe('string');
			}),
			{ seed: PROPERTY_SEED, numRuns: 500 },
		);
	});
});

describe('mathProblems', () => {
	it('lists each fragment that cannot be typeset, with its delimiters and why', () => {
		expect(mathProblems([latexFixture('invalid-tex'), latexFixture('untrusted-command')])).toEqual([
			{ tex: '$\\frac{1}{$', error: expect.stringMatching(/end of input/u) },
			{ tex: '$\\href{javascript:alert(1)}{x}$', error: expect.stringContaining('\\href') },
		]);
	});

	it('finds nothing to complain about in valid math or in text without math', () => {
		expect(
			mathProblems(
				['inline-math', 'display-math', 'bundled-math', 'lone-price', 'nested'].map(latexFixture),
			),
		).toEqual([]);
	});

	it('names the source without the underlining Temml adds', () => {
		const [problem] = mathProblems([latexFixture('untrusted-command')]);
		expect(problem!.error).not.toMatch(/\u0332/u);
	});
});

describe('typesetMath and page structure', () => {
	it.each([
		'\\begin{equation}a\\label{related-heading}\\end{equation}',
		'x \\eqref{main}',
		'y \\ref{cite-heading}',
	])('refuses %s, which would put ids or empty links from seed text on the page', (tex) => {
		const result = typesetMath(tex, { display: true });
		expect(result.ok).toBe(false);
	});
});
