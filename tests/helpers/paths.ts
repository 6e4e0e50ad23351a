import { fileURLToPath } from 'node:url';

/** The project root, for running the real build. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Seed fixtures, one file per case, named after the case. */
export const FIXTURE_SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
/** LaTeX parser and typesetter inputs, one paragraph per file, named after the case. */
export const FIXTURE_LATEX = fileURLToPath(new URL('../fixtures/latex/', import.meta.url));
/** The bundled seeds the site builds by default. */
export const BUNDLED_SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
/** Git-ignored scratch space for builds made by tests. */
export const TEST_OUTPUT = fileURLToPath(new URL('../.output/', import.meta.url));
/** A small seeds folder with hostile text, both formats, a duplicate and a bad line. */
export const SITE_SEEDS = fileURLToPath(new URL('../fixtures/site-seeds/', import.meta.url));
/** LaTeX as arXiv writes it: math and accents in real titles and names, operators between numbers. */
export const REAL_LATEX_SEEDS = fileURLToPath(new URL('../fixtures/real-latex/', import.meta.url));
