import { describe, expect, it } from 'vitest';
import { BuildReportSchema } from '../../../src/schemas/build-report.ts';

const report = {
	seeds: 'seeds',
	papers: 3,
	files: 2,
	abstracts: 4,
	duplicatesMerged: 1,
	mathNotTypeset: 0,
	warnings: [
		{
			severity: 'warning',
			code: 'EmptyAbstract',
			file: 'a.txt',
			line: 2,
			message: 'this "Abstract:" line has no text',
		},
	],
};

describe('BuildReportSchema', () => {
	it('accepts a report', () => {
		expect(BuildReportSchema.parse(report)).toEqual(report);
	});

	it.each([
		['a negative count', { papers: -1 }],
		['a fractional count', { files: 1.5 }],
		[
			'a warning without a line',
			{ warnings: [{ severity: 'warning', file: 'a.txt', message: 'x' }] },
		],
	])('rejects %s', (_, change) => {
		expect(BuildReportSchema.safeParse({ ...report, ...change }).success).toBe(false);
	});
});
