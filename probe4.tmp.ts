import { parseTopicOverrides } from './src/schemas/topic-overrides.ts';
import { readFileSync } from 'node:fs';
const cases = [
 readFileSync('tests/fixtures/collections/bad-overrides/topics.yaml', 'utf8'),
 'rename:\n  "Not A Slug": x\n',
 'merge:\n  diffusion-model: []\n',
 'merge:\n  diffusion-model: [Stable Diffusion]\n',
 'add:\n  - name: Privacy\n',
 'add:\n  - name: Privacy\n    phrases: [privacy]\n    colour: red\n',
 'rename:\n  federated-learning: "   "\n',
 'hide:\n  - federated-learning\n  - [nested\n',
 'rename:\n  a: b\n  a: c\n',
 '- just\n- a list\n',
 '42',
 'rename:\n\tfoo: bar\n',
 '',
 '# only a comment\n',
 'hide: []\n',
 'rename: null\n'
];
for (const c of cases) { try { console.log('OK', JSON.stringify(parseTopicOverrides(c))); } catch (e) { console.log('ERR', (e as Error).message); } console.log('---'); }
