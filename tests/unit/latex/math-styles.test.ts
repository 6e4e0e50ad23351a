import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	MATH_STYLE_DECLARATIONS,
	mathStyleClass,
	mathStyleRules,
	mathStylesToClasses,
} from '../../../src/lib/latex/math-styles.ts';
import { typesetMath } from '../../../src/lib/latex/typeset-math.ts';

const MATH_CSS = readFileSync(new URL('../../../src/styles/math.css', import.meta.url), 'utf8');

describe('mathStylesToClasses', () => {
	it('turns each declaration Temml writes with a fixed value into a class, beside the classes already there', () => {
		expect(
			mathStylesToClasses('<mover class="wbk-acc" style="math-depth:0;"><mi>x</mi></mover>'),
		).toBe(`<mover class="wbk-acc ${mathStyleClass('math-depth:0')}"><mi>x</mi></mover>`);
		expect(mathStylesToClasses('<mtd style="padding-left:0.4em;padding-right:0em;">')).toBe(
			`<mtd class="${mathStyleClass('padding-left:0.4em')} ${mathStyleClass('padding-right:0em')}">`,
		);
	});

	it('drops what the TeX itself sized (\\arraystretch), since no class can stand for every value', () => {
		expect(
			mathStylesToClasses('<mtd style="padding-top:0.6ex;padding-bottom:0.6ex;"><mn>1</mn></mtd>'),
		).toBe('<mtd><mn>1</mn></mtd>');
	});

	it('leaves text that only looks like an attribute alone, and displaystyle is no style', () => {
		const mathml = '<mstyle displaystyle="true"><mtext>style=&quot;x&quot;</mtext></mstyle>';
		expect(mathStylesToClasses(mathml)).toBe(mathml);
	});
});

describe('typeset math carries no style attribute', () => {
	it.each([
		['matrices', '\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}'],
		['cases', '\\begin{cases}1&x>0\\\\0&\\text{else}\\end{cases}'],
		['accents', '\\hat{x}+\\bar{\\nu}_e'],
		['arrays with rules', '\\begin{array}{|c|c|}\\hline a&b\\\\\\hline\\end{array}'],
		['stretched arrays', '\\def\\arraystretch{1.5}\\begin{matrix}a\\\\b\\end{matrix}'],
		['fractions in display', '\\psi(x,0)=A(x) e^{\\frac{i}{\\epsilon} S(x)}'],
	])('%s', (_, tex) => {
		for (const display of [false, true]) {
			const result = typesetMath(tex, { display });
			expect(result.ok).toBe(true);
			if (result.ok) expect(result.mathml).not.toMatch(/\sstyle=/u);
		}
	});
});

describe('src/styles/math.css', () => {
	it('defines every class mathStylesToClasses can write', () => {
		expect(MATH_STYLE_DECLARATIONS.length).toBeGreaterThan(10);
		for (const rule of mathStyleRules()) expect(MATH_CSS).toContain(rule);
	});
});
