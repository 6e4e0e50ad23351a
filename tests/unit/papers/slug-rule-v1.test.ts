import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slugV1 } from '../../../src/lib/papers/slug-rule-v1.ts';
import { PaperSchema } from '../../../src/schemas/paper.ts';
import { pipelineOf, readBundledCollection } from '../../helpers/collections.ts';

const ID = '0123456789ab';

/** One sentence with no named contribution: v1 takes it whole as the title. */
const slugOfTitle = (title: string) => slugV1([title], ID);

describe('slugV1', () => {
	it('is the title in lowercase words, then the first 8 hex of the id', () => {
		expect(slugOfTitle('FooNet: A lightweight network for edge devices')).toBe(
			'foonet-a-lightweight-network-for-edge-devices-01234567',
		);
	});

	it('cuts a long title at a word boundary within 60 characters', () => {
		const slug = slugOfTitle(
			'We study the robustness of large language models under distribution shift across many domains',
		);
		const readable = slug.slice(0, -'-01234567'.length);
		expect(slug.endsWith('-01234567')).toBe(true);
		expect(readable).toBe('we-study-the-robustness-of-large-language-models-under');
		expect(readable.length).toBeLessThanOrEqual(60);
		expect(PaperSchema.shape.slug.safeParse(slug).success).toBe(true);
	});

	it('cuts a single word longer than 60 characters at 60', () => {
		expect(slugOfTitle('x'.repeat(80))).toBe(`${'x'.repeat(60)}-01234567`);
	});

	it('transliterates accents and Greek letters', () => {
		expect(slugOfTitle('α-divergences Über alles')).toBe('a-divergences-ueber-alles-01234567');
	});

	it('falls back to "paper" when nothing readable is left', () => {
		expect(slugOfTitle('深度学习')).toBe('paper-01234567');
		expect(slugOfTitle('...')).toBe('paper-01234567');
	});

	it('names an empty abstract "untitled abstract", as v1 did', () => {
		expect(slugV1([''], ID)).toBe('untitled-abstract-01234567');
	});

	it('reads LaTeX and names contributions as v1 did', () => {
		expect(
			slugV1(
				['We introduce \\textbf{TexNet}, a $\\beta$-model for \\emph{fast} inference. Yes.'],
				ID,
			),
		).toBe('texnet-a-v-model-for-fast-inference-01234567');
		expect(slugV1(['In this paper, we study the stability of training. More follows.'], ID)).toBe(
			'we-study-the-stability-of-training-01234567',
		);
	});
});

describe('the frozen slug rule', () => {
	it('gives the bundled seeds their golden URLs', async () => {
		const golden: Record<string, string> = JSON.parse(
			readFileSync(new URL('../../golden/bundled-urls.json', import.meta.url), 'utf8'),
		);
		const { collection } = await readBundledCollection();
		expect(Object.fromEntries(collection.papers.map((p) => [p.id, `/papers/${p.slug}/`]))).toEqual(
			golden,
		);
	});

	it('against a title that changed: the page keeps its v1 slug', () => {
		const abstract = 'In this paper, we study the stability of training. More follows.';
		const [paper] = pipelineOf({ 'a.txt': `Abstract:${abstract}\n` }).papers;
		expect(paper?.title).toBe('The stability of training');
		expect(paper?.slug).toBe(`we-study-the-stability-of-training-${paper?.id.slice(0, 8)}`);
	});
});
