import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AskEvent, AskResponse, SearchResult } from '../../src/types.ts';
import { loadAnswererModel } from '../../src/answer/answer-model.ts';
import { ExtractiveAnswerer } from '../../src/answer/extractive.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { assertCitationContract, assertExactOffsets, markersOf, seedAnswerer, type SeedAnswerer } from './seed-answerer.ts';

const REFUSAL_ZH = '文档中没有能回答这个问题的内容。最接近的段落是[1][2][3]，供参考核对。';
const REFUSAL_EN = 'The documents do not answer this question. The closest passages are [1][2][3], for you to check.';

/** The top three retrieved passages as a refusal shows them. */
function closest(passages: SearchResult[]) {
  return passages.slice(0, 3).map(({ debug: _debug, score, ...passage }, i) => ({ n: i + 1, ...passage, score: Number(score.toFixed(4)) }));
}

let seedQa: SeedAnswerer;
before(async () => {
  seedQa = await seedAnswerer();
});

describe('ExtractiveAnswerer over the seed: answered questions', () => {
  // Each asks for one value the seed states once; the answer must quote the sentence that holds it.
  const cases: { question: string; value: string }[] = [
    { question: '贵州数字经济占地区生产总值的比重提高到了多少？', value: '42%' },
    { question: '贵州综合算力指数排名全国第几？', value: '第9' },
    { question: '习近平总书记哪一年在贵阳市考察？', value: '2015年' },
    { question: '习近平总书记哪一年亲临贵州考察调研？', value: '2021年' },
    { question: '到2025年大数据电子信息产业总产值要突破多少？', value: '3500亿元' },
    { question: '徐麟什么时候调研东数西算？', value: '2024年6月26日' },
    { question: '平台经济综合收入要突破多少？', value: '500亿元' },
    { question: '貴州投運及在建的大型超大型數據中心有幾個？', value: '23个' },
  ];

  for (const { question, value } of cases) {
    it(`${question} → ${value}, quoted from a sentence with exact offsets`, async () => {
      const { passages, response } = await seedQa.ask(question);
      assert.equal(response.status, 'answered', response.answer);
      assert.equal(response.mode, 'extractive');
      assert.equal(response.question, question);
      assert.ok(response.answer.includes(value), `${JSON.stringify(response.answer)} lacks ${value}`);
      assert.ok(response.citations.some((c) => c.text.includes(value)), `no citation quotes ${value}`);
      assertCitationContract(response);
      assertExactOffsets(response.citations, seedQa.seed);
      for (const citation of response.citations) {
        const chunk = passages.find((p) => p.id === citation.id);
        assert.ok(chunk, `citation ${citation.n} names a retrieved chunk`);
        assert.ok(citation.start >= chunk.start && citation.end <= chunk.end, 'the quote lies inside its chunk');
        assert.ok(citation.text.length < chunk.text.length, `citation ${citation.n} is a sentence, not the whole chunk`);
        assert.deepEqual(citation.section, chunk.section);
      }
    });
  }

  it('numbers markers in the order the citations are listed, one marker after each quote', async () => {
    const { response } = await seedQa.ask('贵州综合算力指数排名全国第几？');
    assert.deepEqual(markersOf(response.answer), response.citations.map((c) => c.n));
    assert.match(response.answer, /\[\d+\]$/);
  });

  it('reports the answer type, terms, ranked sentences and threshold in debug only when asked', async () => {
    const question = '平台经济综合收入要突破多少？';
    const passages = await seedQa.retrieve(question);
    const plain = await seedQa.answerer.answer(question, passages, {});
    assert.equal('debug' in plain, false);
    const withDebug = await seedQa.answerer.answer(question, passages, { debug: true });
    assert.equal(withDebug.debug?.answerType, 'number');
    assert.equal(withDebug.debug?.minConfidence, seedQa.answerer.minConfidence);
    assert.equal(withDebug.debug?.confidence, plain.confidence);
    const { debug: _debug, ...rest } = withDebug;
    assert.deepEqual(rest, plain);
  });
});

