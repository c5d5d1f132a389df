/**
 * Fits a logistic regression on standardised features plus an intercept, and returns it in the product's
 * model format. Hand-written Newton iterations (iteratively reweighted least squares) over ml-matrix's
 * solver: ml-logistic-regression runs plain gradient descent that copies the data matrix every step
 * (86 s for 20,000 rows of 19 features), while Newton's method converges in a dozen steps of one pass each.
 * A small ridge keeps the solve stable when a feature is constant. Deterministic.
 */
import { Matrix, solve } from 'ml-matrix';
import type { LogisticModel } from '../../src/answer/answer-model.ts';

export interface Row {
  values: Readonly<Record<string, number>>;
  label: 0 | 1;
}

const MAX_STEPS = 25;
const TOLERANCE = 1e-6;
const RIDGE = 1e-3;
/** Per question: the conditional logit's data are questions, and some are perfectly separable. */
const CONDITIONAL_RIDGE = 1e-2;

export function fitLogistic(features: readonly string[], rows: readonly Row[]): LogisticModel {
  if (!rows.length) throw new Error('no training rows');
  const n = rows.length;
  const d = features.length + 1;
  const mean = features.map((f) => rows.reduce((s, r) => s + r.values[f]!, 0) / n);
  const scale = features.map((f, i) => Math.sqrt(rows.reduce((s, r) => s + (r.values[f]! - mean[i]!) ** 2, 0) / n) || 1);
  const x = rows.map((r) => [...features.map((f, i) => (r.values[f]! - mean[i]!) / scale[i]!), 1]);
  let w = new Array<number>(d).fill(0);
  for (let step = 0; step < MAX_STEPS; step++) {
    // Gradient and Hessian of the mean log-likelihood (with the ridge), accumulated in one pass.
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((xi, r) => {
      const p = 1 / (1 + Math.exp(-xi.reduce((s, v, j) => s + v * w[j]!, 0)));
      const weight = p * (1 - p);
      for (let j = 0; j < d; j++) {
        gradient[j]! += (rows[r]!.label - p) * xi[j]!;
        for (let k = 0; k <= j; k++) hessian[j]![k]! += weight * xi[j]! * xi[k]!;
      }
    });
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) hessian[k]![j] = hessian[j]![k]!;
      hessian[j]![j]! += RIDGE * n;
      gradient[j]! -= RIDGE * n * w[j]!;
    }
    const delta = solve(new Matrix(hessian), Matrix.columnVector(gradient)).to1DArray();
    w = w.map((v, j) => v + delta[j]!);
    if (Math.max(...delta.map(Math.abs)) < TOLERANCE) break;
  }
  const round = (v: number) => Number(v.toPrecision(6));
  return { features: [...features], mean: mean.map(round), scale: scale.map(round), weights: w.slice(0, -1).map(round), bias: round(w.at(-1)!) };
}

/**
 * Fits a conditional logit (softmax over each question's candidates): P(i | question) ∝ exp(w · x_i),
 * with the answer-holding candidates as the targets. Selecting the answer is a choice among a question's
 * sentences, so it is learned as one; questions with no candidate holding the answer teach nothing and
 * are left out. Newton iterations as above; the intercept cancels out and stays 0.
 */
export function fitConditionalLogit(features: readonly string[], groups: readonly (readonly Row[])[]): LogisticModel {
  const usable = groups.filter((g) => g.some((r) => r.label === 1) && g.length > 1);
  if (!usable.length) throw new Error('no question has a candidate that holds its answer');
  const rows = usable.flat();
  const n = rows.length;
  const d = features.length;
  const mean = features.map((f) => rows.reduce((s, r) => s + r.values[f]!, 0) / n);
  const scale = features.map((f, i) => Math.sqrt(rows.reduce((s, r) => s + (r.values[f]! - mean[i]!) ** 2, 0) / n) || 1);
  const matrices = usable.map((g) => ({ x: g.map((r) => features.map((f, i) => (r.values[f]! - mean[i]!) / scale[i]!)), target: g.map((r) => r.label / g.filter((q) => q.label === 1).length) }));
  const penalty = CONDITIONAL_RIDGE * matrices.length;
  /** Penalised log-likelihood, its gradient and (negated) Hessian at w. */
  const evaluate = (w: number[], withDerivatives: boolean) => {
    let objective = -0.5 * penalty * w.reduce((s, v) => s + v * v, 0);
    const gradient = w.map((v) => -penalty * v);
    const hessian = Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => (j === k ? penalty : 0)));
    for (const { x, target } of matrices) {
      const z = x.map((xi) => xi.reduce((s, v, j) => s + v * w[j]!, 0));
      const top = Math.max(...z);
      const total = z.reduce((s, v) => s + Math.exp(v - top), 0);
      const p = z.map((v) => Math.exp(v - top) / total);
      z.forEach((v, i) => (objective += target[i]! * (v - top - Math.log(total))));
      if (!withDerivatives) continue;
      const expected = new Array<number>(d).fill(0);
      x.forEach((xi, i) => xi.forEach((v, j) => (expected[j]! += p[i]! * v)));
      x.forEach((xi, i) => {
        for (let j = 0; j < d; j++) {
          gradient[j]! += (target[i]! - p[i]!) * xi[j]!;
          for (let k = 0; k < d; k++) hessian[j]![k]! += p[i]! * (xi[j]! - expected[j]!) * (xi[k]! - expected[k]!);
        }
      });
    }
    return { objective, gradient, hessian };
  };
  let w = new Array<number>(d).fill(0);
  for (let step = 0; step < MAX_STEPS; step++) {
    const here = evaluate(w, true);
    const delta = solve(new Matrix(here.hessian), Matrix.columnVector(here.gradient)).to1DArray();
    // Halve the Newton step until it improves the objective: near-collinear features make full steps overshoot.
    let size = 1;
    while (size > 1e-4 && evaluate(w.map((v, j) => v + size * delta[j]!), false).objective < here.objective) size /= 2;
    w = w.map((v, j) => v + size * delta[j]!);
    if (Math.max(...delta.map((v) => Math.abs(size * v))) < TOLERANCE) break;
  }
  const round = (v: number) => Number(v.toPrecision(6));
  return { features: [...features], mean: mean.map(round), scale: scale.map(round), weights: w.map(round), bias: 0 };
}
