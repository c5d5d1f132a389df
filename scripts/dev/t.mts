import { JiebaTokenizer } from '/work/main/src/text/jieba.ts';
import { normaliseForMatch } from '/work/main/src/text/normalise.ts';
const t = new JiebaTokenizer();
for (const q of ['史继偕著有哪些书册传世？', '锦地罗的全长是多少厘米？']) { console.log(normaliseForMatch(q), t.tokenize(q)); }
