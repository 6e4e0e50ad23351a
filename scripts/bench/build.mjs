// Runs one `astro build` and measures it from outside: wall time, the peak memory of each
// process of its tree (sampled from /proc), and the time of each phase read from its log.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE_MS = 100;

/** Fields of /proc/<pid>/stat, or undefined once the process is gone. */
function statOf(pid) {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// comm is in parentheses and may hold spaces: the fields after the last ')' are fixed.
		const close = text.lastIndexOf(')');
		return {
			comm: text.slice(text.indexOf('(') + 1, close),
			ppid: Number(text.slice(close + 2).split(' ')[1]),
		};
	} catch {
		return undefined;
	}
}

/** Peak resident memory so far (VmHWM, kB) of a live process. */
function peakKb(pid) {
	try {
		return Number(/^VmHWM:\s+(\d+)/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
}

/** The pids under `root` (itself included), from one scan of /proc. */
function treeOf(root) {
	const children = new Map();
	const names = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/u.test(entry)) continue;
		const stat = statOf(entry);
		if (!stat) continue;
		names.set(Number(entry), stat.comm);
		const list = children.get(stat.ppid) ?? [];
		list.push(Number(entry));
		children.set(stat.ppid, list);
	}
	const tree = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.shift();
		tree.push({ pid, comm: names.get(pid) ?? '?' });
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

/**
 * Samples the tree of `root` every 100 ms and keeps, per executable name, the largest
 * VmHWM of any one process of that name. VmHWM only grows, so a sample misses at most a
 * peak reached in the last 100 ms of a process's life. /usr/bin/time would only give the
 * largest single process, mixing Node's and Pagefind's memory up.
 */
function sampleMemory(root) {
	const peaks = new Map();
	const sample = () => {
		for (const { pid, comm } of treeOf(root)) {
			const name = pid === root ? 'build' : comm;
			peaks.set(name, Math.max(peaks.get(name) ?? 0, peakKb(pid)));
		}
	};
	sample();
	const timer = setInterval(sample, SAMPLE_MS);
	return () => {
		clearInterval(timer);
		return Object.fromEntries(peaks);
	};
}

/**
 * One build. `cold` deletes Astro's cache (.astro/), the generated MDX (.atlas/) and the
 * output first, as a first build on a fresh checkout would find them. Every line of the
 * log is kept with the moment it arrived, so phases are timed to the millisecond even
 * where Astro prints whole-second timestamps only.
 */
export function runBuild({ root, seedsDir, outDir, logFile, cold }) {
	if (cold)
		for (const dir of [join(root, '.astro'), join(root, '.atlas'), outDir])
			rmSync(dir, { recursive: true, force: true });
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(
			process.execPath,
			[join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
			{
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ATLAS_SEEDS: seedsDir },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		const stopSampling = sampleMemory(child.pid);
		const lines = [];
		// Written as it comes, so a long build can be followed with tail -f.
		const log = createWriteStream(logFile);
		// A chunk may end mid-line: the unfinished part of each stream waits for its next chunk.
		const partial = { stdout: '', stderr: '' };
		const onData = (stream) => (buffer) => {
			const at = performance.now() - started;
			log.write(buffer);
			const parts = (partial[stream] + buffer.toString('utf8')).split('\n');
			partial[stream] = parts.pop();
			for (const text of parts) if (text.trim()) lines.push({ at, text });
		};
		child.stdout.on('data', onData('stdout'));
		child.stderr.on('data', onData('stderr'));
		child.on('close', (code) => {
			const ms = performance.now() - started;
			const memory = stopSampling();
			log.end();
			for (const text of Object.values(partial)) if (text.trim()) lines.push({ at: ms, text });
			if (code !== 0) fail(new Error(`astro build failed (exit ${code}); see ${logFile}`));
			else {
				const summary = plain(lines.find((l) => l.text.includes('Abstract Atlas:'))?.text ?? '');
				done({
					ms,
					memory,
					phases: phasesOf(lines, ms),
					built: Number(/(\d+) papers built/u.exec(summary)?.[1] ?? Number.NaN),
				});
			}
		});
	});
}

// Astro colours its log when it thinks a terminal is attached; the patterns match plain text.
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/gu, '');
// Astro and Vite print durations as "805ms", "1.17s" or, past a minute, "1m 35s".
const DURATION = /((?:\d+m\s*)?[\d.]+(?:ms|s)|\d+m)\b/u;
function durationMs(text) {
	const [, minutes = '0', value = '0', unit = 's'] =
		/^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/u.exec(text.trim()) ?? [];
	return Number(minutes) * 60_000 + Number(value) * (unit === 's' ? 1000 : 1);
}

/**
 * Phase durations (ms) from the log. Where Astro prints a duration of its own, that is
 * used; otherwise the gap between the arrival of two lines.
 */
function phasesOf(lines, totalMs) {
	const find = (pattern, from = 0) => {
		for (let i = from; i < lines.length; i++) if (pattern.test(plain(lines[i].text))) return i;
		return -1;
	};
	const phases = {};
	const syncing = find(/\[content\] Syncing content/u);
	const synced = find(/\[content\] Synced content/u, syncing + 1);
	if (syncing >= 0 && synced >= 0) phases.content = lines[synced].at - lines[syncing].at;
	// Vite runs one bundle per environment (server, client): each prints "✓ built in X".
	let bundling = 0;
	for (const { text } of lines) {
		const match = new RegExp(`\\[vite\\] ✓ built in ${DURATION.source}`, 'u').exec(plain(text));
		if (match) bundling += durationMs(match[1]);
	}
	if (bundling) phases.bundling = bundling;
	const routes = find(/generating static routes/u);
	const completed = new RegExp(`✓ Completed in ${DURATION.source}`, 'u');
	const routesDone = find(completed, routes + 1);
	if (routes >= 0 && routesDone >= 0)
		phases.routes = durationMs(completed.exec(plain(lines[routesDone].text))[1]);
	const search = find(/Search: indexed \d+ pages in \d+ ms/u);
	if (search >= 0) {
		phases.pagefind = Number(/in (\d+) ms/u.exec(plain(lines[search].text))[1]);
		phases.pages = Number(/indexed (\d+) pages/u.exec(plain(lines[search].text))[1]);
	}
	// Node and Astro starting up, and config and types, before content is read.
	if (syncing >= 0) phases.startup = lines[syncing].at;
	phases.other =
		totalMs -
		['startup', 'content', 'bundling', 'routes', 'pagefind'].reduce(
			(sum, k) => sum + (phases[k] ?? 0),
			0,
		);
	return phases;
}
