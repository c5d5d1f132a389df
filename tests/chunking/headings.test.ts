import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { detectHeadings, parseOrdinal, sectionPaths } from '../../src/chunking/headings.ts';

const SEED = readFileSync(new URL('../../seeds/000_dcbe81f0de4cc422.txt', import.meta.url), 'utf8');
const XI = '★习近平总书记在十九届中央政治局围绕推动我国数字经济健康发展进行第三十四次集体学习发表重要讲话精神(2021年10月18日)';
const PLAN = '★国家发展改革委等四部门印发《全国一体化大数据中心协同创新体系算力枢纽实施方案》';
const GUIZHOU = '★《贵州省“十四五”数字经济发展规划》部署';

const outline = (text: string, format: 'txt' | 'md'): string[] =>
  detectHeadings(text, format).map((h) => `${h.level} ${h.title}`);

test('the seed outline: levels follow the style stack', () => {
  assert.deepEqual(outline(SEED, 'txt'), [
    '1 一、背景链接',
    '1 二、深度解读',
    '2 (一)中央和国家层面部署',
    `3 ${XI}`,
    '4 1.发展数字经济意义重大(3个有利于)',
    '4 2.我国数字经济发展存在的2个问题',
    '4 3.推动我国数字经济健康发展的7项重要举措',
    '3 ★“十四五”数字经济发展规划相关部署',
    '4 1.“十四五”数字经济发展指导思想',
    '4 2.“十四五”数字经济发展基本原则',
    '4 3.“十四五”数字经济发展目标',
    `3 ${PLAN}`,
    '4 (一)基本原则',
    '4 (二)发展思路',
    '4 (三)节点定位',
    '4 (四)国家枢纽节点重点任务',
    '3 ★贵州省数字经济基本情况',
    '3 ★国发〔2022〕2号文件的战略定位:数字经济发展创新区',
    '4 加快构建以数字经济为引领的现代产业体系(三项举措)',
    `3 ${GUIZHOU}`,
    '4 1.贵州省“十四五”数字经济发展目标',
    '4 2.贵州省“十四五”数字经济发展布局',
    '4 3.贵州省“十四五”数字经济发展主要任务',
    '5 (一)培育壮大数字产业,建设电子信息产业集聚区',
    '6 1.做强数据特色产业',
    '6 2.巩固关键基础产业',
    '6 3.培育前沿新兴产业',
    '6 4.积极培育发展新业态',
  ]);
});

test('every heading is one whole trimmed line and its offsets slice out its title', () => {
  for (const h of detectHeadings(SEED, 'txt')) {
    assert.equal(SEED.slice(h.start, h.end), h.title);
    assert.ok(h.start === 0 || SEED[h.start - 1] === '\n');
    assert.ok(h.end === SEED.length || SEED[h.end] === '\n');
  }
});

test('section paths on the seed', () => {
  const sections = sectionPaths(detectHeadings(SEED, 'txt'));
  assert.deepEqual(sections.at(SEED.indexOf('第一,加强关键核心技术攻关')), [
    '二、深度解读',
    '(一)中央和国家层面部署',
    XI,
    '3.推动我国数字经济健康发展的7项重要举措',
  ]);
  assert.deepEqual(sections.at(SEED.indexOf('加强统筹。加强数据中心统筹规划')), [
    '二、深度解读',
    '(一)中央和国家层面部署',
    PLAN,
    '(一)基本原则',
  ]);
  assert.deepEqual(sections.at(SEED.indexOf('强化数据中心产业。')), [
    '二、深度解读',
    '(一)中央和国家层面部署',
    GUIZHOU,
    '3.贵州省“十四五”数字经济发展主要任务',
    '(一)培育壮大数字产业,建设电子信息产业集聚区',
    '1.做强数据特色产业',
  ]);
  assert.deepEqual(sections.at(0), ['一、背景链接']);
});

test('an unpunctuated plain-text line that introduces an enumerated list is that list\'s title', () => {
  const text = ['★规划部署', '构建现代产业体系(三项举措)', '一是提升科技创新能力。支持参与。', '二是实施强链行动。推进建设。'].join('\n');
  assert.deepEqual(outline(text, 'txt'), ['1 ★规划部署', '2 构建现代产业体系(三项举措)']);
  // Not before a paragraph, not when the line ends a sentence or leads into one, and not in Markdown.
  assert.deepEqual(outline('构建现代产业体系\n提升科技创新能力。支持参与。', 'txt'), []);
  assert.deepEqual(outline('构建现代产业体系。\n一是提升科技创新能力。', 'txt'), []);
  assert.deepEqual(outline('主要举措如下:\n1.提升科技创新能力。支持参与。', 'txt'), []);
  assert.deepEqual(outline('构建现代产业体系\n一是提升科技创新能力。', 'md'), []);
});

