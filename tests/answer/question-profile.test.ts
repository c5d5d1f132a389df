import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileQuestion, questionParts, type ProfileSources } from '../../src/answer/question-profile.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';

const tokenizer = new JiebaTokenizer();
/** A toy corpus: every word has IDF 2 except those it lacks (IDF 5, document frequency 0). */
function sources(absent: string[] = [], synonyms: Record<string, string[]> = {}): ProfileSources {
  return {
    tag: (text) => tokenizer.tag(text),
    termWeight: (term) => (absent.includes(term) ? 5 : 2),
    // Absent words are absent as bigrams too (·火星), as a corpus that never mentions them would be.
    documentFrequency: (term) => (absent.some((a) => term.replace('·', '') === a) ? 0 : 3),
    bigramTerm: (b) => `·${b}`,
    synonymsOf: (w) => synonyms[w] ?? [],
    readings: (english) => (english.includes('headquarters') ? [['总部', '总公司']] : []),
  };
}

describe('profileQuestion', () => {
  it('keeps content words, drops interrogatives and stop words, and marks the words next to the interrogative as the focus', () => {
    const profile = profileQuestion('净水器的滤芯多久需要更换一次？', sources());
    const terms = profile.words.map((w) => w.term);
    assert.ok(terms.includes('滤芯') && terms.includes('更换'), terms.join(','));
    assert.ok(!terms.includes('多久') && !terms.includes('的'), terms.join(','));
    assert.equal(profile.type, 'time');
    assert.ok(profile.words.find((w) => w.term === '更换')?.focus);
  });

  it('takes off a particle jieba glues onto a word neither the corpus nor the dictionary holds, and keeps other words whole', () => {
    const glued = tokenizer.tag('白山云是哪一年成立的').map((t) => t.word);
    assert.ok(glued.includes('云是'), `jieba glues 是 onto 云 here: ${glued.join('/')}`);
    const withDictionary = (absent: string[], words: string[] = []) => ({ ...sources(absent), isGeneral: (w: string) => words.includes(w) });
    const terms = profileQuestion('白山云是哪一年成立的？', withDictionary(['云是'])).words.map((w) => w.term);
    assert.ok(terms.includes('云') && !terms.includes('云是'), terms.join(','));
    const has = (question: string, s: ProfileSources, term: string) => profileQuestion(question, s).words.some((w) => w.term === term);
    assert.ok(has('白山云是哪一年成立的？', withDictionary([]), '云是'), 'a word the corpus holds is left whole');
    assert.ok(has('白山云是哪一年成立的？', withDictionary(['云是', '云']), '云是'), 'what is left must be a word the corpus holds');
    assert.ok(has('白山云是哪一年成立的？', sources(['云是']), '云是'), 'without a dictionary, left whole');
    assert.ok(has('基地在哪里？', withDictionary(['基地'], ['基地']), '基地'), 'a dictionary word is left whole');
    assert.ok(has('何晓东是谁？', withDictionary(['何晓东']), '何晓东'), 'only particles at the end are taken off, not the surname 何');
  });

  it('marks each word as before or after the interrogative, across clauses too', () => {
    const sideOf = (question: string, term: string) => profileQuestion(question, sources()).words.find((w) => w.term === term)?.side;
    assert.equal(sideOf('该厂是哪一年迁至城东的？', '该厂'), -1);
    assert.equal(sideOf('该厂是哪一年迁至城东的？', '城东'), 1);
    assert.equal(sideOf('工厂扩建后，员工有多少人，食堂够不够用？', '工厂'), -1, 'a clause before the one that asks');
    assert.equal(sideOf('该厂迁至城东。', '城东'), 0, 'no interrogative');
  });

  it('reads single characters jieba leaves side by side as the word the corpus spells with them, weighed as its bigram', () => {
    const singles = tokenizer.tag('竹纸制作中的浸沤工序是如何进行的').map((t) => t.word);
    assert.ok(singles.includes('浸') && singles.includes('沤'), `jieba cuts 浸沤 into characters: ${singles.join('/')}`);
    const bigramWeighs = (weight: number): ProfileSources => ({ ...sources(), termWeight: (term) => (term === '·浸沤' ? weight : 2) });
    const joined = profileQuestion('竹纸制作中的浸沤工序是如何进行的？', bigramWeighs(4.5)).words.find((w) => w.term === '浸沤');
    assert.equal(joined?.weight, 4.5, "the weight of the corpus's bigram 浸沤, not of a single character or an unseen word");
    assert.equal(joined?.inCorpus, true);
    const apart = profileQuestion('竹纸制作中的浸沤工序是如何进行的？', sources(['浸沤'])).words.map((w) => w.term);
    assert.ok(apart.includes('浸') && apart.includes('沤') && !apart.includes('浸沤'), `a pair the corpus lacks stays apart: ${apart.join(',')}`);
  });

  it('joins such characters in pairs, left to right, so that each joined word occurs in the corpus', () => {
    const cut = tokenizer.tag('浸沤后要漂洗吗').map((t) => t.word);
    assert.ok(cut.slice(0, 3).join('/') === '浸/沤/后', `jieba cuts 浸沤后 into characters: ${cut.join('/')}`);
    const terms = profileQuestion('浸沤后要漂洗吗？', sources(['沤后'])).words.map((w) => w.term);
    assert.ok(terms.includes('浸沤') && !terms.some((t) => t.includes('沤后')), terms.join(','));
  });

  it('flags words the corpus never uses, with their tags, so a different subject is noticed', () => {
    const profile = profileQuestion('火星基地的负责单位是哪里？', sources(['火星', '基地']));
    assert.deepEqual(profile.words.filter((w) => !w.inCorpus).map((w) => w.term).sort(), ['基地', '火星']);
    assert.ok(profile.words.every((w) => w.tag.length > 0));
  });

  it('reads an A-not-A question as asking about A', () => {
    const terms = profileQuestion('退休以后工资还发不发', sources()).words.map((w) => w.term);
    assert.ok(terms.some((t) => t.includes('发')) && !terms.some((t) => t.includes('不')), terms.join(','));
  });

  it('drops 哪里 and 哪儿 whole, leaving no stray 里 or 儿 to match', () => {
    for (const question of ['公司总部在哪里？', '公司总部在哪儿？']) assert.deepEqual(profileQuestion(question, sources()).words.map((w) => w.term), ['公司总部'].flatMap((t) => tokenizer.tag(t).map((x) => x.word)), question);
  });

  it('carries the lexicon synonyms of each word and reads an English question through its translation', () => {
    assert.deepEqual(profileQuestion('数据中心怎么省电', sources([], { 省电: ['节电'] })).words.find((w) => w.term === '省电')?.synonyms, ['节电']);
    const english = profileQuestion('Where is the company headquarters?', sources());
    assert.equal(english.type, 'place');
    assert.deepEqual(english.words.map((w) => w.term), ['总部']);
    assert.deepEqual(english.words[0]?.synonyms, ['总公司'], "the English word's other senses match as synonyms");
    const senses = (readings: string[][], extra: Record<string, string[]> = {}) => ({ ...sources([], extra), readings: () => readings });
    const merged = profileQuestion('Which plan project?', senses([['计划', '规划'], ['项目', '计划', '工程'], ['项目', '专案']], { 项目: ['专案'] }));
    assert.deepEqual(merged.words.find((w) => w.term === '项目')?.synonyms, ['工程', '专案'], 'merged, deduplicated, without another reading’s word');
    const cut = profileQuestion('Which opponent?', senses([['对抗者', '对手']]));
    assert.ok(cut.words.some((w) => w.synonyms.includes('对手')), 'a word jieba cuts keeps its senses');
  });

  it('keeps the codes a question names among its values', () => {
    assert.ok(profileQuestion('面板显示E3是什么故障？', sources()).values.includes('e3'));
  });

  it('reads traditional script as simplified and colloquial interrogatives as interrogatives', () => {
    assert.deepEqual(profileQuestion('淨水器的濾芯多久更換？', sources()).words.map((w) => w.term), profileQuestion('净水器的滤芯多久更换？', sources()).words.map((w) => w.term));
    assert.equal(profileQuestion('为啥要定期更换滤芯', sources()).type, 'reason');
    assert.ok(!profileQuestion('滤芯有啥用', sources()).words.some((w) => w.term.includes('啥')));
  });
});

describe('questionParts', () => {
  it('splits a question that asks two things, each part keeping the subject the second leaves out', () => {
    assert.deepEqual(questionParts('年假能休几天？必须在多长时间之内休完？'), ['年假能休几天？', '年假能休，必须在多长时间之内休完？']);
    assert.equal(questionParts('门店几点开门，几点关门？').length, 2);
  });

  it('keeps a question that asks one thing whole, clauses and all', () => {
    assert.deepEqual(questionParts('到2025年，门店数量要达到多少？'), ['到2025年，门店数量要达到多少？']);
    assert.deepEqual(questionParts('滤芯多久换一次'), ['滤芯多久换一次']);
  });
});

describe('profileQuestion: chatter', () => {
  it('drops a clause that asks nothing and names nothing the corpus holds', () => {
    const profile = profileQuestion('老师让我们写报告，我想问一下，滤芯多久换一次，谢谢啦', sources(['老师', '报告', '写', '谢谢', '问', '想']));
    assert.deepEqual(profile.words.map((w) => w.term).sort(), ['换', '滤芯', '一次'].sort());
  });
});
