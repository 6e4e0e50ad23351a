import { describe, expect, it } from 'vitest';
import { termSlug } from '../../../src/lib/taxonomy/term-slug.ts';

describe('termSlug', () => {
	it('makes readable, stable slugs of author and category names', () => {
		expect(termSlug('authors', 'Mei, Jian-Ping')).toBe('mei-jian-ping');
		expect(termSlug('categories', 'Machine Learning')).toBe('machine-learning');
		expect(termSlug('authors', 'Müller, Jürgen')).toBe('mueller-juergen');
		expect(termSlug('authors', 'Łukasz Kaiser')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
		expect(termSlug('authors', '  Zhang   Wei ')).toBe('zhang-wei');
		expect(termSlug('authors', 'McDonald')).toBe('mcdonald');
	});

	it('makes readable topic slugs from topic keys', () => {
		expect(termSlug('topics', 'federated learning')).toBe('federated-learning');
		expect(termSlug('topics', 'low-rank adaptation')).toBe('low-rank-adaptation');
		expect(termSlug('topics', 'text-to-image synthesis')).toBe('text-to-image-synthesis');
		expect(termSlug('topics', 'LoRA')).toBe('lora');
	});

	it('gives names slugify cannot spell a stable hash, as the first release did, so two never share a page', () => {
		expect(termSlug('authors', '王伟')).toBe('name-0c6e5fe8');
		expect(termSlug('categories', '王伟')).toBe('name-0c6e5fe8');
		expect(termSlug('topics', '!!!')).toBe('topic-e84c538e');
		expect(termSlug('authors', '李娜')).not.toBe(termSlug('authors', '王伟'));
		expect(termSlug('authors', '!!!')).not.toBe(termSlug('authors', '???'));
		expect(termSlug('topics', '深度 学习')).not.toBe(termSlug('topics', '联邦 学习'));
	});

	it('gives the same slug on every call (the cache changes nothing)', () => {
		expect(termSlug('topics', 'Diffusion Models')).toBe(termSlug('topics', 'Diffusion Models'));
		expect(termSlug('topics', '王伟')).toBe('topic-0c6e5fe8');
		expect(termSlug('authors', '王伟')).toBe('name-0c6e5fe8');
	});
});
