import type { AstroIntegrationLogger } from 'astro';

export interface FakeLogger {
	/** Astro's logger as integrations and content loaders get it, writing to `lines` instead of the terminal. */
	logger: AstroIntegrationLogger;
	/** Every message, in order, as `<level> <message>`: a test sees the level a reader would see. */
	lines: string[];
}

/**
 * One fake of Astro's logger for every unit test of code that reports through it
 * (integrations, the loader's context). Forks write to the same lines, as Astro's do
 * to the same terminal; anything else a real logger has throws, so a test notices.
 */
export function fakeLogger(): FakeLogger {
	const lines: string[] = [];
	const logger = {
		label: 'test',
		options: {},
		info: (message: string) => void lines.push(`info ${message}`),
		warn: (message: string) => void lines.push(`warn ${message}`),
		error: (message: string) => void lines.push(`error ${message}`),
		debug: (message: string) => void lines.push(`debug ${message}`),
		fork: () => logger,
		flush: () => {},
		close: () => {},
	};
	return { logger: logger as unknown as AstroIntegrationLogger, lines };
}
