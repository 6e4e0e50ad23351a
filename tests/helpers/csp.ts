import type { ConsoleMessage, Page } from 'playwright-core';

/** What a page's Content-Security-Policy refused while it was watched. */
export interface CspWatch {
	/**
	 * Every `securitypolicyviolation` event any document of the page fired, as
	 * "directive blocked-uri (source:line) on page-url", then every console message or
	 * page error about the policy, in the order they came. Empty when nothing was refused.
	 */
	violations(): string[];
	/** Settles once the recorder is installed in the page; await it before the first navigation to be sure. */
	ready: Promise<void>;
}

/** Prefix of the console lines the init script writes; a page's own logs never start with it. */
const MARK = '[atlas-csp-violation]';

/** Chromium's words for a refusal, in a console message or a thrown error (WebAssembly). */
const CSP_TEXT = /Content[- ]Security[- ]Policy|'(?:wasm-)?unsafe-eval'/iu;

/**
 * Records everything the page's CSP refuses, across navigations: an init script
 * listens for `securitypolicyviolation` in every document (frames included), and the
 * console and uncaught errors are read for Chromium's own CSP messages, which also
 * cover what no event reports (WebAssembly refused, a worker's refusals). Call it on a
 * fresh page before navigating; assert `violations()` is empty after the visit.
 */
export function watchCsp(page: Page): CspWatch {
	const found: string[] = [];
	const installed = page.addInitScript((mark: string) => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '';
			console.info(
				`${mark} ${event.effectiveDirective} ${event.blockedURI || '(inline)'}${where} on ${event.documentURI}`,
			);
		});
	}, MARK);
	const fromConsole = (message: ConsoleMessage) => {
		const text = message.text();
		if (text.startsWith(MARK)) found.push(text.slice(MARK.length + 1));
		else if (CSP_TEXT.test(text)) found.push(`console ${message.type()}: ${text}`);
	};
	page.on('console', fromConsole);
	page.on('pageerror', (error) => {
		if (CSP_TEXT.test(error.message)) found.push(`page error: ${error.message}`);
	});
	page.on('worker', (worker) => worker.on('console', fromConsole));
	return { violations: () => [...found], ready: installed.then(() => undefined) };
}
