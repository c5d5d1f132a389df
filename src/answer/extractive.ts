import { LRUCache } from 'lru-cache';
import type { AnswerMode, Answerer, AskEvent, AskOptions, AskResponse, Citation, SearchResult, ShortAnswer } from '../types.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { AnswererModel } from './answer-model.ts';
import { confidenceFeatures } from './confidence.ts';
import { probability } from './answer-model.ts';
import { ENUMERATED, splitClauses } from './candidates.ts';
import { MAX_SECTION_ITEMS, sectionListItems, type SectionScorer } from './list-answers.ts';
import { noAnswerResponse } from './no-answer.ts';
import { asksForSeveral, isLatinScript, wantsPhrase } from './question-analysis.ts';
import { profileQuestion, questionParts, type ProfileSources, type QuestionProfile } from './question-profile.ts';
import { combineParts } from './multi-part.ts';
import { featuredCandidates, rankCandidates, type RankedCandidate } from './selector.ts';
import { shortAnswer, type ShortSpan } from './short-answer.ts';
import { citeListAsOne, mergeAdjacent, type CitedGroup, type Segment } from './quote-segments.ts';

export interface ExtractiveAnswererOptions {
  /** The corpus's term statistics, jieba's tagging and the lexicon. */
  sources: ProfileSources;
  /** The learned selector, confidence and phrase models. */
  model: AnswererModel;
  /** Refuse below this confidence; the model's own threshold by default. */
  minConfidence?: number;
  /** Every passage of the section a passage belongs to, for list answers that span more than was retrieved. */
  sectionPassages?(passage: SearchResult): SearchResult[];
  /** The longest span one citation of a section's list may cover; a passage's length (CHUNK_SIZE) by default. */
  maxListSpan?: number;
  /** Answers kept for repeated (question, passages) pairs; the answer is a pure function of them. 0 turns it off. */
  cacheSize?: number;
}

/** The answerer's reading of a question over its passages: what is asked, the ranked sentences, the confidence. */
export interface Analysis {
  profile: QuestionProfile;
  ranked: RankedCandidate[];
  confidence: number;
}

/** Sentences longer than this are cut down to the clauses that carry the answer. */
const CONDENSE_OVER = 90;
/** Clauses holding at least this share of the best clause's question weight stay in a condensed quote. */
const CLAUSE_KEEP_RATIO = 0.5;
/** A further sentence of a list answer is quoted only when the selector rates it close to the best and it adds this share of the question. */
const SECOND_SENTENCE_RATIO = 0.8;
const NEW_COVERAGE_NEEDED = 0.25;
/** Below this selector probability for the best sentence, the likeliest other sentence of its passage is quoted with it. */
const QUOTE_COVERAGE = 0.8;
/** Only when at most this many sentences lie between the best and its runner-up of one paragraph are they quoted too. */
const MAX_BETWEEN = 2;
const DEFAULT_MAX_LIST_SPAN = 500;
const ENGLISH_NOTE = 'Quoted from the Chinese documents: ';
/** A sentence ending in a colon introduces the lines after it (以下材料：…): they are its content. */
const INTRODUCES = /[：:]$/;
const MAX_INTRODUCED = 400;

/** The quote extended over the lines its closing colon introduces, up to a blank line or the end of the passage. */
function withIntroducedLines(s: Segment): Segment {
  if (!INTRODUCES.test(s.text.trim()) || s.truncatedEnd) return s;
  const passage = s.passage;
  const [rest = '', ...lines] = passage.text.slice(s.end - passage.start).split('\n');
  let end = s.end + rest.length;
  let taken = 0;
  for (const line of lines) {
    // Blank lines between the colon and its list (Markdown) are skipped; one after the list ends it.
    if ((!line.trim() && taken) || end + 1 + line.length - s.start > MAX_INTRODUCED) break;
    end += 1 + line.length;
    if (line.trim()) taken++;
  }
  if (end <= s.end + rest.length) return s;
  const text = passage.text.slice(s.start - passage.start, end - passage.start).trimEnd();
  return { ...s, end: s.start + text.length, text, truncatedEnd: false };
}

/**
 * Whether a sentence is quoted as it stands: a short one, or any that answers a what, why or how question,
 * whose answer is the statement itself rather than a phrase of it (and has no short answer beside it).
 */