test('numbered paragraphs that run on past their first sentence are body text', () => {
  const titles = detectHeadings(SEED, 'txt').map((h) => h.title);
  assert.ok(SEED.includes('\n1.加强绿色集约建设。以数据中心'));
  assert.ok(SEED.includes('\n第一,加强关键核心技术攻关。要牵住'));
  assert.equal(titles.filter((t) => t.startsWith('1.加强') || t.startsWith('第一,')).length, 0);
  assert.equal(outline('1.加强绿色集约建设。以数据中心集群布局等为抓手\n', 'txt').length, 0);
});

test('all numbering styles are recognised; decimals, long lines and comma endings are not headings', () => {
  const text = [
    '第一章 总则',
    '第一节 目的',
    '第一条 适用范围',
    '一、总体要求',
    '（一）指导思想',
    '1、坚持创新',
    '(1)加强统筹',
    '第一，坚持系统推进',
    '☆重点任务',
    '■专栏',
    '●附录',
    '3.5亿元用于建设',
    '1.发展数字经济，',
    `1.${'很长的标题'.repeat(13)}`,
    '2024年6月26日至27日',
  ].join('\n');
  assert.deepEqual(outline(text, 'txt'), [
    '1 第一章 总则',
    '2 第一节 目的',
    '3 第一条 适用范围',
    '4 一、总体要求',
    '5 （一）指导思想',
    '6 1、坚持创新',
    '7 (1)加强统筹',
    '8 第一，坚持系统推进',
    '9 ☆重点任务',
    '10 ■专栏',
    '11 ●附录',
  ]);
});

test('a repeated style closes everything inside it; a first ordinal under another style restarts numbering', () => {
  const text = ['一、甲', '(一)乙', '1.丙', '2.丁', '(二)戊', '1.己', '二、庚', '★辛', '1.壬', '★癸', '(一)子', '(二)丑'].join('\n');
  assert.deepEqual(outline(text, 'txt'), [
    '1 一、甲',
    '2 (一)乙',
    '3 1.丙',
    '3 2.丁',
    '2 (二)戊',
    '3 1.己',
    '1 二、庚',
    '2 ★辛',
    '3 1.壬',
    '2 ★癸',
    '3 (一)子',
    '3 (二)丑',
  ]);
});

test('Markdown: # levels, numbered lines nest under them, fenced code is skipped', () => {
  const md = '# 总览\n正文\n## 背景 ##\n一、要点\n```\n# 不是标题\n```\n### 细节\n# 附录\n';
  const headings = detectHeadings(md, 'md');
  assert.deepEqual(
    headings.map((h) => [h.level, h.title]),
    [
      [1, '总览'],
      [2, '背景'],
      [3, '一、要点'],
      [3, '细节'],
      [1, '附录'],
    ],
  );
  assert.equal(md.slice(headings[1]!.start, headings[1]!.end), '## 背景 ##');
  assert.deepEqual(outline('# 不是 Markdown\n', 'txt'), []);
});

test('sectionPaths nests by level and gives [] before the first heading', () => {
  const sections = sectionPaths([
    { start: 10, end: 12, level: 1, title: 'A' },
    { start: 20, end: 22, level: 3, title: 'B' },
    { start: 30, end: 32, level: 2, title: 'C' },
    { start: 40, end: 42, level: 1, title: 'D' },
  ]);
  assert.deepEqual(sections.paths, [['A'], ['A', 'B'], ['A', 'C'], ['D']]);
  assert.deepEqual(sections.at(0), []);
  assert.deepEqual(sections.at(10), ['A']);
  assert.deepEqual(sections.at(25), ['A', 'B']);
  assert.deepEqual(sections.at(35), ['A', 'C']);
  assert.deepEqual(sections.at(1000), ['D']);
});

test('parseOrdinal reads Arabic, full-width and Chinese numerals', () => {
  assert.deepEqual(
    ['1', '12', '３', '一', '十', '十二', '二十', '二十三', '一百零五', '两'].map(parseOrdinal),
    [1, 12, 3, 1, 10, 12, 20, 23, 105, 2],
  );
});
