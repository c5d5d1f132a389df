import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberPassages } from '../../src/answer/citations.ts';
import { AnswerVerifier, SUPPORT_THRESHOLD, supportOverlap, verifyAnswer } from '../../src/answer/verify.ts';
import { AI_PRODUCTS, GUIZHOU_TARGETS, PLATFORM_ECONOMY, RENEWABLE_ENERGY } from '../support/seed-passages.ts';

// [1] AI products, [2] platform economy, [3] renewable energy, [4] Guizhou's 2025 targets.
const citations = numberPassages([AI_PRODUCTS, PLATFORM_ECONOMY, RENEWABLE_ENERGY, GUIZHOU_TARGETS]);

describe('SUPPORT_THRESHOLD', () => {
  it('separates restatements and paraphrases of a seed passage from invented claims on its topic', () => {
    const faithful: [string, string][] = [
      ['贵州计划发展无人驾驶、智能家居、图像识别等人工智能产品[1]。', AI_PRODUCTS.text],
      ['到2025年，贵州要培育百亿级平台经济企业1-2家[2]。', PLATFORM_ECONOMY.text],
      ['数据中心要充分利用风能、太阳能、潮汐能、生物质能等可再生能源[3]。', RENEWABLE_ENERGY.text],
      ['贵州会重点推动人工智能算法和芯片等核心环节的发展[1]。', AI_PRODUCTS.text],
      ['该规划提出要鼓励数据中心企业参与可再生能源的市场交易[3]。', RENEWABLE_ENERGY.text],
    ];
    const invented: [string, string][] = [
      ['贵州还将建设全国最大的人工智能训练中心，吸引大量科技企业入驻[1]。', AI_PRODUCTS.text],
      ['贵州省的大数据从业人员数量已经位居全国前列[4]。', GUIZHOU_TARGETS.text],
      ['数据中心将全部改用核能供电以降低碳排放[3]。', RENEWABLE_ENERGY.text],
      ['人工智能产业将成为贵州经济发展的第一支柱产业[1]。', AI_PRODUCTS.text],
      ['平台经济企业可以获得政府的税收减免和资金补贴[2]。', PLATFORM_ECONOMY.text],
    ];
    for (const [sentence, passage] of faithful) assert.ok(supportOverlap(sentence, [passage]) >= 0.6, sentence);
    for (const [sentence, passage] of invented) assert.ok(supportOverlap(sentence, [passage]) <= 0.3, sentence);
    assert.equal(SUPPORT_THRESHOLD, 0.5);
  });

  it('compares after folding width, case, spacing and traditional characters', () => {
    // The seed has a stray space in "发展 无人驾驶"; the sentence is in traditional characters with full-width punctuation.
    assert.equal(supportOverlap('發展無人駕駛、智能家居、圖像識別等人工智能產品［1］', [AI_PRODUCTS.text]), 1);
  });
});

describe('verifyAnswer', () => {
  it('keeps supported sentences and reports an invented one with its markers and overlap', () => {
    const answer = '贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[1]。贵州还将建设全国最大的人工智能训练中心[1]。到2025年培育百亿级平台经济企业1-2家[2]。';
    const result = verifyAnswer(answer, citations);
    assert.deepEqual(result.supported, ['贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[1]。', '到2025年培育百亿级平台经济企业1-2家[2]。']);
    assert.equal(result.unsupported.length, 1);
    assert.equal(result.unsupported[0]?.sentence, '贵州还将建设全国最大的人工智能训练中心[1]。');
    assert.deepEqual(result.unsupported[0]?.markers, [1]);
    assert.ok((result.unsupported[0]?.overlap ?? 1) < SUPPORT_THRESHOLD);
    assert.equal(result.text, '贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[1]。到2025年培育百亿级平台经济企业1-2家[2]。');
  });

  it('rejects a sentence whose numbers the passage does not give, however close its wording', () => {
    const result = verifyAnswer('到2025年，贵州要培育百亿级平台经济企业3-5家[2]。', citations);
    assert.deepEqual(result.supported, []);
    assert.equal(result.unsupported[0]?.sentence, '到2025年，贵州要培育百亿级平台经济企业3-5家[2]。');
    assert.ok((result.unsupported[0]?.overlap ?? 0) >= SUPPORT_THRESHOLD);
  });

  it('rejects a sentence citing a passage that does not exist', () => {
    const result = verifyAnswer('发展无人驾驶等人工智能产品[7]。', citations);
    assert.deepEqual(result.unsupported, [{ sentence: '发展无人驾驶等人工智能产品[7]。', markers: [7], overlap: 0 }]);
  });

  it('rejects unmarked claims but keeps short connectives and a note on what the passages leave out', () => {
    const answer = '具体如下：\n1. 发展无人驾驶、智能家居等人工智能产品[1]。\n2. 贵州的人工智能企业超过一千家。\n资料没有提及具体的投资金额。';
    const result = verifyAnswer(answer, citations);
    assert.deepEqual(result.supported, ['具体如下：', '1. 发展无人驾驶、智能家居等人工智能产品[1]。', '资料没有提及具体的投资金额。']);
    assert.deepEqual(result.unsupported, [{ sentence: '2. 贵州的人工智能企业超过一千家。', markers: [], overlap: 0 }]);
    assert.equal(result.text, '具体如下：\n1. 发展无人驾驶、智能家居等人工智能产品[1]。\n资料没有提及具体的投资金额。');
  });

  it('keeps a marker written after the full stop with its sentence', () => {
    const result = verifyAnswer('要推动数据中心充分利用风能、太阳能等可再生能源。[3] 另外还要发展核电。', citations);
    assert.deepEqual(result.supported, ['要推动数据中心充分利用风能、太阳能等可再生能源。[3]']);
    assert.deepEqual(result.unsupported.map((u) => u.sentence), ['另外还要发展核电。']);
  });

  it('gives a sentence in another script than its passages no support, unless the question was cross-language', () => {
    const english = 'Never invent numbers; copy them as the passage gives them [1].';
    assert.deepEqual(verifyAnswer(english, citations).supported, []);
  });

  it('checks an English sentence over Chinese passages by its numbers only, for an English question', () => {
    const result = verifyAnswer(
      'By 2025 Guizhou plans to foster 1-2 platform companies worth ten billion yuan [2]. It also targets 900 such firms [2].',
      citations,
      { crossLanguage: true },
    );
    assert.deepEqual(result.supported, ['By 2025 Guizhou plans to foster 1-2 platform companies worth ten billion yuan [2].']);
    assert.deepEqual(result.unsupported, [{ sentence: 'It also targets 900 such firms [2].', markers: [2], overlap: 0 }]);
  });

  it('never keeps the no-answer sentinel as text', () => {
    assert.deepEqual(verifyAnswer('NO_ANSWER', citations).unsupported, [{ sentence: 'NO_ANSWER', markers: [], overlap: 0 }]);
  });
});

