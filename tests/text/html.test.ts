import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToDocument } from '../../src/text/html.ts';

const PAGE = `<!DOCTYPE html><html><head><title>页面标题</title><style>p{color:red}</style>
<script>var x = "<p>no</p>";</script></head>
<body>
  <h1>  东数西算 <small>工程</small> </h1>
  <p>数据中心&nbsp;是&lt;基础&gt;设施&amp;算力。   第二句
  在这里。</p>
  <div><h2>(一)基本原则</h2><ul><li>加强统筹</li><li>绿色<b>集约</b></li></ul></div>
  <p>第一行<br>第二行<br/><br>第三行</p>
  <table><tr><td>单元1</td><td>单元2</td></tr><tr><td>单元3</td></tr></table>
  <noscript>开启脚本</noscript>
  <h3> </h3>
  <p>&#x4E2D;&#25991; &quot;引号&quot;</p>
</body></html>`;

test('visible text only, blocks as line breaks, entities decoded, whitespace collapsed', () => {
  const { text } = htmlToDocument(PAGE);
  assert.equal(
    text,
    '东数西算 工程\n数据中心 是<基础>设施&算力。 第二句 在这里。\n(一)基本原则\n加强统筹\n绿色集约\n' +
      '第一行\n第二行\n第三行\n单元1 单元2\n单元3\n中文 "引号"',
  );
});

test('h1–h6 become headings with exact offsets into the returned text; empty headings are dropped', () => {
  const { text, headings } = htmlToDocument(PAGE);
  assert.deepEqual(headings, [
    { start: 0, end: 7, level: 1, title: '东数西算 工程' },
    { start: 34, end: 41, level: 2, title: '(一)基本原则' },
  ]);
  for (const h of headings) assert.equal(text.slice(h.start, h.end), h.title);
});

test('preformatted text keeps its spacing', () => {
  assert.equal(htmlToDocument('<p>前</p><pre>  a  b\nc</pre><p>后</p>').text, '前\n  a  b\nc\n后');
});

test('a fragment without html/body tags works', () => {
  assert.deepEqual(htmlToDocument('<h4>标题</h4>正文<i>斜体</i>'), {
    text: '标题\n正文斜体',
    headings: [{ start: 0, end: 2, level: 4, title: '标题' }],
  });
});
