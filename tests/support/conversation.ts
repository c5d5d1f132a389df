import type { ChatTurn } from '../../src/types.ts';

/** One exchange about the seed, for follow-up (rewrite) tests. */
export const HISTORY: ChatTurn[] = [
  { role: 'user', content: '数据中心要充分利用哪些可再生能源？' },
  { role: 'assistant', content: '要充分利用风能、太阳能、潮汐能、生物质能等可再生能源[1]。' },
];
