/**
 * The extractive answerer's refusal gate: the least share of a question's (IDF-weighted) terms that
 * the best sentence must support. Chosen by `npm run calibrate`, which measures answer/refuse
 * accuracy on CMRC questions asked with and without their own passage in the index.
 */
export const MIN_COVERAGE = 0.5;
