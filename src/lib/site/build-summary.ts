import type { BuildReport } from '../../schemas/build-report.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The one line a build ends with: what a person checks after every build (did all
 * papers make it, were there problems), and the reason absolute URLs are missing.
 */
export function summaryLine(report: BuildReport, site: string | undefined): string {
	const parts = [
		`${plural(report.papers, 'paper')} built`,
		`${plural(report.files, 'file')} read`,
		`${plural(report.duplicatesMerged, 'duplicate')} merged`,
		plural(report.warnings.length, 'warning'),
	];
	// One count of math left as source, which the warnings above name by file and line.
	if (report.mathNotTypeset > 0)
		parts.push(`${plural(report.mathNotTypeset, 'math fragment')} shown as TeX source`);
	const noSite = site
		? ''
		: '; no site URL (set ATLAS_SITE), so canonical links, sitemap and feed are left out';
	return `Abstract Atlas: ${parts.join(', ')}${noSite}.`;
}
