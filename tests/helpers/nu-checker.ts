import { spawn, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

/** The Nu HTML Checker's jar as the vnu-jar package ships it; run with the machine's Java, never a downloaded one. */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
	type: string;
	subType?: string;
	/** The checked file, relative to the folder given to `nuCheck`. */
	file: string;
	line: number | undefined;
	message: string;
	extract: string | undefined;
}

export interface NuReport {
	/** Every HTML file handed to the checker, relative to the folder. */
	files: string[];
	/** Errors (and fatal errors) only: warnings are not asked for. */
	errors: NuMessage[];
}

/** Every .html file under a folder, sorted, as paths relative to it. */
async function htmlFiles(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)))
		.sort();
}

/**
 * Checks every HTML file under `folder` in one JVM run (the checker takes seconds to
 * start, so never one run per page) and returns its errors with the file and line.
 */
export async function nuCheck(folder: string): Promise<NuReport> {
	const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
	if (java.error || java.status !== 0) {
		throw new Error(
			'Java was not found. Install it with "apt-get install -y default-jre-headless" (as .ci/run does).',
		);
	}
	const files = await htmlFiles(folder);
	if (files.length === 0) throw new Error(`no HTML files under ${folder}`);
	const output = await new Promise<string>((resolve, reject) => {
		const child = spawn('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
			cwd: folder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		// The JSON report goes to stderr; stdout stays empty.
		child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.on('error', reject);
		child.on('close', () => resolve(text));
	});
	let report: {
		messages: {
			type: string;
			subType?: string;
			url?: string;
			lastLine?: number;
			message: string;
			extract?: string;
		}[];
	};
	try {
		report = JSON.parse(output) as typeof report;
	} catch {
		throw new Error(`the Nu HTML Checker did not report JSON:\n${output.slice(0, 2000)}`);
	}
	const errors = report.messages
		.filter((m) => m.type === 'error' || m.type === 'non-document-error')
		.map((m) => ({
			type: m.type,
			...(m.subType ? { subType: m.subType } : {}),
			file: m.url ? relative(folder, decodeURIComponent(new URL(m.url).pathname)) : '(no file)',
			line: m.lastLine,
			message: m.message,
			extract: m.extract,
		}));
	return { files, errors };
}

/** One line per error, `file:line: message`, for a failing assertion a person can act on. */
export function formatNuErrors(errors: readonly NuMessage[]): string[] {
	return errors.map((e) => `${e.file}:${e.line ?? '?'}: ${e.message}`);
}
