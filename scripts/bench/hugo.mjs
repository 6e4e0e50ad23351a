// The same collection built by Hugo, then indexed by Pagefind's CLI: a reference point
// for "is our build slow?" from a generator known to be fast.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from '../../src/lib/seeds/parse-seed.ts';

const STOP = new Set(
	'about above after again against among also based been being between both could does each from have here into more most only other over paper such than that their them then there these they this those through under using very were what when where which while with within without would show shows study present results model models'.split(
		' ',
	),
);

/** The 3 most frequent words of 4+ letters that are not stop-words: a crude but fast tag set. */
function tagsOf(text) {
	const counts = new Map();
	for (const w of text
		.replace(/\$[^$]*\$/gu, ' ')
		.toLowerCase()
		.match(/\b[a-z]{4,}\b/gu) ?? []) {
		if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
	}
	return [...counts]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, 3)
		.map(([w]) => w);
}

const LAYOUT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>`;
const TEMPLATES = {
	'layouts/_default/single.html': `${LAYOUT}<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}<p>{{ range .Params.tags }}<a href="{{ "/tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p></main></body></html>\n`,
	'layouts/_default/list.html': `${LAYOUT}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n`,
	'layouts/index.html': `${LAYOUT}<h1>Papers</h1><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n`,
};

/** One Markdown page per abstract (duplicates merged), written file by file. */
function writeSite(siteDir, seedsDir) {
	rmSync(siteDir, { recursive: true, force: true });
	mkdirSync(join(siteDir, 'content/papers'), { recursive: true });
	writeFileSync(
		join(siteDir, 'hugo.toml'),
		`baseURL = "/"\ntitle = "Bench"\ndisableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n[taxonomies]\ntag = "tags"\n`,
	);
	for (const [path, text] of Object.entries(TEMPLATES)) {
		mkdirSync(join(siteDir, path, '..'), { recursive: true });
		writeFileSync(join(siteDir, path), text);
	}
	const written = new Set();
	for (const file of readdirSync(seedsDir)
		.filter((f) => f.endsWith('.txt'))
		.sort()) {
		for (const a of parseSeed(readFileSync(join(seedsDir, file), 'utf8'), file).abstracts) {
			const text = a.paragraphs.join('\n\n');
			if (written.has(text)) continue;
			const name = `p${written.size}`;
			written.add(text);
			const title = (a.title ?? text.slice(0, 70)).replace(/["\\]/gu, '');
			// Math is left as source: Hugo has no Temml, and escaping it keeps Markdown from reading `_` as emphasis.
			const body = text.replace(/[\\`*_[\]<>]/gu, (c) => `\\${c}`);
			writeFileSync(
				join(siteDir, 'content/papers', `${name}.md`),
				`---\ntitle: "${title}"\ntags: ${JSON.stringify(tagsOf(text))}\n---\n\n${body}\n`,
			);
		}
	}
	return written.size;
}

/** Runs a command and returns its wall time in ms; throws with its output when it fails. */
function timed(command, args, options) {
	const started = performance.now();
	const run = spawnSync(command, args, {
		...options,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	if (run.status !== 0)
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${run.status}): ${run.stderr || run.stdout}`,
		);
	return performance.now() - started;
}

export function hugoAvailable() {
	return spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
}

/** Builds the collection with Hugo, then Pagefind's CLI over Hugo's output. */
export function hugoBuild({ root, seedsDir, work }) {
	const siteDir = join(work, 'hugo');
	const pages = writeSite(siteDir, seedsDir);
	const publicDir = join(siteDir, 'public');
	const hugoMs = timed('hugo', ['--quiet', '--source', siteDir, '--destination', publicDir], {
		cwd: siteDir,
	});
	const pagefindMs = timed(join(root, 'node_modules/.bin/pagefind'), ['--site', publicDir], {
		cwd: siteDir,
	});
	return { pages, hugoMs, pagefindMs };
}
