/**
 * Git-ignored folder, inside the project root, for generated MDX and the loader's
 * report. Shared by the loader and the integration so that they agree on it.
 */
export const GENERATED_DIR = '.atlas';

/** The component every generated MDX file renders the abstract through. */
export const ABSTRACT_COMPONENT = 'src/components/AbstractBody.astro';

/** Where the loader leaves its report for the build summary, inside the generated folder. */
export const REPORT_FILE = 'report.json';

/**
 * The loader's export of the whole collection, inside the generated folder: the build
 * writes each paper's short link and citation files from it, and the dev server serves them.
 */
export const PAPERS_EXPORT_FILE = 'papers.json';
