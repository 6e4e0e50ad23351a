import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/pipeline/run-pipeline.ts';
import { DiagnosticSchema } from '../../../src/schemas/diagnostic.ts';
import { readFixtureSeed } from '../../helpers/fixtures.ts';

describe('DiagnosticSchema', () => {
	it('accepts every warning the seeds produce', () => {
		const { diagnostics } = runPipeline({
			seeds: ['empty.txt', 'stray-text.txt', 'unparseable-block.txt', 'windows-1252.txt'].map((name) => readFixtureSeed(name)),
		});
		expect(diagnostics).toHaveLength(4);
		for (const diagnostic of diagnostics) expect(DiagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
	});

	it.each([
		['line 0', { line: 0 }],
		['a missing file', { file: undefined }],
		['another severity', { severity: 'error' }],
	])('rejects %s', (_, change) => {
		const warning = { severity: 'warning', file: 'a.txt', line: 1, message: 'the file is empty' };
		expect(DiagnosticSchema.safeParse({ ...warning, ...change }).success).toBe(false);
	});
});
