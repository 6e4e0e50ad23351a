const SYMBOLS: Record<string, string> = {
	alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
	theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
	sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
	Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
	times: '×', cdot: '·', leq: '≤', geq: '≥', le: '≤', ge: '≥', approx: '≈', infty: '∞', pm: '±',
};

/** `\command{argument}` with at most one level of nested braces inside the argument. */
const COMMAND_WITH_ARGUMENT = /\\[a-zA-Z]+\*?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/gu;

function unwrapCommands(text: string): string {
	let previous;
	let current = text;
	do {
		previous = current;
		current = current.replace(COMMAND_WITH_ARGUMENT, '$1');
	} while (current !== previous);
	return current;
}

/** Inside `$…$` braces only group and symbols are named: `\mathbf{(AR)^{2}}` reads `(AR)^2`. */
function mathToPlain(math: string): string {
	return unwrapCommands(math)
		.replace(/\\([a-zA-Z]+)/gu, (all, name: string) => SYMBOLS[name] ?? all)
		.replace(/[{}]/gu, '');
}

/**
 * Reads arXiv-style LaTeX as a person would say it, for places that hold only plain
 * text: derived titles, slugs, excerpts and `<meta>` descriptions. Only recognised
 * markup is changed (`\cmd{…}`, `$…$`, quotes, `~`, dashes, escaped characters); any
 * other character, braces and stray dollars included, is kept, because seed text
 * that is not LaTeX must read as written. It returns text, never markup.
 */
export function latexToPlain(text: string): string {
	const escaped: string[] = [];
	const protectedText = text.replace(/\\([%&_$#{}])/gu, (_, ch: string) => `\u0000${escaped.push(ch) - 1}\u0000`);
	return unwrapCommands(protectedText)
		.replace(/\$([^$\n]+)\$/gu, (all, math: string) => (/^\s|\s$/u.test(math) ? all : mathToPlain(math)))
		.replace(/``/gu, '“')
		.replace(/''/gu, '”')
		.replace(/---/gu, '—')
		.replace(/--/gu, '–')
		.replace(/~/gu, '\u00a0')
		.replace(/\\([a-zA-Z]+)/gu, (all, name: string) => SYMBOLS[name] ?? all)
		.replace(/\u0000(\d+)\u0000/gu, (_, i: string) => escaped[Number(i)] ?? '');
}
