import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Two files at once (Vitest's default is one fewer than the CPUs: one on a 2-CPU
		// machine). Measured in README "Tests".
		maxWorkers: 2,
		reporters: ['default', './tests/helpers/plain-summary-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					// Property-based tests take a few seconds while builds share the CPUs: the limit is for hangs.
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
					// Builds several files read are made once, before the files run; every build runs
					// in its own copy of the project (tests/helpers/project-copy.ts), so files run at once.
					globalSetup: ['tests/helpers/shared-sites.setup.ts'],
					// A limit for hangs: with two files at once on a shared machine, one axe pass over
					// every page type took 120 s (under a load average of 30).
					testTimeout: 300_000,
					hookTimeout: 300_000,
					// A page that answers in 200 ms alone can take seconds while builds share the CPUs;
					// expect.poll's 1 s default then fails a working page. It returns as soon as the check passes.
					expect: { poll: { timeout: 15_000 } },
				},
			},
		],
	},
});
