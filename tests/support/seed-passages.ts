/** SearchResults cut from the seed document by hand, with offsets that point back into it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SearchResult } from '../../src/types.ts';

export const SEED_SOURCE = '000_dcbe81f0de4cc422.txt';
export const SEED_TEXT = readFileSync(fileURLToPath(new URL(`../../seeds/${SEED_SOURCE}`, import.meta.url)), 'utf8');

/** The whole seed line holding `snippet`, as a retrieved passage; throws when the snippet is not in the seed. */
export function seedPassage(id: string, snippet: string, section: string[], score = 0.5): SearchResult {
  const at = SEED_TEXT.indexOf(snippet);
  if (at < 0) throw new Error(`snippet not in the seed document: ${snippet}`);
  const start = SEED_TEXT.lastIndexOf('\n', at) + 1;
  const lineEnd = SEED_TEXT.indexOf('\n', at);
  const end = lineEnd < 0 ? SEED_TEXT.length : lineEnd;
  const text = SEED_TEXT.slice(start, end);
  return { id, source: SEED_SOURCE, section, start, end, text, score, debug: { bm25Rank: 1, vectorRank: 1, matchedTerms: [] } };
}

const GUIZHOU_TASKS = ['二、深度解读', '★《贵州省“十四五”数字经济发展规划》部署', '3.贵州省“十四五”数字经济发展主要任务'];
const HUB_PLAN = ['二、深度解读', '★国家发展改革委等四部门印发《全国一体化大数据中心协同创新体系算力枢纽实施方案》'];

/** Passages a search for Guizhou's AI products would return, best first. */
export const AI_PRODUCTS = seedPassage('c-ai', '发展 无人驾驶、智能家居、图像识别等人工智能产品', GUIZHOU_TASKS, 0.9);
export const PLATFORM_ECONOMY = seedPassage('c-platform', '培育百亿级平台经济企业1-2家', GUIZHOU_TASKS, 0.7);
export const RENEWABLE_ENERGY = seedPassage('c-energy', '推动数据中心充分利用风能、太阳能、潮汐能、生物质能等可再生能源', HUB_PLAN, 0.6);
export const GUIZHOU_TARGETS = seedPassage('c-targets', '大数据电子信息产业总产值突破3500亿元', ['二、深度解读', '★《贵州省“十四五”数字经济发展规划》部署', '1.贵州省“十四五”数字经济发展目标'], 0.5);
