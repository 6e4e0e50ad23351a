import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium; installed by .ci/run. Never a downloaded browser. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium for this machine: no sandbox when running as root, and
 * no background traffic towards the (closed) network.
 */
export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium was not found at ${CHROMIUM}. Install it with "apt-get install -y chromium" (as .ci/run does) or set CHROMIUM_PATH.`,
		);
	}
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--no-first-run',
		],
	});
}

/** Registers something to close when the file's tests are done. */
export type OnClose = (close: () => unknown) => void;

export interface BrowserSuite {
	/** The file's Chromium; throws when it did not start. */
	browser(): Browser;
}

/**
 * For a test file that serves something and reads it in Chromium: a beforeAll runs
 * `setup` (which registers what it starts with `onClose`), then launches Chromium; an
 * afterAll closes the browser and everything registered, newest first. When setup or
 * the launch fails, what already started is closed before the error is reported, so no
 * server or browser outlives the file and the first error is the one shown.
 */
export function browserSuite(
	setup: (onClose: OnClose) => Promise<void> = async () => {},
): BrowserSuite {
	let browser: Browser | undefined;
	const closers: (() => unknown)[] = [];
	const onClose: OnClose = (close) => void closers.push(close);
	const closeAll = async () => {
		const problems: unknown[] = [];
		for (const close of closers.splice(0).reverse()) {
			try {
				await close();
			} catch (error) {
				problems.push(error);
			}
		}
		browser = undefined;
		if (problems.length > 0)
			throw new AggregateError(problems, 'closing the browser or a server failed');
	};
	beforeAll(async () => {
		try {
			await setup(onClose);
			const launched = await launchBrowser();
			onClose(() => launched.close());
			browser = launched;
		} catch (error) {
			await closeAll().catch(() => undefined);
			throw error;
		}
	});
	afterAll(closeAll);
	return {
		browser: () => {
			if (!browser) throw new Error('Chromium did not start');
			return browser;
		},
	};
}

export interface WatchedPage {
	page: Page;
	/** Every URL the page requested whose host is not 127.0.0.1. */
	foreignRequests: string[];
	/** Every dialog (alert, confirm, prompt) a page opened. */
	dialogs: string[];
	/** Uncaught page errors and console errors. */
	errors: string[];
}

/** A fresh page that records what a reader must never get: foreign requests, dialogs, errors. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const watched: WatchedPage = { page, foreignRequests: [], dialogs: [], errors: [] };
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return;
		if (url.hostname !== '127.0.0.1') watched.foreignRequests.push(request.url());
	});
	page.on('dialog', (dialog) => {
		watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('pageerror', (error) => watched.errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') watched.errors.push(message.text());
	});
	return watched;
}

/** What no page of a run may have done: request another host, open a dialog, throw, or fail to load something. */
export function leaks(
	pages: readonly (WatchedPage & { failedResponses?: string[] })[],
): Record<string, string[]> {
	return {
		foreignRequests: pages.flatMap((p) => p.foreignRequests),
		dialogs: pages.flatMap((p) => p.dialogs),
		errors: pages.flatMap((p) => p.errors),
		failedResponses: pages.flatMap((p) => p.failedResponses ?? []),
	};
}

export const NO_LEAKS = { foreignRequests: [], dialogs: [], errors: [], failedResponses: [] };
