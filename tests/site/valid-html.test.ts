/**
 * Valid HTML on every built page: the Nu HTML Checker (the W3C validator's engine) over
 * every HTML file of two builds, in one run: the bundled seeds under a base path with a
 * site URL (so canonical links, citation tags and every page type are there) and the
 * hostile fixture seeds. A page with a known error rides along, so a checker that
 * silently checked nothing would fail this test.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOfBuild } from '../helpers/build-site.ts';
import { formatNuErrors, nuCheck, type NuReport } from '../helpers/nu-checker.ts';
import { PROJECT_ROOT, TEST_OUTPUT } from '../helpers/paths.ts';
import { SHARED_BUILDS, SHARED_SITE_URL, sharedSiteOk } from '../helpers/shared-sites.ts';

const ROOT = join(TEST_OUTPUT, 'valid-html');
/** The mistake the issue found on every paper page, in a page of its own. */
const CANARY = 'canary/labelled-pre.html';

let report: NuReport;

beforeAll(async () => {
	await rm(ROOT, { recursive: true, force: true });
	// Copies of the shared builds, so the canary sits beside them and never inside one.
	expect(SHARED_BUILDS['bundled-atlas-site']).toMatchObject({
		base: '/atlas/',
		site: SHARED_SITE_URL,
	});
	await copyOfBuild(sharedSiteOk('bundled-atlas-site'), 'valid-html/bundled');
	await copyOfBuild(sharedSiteOk('fixture'), 'valid-html/hostile');
	await mkdir(join(ROOT, 'canary'), { recursive: true });
	await writeFile(
		join(ROOT, CANARY),
		'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><pre aria-label="BibTeX entry">x</pre></body></html>',
	);
	report = await nuCheck(ROOT);
});

describe('the Nu HTML Checker', () => {
	it('finds the known error in the canary page', () => {
		expect(report.errors.filter((e) => e.file === CANARY).map((e) => e.message)).toEqual([
			expect.stringContaining('aria-label'),
		]);
	});

	it('checked every page type of both builds', () => {
		const types = [
			'index.html',
			'search/index.html',
			'topics/index.html',
			'authors/index.html',
			'categories/index.html',
			...(existsSync(join(PROJECT_ROOT, 'src/pages/404.astro')) ? ['404.html'] : []),
		];
		const termPages = [
			/^topics\/[^/]+\/index\.html$/u,
			/^authors\/[^/]+\/index\.html$/u,
			/^categories\/[^/]+\/index\.html$/u,
		];
		const paperPages = [/^papers\/[^/]+\/index\.html$/u, /^p\/[0-9a-f]{12}\/index\.html$/u];
		// The hostile seeds are too few for topics; the bundled ones have every kind of page.
		for (const [build, patterns] of [
			['bundled', [...paperPages, ...termPages]],
			['hostile', paperPages],
		] as const) {
			for (const type of types)
				expect(report.files, `${build}/${type}`).toContain(`${build}/${type}`);
			for (const pattern of patterns) {
				expect(
					report.files.some(
						(file) => file.startsWith(`${build}/`) && pattern.test(file.slice(build.length + 1)),
					),
					`${build}: ${pattern}`,
				).toBe(true);
			}
		}
		expect(report.files.filter((file) => file.startsWith('bundled/papers/')).length).toBe(39);
	});

	it('reports no error on any built page', () => {
		expect(formatNuErrors(report.errors.filter((e) => e.file !== CANARY))).toEqual([]);
	});
});
