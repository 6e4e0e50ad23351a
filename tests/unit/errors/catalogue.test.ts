import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstroError, AstroErrorData } from 'astro/errors';
import { describe, expect, it } from 'vitest';
import { toAstroError } from '../../../src/integrations/astro-errors.ts';
import { AtlasError, atlasError } from '../../../src/lib/errors/atlas-error.ts';
import { DIAGNOSTIC_CODES } from '../../../src/lib/errors/diagnostic-codes.ts';
import { ATLAS_ERRORS, SeedsFolderMissing } from '../../../src/lib/errors/error-data.ts';

const ROOT = new URL('../../../', import.meta.url);
const README = readFileSync(new URL('README.md', ROOT), 'utf8');

/** The names in one column of the README table whose heading row starts with `first`. */
function tableColumn(first: string, column = 0): string[] {
	const lines = README.split('\n');
	const start = lines.findIndex((line) => line.startsWith(`| ${first} |`));
	expect(start, `a README table whose first column is "${first}"`).toBeGreaterThan(-1);
	const rows: string[] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		rows.push(
			...line
				.split('|')
				[column + 1]!.split(',')
				.map((cell) => cell.trim().replace(/^`|`$/gu, '')),
		);
	}
	return rows;
}

describe('the error catalogue', () => {
	it('names each entry by its key, once, in PascalCase, with a title and a hint', () => {
		for (const [key, entry] of Object.entries(ATLAS_ERRORS)) {
			expect(entry.name).toBe(key);
			expect(entry.name).toMatch(/^[A-Z][A-Za-z0-9]+$/u);
			expect(entry.title.length, key).toBeGreaterThan(10);
			expect(entry.hint, key).toBeTruthy();
		}
	});

	it("shares no name with Astro's own errors, for which Astro would print a link to the wrong documentation", () => {
		const astroNames = new Set(Object.values(AstroErrorData).map((entry) => entry.name));
		expect(astroNames.size).toBeGreaterThan(50);
		expect(Object.keys(ATLAS_ERRORS).filter((name) => astroNames.has(name))).toEqual([]);
	});

	it('is where every build-stopping error of src/ comes from', () => {
		const files = readdirSync(new URL('src/', ROOT), { recursive: true, encoding: 'utf8' }).filter(
			(file) => /\.(?:ts|mjs|astro)$/u.test(file) && !file.startsWith('scripts/'),
		);
		const plain = files.filter((file) =>
			/throw new (?:Type|Range)?Error\(/u.test(
				readFileSync(join(new URL('src/', ROOT).pathname, file), 'utf8'),
			),
		);
		expect(plain).toEqual([]);
		expect(readFileSync(new URL('astro.config.mjs', ROOT), 'utf8')).not.toMatch(
			/throw new Error\(/u,
		);
	});

	it('is listed in the README, entry by entry', () => {
		expect(tableColumn('error').sort()).toEqual(Object.keys(ATLAS_ERRORS).sort());
	});
});

describe('seed warning codes', () => {
	it('are listed in the README table of seed problems, and only they', () => {
		expect(tableColumn('problem', 1).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
	});
});

describe('toAstroError', () => {
	it("turns a catalogue error into Astro's, which Astro prints as [Name] message and the hint", () => {
		const cause = new Error('ENOENT');
		const error = toAstroError(atlasError(SeedsFolderMissing, ['/data/seeds'], { cause }));
		expect(AstroError.is(error)).toBe(true);
		expect(error).toMatchObject({
			name: 'SeedsFolderMissing',
			title: SeedsFolderMissing.title,
			message: 'The seeds folder /data/seeds does not exist.',
			hint: SeedsFolderMissing.hint,
			cause,
		});
	});

	it('keeps the stack of the throw site, where Astro reads the location it prints', () => {
		const error = toAstroError(atlasError(SeedsFolderMissing, ['/x'])) as Error;
		expect(error.stack?.split('\n')[1]).toContain('errors/catalogue.test.ts');
	});

	it('leaves any other error as it was', () => {
		const other = new Error('service died');
		expect(toAstroError(other)).toBe(other);
		expect(new AtlasError({ name: 'X', title: 'T', message: 'm', hint: 'h' })).toBeInstanceOf(
			Error,
		);
	});
});