describe('ExtractiveAnswerer over the seed: list questions', () => {
  it('answers with the items of a section its heading path names, cited as one span when the list is short', async () => {
    const { response } = await seedQa.ask('全国一体化大数据中心算力枢纽实施方案有哪些基本原则？');
    assert.equal(response.status, 'answered', response.answer);
    assert.equal(response.answer, '加强统筹。绿色集约。自主创新。安全可靠。[1]');
    assert.equal(response.citations.length, 1);
    const [citation] = response.citations;
    assert.ok(citation!.text.startsWith('加强统筹。') && citation!.text.endsWith('安全可靠。'), citation!.text);
    assert.ok(citation!.text.length <= 500, `${citation!.text.length} characters`);
    assert.equal(citation!.section.at(-1), '(一)基本原则');
    assertCitationContract(response);
    assertExactOffsets(response.citations, seedQa.seed);
  });

  it('reads 哪两个问题 as a list and answers with both items of the section', async () => {
    const { response } = await seedQa.ask('我国数字经济发展存在哪两个问题？');
    assert.equal(response.status, 'answered');
    assert.match(response.answer, /^一是我国数字经济大而不强、快而不优。二是在数字经济快速发展的过程中[^[]+\[1\]$/);
    assert.equal(response.citations.length, 1);
    assertExactOffsets(response.citations, seedQa.seed);
  });

  it('answers a question about a numbered section with its items, one citation each when the list is too long for one, in document order', async () => {
    const { response } = await seedQa.ask('国家枢纽节点有哪些重点任务？');
    assert.equal(response.status, 'answered');
    assert.ok(response.citations.length >= 3, `${response.citations.length} citations`);
    response.citations.forEach((c, i) => {
      assert.match(c.text, new RegExp(`^${i + 1}\\.[^。]+。$`), 'the opening sentence of item i + 1');
      assert.equal(c.section.at(-1), '(四)国家枢纽节点重点任务');
    });
    assert.equal(response.answer, response.citations.map((c) => `${c.text}[${c.n}]`).join(''));
    assertCitationContract(response);
    assertExactOffsets(response.citations, seedQa.seed);
  });

  it('answers 第一, 第二… items of an enumerated section', async () => {
    const { response } = await seedQa.ask('推动我国数字经济健康发展有哪些重要举措？');
    assert.equal(response.status, 'answered');
    assert.deepEqual(
      response.citations.slice(0, 3).map((c) => c.text),
      ['第一,加强关键核心技术攻关。', '第二,加快新型基础设施建设。', '第三,推动数字经济和实体经济融合发展。'],
    );
    const starts = response.citations.map((c) => c.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assertCitationContract(response);
    assertExactOffsets(response.citations, seedQa.seed);
  });
});

describe('ExtractiveAnswerer over the seed: refusals', () => {
  const refused: { question: string; why: string; message: string }[] = [
    { question: '贵州的省会城市人口有多少？', why: 'the seed has no population figures', message: REFUSAL_ZH },
    { question: 'When was the Eiffel Tower built?', why: 'the seed is about something else', message: REFUSAL_EN },
  ];

  for (const { question, why, message } of refused) {
    it(`refuses ${question} (${why}) and points to the closest passages`, async () => {
      const { passages, response } = await seedQa.ask(question);
      assert.ok(passages.length >= 3, 'retrieval found passages to point to');
      const { confidence, ...rest } = response;
      assert.deepEqual(rest, { status: 'no_answer', answer: message, mode: 'extractive', citations: closest(passages), question });
      assert.ok(confidence! < seedQa.answerer.minConfidence, `confidence ${confidence}`);
      assertCitationContract(response);
      assertExactOffsets(response.citations, seedQa.seed);
    });
  }

  it('gives refused questions a confidence below the threshold and answered ones at or above it', async () => {
    for (const question of ['贵州的省会城市人口有多少？', '贵州综合算力指数排名全国第几？']) {
      const { response } = await seedQa.ask(question);
      assert.equal(response.confidence! >= seedQa.answerer.minConfidence, response.status === 'answered', `${question}: ${response.confidence}`);
    }
  });

  it('refuses without markers when nothing was retrieved', async () => {
    const response = await seedQa.answerer.answer('贵州综合算力指数排名全国第几？', [], {});
    assert.deepEqual(response, {
      status: 'no_answer',
      answer: '文档中没有能回答这个问题的内容。',
      mode: 'extractive',
      citations: [],
      question: '贵州综合算力指数排名全国第几？',
      confidence: 0,
    });
  });

  it('refuses a question that is only a question word', async () => {
    const { passages, response } = await seedQa.ask('什么？');
    assert.equal(response.status, 'no_answer');
    assert.deepEqual(response.citations, closest(passages));
  });
});

describe('ExtractiveAnswerer.stream', () => {
  async function collect(question: string): Promise<{ events: AskEvent[]; expected: AskResponse }> {
    const passages = await seedQa.retrieve(question);
    const expected = await seedQa.answerer.answer(question, passages, {});
    const events: AskEvent[] = [];
    for await (const event of seedQa.answerer.stream(question, passages, {})) events.push(event);
    return { events, expected };
  }

  for (const question of ['到2025年大数据电子信息产业总产值要突破多少？', '国家枢纽节点有哪些重点任务？', '贵阳大数据交易所是哪一年成立的？']) {
    it(`streams citations, then deltas that add up to the answer, then done: ${question}`, async () => {
      const { events, expected } = await collect(question);
      const [first, ...rest] = events;
      const last = rest.pop();
      assert.deepEqual(first, { type: 'citations', citations: expected.citations });
      assert.deepEqual(last, { type: 'done', response: expected });
      assert.ok(rest.length >= 1);
      const deltas = rest.map((e) => (e.type === 'delta' ? e.text : assert.fail(`unexpected ${e.type} event between citations and done`)));
      assert.equal(deltas.join(''), expected.answer);
      // A marker is never split across two deltas.
      for (const text of deltas) assert.doesNotMatch(text, /\[\d*$|^\d*\]/);
    });
  }
});

describe('ExtractiveAnswerer: how much is quoted', () => {
  const tokenizer = new JiebaTokenizer();
  const text =
    '澄湖水库位于青石县北部，建成于1975年。水库的主要用途是灌溉下游农田，同时兼顾防洪、供水和养殖，每年为下游三个乡镇的两万亩农田提供灌溉用水，并在汛期削减洪峰，保障县城和沿岸村庄的安全。库区周边植被良好。水库管理处负责日常调度。';
  const passage: SearchResult = { id: 'p0', source: 'lake.txt', section: [], start: 0, end: text.length, text, score: 1, debug: { bm25Rank: 1, vectorRank: null, matchedTerms: [] } };
  const answerer = new ExtractiveAnswerer({
    sources: { tag: (t) => tokenizer.tag(t), termWeight: () => 2, documentFrequency: (t) => (text.includes(t) ? 1 : 0), bigramTerm: (b) => b },
    model: loadAnswererModel(),
    minConfidence: 0,
  });
  const usage = '水库的主要用途是灌溉下游农田，同时兼顾防洪、供水和养殖，每年为下游三个乡镇的两万亩农田提供灌溉用水，并在汛期削减洪峰，保障县城和沿岸村庄的安全。';

  it('quotes a long sentence whole for a what question: its answer is the statement', async () => {
    const response = await answerer.answer('澄湖水库的主要用途是什么？', [passage]);
    assert.equal(response.answer, `${usage}[1]`);
  });

  it('adds the likeliest other sentence of the passage when the best is uncertain, under one citation', async () => {
    const question = '澄湖水库是做什么用的？';
    assert.ok(answerer.analyse(question, [passage]).ranked[0]!.probability < 0.8);
    const response = await answerer.answer(question, [passage]);
    assert.ok(response.answer.includes(usage), response.answer);
    assert.equal(response.citations.length, 1);
    assert.equal(text.slice(response.citations[0]!.start, response.citations[0]!.end), response.citations[0]!.text);
  });

  it('quotes one sentence when the selector is sure of it', async () => {
    const question = '澄湖水库是哪一年建成的？';
    assert.ok(answerer.analyse(question, [passage]).ranked[0]!.probability >= 0.8);
    assert.equal((await answerer.answer(question, [passage])).answer, '澄湖水库位于青石县北部，建成于1975年。[1]');
  });

  it('quotes a sentence that refers back by a pronoun after the sentence naming whom it is about', async () => {
    const bio = '沈青山（1901年—1970年），青石县人，地质学家。他早年留学日本，专攻岩石学。他回国后在青石中学任教十年。他曾三次带队勘查青石山区。他一生发表论文百余篇，著有《青石地质志》。';
    const bioPassage: SearchResult = { ...passage, id: 'bio', source: 'bio.txt', end: bio.length, text: bio };
    const question = '《青石地质志》是谁写的？';
    assert.ok(answerer.analyse(question, [bioPassage]).ranked[0]!.probability >= 0.8, 'sure of the best sentence: no runner-up is quoted');
    const response = await answerer.answer(question, [bioPassage]);
    assert.equal(response.answer, '沈青山（1901年—1970年），青石县人，地质学家。他一生发表论文百余篇，著有《青石地质志》。[1]');
    assert.equal(response.citations.length, 1);
    assert.equal(bio.slice(response.citations[0]!.start, response.citations[0]!.end), response.citations[0]!.text);
  });

  it('adds the enumeration of the passage to a list answer whose sentence names the topic without its items', async () => {
    const rules = '居家养老服务补贴以电子服务券形式按月发放。电子服务券只能用于购买养老服务，不得兑换现金、转让或抵押。老年人可以用服务券购买以下服务：助餐、助浴、助洁、助医和紧急呼叫。';
    const rulesPassage: SearchResult = { ...passage, id: 'rules', source: 'rules.txt', end: rules.length, text: rules };
    const question = '电子服务券可以用于购买哪些养老服务？';
    assert.ok(!answerer.analyse(question, [rulesPassage]).ranked[0]!.text.includes('助餐'), 'the likeliest sentence names the topic');
    const response = await answerer.answer(question, [rulesPassage]);
    assert.ok(response.answer.includes('助餐、助浴、助洁'), response.answer);
    for (const c of response.citations) assert.equal(rules.slice(c.start, c.end), c.text);
    const introduced = '老年人可以购买的养老服务如下：\n服务项目：助餐、助浴、助洁、助医。\n其他说明：服务券、现金、转账均可。';
    const introducedPassage: SearchResult = { ...passage, id: 'introduced', source: 'introduced.txt', end: introduced.length, text: introduced };
    const listed = await answerer.answer('服务券可以购买哪些养老服务？', [introducedPassage]);
    assert.equal(listed.answer.split('助餐').length, 2, `a sentence closing on a colon brings its lines; nothing is quoted twice: ${listed.answer}`);
    assert.equal(listed.citations.length, 1);
  });

  it('quotes the steps between the best sentence and its runner-up of the same paragraph, in order', async () => {
    const steps = '新滤芯装好后，滤芯里残留保护液，需要冲洗后才能饮用。接通电源后，长按面板上的冲洗键3秒，机器持续冲洗约5分钟。冲洗结束后，打开龙头连续放水约15分钟，前两桶水请勿饮用。';
    const stepsPassage: SearchResult = { ...passage, id: 'steps', source: 'steps.txt', end: steps.length, text: steps };
    const question = '装好以后怎么放水冲洗？';
    const [best, runnerUp] = answerer.analyse(question, [stepsPassage]).ranked;
    assert.ok(best!.text.startsWith('冲洗结束后') && runnerUp!.text.startsWith('新滤芯'), 'the first and last sentences are the likeliest');
    const response = await answerer.answer(question, [stepsPassage]);
    assert.equal(response.answer, `${steps}[1]`);
    assert.equal(response.citations[0]!.text, steps);
  });

  it('quotes the clause after a semicolon with a list answer as one more item, though it adds no new question word', async () => {
    const perks = '青石公司重视员工福利。员工每年可以免费体检一次；员工每年可以带薪旅游一次。公司地址在青石路8号。';
    const perksPassage: SearchResult = { ...passage, id: 'perks', source: 'perks.txt', end: perks.length, text: perks };
    const response = await answerer.answer('员工每年可以享受哪些福利？', [perksPassage]);
    assert.equal(response.answer, '员工每年可以免费体检一次；员工每年可以带薪旅游一次。[1]');
    assert.equal(perks.slice(response.citations[0]!.start, response.citations[0]!.end), response.citations[0]!.text);
  });
});

