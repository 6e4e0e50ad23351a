import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	flattenLatex,
	mathNodes,
	parseLatex,
	type LatexNode,
} from '../../../src/lib/latex/parse-latex.ts';
import {
	hasLatexMarkup,
	latexFreeText,
	latexText,
	PROPERTY_SEED,
} from '../../helpers/dangerous-text.ts';
import { latexFixture } from '../../helpers/fixtures.ts';

const text = (t: string): LatexNode => ({ type: 'text', text: t });
const em = (...children: LatexNode[]): LatexNode => ({ type: 'emphasis', children });
const strong = (...children: LatexNode[]): LatexNode => ({ type: 'strong', children });
const math = (tex: string): LatexNode => ({ type: 'inlineMath', tex });
const parseFixture = (name: string) => parseLatex(latexFixture(name));
/** A fixture that must come back as one text node: the text as written. */
const expectUnchanged = (name: string) =>
	expect(parseFixture(name)).toEqual([text(latexFixture(name))]);

describe('parseLatex: dollars', () => {
	it('reads an escaped dollar as a dollar, in text and in math', () => {
		expect(parseFixture('escaped-dollar')).toEqual([
			text('Training costs dropped from $5 to $2 per run, and '),
			math('\\$'),
			text(' itself is math.'),
		]);
	});

	it('keeps lone prices as text', () => expectUnchanged('lone-price'));

	it('keeps a price range as text: a closing dollar after a space does not close', () =>
		expectUnchanged('price-range'));

	it('keeps $a$5 as text: a closing dollar followed by a digit does not close', () => {
		expect(parseFixture('closing-before-digit')).toEqual([
			text('The pair $a$5 is not math, but '),
			math('b'),
			text(' is.'),
		]);
	});

	it('reads a lone operator between numbers as math even before a digit; prices and $a$5 stay text', () => {
		expect(parseFixture('operator-before-digit')).toEqual([
			text('The rate is 10.36'),
			math('\\pm'),
			text('0.15 Hz on a 3'),
			math('\\times'),
			text('3 grid, at '),
			math('\\sim'),
			text('5 K and '),
			math('<'),
			text('2 per cent; tickets cost $5 and $10, and $a$5 is no math.'),
		]);
	});

	it('needs a non-space after the opening dollar and before the closing one', () =>
		expectUnchanged('spaced-dollars'));

	it('reads spaced dollars as math when they hold TeX markup, as arXiv abstracts write it', () => {
		expect(parseFixture('spaced-markup')).toEqual([
			text('Here '),
			math(' d\\geq 1'),
			text(', '),
			math(' x^2 '),
			text(' and '),
			math(' \\mathcal{O}(n) '),
			text(' are math; $ spaces $ and $x $ are not.'),
		]);
	});

	it('reads $…$ as inline math, keeping the TeX as written', () => {
		expect(parseFixture('inline-math')).toEqual([
			text('We set the noise to '),
			math('\\epsilon'),
			text(' and the step to '),
			math('t'),
			text('.'),
		]);
	});

	it('reads $$…$$ as display math', () => {
		expect(parseFixture('display-math')).toEqual([
			text('The loss is '),
			{ type: 'displayMath', tex: '\\mathcal{L} = \\sum_{i=1}^{n} \\ell(x_i)' },
			text(' over the batch.'),
		]);
	});

	it('keeps an unclosed $$ as text', () => expectUnchanged('unclosed-display'));

	it('parses invalid TeX as math all the same: the typesetter decides', () => {
		expect(mathNodes(parseFixture('invalid-tex'))).toEqual([math('\\frac{1}{'), math('x')]);
	});

	it('never lets math run across a blank line', () => {
		expect(parseLatex('a $x\n\ny$ b')).toEqual([text('a $x\n\ny$ b')]);
		expect(parseLatex('a $x\ny$ b')).toEqual([text('a '), math('x\ny'), text(' b')]);
	});
});

