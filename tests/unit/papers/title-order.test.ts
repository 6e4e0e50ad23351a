import { describe, expect, it } from 'vitest';
import { neighbours } from '../../../src/lib/papers/title-order.ts';

describe('neighbours', () => {
	it('gives the previous and next items, undefined at the ends', () => {
		const items = ['a', 'b', 'c'];
		expect(neighbours(items, 0)).toEqual({ prev: undefined, next: 'b' });
		expect(neighbours(items, 1)).toEqual({ prev: 'a', next: 'c' });
		expect(neighbours(items, 2)).toEqual({ prev: 'b', next: undefined });
		expect(neighbours(['only'], 0)).toEqual({ prev: undefined, next: undefined });
	});
});
