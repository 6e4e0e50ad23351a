import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedFile } from '../../src/lib/papers/assemble-papers.ts';
import { FIXTURE_LATEX, FIXTURE_SEEDS } from './paths.ts';

/** A seed fixture's bytes exactly as stored (BOM, CRLF and non-UTF-8 bytes included). */
export function fixtureBytes(name: string): Uint8Array {
	return new Uint8Array(readFileSync(join(FIXTURE_SEEDS, name)));
}

/**
 * A UTF-8 seed fixture's text exactly as stored: a byte-order mark is kept, so the code
 * under test has to deal with it. Throws for fixtures that are not UTF-8 (use fixtureBytes).
 */
export function fixtureText(name: string): string {
	return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(fixtureBytes(name));
}

/** A fixture as the loader hands it over; `file` defaults to the fixture's name (pass another to "rename" it). */
export function readFixtureSeed(name: string, file = name): SeedFile {
	return { file, bytes: fixtureBytes(name) };
}

/**
 * tests/fixtures/latex/<name>.txt: one paragraph of abstract text, as the parser gets
 * it from a seed (the file's final newline is not part of the paragraph).
 */
export function latexFixture(name: string): string {
	return readFileSync(join(FIXTURE_LATEX, `${name}.txt`), 'utf8').replace(/\n$/u, '');
}
