import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/pipeline/run-pipeline.ts';
import { DiagnosticSchema } from '../../../src/schemas/diagnostic.ts';
import { readFixtureCollection } from '../../helpers/collections.ts';
import { readFixtureSeed } from '../../helpers/fixtures.ts';

describe('DiagnosticSchema', () => {
	it('accepts every warning the pipeline produces: seeds, topics.yaml and math', async () => {
		const { diagnostics } = runPipeline({
			seeds: ['empty.txt', 'stray-text.txt', 'unparseable-block.txt', 'windows-1252.txt'].map(
				(name) => readFixtureSeed(name),
			),
		});
		const folders = await Promise.all(
			['unknown-topic-slug', 'math-not-typeset'].map(readFixtureCollection),
		);
		diagnostics.push(...folders.flatMap((f) => f.collection.diagnostics));
		expect(diagnostics.map((d) => d.code)).toEqual([
			'EmptySeed',
			'TextOutsideAbstract',
			'UnparseableBlock',
			'InvalidUtf8',
			'UnknownTopicSlug',
			'MathNotTypeset',
			'MathNotTypeset',
		]);
		for (const diagnostic of diagnostics)
			expect(DiagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
	});

	it.each([
		['line 0', { line: 0 }],
		['a missing file', { file: undefined }],
		['another severity', { severity: 'error' }],
		['no code', { code: undefined }],
		['a code that is not in the catalogue', { code: 'EmptyFile' }],
	])('rejects %s', (_, change) => {
		const warning = {
			severity: 'warning',
			code: 'EmptySeed',
			file: 'a.txt',
			line: 1,
			message: 'the file is empty',
		};
		expect(DiagnosticSchema.safeParse({ ...warning, ...change }).success).toBe(false);
	});
});
