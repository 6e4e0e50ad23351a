/**
 * The glue around Pagefind's Component UI: it loads the UI only when search is first
 * opened (or on /search/), opens it with `/` and Ctrl/⌘+K, fills and runs `?q=` on
 * /search/, keeps the URL in step with the query, and turns on term highlighting on
 * the page a result leads to. In `astro dev` there is no index, so it says where
 * search works instead of failing.
 */
import { HIGHLIGHT_PARAM, pagefindBundlePath } from '../lib/site/search-config.ts';

interface PagefindInstance {
	triggerSearch(term: string): void;
	on(event: 'search', callback: (term: string) => void): void;
	on(event: 'results', callback: () => void): void;
}

declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
		PagefindHighlight?: new (options: { highlightParam: string; addStyles?: boolean }) => unknown;
	}
}

const bundle = pagefindBundlePath(import.meta.env.BASE_URL);
const UNAVAILABLE = 'Search works in the built site: run npm run build, then npm run preview.';
let componentUI: Promise<void> | undefined;

function loadComponentUI(): Promise<void> {
	if (import.meta.env.DEV) return Promise.reject(new Error('There is no search index in astro dev.'));
	componentUI ??= new Promise<void>((resolve, reject) => {
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = `${bundle}pagefind-component-ui.css`;
		const script = document.createElement('script');
		script.src = `${bundle}pagefind-component-ui.js`;
		script.onload = () => resolve();
		script.onerror = () => reject(new Error(`Could not load ${script.src}`));
		document.head.append(css, script);
	});
	return componentUI;
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
	return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Where /search/ stacks the filters above the results (global.css, .search-columns). */
const STACKED = '(max-width: 40rem)';

async function initSearchPage(page: HTMLElement): Promise<void> {
	// Stacked on a phone, twenty open topic filters pushed every result below the first
	// screen: there the groups start folded (Pagefind opens those of up to six filters).
	if (matchMedia(STACKED).matches) page.querySelector('pagefind-filter-pane')?.removeAttribute('expanded');
	try {
		await loadComponentUI();
	} catch {
		showUnavailable();
		return;
	}
	await customElements.whenDefined('pagefind-input');
	const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
	const query = new URLSearchParams(location.search).get('q')?.trim();
	if (instance && query) {
		// /search/ first lists everything (faceted mode); run ?q= once that has arrived, or it is overwritten.
		await new Promise<void>((resolve) => {
			instance.on('results', () => resolve());
			setTimeout(resolve, 5000);
		});
		// The box shows a search run elsewhere only while it is not focused: run ?q= first, then focus.
		instance.triggerSearch(query);
	}
	(await rendered(inlineInput))?.focus();
	// Keep ?q= in step with the box, so a search can be linked and survives a reload.
	instance?.on('search', (term) => {
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
		if (window.PagefindHighlight) new window.PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
	} catch {
		// Highlighting is a nicety; the page reads the same without it.
	}
}

export function initSearch(): void {
	for (const button of document.querySelectorAll('[data-atlas-search-open]')) button.addEventListener('click', openSearch);
	document.addEventListener('keydown', (event) => {
		const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
		const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
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
