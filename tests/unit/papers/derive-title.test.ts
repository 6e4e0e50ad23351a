import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, deriveTitle, shorten } from '../../../src/lib/papers/derive-title.ts';

describe('deriveTitle: named contributions', () => {
	it('prefers the name after "we propose", followed by what it is', () => {
		expect(
			deriveTitle('We propose FooNet, a lightweight network for edge devices. It runs on a phone.'),
		).toBe('FooNet: A lightweight network for edge devices');
	});

	it('finds a name given with "dubbed", even in a later sentence', () => {
		expect(
			deriveTitle(
				'Deep models are slow. In this work, we design a sparse attention mechanism, dubbed BarNet, that scales linearly.',
			),
		).toBe('BarNet: A sparse attention mechanism');
	});

	it('keeps a multi-word name with its acronym', () => {
		expect(
			deriveTitle(
				'Based on this, we introduce Federated Share-A Low-Rank Adaptation (FedSA-LoRA), which employs two matrices.',
			),
		).toBe('Federated Share-A Low-Rank Adaptation (FedSA-LoRA)');
	});

	it('finds a name that follows its description', () => {
		expect(
			deriveTitle(
				'We present a single-fold distillation algorithm, SFDDM, which compresses models.',
			),
		).toBe('SFDDM: A single-fold distillation algorithm');
	});
});

describe('deriveTitle: first sentence', () => {
	it('falls back to the first sentence without its full stop', () => {
		expect(deriveTitle('Deep models are large and slow. We study how to deploy them.')).toBe(
			'Deep models are large and slow',
		);
	});

	it('drops an "In this paper, we study" opening: the title is what is studied', () => {
		expect(deriveTitle('In this paper, we study the stability of training. More follows.')).toBe(
			'The stability of training',
		);
	});

	it('reads the text as one run of sentences', () => {
		expect(deriveTitle('Short opening continues here. Second sentence.')).toBe(
			'Short opening continues here',
		);
	});

	it('shortens a long first sentence at a word boundary, with an ellipsis, to at most 100 characters', () => {
		const sentence =
			'Recently, diffusion models have shown remarkable results in image generation, and many works study them in a variety of settings';
		const title = deriveTitle(`${sentence}. Then more.`);
		expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
		expect(title).toBe('Diffusion models have shown remarkable results in image generation');
	});

	it('shortens a long phrase with no clause boundary to at most 100 characters, with an ellipsis', () => {
		const title = deriveTitle(`${'Supercalifragilistic '.repeat(8)}words. Then more.`);
		expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
		expect(title.endsWith('…')).toBe(true);
	});
});

describe('deriveTitle: plain text', () => {
	it('keeps symbols of plain text as written', () => {
		expect(deriveTitle('We introduce TexNet, a β-model for fast inference. Yes.')).toBe(
			'TexNet: A β-model for fast inference',
		);
	});

	it('keeps the case of a title that starts where the abstract starts', () => {
		expect(deriveTitle('p-adic limits of modular forms exist')).toBe(
			'p-adic limits of modular forms exist',
		);
	});

	it('is never longer than 100 characters, whatever the text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 900 }), (text) => {
				expect(deriveTitle(text).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
			}),
		);
	});

	// Characters outside the BMP (math italic letters pasted from a PDF, emoji) count as one and are never split.
	it('never cuts a character in half', () => {
		const formula = '𝑎𝑥'.repeat(30); // 120 UTF-16 code units, no spaces
		const title = deriveTitle(`We bound: ${formula} tightly.`);
		expect([...title].length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
		expect(title.isWellFormed()).toBe(true);
	});
});

