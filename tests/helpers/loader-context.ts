import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { fakeLogger } from './fake-logger.ts';

interface StoredEntry {
	id: string;
	data: Record<string, unknown>;
	filePath?: string;
	digest?: string;
	deferredRender?: boolean;
}

export interface FakeLoaderContext {
	context: LoaderContext;
	entries: Map<string, StoredEntry>;
	/** Every `store.set` call, in order: re-parsed or rewritten entries show up here. */
	sets: string[];
	moduleImports: string[];
	/** What the loader warned about, in order; an error as `error: <message>`. */
	readonly warnings: string[];
}

/**
 * A LoaderContext backed by plain maps, for running a loader outside Astro. Only what
 * content loaders use is implemented; anything else throws so a test notices.
 */
export function fakeLoaderContext(root: string): FakeLoaderContext {
	const entries = new Map<string, StoredEntry>();
	const fake: Omit<FakeLoaderContext, 'context' | 'warnings'> = {
		entries,
		sets: [],
		moduleImports: [],
	};
	const store = {
		get: (id: string) => entries.get(id),
		set: (entry: StoredEntry) => {
			fake.sets.push(entry.id);
			entries.set(entry.id, entry);
			if (entry.deferredRender && entry.filePath) fake.moduleImports.push(entry.filePath);
			return true;
		},
		delete: (id: string) => void entries.delete(id),
		keys: () => [...entries.keys()],
		values: () => [...entries.values()],
		entries: () => [...entries.entries()],
		has: (id: string) => entries.has(id),
		clear: () => entries.clear(),
		addModuleImport: (filePath: string) => void fake.moduleImports.push(filePath),
	};
	const { logger, lines } = fakeLogger();
	const context = {
		collection: 'papers',
		store,
		meta: new Map(),
		logger,
		config: { root: pathToFileURL(root.endsWith('/') ? root : `${root}/`) },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		generateDigest: (data: unknown) =>
			createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16),
		renderMarkdown: () => {
			throw new Error('renderMarkdown is not used by this loader');
		},
	} as unknown as LoaderContext;
	return {
		context,
		...fake,
		get warnings() {
			return lines.flatMap((line) =>
				line.startsWith('warn ')
					? [line.slice(5)]
					: line.startsWith('error ')
						? [`error: ${line.slice(6)}`]
						: [],
			);
		},
	};
}
