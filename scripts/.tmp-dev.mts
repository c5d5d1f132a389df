import { readFileSync } from 'node:fs';
import { isFollowUp, standaloneQuestion } from '../src/qa/rule-rewriter.ts';
for (const line of readFileSync('/work/shared/eval/dev.jsonl','utf8').trim().split('\n')) { const q = JSON.parse(line).question; if (isFollowUp(q)) console.log('FOLLOWUP?', q); }
const h = [{role:'user' as const, content:'到2025年贵州要培育几家百亿级平台经济企业？'},{role:'assistant' as const, content:'1-2家[1]'},{role:'user' as const, content:'那甘肃呢？'}];
console.log(standaloneQuestion('那2035年呢？', h));
console.log(standaloneQuestion('它的目标是多少？', [{role:'user', content:'数据中心要充分利用哪些可再生能源？'}]));
