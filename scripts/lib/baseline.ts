import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BaselineHit {
  source: string;
  text: string;
}

/**
 * A typical peer pipeline, for comparison only: LangChain's RecursiveCharacterTextSplitter (500/50,
 * default separators) and minisearch BM25 over nodejieba cutForSearch tokens, no normalisation.
 */
export async function buildBaseline(dir: string) {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 500, chunkOverlap: 50 });
  const tokenize = (text: string) => nodejieba.cutForSearch(text, true).filter((t) => t.trim() !== '');
  const search = new MiniSearch<{ id: number; text: string; source: string }>({ fields: ['text'], storeFields: ['text', 'source'], tokenize });
  let id = 0;
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name), 'utf8');
    for (const piece of await splitter.splitText(text)) search.add({ id: id++, text: piece, source: name });
  }
  return {
    search(query: string, k: number): BaselineHit[] {
      return search.search(query).slice(0, k).map((r) => ({ source: r.source as string, text: r.text as string }));
    },
  };
}
