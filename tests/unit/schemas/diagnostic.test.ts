import { describe, expect, it } from 'vitest';
import { buildCollection } from '../../../src/lib/papers/build-collection.ts';
import { DiagnosticSchema } from '../../../src/schemas/diagnostic.ts';
import { readFixtureSeed } from '../../helpers/fixtures.ts';

describe('DiagnosticSchema', () => {
	it('accepts every warning the seeds produce', () => {
		const { diagnostics } = buildCollection(
			['empty.txt', 'stray-text.txt', 'unparseable-block.txt', 'windows-1252.txt'].map((name) => readFixtureSeed(name)),
		);
		expect(diagnostics.map((d) => d.code)).toEqual(['EmptySeed', 'TextOutsideAbstract', 'UnparseableBlock', 'InvalidUtf8']);
		for (const diagnostic of diagnostics) expect(DiagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
	});

	it.each([
		['line 0', { line: 0 }],
		['a missing file', { file: undefined }],
		['another severity', { severity: 'error' }],
		['no code', { code: undefined }],
		['a code that is not in the catalogue', { code: 'EmptyFile' }],
	])('rejects %s', (_, change) => {
		const warning = { severity: 'warning', code: 'EmptySeed', file: 'a.txt', line: 1, message: 'the file is empty' };
		expect(DiagnosticSchema.safeParse({ ...warning, ...change }).success).toBe(false);
	});
});
