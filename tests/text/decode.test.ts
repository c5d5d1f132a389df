import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeBytes } from '../../src/text/decode.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((h) => parseInt(h, 16)));

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be reproduced. */
function randomBytes(seed: number, length: number, min = 0, max = 255): Uint8Array {
  let state = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = min + Math.floor(r * (max - min + 1));
  }
  return out;
}

test('UTF-8 without BOM decodes unchanged, CRLF kept', () => {
  const text = '一、背景链接\r\n数据中 心 3.5亿元 ABC';
  assert.deepEqual(decodeBytes(new TextEncoder().encode(text)), { ok: true, text, encoding: 'utf-8' });
});

test('UTF-8 with BOM: the BOM is stripped from the text', () => {
  const body = new TextEncoder().encode('东数西算');
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
  assert.deepEqual(decodeBytes(bytes), { ok: true, text: '东数西算', encoding: 'utf-8-bom' });
});

test('empty input is empty UTF-8 text', () => {
  assert.deepEqual(decodeBytes(new Uint8Array()), { ok: true, text: '', encoding: 'utf-8' });
});

test('GBK bytes decode as gb18030', () => {
  assert.deepEqual(decodeBytes(hex('d6 d0 ce c4')), { ok: true, text: '中文', encoding: 'gb18030' });
  const sentence = hex(
    'ca fd be dd d6 d0 d0 c4 ca c7 ca fd d7 d6 be ad bc c3 b5 c4 d6 d8 d2 aa bb f9 b4 a1 c9 e8 ca a9 a1 a3',
  );
  assert.deepEqual(decodeBytes(sentence), { ok: true, text: '数据中心是数字经济的重要基础设施。', encoding: 'gb18030' });
});

test('GBK with ASCII, full-width punctuation and CRLF keeps every character', () => {
  const bytes = hex(
    '32 30 32 34 c4 ea a3 ac b9 f3 d6 dd ca a1 cd c6 bd f8 a1 b0 b6 ab ca fd ce f7 cb e3 a1 b1 b9 a4 b3 cc a3 a8 d2 bb a3 a9 a1 a3 0d 0a b5 da b6 fe d0 d0',
  );
  assert.deepEqual(decodeBytes(bytes), {
    ok: true,
    text: '2024年，贵州省推进“东数西算”工程（一）。\r\n第二行',
    encoding: 'gb18030',
  });
});

/** Node cannot encode GBK, so build the encoder by decoding every two-byte GBK code once. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(codes.get(ch) ?? assert.fail(`no GBK code for ${ch}`)));
  }
  return Uint8Array.from(out);
}

test('the seed document saved as GBK decodes to the same text', () => {
  const seed = readFileSync(new URL('../../seeds/000_dcbe81f0de4cc422.txt', import.meta.url), 'utf8');
  const bytes = encodeGbk(seed);
  assert.notEqual(bytes.length, Buffer.byteLength(seed)); // really a different encoding
  assert.deepEqual(decodeBytes(bytes), { ok: true, text: seed, encoding: 'gb18030' });
});

test('a PNG header is binary', () => {
  const png = hex('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52 00 00 01 00');
  assert.deepEqual(decodeBytes(png), { ok: false, reason: 'binary' });
});

test('NUL bytes make otherwise valid UTF-8 binary', () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('数据'), 0, 0, 0x41]);
  assert.deepEqual(decodeBytes(bytes), { ok: false, reason: 'binary' });
});

test('many control characters without NUL are binary', () => {
  const bytes = new TextEncoder().encode('ab\x01\x02cd\x03\x04ef\x05\x06gh\x07\x08');
  assert.deepEqual(decodeBytes(bytes), { ok: false, reason: 'binary' });
});

test('random bytes are never accepted as text', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const result = decodeBytes(randomBytes(seed, 256));
    assert.equal(result.ok, false, `seed ${seed}`);
  }
});

test('random high bytes that GB18030 decodes without error are still rejected', () => {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let seed = 1; seed <= 200; seed++) {
    const bytes = randomBytes(seed, 64, 0x81, 0xfe);
    assert.doesNotThrow(() => decoder.decode(bytes)); // the decoder alone would accept it
    assert.deepEqual(decodeBytes(bytes), { ok: false, reason: 'unknown-encoding' }, `seed ${seed}`);
  }
});

test('invalid UTF-8 after a UTF-8 BOM is an unknown encoding', () => {
  assert.deepEqual(decodeBytes(hex('ef bb bf d6 d0 ce c4 ff')), { ok: false, reason: 'unknown-encoding' });
});

test('Big5 traditional Chinese is decoded, and GB text is not mistaken for it', () => {
  const big5 = hex('b2 c4 a4 40 b1 f8 a1 40 ac b0 b3 57 bd 64 ac 46 a9 b2 b8 ea ae c6 b6 7d a9 f1 a1 43');
  assert.deepEqual(decodeBytes(big5), { ok: true, text: '第一條　為規範政府資料開放。', encoding: 'big5' });
  assert.deepEqual(decodeBytes(hex('d6 d0 ce c4 b2 e2 ca d4 a1 a3')), { ok: true, text: '中文测试。', encoding: 'gb18030' });
});

test('UTF-16 with a BOM is decoded in either byte order, and is not called binary', () => {
  const text = '开放数据。\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  assert.deepEqual(decodeBytes(le), { ok: true, text, encoding: 'utf-16le-bom' });
  assert.deepEqual(decodeBytes(be), { ok: true, text, encoding: 'utf-16be-bom' });
});

test('UTF-16 without a BOM is recognised by reading as text in one byte order', () => {
  const text = '第二条 Open data 每季度更新一次。\n';
  assert.deepEqual(decodeBytes(Buffer.from(text, 'utf16le')), { ok: true, text, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(Buffer.from(text, 'utf16le').swap16()), { ok: true, text, encoding: 'utf-16be' });
});
