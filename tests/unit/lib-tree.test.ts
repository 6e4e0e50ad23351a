import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = new URL('../../src/lib/', import.meta.url).pathname;
const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((file) =>
	file.endsWith('.ts'),
);

describe('src/lib', () => {
	it('has every module in a folder named after its stage of the data path', () => {
		expect(files.length).toBeGreaterThan(40);
		expect(files.filter((file) => !file.includes('/'))).toEqual([]);
		expect(readdirSync(LIB).filter((entry) => !statSync(join(LIB, entry)).isDirectory())).toEqual(
			[],
		);
	});

	it('imports nothing from Astro, so the pipeline runs as plain code in tests and tools', () => {
		const astroImports = files.filter((file) =>
			/from\s+['"]astro(?:[:/'"])/u.test(readFileSync(join(LIB, file), 'utf8')),
		);
		expect(astroImports).toEqual([]);
	});
});
