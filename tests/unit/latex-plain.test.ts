import { describe, expect, it } from 'vitest';
import { latexToPlain } from '../../src/lib/latex-plain.ts';

describe('latexToPlain', () => {
	it('keeps the argument of a command and drops the command', () => {
		expect(latexToPlain('\\textbf{Dist}ribution and \\emph{robust} \\textit{models}')).toBe('Distribution and robust models');
	});

	it('reads braces inside math as grouping', () => {
		expect(latexToPlain('$\\mathbf{(AR)^{2}}$ and $x_{i}^{2}$')).toBe('(AR)^2 and x_i^2');
	});

	it('keeps dollar signs and braces that are not LaTeX', () => {
		expect(latexToPlain('costs $5 and {x}')).toBe('costs $5 and {x}');
	});

	it('spells out Greek letters and symbols, and drops math delimiters', () => {
		expect(latexToPlain('$\\alpha \\times \\beta \\leq \\infty$ and $\\Omega$')).toBe('α × β ≤ ∞ and Ω');
	});

	it('turns TeX quotes, dashes and ties into their characters', () => {
		expect(latexToPlain("``quoted'' a--b a---b Fig.~3")).toBe('“quoted” a–b a—b Fig.\u00a03');
	});

	it('keeps escaped special characters as themselves', () => {
		expect(latexToPlain('50\\% of a\\_b \\& c \\#1')).toBe('50% of a_b & c #1');
	});

	// Regression: the placeholder for an escaped character used to be "\u0000" + the character, so the
	// passes that strip "$", "{" and "}" removed escaped ones too and "\}" at the end left a raw NUL.
	it('keeps escaped dollar signs and braces', () => {
		expect(latexToPlain('costs \\$5')).toBe('costs $5');
		expect(latexToPlain('the set \\{x\\}')).toBe('the set {x}');
	});

	// Regression: commands used to be unwrapped in a single pass, so \emph{\textbf{X}} read "textbfX".
	it('unwraps nested commands', () => {
		expect(latexToPlain('\\emph{\\textbf{NestNet}} works')).toBe('NestNet works');
	});
});