function quotedWhole(c: RankedCandidate, profile: QuestionProfile): boolean {
  return c.text.length <= CONDENSE_OVER || !wantsPhrase(profile.type);
}

/** The clauses of a long sentence that carry the question's words, always keeping the short answer's clause. */
function condense(c: RankedCandidate, profile: QuestionProfile, phrase: ShortSpan | null): Segment {
  const whole: Segment = { source: c.passage.source, start: c.start, end: c.end, text: c.text, passage: c.passage, score: c.probability, truncatedStart: false, truncatedEnd: false };
  if (quotedWhole(c, profile) || !c.matches.length) return whole;
  const clauses = splitClauses(c.text);
  const scores = clauses.map((cl) => {
    const clause = normaliseForMatch(c.text.slice(cl.start, cl.end));
    // The short answer's clause, and clauses holding values of the kind asked (the places a 哪些地区 question wants).
    const holdsPhrase = (phrase !== null && phrase.start < c.start + cl.end && phrase.end > c.start + cl.start) || c.spans.some((span) => clause.includes(span.text));
    return { weight: c.matches.reduce((s, m) => s + (clause.includes(m.term) ? (profile.weightOf.get(m.term) ?? 0) : 0), 0), holdsPhrase };
  });
  const best = Math.max(...scores.map((s) => s.weight));
  if (best <= 0) return whole;
  const kept = scores.map((s) => s.holdsPhrase || s.weight >= CLAUSE_KEEP_RATIO * best);
  const first = kept.indexOf(true);
  const last = kept.lastIndexOf(true);
  const from = clauses[first]!.start;
  const to = clauses[last]!.end;
  const text = c.text.slice(from, to).trim();
  const lead = c.text.slice(from, to).indexOf(text);
  return { ...whole, start: c.start + from + lead, end: c.start + from + lead + text.length, text, truncatedStart: from > 0, truncatedEnd: to < c.text.length };
}

/** Two sentences of one passage and paragraph (a passage that starts mid-paragraph has no lead: one paragraph). */
const sameParagraph = (a: RankedCandidate, b: RankedCandidate) => a.passage.id === b.passage.id && a.lead === b.lead;

/**
 * The best sentence, and when the selector gives it less than QUOTE_COVERAGE the likeliest other sentence of
 * its passage: answers often run on into a later sentence of the paragraph. Both quoted whole and cited as one
 * span of the passage; when they are of one paragraph with at most MAX_BETWEEN sentences between them, those are
 * quoted too (steps are read in order, none skipped), if they too are quoted whole.
 */
function withRunnerUp(ranked: readonly RankedCandidate[], best: RankedCandidate, profile: QuestionProfile): RankedCandidate[] {
  if (best.probability >= QUOTE_COVERAGE || !quotedWhole(best, profile)) return [best];
  const runnerUp = ranked.slice(1).find((c) => c.passage.id === best.passage.id && quotedWhole(c, profile));
  if (!runnerUp) return [best];
  const [first, last] = [best, runnerUp].sort((a, b) => a.start - b.start) as [RankedCandidate, RankedCandidate];
  if (!sameParagraph(first, last)) return [first, last];
  const between = ranked.filter((c) => sameParagraph(c, first) && c.start > first.start && c.start < last.start).sort((a, b) => a.start - b.start);
  return between.length <= MAX_BETWEEN && between.every((c) => quotedWhole(c, profile)) ? [first, ...between, last] : [first, last];
}

/**
 * A best sentence that refers back by a pronoun (他一生…, 该镇…) is quoted after the nearest earlier sentence of its
 * paragraph that does not, which names what it refers to: without it the quote does not say whom or what it is about.
 */
function withAntecedent(sentences: RankedCandidate[], ranked: readonly RankedCandidate[], best: RankedCandidate): RankedCandidate[] {
  if (best.isLead || !best.features.anaphoric) return sentences;
  const earlier = ranked.filter((c) => sameParagraph(c, best) && c.start < best.start && !c.features.anaphoric);
  const antecedent = earlier.sort((a, b) => b.start - a.start)[0];
  return antecedent && !sentences.includes(antecedent) ? [antecedent, ...sentences].sort((a, b) => a.start - b.start) : sentences;
}

/** Three or more items after a colon (以下服务：助餐、助浴、助洁): the enumeration a list question asks for. */
const THREE_ITEMS = /[：:][^。；;]*、[^。；;]*、/;

