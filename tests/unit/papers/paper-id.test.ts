import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeText, paperId } from '../../../src/lib/papers/paper-id.ts';

const sha256Prefix = (text: string) =>
	createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);

describe('normalizeText', () => {
	it('composes accents, collapses every kind of whitespace and trims', () => {
		expect(normalizeText(' \tCafe\u0301\r\n  au\u00a0lait \n')).toBe('Caf\u00e9 au lait');
	});

	it('leaves already normal text unchanged', () => {
		expect(normalizeText('Café au lait.')).toBe('Café au lait.');
	});
});

describe('paperId', () => {
	it('is the first 12 hex of SHA-256 of the normalized text', () => {
		const id = paperId('  Cafe\u0301 au\n   lait ');
		expect(id).toMatch(/^[0-9a-f]{12}$/u);
		expect(id).toBe(sha256Prefix('Caf\u00e9 au lait'));
	});

	it('is the same for the same abstract with different wrapping or composition', () => {
		expect(paperId('Caf\u00e9 au lait')).toBe(paperId('Cafe\u0301\n au  lait'));
	});

	it('differs when the words differ', () => {
		expect(paperId('Café au lait')).not.toBe(paperId('Café noir'));
	});
});
