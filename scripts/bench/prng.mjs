// A small seeded PRNG (mulberry32): the same seed gives the same collection on every
// machine and Node version, which Math.random cannot promise.

/** Returns a function giving floats in [0, 1), deterministic from `seed`. */
export function prng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [0, n). */
export const pick = (random, n) => Math.floor(random() * n);

/** One element of a non-empty array. */
export const choose = (random, items) => items[pick(random, items.length)];
