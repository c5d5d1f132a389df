/**
 * Measures a question rewriter on conversations: each follow-up is rewritten with the conversation so far and
 * searched; it passes when its results hold the passage (an evidence string) that its expected standalone
 * question retrieves. Topic changes must come back unchanged.
 */
import { normaliseForMatch } from '../../src/text/normalise.ts';
import type { ChatTurn } from '../../src/types.ts';
import type { Conversation } from './conversations.ts';

export interface FollowUpDeps {
  rewrite(question: string, history: readonly ChatTurn[]): Promise<string>;
  search(query: string): Promise<{ id: string; text: string }[]>;
  /** What the service answers to a standalone question, as the assistant turn of the history. */
  answer(standalone: string): Promise<string>;
}

export interface TurnResult {
  conversation: string;
  turn: number;
  question: string;
  expected: string;
  rewritten: string;
  topicChange: boolean;
  /** The expected standalone question finds an evidence passage. */
  standaloneHit: boolean;
  rewrittenHit: boolean;
  /** The follow-up searched as it is, for comparison. */
  unrewrittenHit: boolean;
  /** The rewrite's best passage is the standalone question's best passage (a stricter agreement). */
  sameTop: boolean;
  unrewrittenSameTop: boolean;
  keyTermsFound: number;
  keyTerms: number;
}

export interface FollowUpSummary {
  conversations: number;
  followUps: number;
  /** Follow-ups (not topic changes) whose standalone question retrieves its evidence: the denominator of `retained`. */
  retrievable: number;
  /** Of those, the share whose rewrite retrieves it too: the floor's figure. */
  retained: number;
  /** The same share for the follow-up searched unrewritten. */
  retainedUnrewritten: number;
  /** Follow-ups whose rewrite ranks first the passage their standalone question ranks first; and unrewritten. */
  sameTop: number;
  sameTopUnrewritten: number;
  topicChanges: number;
  topicChangesRewritten: number;
  keyTermCoverage: number;
}

const comparable = (text: string) => normaliseForMatch(text).replace(/\s+/g, '');

export function holdsEvidence(passages: readonly { text: string }[], evidence: readonly string[]): boolean {
  const texts = passages.map((p) => comparable(p.text));
  return evidence.some((e) => texts.some((t) => t.includes(comparable(e))));
}

/** Rewrites and searches every turn after the first, the history being the earlier questions and the service's answers to their standalone forms. */
export async function evaluateConversation(conversation: Conversation, deps: FollowUpDeps): Promise<TurnResult[]> {
  const history: ChatTurn[] = [];
  const results: TurnResult[] = [];
  for (const [index, turn] of conversation.turns.entries()) {
    if (index > 0) {
      const rewritten = await deps.rewrite(turn.question, history);
      const found = comparable(rewritten);
      const [standalone, rewrite, asIs] = await Promise.all([turn.standalone, rewritten, turn.question].map((q) => deps.search(q)));
      const top = standalone![0]?.id;
      results.push({
        conversation: conversation.id,
        turn: index,
        question: turn.question,
        expected: turn.standalone,
        rewritten,
        topicChange: turn.topic_change,
        standaloneHit: holdsEvidence(standalone!, turn.evidence),
        rewrittenHit: holdsEvidence(rewrite!, turn.evidence),
        unrewrittenHit: holdsEvidence(asIs!, turn.evidence),
        sameTop: top !== undefined && rewrite![0]?.id === top,
        unrewrittenSameTop: top !== undefined && asIs![0]?.id === top,
        keyTermsFound: turn.key_terms.filter((term) => found.includes(comparable(term))).length,
        keyTerms: turn.key_terms.length,
      });
    }
    history.push({ role: 'user', content: turn.question }, { role: 'assistant', content: await deps.answer(turn.standalone) });
  }
  return results;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function summarise(conversations: number, results: readonly TurnResult[]): FollowUpSummary {
  const followUps = results.filter((r) => !r.topicChange);
  const retrievable = followUps.filter((r) => r.standaloneHit);
  const topicChanges = results.filter((r) => r.topicChange);
  const terms = followUps.reduce((sum, r) => sum + r.keyTerms, 0);
  return {
    conversations,
    followUps: followUps.length,
    retrievable: retrievable.length,
    retained: share(retrievable.filter((r) => r.rewrittenHit).length, retrievable.length),
    retainedUnrewritten: share(retrievable.filter((r) => r.unrewrittenHit).length, retrievable.length),
    sameTop: share(followUps.filter((r) => r.sameTop).length, followUps.length),
    sameTopUnrewritten: share(followUps.filter((r) => r.unrewrittenSameTop).length, followUps.length),
    topicChanges: topicChanges.length,
    topicChangesRewritten: topicChanges.filter((r) => r.rewritten.trim() !== r.question.trim()).length,
    keyTermCoverage: share(
      followUps.reduce((sum, r) => sum + r.keyTermsFound, 0),
      terms,
    ),
  };
}