describe('parseLatex: commands', () => {
	it('reads \\textit and \\emph as emphasis', () => {
		expect(parseFixture('textit-emph')).toEqual([
			text('We ask: '),
			em(text('is it possible?')),
			text(' The answer is '),
			em(text('yes')),
			text('.'),
		]);
	});

	it('reads \\textbf as strong, also inside a word', () => {
		expect(parseFixture('textbf')).toEqual([
			text('We propose '),
			strong(text('DistFL')),
			text(', '),
			strong(text('Dist')),
			text('ribution-aware '),
			strong(text('F')),
			text('ederated '),
			strong(text('L')),
			text('earning.'),
		]);
	});

	it('reads \\url with an http(s) address as a link', () => {
		expect(parseFixture('url-http')).toEqual([
			text('Our code is available at: '),
			{
				type: 'link',
				href: 'https://github.com/shikiw/DAM-VP',
				text: 'https://github.com/shikiw/DAM-VP',
			},
			text('.'),
		]);
	});

	it('keeps \\url with any other scheme as the text it was written as', () =>
		expectUnchanged('url-javascript'));

	it('keeps \\url with something that is not a URL as written', () =>
		expectUnchanged('url-invalid'));

	it('keeps unknown commands, \\\\ and \\, exactly as written', () =>
		expectUnchanged('unknown-command'));

	it('parses arguments recursively, with nested braces and math inside', () => {
		expect(parseFixture('nested')).toEqual([
			em(text('a '), strong(text('bold '), math('x^{2}'), text(' move')), text(' in {braces}')),
			text(' done'),
		]);
	});

	it('keeps unbalanced braces, and a command whose argument never closes, as text', () =>
		expectUnchanged('unbalanced-braces'));

	it('allows spaces between a command and its argument', () => {
		expect(parseLatex('\\textit {x}')).toEqual([em(text('x'))]);
	});

	it('does not mistake names of Object.prototype for commands', () => {
		expect(parseLatex('\\constructor{x} \\toString{y}')).toEqual([
			text('\\constructor{x} \\toString{y}'),
		]);
	});

	it('keeps nesting deeper than it renders as text, without overflowing the stack', () => {
		const deep = `${'\\emph{'.repeat(5000)}x${'}'.repeat(5000)}`;
		const nodes = parseLatex(deep);
		expect(flattenLatex(nodes)).toContain('\\emph{x}');
		let depth = 0;
		for (
			let node: LatexNode | undefined = nodes[0];
			node?.type === 'emphasis';
			node = node.children[0]
		)
			depth++;
		expect(depth).toBeLessThanOrEqual(16);
	});

	it('stays fast on thousands of unclosed commands and dollars', () => {
		const hostile = '\\textit{ $a '.repeat(20_000);
		const started = performance.now();
		expect(flattenLatex(parseLatex(hostile))).toBe(hostile);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe('parseLatex: characters', () => {
	it('turns TeX accents and letter commands into Unicode letters, with or without braces', () => {
		expect(parseFixture('accents')).toEqual([
			text(
				'Balázs, Djoković and Erdős met Schrödinger in Straße: à la ôme, niño, Čech, garçon, Doğan, ångström, ørsted, naïve.',
			),
		]);
	});

	it('lets an accent skip spaces before its letter, as TeX does', () => {
		expect(parseLatex("A. Petojevi\\' c and \\' E")).toEqual([text('A. Petojević and É')]);
	});

	it('shows citation keys in brackets: the abstract has no bibliography to link them to', () => {
		expect(parseLatex('devices \\cite{glu1, glu2},\\citep{pss1} and \\cite x')).toEqual([
			text('devices [glu1, glu2],[pss1] and \\cite x'),
		]);
	});

	it('keeps an accent with nothing to go on as written, and braces around more than one letter', () => {
		expect(parseLatex("\\v{ab} and {\\'a b}, and at the end \\'")).toEqual([
			text("\\v{ab} and {á b}, and at the end \\'"),
		]);
	});

	it("turns ``…'' into curly quotes", () => {
		expect(parseFixture('quotes')).toEqual([text('Such “sweet spot” configurations vary.')]);
	});

	it('turns ~ into a no-break space', () => {
		expect(parseFixture('tilde')).toEqual([
			text('As shown in Fig.\u00a03, features go down to \u00a080 nm.'),
		]);
	});

	it('turns -- into an en dash and --- into an em dash, and keeps a single hyphen', () => {
		expect(parseFixture('dashes')).toEqual([
			text('Pages 10–20 show it — clearly — and a-b stays.'),
		]);
	});

	it('turns escaped special characters into themselves', () => {
		expect(parseFixture('escaped-chars')).toEqual([text('50% of a_b & c #1 in the set {x}.')]);
	});
});

describe('parseLatex: text without LaTeX markup is one text node, unchanged (property-based)', () => {
	it("holds for any string without $ \\ ~ `` '' --", () => {
		fc.assert(
			fc.property(
				fc.oneof(
					latexFreeText,
					fc.string({ unit: 'binary' }).filter((t) => !hasLatexMarkup(t)),
				),
				(t) => {
					expect(parseLatex(t)).toEqual([text(t)]);
					expect(flattenLatex(parseLatex(t))).toBe(t);
				},
			),
			{ seed: PROPERTY_SEED, numRuns: 1000 },
		);
	});

	it('builds a well-formed tree on any input: no node is empty, text nodes never touch, links are http(s)', () => {
		fc.assert(
			fc.property(latexText, (t) => {
				const check = (nodes: LatexNode[]) => {
					nodes.forEach((node, i) => {
						if (node.type === 'text') {
							expect(node.text).not.toBe('');
							expect(nodes[i + 1]?.type).not.toBe('text');
						}
						if (node.type === 'link') expect(node.href).toMatch(/^https?:\/\//u);
						if (node.type === 'emphasis' || node.type === 'strong') check(node.children);
					});
				};
				check(parseLatex(t));
			}),
			{ seed: PROPERTY_SEED, numRuns: 1000 },
		);
	});
});
