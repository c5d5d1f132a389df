/** A PDF page's positioned text items → lines of text, Chinese joined without the spaces layout leaves between glyphs. */

/** The parts of a pdfjs TextItem that layout needs. */
export interface PositionedText {
  str: string;
  /** Text matrix [a, b, c, d, x, y]; y grows upwards. */
  transform: number[];
  width: number;
}

export interface PdfLine {
  text: string;
  /** Font size of the line's largest glyphs. */
  size: number;
  x0: number;
  x1: number;
  /** Baseline, in page units from the bottom. */
  y: number;
}

/** Han characters, CJK punctuation, Kangxi radicals and full-width forms: set without spaces between them. */
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** A gap this wide (in ems) between two Chinese glyphs is a real space, e.g. 第一章　总则. */
const CJK_SPACE_EMS = 0.8;
/** A gap this wide between Latin glyphs is a word space even without a space glyph. */
const LATIN_SPACE_EMS = 0.2;

/**
 * Simplified radicals that stand for whole characters, from Unicode's EquivalentUnifiedIdeograph.txt; NFKC does
 * not fold these.
 */
const RADICAL_CHARACTERS: Record<string, string> = {
  '⺠': '民', '⺰': '纟', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻐': '钅', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

/**
 * Some PDF producers map glyphs shared by a radical and an ideograph to the radical (⼯ for 工, ⻓ for 长): fold them
 * back. Only the radical blocks are touched, so the rest of the text stays as written.
 */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => RADICAL_CHARACTERS[c] ?? c.normalize('NFKC'));
}

const fontSize = (t: number[]) => Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!);

/** Groups items (in content order) into lines by baseline, then writes each line's text. */
export function toLines(items: readonly PositionedText[]): PdfLine[] {
  const lines: PositionedText[][] = [];
  let current: PositionedText[] = [];
  for (const item of items) {
    const last = current.at(-1);
    if (last && !sameLine(last, item)) {
      lines.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length) lines.push(current);
  return lines.map(writeLine).filter((l): l is PdfLine => l !== null);
}

function sameLine(a: PositionedText, b: PositionedText): boolean {
  const size = Math.min(fontSize(a.transform), fontSize(b.transform)) || 1;
  const backwards = b.transform[4]! < a.transform[4]! - size; // a jump back to the left starts a new line
  return Math.abs(a.transform[5]! - b.transform[5]!) < size * 0.5 && !backwards;
}

function writeLine(items: PositionedText[]): PdfLine | null {
  const glyphs = items.filter((i) => i.str.trim() !== '');
  if (glyphs.length === 0) return null;
  let text = '';
  let prevEnd = 0;
  for (const item of glyphs) {
    const size = fontSize(item.transform) || 1;
    const x = item.transform[4]!;
    const str = item.str.replace(/\s+/g, ' ').trim();
    if (text) {
      const gap = (x - prevEnd) / size;
      const chinese = CJK.test(text.at(-1)!) && CJK.test(str[0]!);
      const spaced = chinese ? gap >= CJK_SPACE_EMS : gap >= LATIN_SPACE_EMS || spaceBetween(items, prevEnd, x);
      if (spaced) text += ' ';
    }
    text += str;
    prevEnd = x + item.width;
  }
  const sizes = glyphs.map((g) => fontSize(g.transform));
  return { text: foldRadicals(text), size: Math.max(...sizes), x0: glyphs[0]!.transform[4]!, x1: prevEnd, y: glyphs[0]!.transform[5]! };
}

/** A space glyph set between two non-Chinese glyphs is kept (word spacing in Latin text). */
function spaceBetween(items: PositionedText[], from: number, to: number): boolean {
  return items.some((i) => i.str.trim() === '' && i.str !== '' && i.transform[4]! >= from - 0.5 && i.transform[4]! <= to + 0.5);
}

export function isChinese(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}
