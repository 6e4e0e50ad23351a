import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../../src/lib/site/build-summary.ts';
import type { BuildReport } from '../../../src/schemas/build-report.ts';

const warning = {
	severity: 'warning' as const,
	code: 'EmptySeed' as const,
	file: 'a.txt',
	line: 1,
	message: 'the file is empty',
};
const report = (
	papers: number,
	files: number,
	duplicatesMerged: number,
	warnings: number,
): BuildReport => ({
	seeds: 'seeds',
	papers,
	files,
	abstracts: papers + duplicatesMerged,
	duplicatesMerged,
	mathNotTypeset: 0,
	warnings: Array.from({ length: warnings }, () => warning),
});
const NO_SITE = '; no site URL (set ATLAS_SITE), so canonical links, sitemap and feed are left out';

describe('summaryLine', () => {
	it('uses the singular for one of each', () => {
		expect(summaryLine(report(1, 1, 1, 1), 'https://atlas.example.org')).toBe(
			'Abstract Atlas: 1 paper built, 1 file read, 1 duplicate merged, 1 warning.',
		);
	});

	it('uses the plural for zero and for many', () => {
		expect(summaryLine(report(0, 0, 0, 0), 'https://atlas.example.org')).toBe(
			'Abstract Atlas: 0 papers built, 0 files read, 0 duplicates merged, 0 warnings.',
		);
		expect(summaryLine(report(42, 5, 3, 2), 'https://atlas.example.org')).toBe(
			'Abstract Atlas: 42 papers built, 5 files read, 3 duplicates merged, 2 warnings.',
		);
	});

	it.each([undefined, ''])('explains what is left out when the site URL is %j', (site) => {
		expect(summaryLine(report(2, 1, 0, 0), site)).toBe(
			`Abstract Atlas: 2 papers built, 1 file read, 0 duplicates merged, 0 warnings${NO_SITE}.`,
		);
	});

	it('does not mention the site URL when there is one', () => {
		expect(summaryLine(report(2, 1, 0, 0), 'https://atlas.example.org')).not.toContain(
			'ATLAS_SITE',
		);
	});

	it('counts the math shown as TeX source once, after the warnings that name each fragment', () => {
		expect(
			summaryLine({ ...report(3, 1, 0, 2), mathNotTypeset: 2 }, 'https://atlas.example.org'),
		).toBe(
			'Abstract Atlas: 3 papers built, 1 file read, 0 duplicates merged, 2 warnings, 2 math fragments shown as TeX source.',
		);
	});
});