/**
 * A list answer with no enumeration in it (nor a closing colon, whose lines are quoted with it) quotes the likeliest
 * sentence of the best one's passage that holds one and some of the question's words: the sentence naming the topic
 * often precedes the items.
 */
function withEnumeration(picked: RankedCandidate[], ranked: readonly RankedCandidate[], best: RankedCandidate): RankedCandidate[] {
  if (picked.some((c) => THREE_ITEMS.test(c.text) || INTRODUCES.test(c.text.trim()))) return picked;
  const overlapsPicked = (c: RankedCandidate) => picked.some((p) => p.passage.source === c.passage.source && p.start < c.end && c.start < p.end);
  const enumeration = ranked.find((c) => c.passage.id === best.passage.id && c.matches.length > 0 && THREE_ITEMS.test(c.text) && !overlapsPicked(c));
  return enumeration ? [...picked, enumeration] : picked;
}

/** Whether `b` goes on from `a` after a semicolon, in the same passage: clauses of one sentence, items of one list. */
function nextClause(a: RankedCandidate, b: RankedCandidate): boolean {
  return a.passage.id === b.passage.id && /[；;]$/.test(a.text) && !/\S/.test(a.passage.text.slice(a.end - a.passage.start, b.start - a.passage.start)) && b.start >= a.end;
}

function pickSentences(ranked: RankedCandidate[], profile: QuestionProfile, wholeSection: SectionScorer): { sentences: RankedCandidate[]; oneSpan: boolean } {
  const best = ranked[0];
  if (profile.type === 'list') {
    const items = sectionListItems(ranked, best, profile.words, wholeSection);
    if (items.length) return { sentences: items, oneSpan: true };
  }
  if (!best) return { sentences: [], oneSpan: false };
  if (profile.type !== 'list') {
    const sentences = withAntecedent(withRunnerUp(ranked, best, profile), ranked, best);
    return { sentences, oneSpan: sentences.length > 1 };
  }
  const limit = ENUMERATED.test(best.text) ? MAX_SECTION_ITEMS : 4;
  const covered = new Set(best.matches.map((m) => m.term));
  const picked = [best];
  for (const c of ranked.slice(1)) {
    if (picked.length >= limit || c.probability < SECOND_SENTENCE_RATIO * best.probability) break;
    const added = c.matches.filter((m) => !covered.has(m.term)).reduce((s, m) => s + (profile.weightOf.get(m.term) ?? 0), 0) / (profile.wordTotal || 1);
    const parallelItem = (ENUMERATED.test(c.text) && ENUMERATED.test(best.text)) || picked.some((p) => nextClause(p, c) || nextClause(c, p));
    if (added < NEW_COVERAGE_NEEDED && !parallelItem) continue;
    picked.push(c);
    c.matches.forEach((m) => covered.add(m.term));
  }
  const quoted = withEnumeration(picked, ranked, best);
  const oneSpan = quoted.length >= 2 && quoted.every((c) => ENUMERATED.test(c.text));
  // Read in document order within a source, sources in retrieval order.
  return { sentences: quoted.sort((a, b) => a.rank - b.rank || a.start - b.start), oneSpan };
}

function closePunctuation(text: string, truncatedEnd: boolean): string {
  if (truncatedEnd) return `${text.replace(/[，,；;：:]$/, '')}…`;
  return /[。！？!?；;…”」』)）]$/.test(text) ? text : `${text}。`;
}

const rounded = (x: number) => Number(x.toFixed(4));

