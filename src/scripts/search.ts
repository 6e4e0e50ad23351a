/**
 * The glue around Pagefind's Component UI: it loads the UI only when search is first
 * opened (or on /search/), opens it with `/` and Ctrl/⌘+K, fills and runs `?q=` on
 * /search/, keeps the URL in step with the query, loads the filters only when the
 * reader opens the filter pane, and turns on term highlighting on the page a result
 * leads to. In `astro dev` there is no index, so it says where search works instead of
 * failing.
 */
import { HIGHLIGHT_PARAM, pagefindBundlePath } from '../lib/site/search-config.ts';

type FilterCounts = Record<string, Record<string, number>>;

/** The part of Pagefind's search API (`pagefind.js`) that the Component UI calls. */
interface PagefindApi {
	search(term: string | null, options?: object): Promise<unknown>;
	filters(): Promise<FilterCounts>;
}

interface PagefindInstance {
	searchTerm: string;
	pagefindOptions: object;
	/** Pagefind 1.6's slot for the instance's search API: not public, see installSearchApi. */
	__pagefind__?: PagefindApi | null;
	triggerSearch(term: string): void;
	on(event: 'search', callback: (term: string) => void): void;
	on(event: 'results' | 'filters', callback: () => void): void;
}

declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
		PagefindHighlight?: new (options: { highlightParam: string; addStyles?: boolean }) => unknown;
	}
}

const bundle = pagefindBundlePath(import.meta.env.BASE_URL);
const UNAVAILABLE = 'Search works in the built site: run npm run build, then npm run preview.';
let componentUI: Promise<PagefindInstance | undefined> | undefined;
/** Set once the reader opens the filter pane: until then no filter file is downloaded. */
let filtersWanted = false;

function loadComponentUI(): Promise<PagefindInstance | undefined> {
	if (import.meta.env.DEV)
		return Promise.reject(new Error('There is no search index in astro dev.'));
	componentUI ??= new Promise<PagefindInstance | undefined>((resolve, reject) => {
		// The search API downloads alongside the UI rather than after it.
		const api = import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<{
			createInstance(options: object): PagefindApi;
		}>;
		api.catch(() => undefined);
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = `${bundle}pagefind-component-ui.css`;
		const script = document.createElement('script');
		script.src = `${bundle}pagefind-component-ui.js`;
		script.onload = () => {
			const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
			if (instance) installSearchApi(instance, api);
			api.then(() => resolve(instance), reject);
		};
		script.onerror = () => reject(new Error(`Could not load ${script.src}`));
		document.head.append(css, script);
	});
	return componentUI;
}

/**
 * Pagefind 1.6's Component UI asks for every filter's counts as soon as it loads the index,
 * which downloads every filter file (author, category, topic: 91 KiB gzip at 10,000 papers,
 * more than the index chunks and results of a first search) although no filter is shown.
 * It skips its own loading when the instance already holds a search API, so it is given
 * one here whose filters() answers nothing until the filter pane is opened; searches go
 * to Pagefind unchanged. `__pagefind__` is not a public option: if an update renames it,
 * nothing is installed, filters load eagerly again, and tests/browser/search.test.ts fails
 * on the filter requests made before the pane is opened.
 */
function installSearchApi(
	instance: PagefindInstance,
	module: Promise<{ createInstance(options: object): PagefindApi }>,
): void {
	if (!('__pagefind__' in instance) || instance.__pagefind__) return;
	let created: Promise<PagefindApi> | undefined;
	// Created on first use, once the page's <pagefind-config> has set the options.
	const api = (): Promise<PagefindApi> =>
		(created ??= module.then((m) => m.createInstance({ ...instance.pagefindOptions })));
	instance.__pagefind__ = {
		search: async (term, options) => (await api()).search(term, options),
		filters: async () => (filtersWanted ? (await api()).filters() : {}),
	};
}

function showUnavailable(): void {
	for (const status of document.querySelectorAll<HTMLElement>('[data-atlas-search-status]')) {
		status.textContent = UNAVAILABLE;
		status.hidden = false;
	}
}

function inlineInput(): HTMLInputElement | null {
	return document.querySelector<HTMLInputElement>('[data-atlas-search-page] pagefind-input input');
}

