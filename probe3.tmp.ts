import { readBundledCollection } from './tests/helpers/collections.ts';
import { extractTopics } from './src/lib/topics.ts';
const f = readBundledCollection();
for (const hide of ['classification', 'pruning', 'federated-learning', 'neural-network']) {
  const r = extractTopics(f.topicInputs, { hide: [hide] });
  const inTopics = r.topics.some(t => t.slug === hide);
  const inPapers = [...r.byPaper.values()].filter(s => s.includes(hide)).length;
  console.log(hide, inTopics, inPapers, r.topics.length);
}
// merge into hidden
let r = extractTopics(f.topicInputs, { merge: { 'diffusion-model': ['stable-diffusion'] }, hide: ['diffusion-model'] });
console.log('merge+hide', r.topics.map(t=>t.slug+':'+t.papers.length).join(' '));
r = extractTopics(f.topicInputs, { merge: { 'diffusion-model': ['stable-diffusion', 'generative-model'] } });
console.log('merge', r.topics.map(t=>t.slug+':'+t.papers.length).join(' '));
r = extractTopics(f.topicInputs, { rename: { 'diffusion-model': 'DMs' }, add: [{ name: 'Privacy', phrases: ['privacy'] }] });
console.log('rename/add', r.topics.map(t=>t.slug+':'+t.name+':'+t.papers.length).join(' | '));
