/** What a thrown catalogue error shows: its stable name, the message and the hint. */
export interface Thrown {
	name: string;
	message: string;
	hint?: string;
	title?: string;
}

/** The error `run` throws; fails the test when it throws nothing. */
export function thrown(run: () => unknown): Thrown {
	try {
		run();
	} catch (error) {
		return error as Thrown;
	}
	throw new Error(`expected an error, but ${run.toString()} returned`);
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Thrown> {
	try {
		await promise;
	} catch (error) {
		return error as Thrown;
	}
	throw new Error('expected a rejection, but the promise resolved');
}
