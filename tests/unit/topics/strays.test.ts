import { describe, expect, it } from 'vitest';
import { fileStrays } from '../../../src/lib/topics/strays.ts';

describe('fileStrays: papers that share no subject', () => {
	// Nine papers on each of two subjects, and two strays: one close to the first subject,
	// one only loosely like the second.
	const unit = (entries: Record<string, number>) => new Map(Object.entries(entries));
	const vectors = new Map<string, Map<string, number>>([
		...Array.from({ length: 9 }, (_, i) => [`a${i}`, unit({ reef: 1 })] as const),
		...Array.from({ length: 9 }, (_, i) => [`b${i}`, unit({ battery: 1 })] as const),
		['close-stray', unit({ reef: 0.9, drone: Math.sqrt(1 - 0.81) })],
		['loose-stray', unit({ battery: 0.6, glacier: 0.8 })],
	]);
	const fresh = () =>
		new Map(
			[...vectors.keys()].map((id) => [
				id,
				id.endsWith('stray') ? [] : [id.startsWith('a') ? 'coral reef' : 'battery electrolyte'],
			]),
		);

	it('files a stray under the topic its wording is closest to', () => {
		const byPaper = fresh();
		fileStrays(byPaper, vectors, 0.1, 0.1, 1);
		expect(byPaper.get('close-stray')).toEqual(['coral reef']);
		expect(byPaper.get('loose-stray')).toEqual(['battery electrolyte']);
	});

	it('files a loosely similar stray only while too few papers have a topic, closest first', () => {
		// 19 of 20 papers have a topic once the close stray is filed: enough at 95%.
		const enough = fresh();
		fileStrays(enough, vectors, 0.1, 0.95, 0.95);
		expect(enough.get('close-stray')).toEqual(['coral reef']);
		expect(enough.get('loose-stray')).toEqual([]);
		// Wanting every paper covered files the loose one too.
		const all = fresh();
		fileStrays(all, vectors, 0.1, 0.95, 1);
		expect(all.get('loose-stray')).toEqual(['battery electrolyte']);
	});

	it('never files a stray less alike than the minimum, whatever the coverage', () => {
		const byPaper = fresh();
		fileStrays(byPaper, vectors, 0.7, 0.95, 1);
		expect(byPaper.get('close-stray')).toEqual(['coral reef']);
		expect(byPaper.get('loose-stray')).toEqual([]);
	});
});
