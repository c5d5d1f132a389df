import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerSpans, holdsAnswerShape } from '../../src/answer/answer-kinds.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';

const tokenizer = new JiebaTokenizer();
const spans = (type: Parameters<typeof answerSpans>[0], text: string) => answerSpans(type, text, () => tokenizer.tag(text)).map((s) => s.text);

describe('answerSpans', () => {
  it('finds dates and times in digits, Chinese numerals and time words', () => {
    assert.deepEqual(spans('time', '该馆于1998年3月12日开放，当天下午举行了仪式'), ['1998年3月12日', '当天', '下午']);
    assert.deepEqual(spans('time', '一九五六年，工厂迁往南方'), ['一九五六年']);
    assert.deepEqual(spans('time', '工厂迁往南方'), []);
  });

  it('finds numbers with their measure words, not the 一 inside a word', () => {
    assert.deepEqual(spans('number', '员工工作满十五年后，年假为15天'), ['十五年', '15天']);
    assert.deepEqual(spans('number', '净水器的额定功率为36w，滤芯寿命约12个月'), ['36w', '约12个月']);
    assert.deepEqual(spans('number', '推进一体化发展'), []);
    assert.deepEqual(spans('number', '面板显示e3，qm-r600机型每台3000元'), ['3000元'], 'digits after a letter are a code, not a number');
  });

  it('finds places and people by their part-of-speech tags, and place names jieba lacks by their suffix', () => {
    assert.ok(spans('place', '公司总部位于杭州市西湖区').some((s) => s.includes('杭州')));
    assert.ok(spans('place', '新厂建在青石镇').includes('青石镇'));
    assert.ok(spans('person', '该项目由张伟负责').includes('张伟'));
  });

  it('keeps a transliterated name whole across its dot, and an ordinal with its 第', () => {
    assert.deepEqual(spans('person', '本届的获奖者是保罗·皮尔斯'), ['保罗·皮尔斯']);
    assert.deepEqual(spans('number', '她是第二位嫁入王室的人，排名全国第9'), ['第二位', '第9']);
  });

  it('offers no spans for kinds that are not values', () => {
    assert.deepEqual(spans('list', '包括甲、乙、丙三类'), []);
  });
});

describe('holdsAnswerShape', () => {
  const none = () => [];
  it('recognises enumerations, definitions and reasons by their markers', () => {
    assert.equal(holdsAnswerShape('list', '主要包括滤芯、水泵和控制板', none), false);
    assert.equal(holdsAnswerShape('list', '主要包括滤芯、水泵、控制板', none), true);
    assert.equal(holdsAnswerShape('definition', '反渗透是指在压力作用下让水透过半透膜的过程', none), true);
    assert.equal(holdsAnswerShape('reason', '为了减少水垢，应每月清洗一次', none), true);
    assert.equal(holdsAnswerShape('reason', '应每月清洗一次', none), false);
  });
});
