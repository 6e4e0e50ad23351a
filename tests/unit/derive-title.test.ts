import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, deriveTitle, shorten } from '../../src/lib/derive-title.ts';

describe('deriveTitle: named contributions', () => {
	it('prefers the name after "we propose", followed by what it is', () => {
		expect(deriveTitle(['We propose FooNet, a lightweight network for edge devices. It runs on a phone.'])).toBe(
			'FooNet: A lightweight network for edge devices',
		);
	});

	it('finds a name given with "dubbed", even in a later sentence', () => {
		expect(
			deriveTitle(['Deep models are slow. In this work, we design a sparse attention mechanism, dubbed BarNet, that scales linearly.']),
		).toBe('BarNet: A sparse attention mechanism');
	});

	it('keeps a multi-word name with its acronym', () => {
		expect(
			deriveTitle(['Based on this, we introduce Federated Share-A Low-Rank Adaptation (FedSA-LoRA), which employs two matrices.']),
		).toBe('Federated Share-A Low-Rank Adaptation (FedSA-LoRA)');
	});

	it('finds a name that follows its description', () => {
		expect(deriveTitle(['We present a single-fold distillation algorithm, SFDDM, which compresses models.'])).toBe(
			'SFDDM: A single-fold distillation algorithm',
		);
	});
});

describe('deriveTitle: first sentence', () => {
	it('falls back to the first sentence without its full stop', () => {
		expect(deriveTitle(['Deep models are large and slow. We study how to deploy them.'])).toBe('Deep models are large and slow');
	});

	it('drops an "In this paper," opening', () => {
		expect(deriveTitle(['In this paper, we study the stability of training. More follows.'])).toBe(
			'We study the stability of training',
		);
	});

	it('reads paragraphs as one text', () => {
		expect(deriveTitle(['Short opening', 'continues here. Second sentence.'])).toBe('Short opening continues here');
	});

	it('shortens a long first sentence at a word boundary, with an ellipsis, to at most 100 characters', () => {
		const sentence =
			'Recently, diffusion models have shown remarkable results in image generation, and many works study them in a variety of settings';
		const title = deriveTitle([`${sentence}. Then more.`]);
		expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
		expect(title).toBe('Recently, diffusion models have shown remarkable results in image generation, and many works study…');
		expect(sentence.startsWith(title.slice(0, -1))).toBe(true);
	});
});

describe('deriveTitle: plain text', () => {
	it('reads LaTeX as plain text', () => {
		const title = deriveTitle(['We introduce \\textbf{TexNet}, a $\\beta$-model for \\emph{fast} inference. Yes.']);
		expect(title).toBe('TexNet: A β-model for fast inference');
	});

	it('leaves no LaTeX markup in a fallback title', () => {
		const title = deriveTitle(['Our method uses $\\alpha$ and \\textbf{bold} words in its only sentence']);
		expect(title).toBe('Our method uses α and bold words in its only sentence');
		expect(title).not.toMatch(/[\\${}]/u);
	});

	it('is never longer than 100 characters, whatever the text', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 3 }), (paragraphs) => {
				expect(deriveTitle(paragraphs).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
			}),
		);
	});

	// Characters outside the BMP (math italic letters pasted from a PDF, emoji) count as one and are never split.
	it('never cuts a character in half', () => {
		const formula = '𝑎𝑥'.repeat(30); // 120 UTF-16 code units, no spaces
		const title = deriveTitle([`We bound: ${formula} tightly.`]);
		expect([...title].length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
		expect(title.isWellFormed()).toBe(true);
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
