import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, that CI
 * tools read without knowing Vitest's own format.
 */
export default class PlainSummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		const count = { passed: 0, failed: 0, skipped: 0 };
		for (const module of testModules) {
			let failedHere = 0;
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed' || state === 'failed' || state === 'skipped') count[state]++;
				if (state === 'failed') failedHere++;
			}
			// A file that failed to load, or whose beforeAll threw, fails with no failed test in it.
			if (module.state() === 'failed' && failedHere === 0) count.failed++;
		}
		process.stdout.write(
			`\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
		);
	}
}
