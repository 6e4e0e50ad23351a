import { readFixtureCollection } from './tests/helpers/collections.ts';
import { extractTopics } from './src/lib/topics.ts';
const noOv = process.env.NOOV;
for (const name of process.argv.slice(2)) {
  const f = readFixtureCollection(name);
  const r = extractTopics(f.topicInputs, noOv ? {} : f.overrides);
  console.log('==', name, JSON.stringify(r.topics, null, 0), 'unknown', r.unknownSlugs);
  for (const p of f.collection.papers) console.log('  ', p.sources[0]!.file, r.byPaper.get(p.id));
}
