/** Measures, in a fresh process, how long the published index takes to load and the first question to answer. */
import { loadConfig } from '../../src/config.ts';
import { loadEngine } from '../../src/engine.ts';
import { loadIndex } from '../../src/index/loaded-index.ts';
import { LocalHashEmbeddings } from '../../src/embeddings/local.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';

const config = loadConfig();
let t = performance.now();
const index = await loadIndex(config.INDEX_DIR);
const tokenizer = new JiebaTokenizer();
await index.openVectors(new LocalHashEmbeddings({ dimensions: config.EMBEDDING_DIM, tokenizer }));
const indexMs = performance.now() - t;
t = performance.now();
tokenizer.tokenize('预热分词词典');
const jiebaMs = performance.now() - t;
t = performance.now();
const engine = await loadEngine(config, { info: () => undefined, warn: () => undefined });
const engineMs = performance.now() - t;
t = performance.now();
await engine.qa.ask('国家规划了多少个国家数据中心集群？', {});
const firstAnswerMs = performance.now() - t;
console.log(JSON.stringify({ chunks: index.manifest.counts.chunks, indexMs, jiebaMs, engineMs, firstAnswerMs }));
