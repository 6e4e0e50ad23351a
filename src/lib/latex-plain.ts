const GREEK: Record<string, string> = {
	alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
	theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
	sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
	Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
	times: '×', cdot: '·', leq: '≤', geq: '≥', le: '≤', ge: '≥', approx: '≈', infty: '∞', pm: '±',
};

/**
 * Reads arXiv-style LaTeX as a person would say it, for places that can only hold
 * plain text: derived titles, slugs, excerpts and `<meta>` descriptions. It returns
 * text, never markup; the page body is typeset separately.
 */
export function latexToPlain(text: string): string {
	return (
		text
			.replace(/\\([%&_$#{}])/gu, (_, ch: string) => `\u0000${ch}`)
			.replace(/``/gu, '“')
			.replace(/''/gu, '”')
			.replace(/---/gu, '—')
			.replace(/--/gu, '–')
			.replace(/~/gu, '\u00a0')
			// \command{argument} keeps the argument: \textbf{Dist}ribution -> Distribution
			.replace(/\\[a-zA-Z]+\*?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/gu, '$1')
			.replace(/\\([a-zA-Z]+)/gu, (_, name: string) => GREEK[name] ?? name)
			.replace(/\$/gu, '')
			.replace(/[{}]/gu, '')
			.replace(/\u0000(.)/gu, '$1')
	);
}