async function openModal(): Promise<void> {
	try {
		await loadComponentUI();
	} catch {
		showUnavailable();
		return;
	}
	if (!document.querySelector('pagefind-modal')) {
		const template = document.querySelector<HTMLTemplateElement>('#atlas-search-modal');
		if (template) document.body.append(template.content.cloneNode(true));
	}
	await customElements.whenDefined('pagefind-modal');
	(document.querySelector('pagefind-modal') as (HTMLElement & { open(): void }) | null)?.open();
}

function openSearch(): void {
	const input = inlineInput();
	if (input) input.focus();
	else void openModal();
}

function isTyping(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLElement &&
		(target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
	);
}

/** Where /search/ stacks the filters above the results (global.css, .search-columns). */
const STACKED = '(max-width: 40rem)';

/**
 * The filter pane is folded in a <details> and created on first open: only then are the
 * filter files downloaded (installSearchApi), and the current search is run again so
 * that its results bring the counts the pane shows.
 */
function initFilters(page: HTMLElement, instance: PagefindInstance): void {
	const details = page.querySelector<HTMLDetailsElement>('[data-atlas-filters]');
	if (!details) return;
	details.hidden = false;
	details.addEventListener('toggle', async () => {
		if (!details.open || details.querySelector('pagefind-filter-pane')) return;
		const status = document.createElement('p');
		status.className = 'search-unavailable';
		status.setAttribute('role', 'status');
		status.textContent = 'Loading the filters…';
		const pane = document.createElement('pagefind-filter-pane');
		// Stacked on a phone, twenty open topic filters pushed every result below the first
		// screen: there the groups start folded (Pagefind opens those of up to six filters).
		if (!matchMedia(STACKED).matches) pane.setAttribute('expanded', '');
		details.append(status, pane);
		instance.on('filters', () => status.remove());
		filtersWanted = true;
		try {
			await instance.__pagefind__?.filters();
		} catch {
			status.textContent = 'The filters could not be loaded. Reload the page to try again.';
			return;
		}
		instance.triggerSearch(instance.searchTerm);
	});
}

async function initSearchPage(page: HTMLElement): Promise<void> {
	let instance: PagefindInstance | undefined;
	try {
		instance = await loadComponentUI();
	} catch {
		showUnavailable();
		return;
	}
	await customElements.whenDefined('pagefind-input');
	if (!instance) return;
	initFilters(page, instance);
	// With no query, faceted mode lists every paper; the box shows a search run elsewhere
	// only while it is not focused: run ?q= first, then focus.
	instance.triggerSearch(new URLSearchParams(location.search).get('q')?.trim() ?? '');
	(await rendered(inlineInput))?.focus();
	// Keep ?q= in step with the box, so a search can be linked and survives a reload.
	instance.on('search', (term) => {
		const url = new URL(location.href);
		if (term) url.searchParams.set('q', term);
		else url.searchParams.delete('q');
		history.replaceState(history.state, '', url);
	});
	page.dataset['ready'] = 'true';
}

/** Waits a few frames for an element that a component renders after it upgrades. */
async function rendered<T>(find: () => T | null, frames = 60): Promise<T | null> {
	for (let i = 0; i < frames; i++) {
		const found = find();
		if (found) return found;
		await new Promise((resolve) => requestAnimationFrame(resolve));
	}
	return find();
}

async function highlightTerms(): Promise<void> {
	if (import.meta.env.DEV || !new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
	try {
		await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`);
		// addStyles: false, since Pagefind would add its colours as an inline <style> the CSP refuses;
		// global.css styles the marks instead.
		if (window.PagefindHighlight)
			new window.PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
	} catch {
		// Highlighting is a nicety; the page reads the same without it.
	}
}

export function initSearch(): void {
	for (const button of document.querySelectorAll('[data-atlas-search-open]'))
		button.addEventListener('click', openSearch);
	document.addEventListener('keydown', (event) => {
		const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
		const slash =
			event.key === '/' &&
			!event.ctrlKey &&
			!event.metaKey &&
			!event.altKey &&
			!isTyping(event.target);
		if (!shortcut && !slash) return;
		if (document.querySelector('pagefind-modal dialog[open]')) return;
		event.preventDefault();
		openSearch();
	});
	const page = document.querySelector<HTMLElement>('[data-atlas-search-page]');
	if (page) void initSearchPage(page);
	void highlightTerms();
	// The button works from here on (in dev, this module can arrive well after the page).
	document.documentElement.dataset['atlasSearch'] = 'ready';
}
