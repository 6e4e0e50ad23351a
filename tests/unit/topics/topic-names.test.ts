import { describe, expect, it } from 'vitest';
import { topicSlug } from '../../../src/lib/topics/topic-names.ts';

describe('topicSlug', () => {
	it('is readable and the same for every word form of a key', () => {
		expect(topicSlug('federated learning')).toBe('federated-learning');
		expect(topicSlug('low-rank adaptation')).toBe('low-rank-adaptation');
		expect(topicSlug('text-to-image synthesis')).toBe('text-to-image-synthesis');
		expect(topicSlug('LoRA')).toBe('lora');
		expect(topicSlug('!!!')).toMatch(/^topic-[0-9a-f]{8}$/u);
		expect(topicSlug('深度 学习')).not.toBe(topicSlug('联邦 学习'));
	});
});