describe('AnswerVerifier', () => {
  const answer =
    '贵州的人工智能产品包括：\n\n1. 无人驾驶、智能家居、图像识别等人工智能产品[1]。\n2. 建设全国最大的训练中心[1]。\n3. 培育百亿级平台经济企业1-2家。[2]\n\n以上内容见规划。';

  it('gives, chunk by chunk, exactly what verifying the whole answer gives, and only whole sentences', () => {
    const whole = verifyAnswer(answer, citations);
    for (const size of [1, 2, 5, 13]) {
      const verifier = new AnswerVerifier(citations);
      const pieces: string[] = [];
      const chars = Array.from(answer);
      for (let i = 0; i < chars.length; i += size) pieces.push(verifier.push(chars.slice(i, i + size).join('')));
      pieces.push(verifier.finish());
      assert.equal(pieces.join(''), whole.text, `chunk size ${size}`);
      assert.deepEqual(verifier.result(), whole, `chunk size ${size}`);
      for (const piece of pieces.filter(Boolean)) assert.match(piece, /(：|。|\[\d\])$/);
    }
    // The invented item 2 and the unmarked closing claim go, and no blank line is left behind.
    assert.equal(whole.text, '贵州的人工智能产品包括：\n\n1. 无人驾驶、智能家居、图像识别等人工智能产品[1]。\n3. 培育百亿级平台经济企业1-2家。[2]');
    assert.deepEqual(whole.unsupported.map((u) => u.sentence), ['2. 建设全国最大的训练中心[1]。', '以上内容见规划。']);
  });

  it('holds a sentence back while a marker may still follow its full stop', () => {
    const verifier = new AnswerVerifier(citations);
    assert.equal(verifier.push('要推动数据中心充分利用风能、太阳能等可再生能源。'), '');
    assert.equal(verifier.push('[3'), '');
    assert.equal(verifier.push(']下'), '要推动数据中心充分利用风能、太阳能等可再生能源。[3]');
  });
});

describe('connectives', () => {
  it('drops a short unmarked fragment that leads into nothing (a heading copied after the last cited sentence)', () => {
    const answer = '数据中心要充分利用风能、太阳能、潮汐能、生物质能等可再生能源。[3](三)节点定位';
    const result = verifyAnswer(answer, citations);
    assert.equal(result.text, '数据中心要充分利用风能、太阳能、潮汐能、生物质能等可再生能源。[3]');
    assert.deepEqual(result.unsupported, [{ sentence: '(三)节点定位', markers: [], overlap: 0 }]);
  });

  it('keeps a connective that introduces a cited sentence, streamed or whole', () => {
    const answer = '具体如下：\n数据中心要充分利用风能、太阳能、潮汐能、生物质能等可再生能源[3]。';
    assert.equal(verifyAnswer(answer, citations).text, answer);
    const verifier = new AnswerVerifier(citations);
    const streamed = [...answer].map((char) => verifier.push(char)).join('') + verifier.finish();
    assert.equal(streamed, answer);
  });
});