describe('deriveTitle: what the paper does, not "we"', () => {
	const badStart =
		/^(?:\(abridged\)|\[abridged\]|in this (?:paper|article|work|letter|note)|we\b|here,? we\b|using\b|although\b|recently\b)/iu;

	it('"(Abridged)" prefix: dropped', () => {
		const title = deriveTitle(
			'(Abridged) We present deep near-infrared imaging of the Serpens cloud core. Stars form there.',
		);
		expect(title).toBe('Deep near-infrared imaging of the Serpens cloud core');
		expect(deriveTitle('[Abridged] Dust grains grow in protoplanetary disks. More.')).toBe(
			'Dust grains grow in protoplanetary disks',
		);
	});

	it('"In this paper we": what the paper shows', () => {
		expect(
			deriveTitle(
				'In this paper we prove that every planar graph is four-colourable. The proof uses a computer.',
			),
		).toBe('Every planar graph is four-colourable');
		expect(
			deriveTitle(
				'In this article we will first prove a result about convergence in capacity. Then we apply it.',
			),
		).toBe('A result about convergence in capacity');
	});

	it('"We study": its object, capitalised', () => {
		expect(
			deriveTitle(
				'We study the two-particle wave function of paired atoms in a Fermi gas with tunable interaction strengths controlled by Feshbach resonance. The pair wave function is examined.',
			),
		).toBe('The two-particle wave function of paired atoms in a Fermi gas');
		expect(
			deriveTitle(
				'Here we investigate how image classifiers fail under rotation, and propose a fix. Results follow.',
			),
		).toBe('How image classifiers fail under rotation');
		expect(
			deriveTitle(
				'A fully differential calculation is presented for the production of photon pairs at hadron colliders.',
			),
		).toBe(
			'A fully differential calculation for the production of photon pairs at hadron colliders',
		);
	});

	it('named contribution: the name, then what it is', () => {
		expect(
			deriveTitle(
				'Vision transformers are costly. We propose PatchDrop, a token pruning scheme that halves inference time.',
			),
		).toBe('PatchDrop: A token pruning scheme');
	});

	it('dangling clause: the main clause, never the clause that leans on it', () => {
		expect(
			deriveTitle('Using a large corpus of images, we train a detector for rare birds. It works.'),
		).toBe('A detector for rare birds');
		expect(
			deriveTitle(
				'Although transformers dominate language modelling, recurrent networks remain cheaper to run. We compare them.',
			),
		).toBe('Recurrent networks remain cheaper to run');
		expect(
			deriveTitle(
				'Recently, Bruinier and Ono classified cusp forms by their coefficients. We extend this.',
			),
		).toBe('Bruinier and Ono classified cusp forms by their coefficients');
	});

	it('ends where a clause about the phrase begins, never on a preposition', () => {
		expect(
			deriveTitle('We consider an atom-field coupled system, in which the field is damped. More.'),
		).toBe('An atom-field coupled system');
		expect(
			deriveTitle(
				'This paper describes the telescope hardware and software and discusses the quality of the data.',
			),
		).toBe('The telescope hardware and software');
	});

	it('skips an aim that only points back ("the above results") and adverbs before a particle', () => {
		expect(
			deriveTitle(
				'Spin chains are simple. We give a generalization of the above results. We report here on quantum spin chains with defects.',
			),
		).toBe('Quantum spin chains with defects');
	});

	it('cuts before a relative clause that starts with a preposition', () => {
		expect(
			deriveTitle(
				'Here, we develop a coating method for dense packing, central to which is a polymer. More.',
			),
		).toBe('A coating method for dense packing');
	});

	it('never starts with a phrase a title cannot start with', () => {
		const openings = [
			'(Abridged) ',
			'[Abridged] ',
			'In this paper we study ',
			'In this letter, we show that ',
			'Here we report ',
			'We consider ',
			'Using simulations, we find that ',
		];
		fc.assert(
			fc.property(
				fc.constantFrom(...openings),
				fc.constantFrom('the growth of dust grains in disks', 'label noise in crowdsourced data'),
				(opening, rest) => {
					expect(deriveTitle(`${opening}${rest}. More text follows here.`)).not.toMatch(badStart);
				},
			),
		);
	});
});

describe('shorten', () => {
	it('leaves short text alone and trims it', () => {
		expect(shorten('  A short title ')).toBe('A short title');
	});

	it('cuts at the last space and drops trailing punctuation before the ellipsis', () => {
		expect(shorten('alpha beta, gamma delta', 14)).toBe('alpha beta…');
	});

	it('cuts inside a word when there is no space in the second half', () => {
		expect(shorten('a'.repeat(120))).toBe(`${'a'.repeat(99)}…`);
	});
});
