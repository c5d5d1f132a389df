/**
 * Answers over documents of three genres and formats that are not the seed (a Markdown handbook, a GB18030
 * government notice, an HTML product manual), asked over real HTTP: quoted values, short answers with exact
 * offsets, refusals of questions whose subject no document mentions, and an English question answered offline.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { readDocument } from '../../src/ingest/read-document.ts';
import type { AskResponse } from '../../src/types.ts';
import { serveTemp } from '../../scripts/lib/serve-temp.ts';
import { assertCitationContract } from '../answer/seed-answerer.ts';
import { makeSeeds, testConfig } from '../ingest/fixtures.ts';

const HANDBOOK = `# 远舟物流员工手册

## 第一章 公司简介

远舟物流有限公司成立于2009年，总部位于宁波市鄞州区天童南路588号，在全国设有14个分拨中心。

## 第二章 休假

员工入职满一年后享受带薪年休假。工作满1年不满10年的，年休假5天；满10年不满20年的，年休假10天；满20年的，年休假15天。

婚假为10天，应在领取结婚证之日起六个月内休完。

## 第三章 报销

出差住宿费按城市分级报销，一线城市每晚不超过600元，其他城市每晚不超过400元。
`;

const NOTICE = `关于做好2025年冬季供暖工作的通知

一、供暖时间
本市2025年冬季供暖期为11月15日至次年3月15日，遇极端天气可提前或延长。

二、室温标准
供暖期间，居民住宅卧室、起居室温度不得低于18℃。

三、投诉渠道
居民对供暖质量有异议的，可拨打供热服务热线96069反映，供热单位应在24小时内上门处理。
`;

const MANUAL = `<html><head><title>晴川X3扫地机器人使用说明书</title></head><body>
<h1>晴川X3扫地机器人使用说明书</h1>
<h2>产品参数</h2>
<table><tr><td>电池容量</td><td>5200毫安时</td></tr><tr><td>额定功率</td><td>45瓦</td></tr></table>
<p>充满电约需4小时，续航时间约为180分钟。</p>
<h2>保养</h2>
<p>边刷每3个月更换一次，滤网每2个月更换一次。尘盒应每次使用后清空，以免影响吸力。</p>
<h2>售后服务</h2>
<p>整机保修期为一年，电池保修期为六个月。保修期内的故障由苏州晴川智能科技有限公司免费维修。</p>
</body></html>`;

let app: FastifyInstance;
let url: string;
const originals = new Map<string, string>();

before(async () => {
  const gb = await gb18030(NOTICE);
  const seeds = await makeSeeds({ 'handbook.md': HANDBOOK, 'notice.txt': gb, 'manual.html': MANUAL });
  for (const [name, bytes] of Object.entries({ 'handbook.md': new TextEncoder().encode(HANDBOOK), 'notice.txt': gb, 'manual.html': new TextEncoder().encode(MANUAL) })) {
    const read = await readDocument(name, bytes, { ocr: null });
    assert.ok(read.ok);
    originals.set(name, read.document.text);
  }
  ({ app, url } = await serveTemp(await testConfig(seeds)));
});

after(async () => {
  await app?.close();
});

/** GB18030 bytes of a text, from the system's iconv (the test documents a real-world encoding, not UTF-8). */
async function gb18030(text: string): Promise<Uint8Array> {
  const { execFileSync } = await import('node:child_process');
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));
}

async function ask(question: string): Promise<AskResponse> {
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  assert.equal(res.status, 200);
  const body = (await res.json()) as AskResponse;
  assertCitationContract(body);
  for (const c of body.citations) assert.equal(originals.get(c.source)?.slice(c.start, c.end), c.text, `offsets of ${c.source}`);
  return body;
}

describe('answers over a Markdown handbook, a GB18030 notice and an HTML manual', () => {
  const cases: { question: string; source: string; value: string }[] = [
    { question: '远舟物流的总部在哪里？', source: 'handbook.md', value: '宁波市鄞州区' },
    { question: '出差住在一线城市，每晚住宿费最多报销多少？', source: 'handbook.md', value: '600元' },
    { question: '供暖期间卧室温度不得低于多少度？', source: 'notice.txt', value: '18℃' },
    { question: '供热服务热线是多少？', source: 'notice.txt', value: '96069' },
    { question: '扫地机器人的续航时间是多久？', source: 'manual.html', value: '180分钟' },
    { question: '滤网多久更换一次？', source: 'manual.html', value: '2个月' },
  ];
  for (const { question, source, value } of cases) {
    it(`${question} → ${value} from ${source}`, async () => {
      const body = await ask(question);
      assert.equal(body.status, 'answered', body.answer);
      assert.ok(body.answer.includes(value), body.answer);
      assert.equal(body.citations[0]?.source, source);
      assert.ok(body.confidence! > 0 && body.confidence! <= 1);
    });
  }

  it('returns the short answer phrase inside its citation, with document offsets', async () => {
    const body = await ask('远舟物流有限公司成立于哪一年？');
    assert.equal(body.short?.text, '2009年');
    const cited = body.citations.find((c) => c.n === body.short!.citation)!;
    assert.ok(cited.start <= body.short!.start && body.short!.end <= cited.end);
    assert.equal(originals.get(cited.source)!.slice(body.short!.start, body.short!.end), '2009年');
  });

  it('refuses a question about a subject no document mentions, with a low confidence', async () => {
    const body = await ask('火星基地的负责单位是哪里？');
    assert.equal(body.status, 'no_answer', body.answer);
    assert.ok(body.confidence! < 0.5);
  });

  it('answers an English question offline from the Chinese text, saying so', async () => {
    const body = await ask('How long is the warranty of the battery?');
    assert.equal(body.status, 'answered', body.answer);
    assert.match(body.answer, /^Quoted from the Chinese documents: .*六个月/);
  });
});
