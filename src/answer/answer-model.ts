/**
 * The answerer's learned parameters (models/answerer.json, written by `npm run train:answerer`): three
 * logistic regressions over standardised features: which sentence answers, whether the question is
 * answered at all (the calibrated confidence), and which phrase of the sentence is the short answer.
 */
import { readFileSync } from 'node:fs';

export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface AnswererModel {
  selector: LogisticModel;
  confidence: LogisticModel;
  phrase: LogisticModel;
  /** Answers below this confidence are refused; chosen on data none of the models was fitted on. */
  minConfidence: number;
  trainedOn: Record<string, unknown>;
}

export const MODEL_FILE = new URL('../../models/answerer.json', import.meta.url);

export function loadAnswererModel(file: URL | string = MODEL_FILE): AnswererModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as AnswererModel;
  for (const part of [model.selector, model.confidence, model.phrase]) {
    const n = part.features.length;
    if (part.mean.length !== n || part.scale.length !== n || part.weights.length !== n) throw new Error(`${String(file)}: feature and weight counts differ`);
  }
  return model;
}

/** P(label = 1) for one row of named feature values; a feature the model does not know is an error. */
export function probability(model: LogisticModel, values: Readonly<Record<string, number>>): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    const value = values[name];
    if (value === undefined) throw new Error(`feature ${name} missing`);
    z += model.weights[i]! * ((value - model.mean[i]!) / model.scale[i]!);
  });
  return 1 / (1 + Math.exp(-z));
}