/**
 * Answers by quoting the sentences a learned selector finds likeliest to hold the answer, with a calibrated
 * confidence that decides between answering and refusing. No model download, no key.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly mode: AnswerMode = 'extractive';

  private readonly cache: LRUCache<string, AskResponse> | null;
  readonly minConfidence: number;

  constructor(private readonly options: ExtractiveAnswererOptions) {
    this.cache = options.cacheSize ? new LRUCache({ max: options.cacheSize }) : null;
    this.minConfidence = options.minConfidence ?? options.model.minConfidence;
  }

  analyse(question: string, passages: readonly SearchResult[]): Analysis {
    const profile = profileQuestion(question, this.options.sources);
    const candidates = profile.words.length ? featuredCandidates(profile, passages, (text) => this.options.sources.tag(text)) : [];
    const ranked = rankCandidates(this.options.model.selector, candidates);
    const confidence = ranked.length ? probability(this.options.model.confidence, confidenceFeatures(profile, ranked, this.options.model.phrase)) : 0;
    return { profile, ranked, confidence };
  }

  async answer(question: string, passages: SearchResult[], options: AskOptions = {}): Promise<AskResponse> {
    const key = `${options.debug ? 1 : 0}\u0000${question}\u0000${passages.map((p) => p.id).join('\u0000')}`;
    const cached = this.cache?.get(key);
    if (cached) return cached;
    const parts = questionParts(question);
    const whole = this.compose(question, passages, options);
    // A question asking two things is answered part by part, each from the sentence that answers it.
    const response = parts.length > 1 ? combineParts(question, parts.map((part) => this.compose(part, passages, {})), whole) : whole;
    this.cache?.set(key, response);
    return response;
  }

  private compose(question: string, passages: SearchResult[], options: AskOptions): AskResponse {
    const { profile, ranked, confidence } = this.analyse(question, passages);
    let sectionPassages: SearchResult[] = [];
    const wholeSection: SectionScorer = (anchor) => {
      if (!this.options.sectionPassages) return undefined;
      sectionPassages = this.options.sectionPassages(anchor.passage);
      const sectionCandidates = featuredCandidates(profile, sectionPassages, (text) => this.options.sources.tag(text)).map((c) => Object.assign({}, c, { rank: anchor.rank }));
      return rankCandidates(this.options.model.selector, sectionCandidates);
    };
    const debug = options.debug
      ? { answerType: profile.type, terms: profile.words.map((w) => ({ term: w.term, weight: rounded(w.weight), focus: w.focus, inCorpus: w.inCorpus })), best: ranked.slice(0, 3).map((c) => ({ text: c.text, probability: rounded(c.probability), features: c.features })), confidence: rounded(confidence), minConfidence: this.minConfidence }
      : undefined;
    const { sentences: picked, oneSpan } = confidence >= this.minConfidence ? pickSentences(ranked, profile, wholeSection) : { sentences: [], oneSpan: false };
    if (!picked.length) return { ...noAnswerResponse(question, passages, this.mode, debug), confidence: rounded(confidence) };

    const best = ranked[0]!;
    const phrase = wantsPhrase(profile.type) && !asksForSeveral(question) && picked.includes(best) ? shortAnswer(this.options.model.phrase, best, profile) : null;
    const segments = picked.map((c) => withIntroducedLines(condense(c, profile, c === best ? phrase : null)));
    const groups: CitedGroup[] = oneSpan
      ? citeListAsOne(segments, [...passages, ...sectionPassages], this.options.maxListSpan ?? DEFAULT_MAX_LIST_SPAN)
      : mergeAdjacent(segments);
    const citations: Citation[] = groups.map((g, i) => ({ n: i + 1, ...g.citation }));
    const quote = (s: Segment) => `${s.truncatedStart ? '…' : ''}${closePunctuation(s.text, s.truncatedEnd)}`;
    const english = isLatinScript(question);
    const answer = (english ? ENGLISH_NOTE : '') + groups.map((g, i) => `${g.quotes.map(quote).join('')}[${i + 1}]`).join(english ? ' ' : '');
    const short = phrase ? shortCitation(phrase, citations) : undefined;
    return { status: 'answered', answer, mode: this.mode, citations, question, confidence: rounded(confidence), ...(short ? { short } : {}), ...(debug ? { debug } : {}) };
  }

  async *stream(question: string, passages: SearchResult[], options: AskOptions = {}): AsyncIterable<AskEvent> {
    const response = await this.answer(question, passages, options);
    yield { type: 'citations', citations: response.citations };
    for (const piece of response.answer.match(/[^\]]*\]|[^\]]+$/g) ?? [response.answer]) yield { type: 'delta', text: piece };
    yield { type: 'done', response };
  }
}

/** The short answer with the number of the citation whose span holds it; none when no citation does. */
function shortCitation(phrase: ShortSpan, citations: readonly Citation[]): ShortAnswer | undefined {
  const holder = citations.find((c) => c.start <= phrase.start && phrase.end <= c.end);
  return holder ? { text: phrase.text, citation: holder.n, start: phrase.start, end: phrase.end } : undefined;
}
