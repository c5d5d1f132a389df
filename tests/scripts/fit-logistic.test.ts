import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAnswererModel, probability } from '../../src/answer/answer-model.ts';
import { SELECTOR_FEATURES } from '../../src/answer/candidate-features.ts';
import { CONFIDENCE_FEATURES } from '../../src/answer/confidence.ts';
import { PHRASE_FEATURES } from '../../src/answer/short-answer.ts';
import { fitLogistic, type Row } from '../../scripts/lib/fit-logistic.ts';

/** A noisy but learnable rule: label 1 when x is large, y is noise. */
const rows: Row[] = Array.from({ length: 400 }, (_, i) => {
  const x = (i * 37) % 100;
  const y = (i * 53) % 17;
  return { values: { x, y }, label: x + (y % 5) * 4 > 60 ? 1 : 0 };
});

describe('fitLogistic', () => {
  it('is deterministic: the same rows give the same model', () => {
    assert.deepEqual(fitLogistic(['x', 'y'], rows), fitLogistic(['x', 'y'], rows));
  });

  it('learns the rule: the informative feature gets the larger weight and probabilities order as the labels do', () => {
    const model = fitLogistic(['x', 'y'], rows);
    assert.ok(model.weights[0]! > Math.abs(model.weights[1]!), JSON.stringify(model));
    assert.ok(probability(model, { x: 95, y: 0 }) > 0.9);
    assert.ok(probability(model, { x: 5, y: 0 }) < 0.1);
  });
});

describe('the committed answerer model', () => {
  it('loads, and names exactly the features the product computes', () => {
    const model = loadAnswererModel();
    assert.deepEqual(model.selector.features, [...SELECTOR_FEATURES]);
    assert.deepEqual(model.confidence.features, [...CONFIDENCE_FEATURES]);
    assert.deepEqual(model.phrase.features, [...PHRASE_FEATURES]);
    assert.ok(model.minConfidence > 0 && model.minConfidence < 1);
  });

  it('refuses a row that lacks a feature', () => {
    assert.throws(() => probability(loadAnswererModel().selector, {}), /feature \w+ missing/);
  });
});
