import { describe, expect, it } from 'vitest';
import { flattenLatex, parseLatex } from '../../../src/lib/latex/parse-latex.ts';
import { plainText, texToText } from '../../../src/lib/latex/plain-text.ts';
import { latexFixture } from '../../helpers/fixtures.ts';

describe('plainText: the page’s own tree, read as text', () => {
	it('reads math in a real title as Unicode, never as TeX', () => {
		expect(plainText('From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$')).toBe(
			'From dyadic Λ_α to Λ_α',
		);
		expect(plainText('$p$-adic Limit of Weakly Holomorphic Modular Forms')).toBe(
			'p-adic Limit of Weakly Holomorphic Modular Forms',
		);
	});

	it('reads display math without its dollars or commands', () => {
		expect(plainText(latexFixture('display-math'))).toBe(
			'The loss is ℒ = ∑ᵢ₌₁ⁿ ℓ(xᵢ) over the batch.',
		);
	});

	it('agrees with the page wherever the page shows text: \\alpha outside math, unknown commands, $5,$6', () => {
		for (const text of [
			'\\alpha outside math',
			'\\foo{x} stays',
			'costs $5,$6 each',
			latexFixture('unknown-command'),
			latexFixture('price-range'),
		]) {
			expect(plainText(text)).toBe(flattenLatex(parseLatex(text)));
		}
	});

	it('reads accents and operators between numbers as the page shows them', () => {
		expect(plainText(latexFixture('accents'))).toContain('Djoković and Erdős met Schrödinger');
		expect(plainText(latexFixture('operator-before-digit'))).toBe(
			'The rate is 10.36±0.15 Hz on a 3×3 grid, at ∼5 K and <2 per cent; tickets cost $5 and $10, and $a$5 is no math.',
		);
	});
});

describe('texToText', () => {
	it.each([
		['\\mathbb{Z}', 'ℤ'],
		['\\sqrt{5}', '√5'],
		['\\frac{1}{2}', '1/2'],
		['\\frac{a+b}{c}', '(a+b)/c'],
		['4.39 \\times 10^{-22}', '4.39 × 10⁻²²'],
		['S_{\\lambda+1/2}(\\Gamma_0(N),\\chi)', 'S_(λ+1/2)(Γ₀(N),χ)'],
		['\\mathbf{(AR)^{2}}', '(AR)²'],
		['\\epsilon, \\phi', 'ε, φ'],
		['\\left( x \\right)', '( x )'],
	])('%s reads %s', (tex, text) => {
		expect(texToText(tex)).toBe(text);
	});

	it('keeps a macro it does not know as written', () => {
		expect(texToText('\\GL_n(q)')).toBe('\\GLₙ(q)');
	});

	it('stays linear on unbalanced and deeply nested braces', () => {
		const started = performance.now();
		expect(texToText('{'.repeat(50_000))).toBe('{'.repeat(50_000));
		expect(texToText(`${'{'.repeat(5_000)}x${'}'.repeat(5_000)}`)).toContain('x');
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
