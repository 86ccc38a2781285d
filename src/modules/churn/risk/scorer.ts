import { FEATURES, type FeatureName, type FeatureVector } from './features.ts';
import { contributions, predictLogistic, type LogisticModel } from './logistic.ts';
import { RISK_RULES, RULES_BASE_SCORE } from './rules.ts';

/** A trained model, or the rule set while history is too thin. */
export type RiskModel = { kind: 'logistic'; model: LogisticModel } | { kind: 'rules' };

export interface RiskFactor {
  feature: FeatureName;
  value: number;
}
export interface RiskScore {
  score: number;
  /** The top three features that raised the score, strongest first. */
  factors: RiskFactor[];
}

function topFactors(features: FeatureVector, weights: number[]): RiskFactor[] {
  return weights
    .map((w, j) => ({ j, w }))
    .filter((c) => c.w > 0)
    .sort((a, b) => b.w - a.w)
    .slice(0, 3)
    .map(({ j }) => ({ feature: FEATURES[j], value: Math.round(features[j] * 100) / 100 }));
}

export function scoreFeatures(risk: RiskModel, features: FeatureVector): RiskScore {
  if (risk.kind === 'logistic') {
    const p = predictLogistic(risk.model, features);
    return { score: Math.round(p * 100), factors: topFactors(features, contributions(risk.model, features)) };
  }
  const points = RISK_RULES.map((r) => r.points(features[FEATURES.indexOf(r.feature)]));
  const score = Math.min(100, RULES_BASE_SCORE + points.reduce((a, b) => a + b, 0));
  const weights = FEATURES.map((f) => points[RISK_RULES.findIndex((r) => r.feature === f)] ?? 0);
  return { score, factors: topFactors(features, weights) };
}
