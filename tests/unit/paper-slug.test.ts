import { describe, expect, it } from 'vitest';
import { MAX_SLUG_WORDS_CHARS, paperSlug } from '../../src/lib/paper-slug.ts';
import { PaperSchema } from '../../src/schemas/paper.ts';

const ID = '0123456789ab';

describe('paperSlug', () => {
	it('is the title in lowercase words, then the first 8 hex of the id', () => {
		expect(paperSlug('FooNet: A lightweight network for edge devices', ID)).toBe(
			'foonet-a-lightweight-network-for-edge-devices-01234567',
		);
	});

	it('cuts a long title at a word boundary within 60 characters', () => {
		const title = 'We study the robustness of large language models under distribution shift across many domains';
		const slug = paperSlug(title, ID);
		const readable = slug.slice(0, -'-01234567'.length);
		expect(slug.endsWith('-01234567')).toBe(true);
		expect(readable).toBe('we-study-the-robustness-of-large-language-models-under');
		expect(readable.length).toBeLessThanOrEqual(MAX_SLUG_WORDS_CHARS);
		expect(PaperSchema.shape.slug.safeParse(slug).success).toBe(true);
	});

	it('cuts a single word longer than 60 characters at 60', () => {
		expect(paperSlug('x'.repeat(80), ID)).toBe(`${'x'.repeat(60)}-01234567`);
	});

	it('transliterates accents and Greek letters', () => {
		expect(paperSlug('α-divergences Über alles', ID)).toBe('a-divergences-ueber-alles-01234567');
	});

	it('falls back to "paper" when nothing readable is left', () => {
		expect(paperSlug('深度学习', ID)).toBe('paper-01234567');
		expect(paperSlug('', ID)).toBe('paper-01234567');
	});
});
