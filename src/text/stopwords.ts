/**
 * Chinese and English stop words for search terms.
 * Hand-written: the npm stop-word packages either lack Chinese or ship long, unmaintained lists that also drop
 * content words (数据, 发展, 经济) this corpus needs; this short list holds only function and question words.
 * Entries are in simplified, lower-case form, as produced by normaliseForMatch.
 */

const CHINESE = [
  // particles, auxiliaries, aspect markers
  '的', '地', '得', '了', '着', '过', '之', '所', '者', '也', '矣', '焉', '哉', '乎',
  '吗', '呢', '吧', '啊', '呀', '嘛', '哦', '哈', '啦', '么', '罢了', '而已', '似的', '一样',
  // copulas and very common verbs with no topic
  '是', '为', '有', '在', '乃', '系', '即', '就是', '便是', '成为',
  // conjunctions
  '和', '与', '及', '以及', '并', '并且', '而', '而且', '或', '或者', '还是', '以', '跟', '同',
  '但', '但是', '可是', '然而', '不过', '因为', '所以', '因此', '因而', '如果', '假如', '虽然', '尽管', '即使',
  '既', '又', '也是', '还', '还有', '则', '那么', '于是', '从而', '进而', '以便', '以免', '只要', '只有', '除了',
  // prepositions
  '对', '对于', '关于', '于', '从', '自', '自从', '向', '往', '把', '被', '给', '让', '由', '按', '按照', '依照',
  '根据', '通过', '随着', '为了', '至', '到', '将', '就', '比', '经', '经过', '当', '沿着', '趁',
  // pronouns and determiners
  '我', '我们', '你', '你们', '您', '他', '他们', '她', '她们', '它', '它们', '其', '其中', '其他', '其它', '自己',
  '这', '这个', '这些', '这样', '这种', '这里', '那', '那个', '那些', '那样', '那种', '那里', '此', '该', '各', '每', '某',
  '本', '之一', '等', '等等', '一些', '一个', '有些', '所有',
  // question words
  '什么', '哪', '哪些', '哪个', '哪里', '哪儿', '哪种', '哪几', '哪方面', '怎样', '怎么', '怎么样', '如何', '多少', '几',
  '几个', '为何', '为什么', '何', '何时', '何处', '谁', '是否', '是不是', '有没有', '能否', '可否', '请问', '请',
  // adverbs of degree and frequency
  '很', '都', '更', '最', '再', '才', '已', '已经', '曾', '曾经', '正在', '将要', '要', '会', '能', '可',
  '可以', '应', '应该', '应当', '需要', '非常', '十分', '比较', '较', '不', '没', '没有', '别', '一', '一下', '一起',
];

const ENGLISH = [
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'into', 'about', 'and', 'or', 'but',
  'not', 'no', 'if', 'then', 'than', 'so', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did',
  'has', 'have', 'had', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'i', 'you', 'he', 'she', 'we',
  'they', 'me', 'him', 'her', 'us', 'them', 'my', 'your', 'his', 'our', 'their', 'what', 'which', 'who', 'whom', 'whose',
  'when', 'where', 'why', 'how', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'any', 'some',
  'all', 'each', 'other', 'such', 'very', 'just', 'also', 'please', 'tell',
];

export const STOPWORDS: ReadonlySet<string> = new Set([...CHINESE, ...ENGLISH]);

/** A token made only of whitespace, punctuation or symbols (any script). */
const PUNCTUATION_ONLY = /^[\s\p{P}\p{S}]*$/u;

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token) || PUNCTUATION_ONLY.test(token);
}
