import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyPapers, topicText } from '../../../src/lib/taxonomy/classify-papers.ts';
import { RELATED_COUNT } from '../../../src/lib/taxonomy/related-papers.ts';
import { MAX_TOPICS_PER_PAPER, MIN_PAPERS_PER_TOPIC } from '../../../src/lib/topics/selection.ts';
import { PaperSchema } from '../../../src/schemas/paper.ts';
import {
	makePaper,
	readBundledCollection,
	readFixtureCollection,
} from '../../helpers/collections.ts';

describe('topicText', () => {
	it('reads the abstract as plain text, paragraphs apart, without a derived title', () => {
		const paper = makePaper({
			title: 'Graph neural networks',
			titleSource: 'derived',
			paragraphs: ['We use \\textbf{graph} networks.', 'Costs $\\alpha$.'],
		});
		expect(topicText(paper)).toBe('We use graph networks.\n\nCosts α.');
	});

	it('puts a real title first, as a sentence of its own', () => {
		const paper = makePaper({
			title: 'A Geometric Perspective on Diffusion Models',
			titleSource: 'source',
			paragraphs: ['Diffusion models denoise.'],
		});
		expect(topicText(paper)).toBe(
			'A Geometric Perspective on Diffusion Models.\n\nDiffusion models denoise.',
		);
		expect(topicText({ ...paper, titleSource: 'metadata' })).toBe(
			'A Geometric Perspective on Diffusion Models.\n\nDiffusion models denoise.',
		);
	});
});

describe('classifyPapers', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('fills topics (slug and name) and related papers, and changes nothing else', async () => {
		// The pipeline's papers before classification: what classifyPapers gets in a build.
		const papers = (await readFixtureCollection('shared-phrases')).collection.papers.map((p) => ({
			...p,
			topics: [],
			related: [],
		}));
		const before = structuredClone(papers);
		const result = classifyPapers(papers);
		expect(papers).toEqual(before);
		expect(result.papers.map((p) => p.id)).toEqual(papers.map((p) => p.id));
		const names = new Map(result.topics.map((t) => [t.slug, t.name]));
		for (const [i, paper] of result.papers.entries()) {
			expect(PaperSchema.parse(paper)).toEqual(paper);
			expect({ ...paper, topics: [], related: [] }).toEqual(before[i]);
			for (const topic of paper.topics) expect(topic.name).toBe(names.get(topic.slug));
			for (const topic of result.topics)
				expect(topic.papers.includes(paper.id)).toBe(
					paper.topics.some((t) => t.slug === topic.slug),
				);
			expect(paper.related.length).toBeLessThanOrEqual(RELATED_COUNT);
			expect(paper.related).not.toContain(paper.id);
		}
		expect(result.unknownSlugs).toEqual([]);
	});

	it('applies topics.yaml: papers show the renamed topic, and unknown slugs come back', async () => {
		const { collection, overrides } = await readFixtureCollection('overrides');
		const result = classifyPapers(collection.papers, overrides);
		const renamed = result.papers
			.flatMap((p) => p.topics)
			.filter((t) => t.slug === 'federated-learning');
		expect(renamed.length).toBeGreaterThanOrEqual(2);
		for (const topic of renamed) expect(topic.name).toBe('Collaborative Training');
		expect(result.unknownSlugs).toEqual(['no-such-topic', 'quantum-annealing']);
	});

	it('gives the bundled seeds sensible topics and prints nothing', async () => {
		const { collection } = await readBundledCollection();
		const log = vi.spyOn(console, 'log');
		const info = vi.spyOn(console, 'info');
		const warn = vi.spyOn(console, 'warn');
		const error = vi.spyOn(console, 'error');
		const debug = vi.spyOn(console, 'debug');
		const stdout = vi.spyOn(process.stdout, 'write');
		const stderr = vi.spyOn(process.stderr, 'write');
		const result = classifyPapers(collection.papers);
		for (const spy of [log, info, warn, error, debug, stdout, stderr])
			expect(spy).not.toHaveBeenCalled();

		expect(result.papers).toHaveLength(collection.papers.length);
		for (const paper of result.papers) {
			expect(paper.topics.length, paper.title).toBeGreaterThanOrEqual(1);
			expect(paper.topics.length, paper.title).toBeLessThanOrEqual(MAX_TOPICS_PER_PAPER);
			expect(paper.related.length, paper.title).toBeGreaterThanOrEqual(1);
		}
		for (const topic of result.topics)
			expect(topic.papers.length, topic.name).toBeGreaterThanOrEqual(MIN_PAPERS_PER_TOPIC);
		const names = result.topics.map((t) => t.name);
		expect(names).toContain('Federated Learning');
		expect(names).toContain('Diffusion Models');
		expect(
			result.topics
				.slice(0, 2)
				.map((t) => t.slug)
				.sort(),
		).toEqual(['diffusion-model', 'federated-learning']);
	});
});
