/**
 * The extractive answerer's refusal gate: the least share of a question's (IDF-weighted) terms that
 * the best sentence must support. `npm run calibrate` asks CMRC questions with and without their own
 * passage in the index and picks the lowest threshold that refuses ≥ 95% of the unanswerable ones
 * (0.45: answers 90% of the answerable, refuses 95% of the rest; see BENCHMARKS.md).
 */
export const MIN_COVERAGE = 0.45;
