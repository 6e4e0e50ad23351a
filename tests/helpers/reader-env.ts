/**
 * The environment a reader's `npm run build` or `npm run dev` would have: Vitest adds
 * Vite's built-ins (BASE_URL, MODE, DEV, PROD, SSR) and NODE_ENV=test to process.env,
 * and Astro would take them as settings, so child builds get them removed.
 */
export function readerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const {
		BASE_URL,
		MODE,
		DEV,
		PROD,
		SSR,
		NODE_ENV,
		VITEST,
		VITEST_MODE,
		VITEST_POOL_ID,
		VITEST_WORKER_ID,
		TEST,
		...inherited
	} = process.env;
	return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}
