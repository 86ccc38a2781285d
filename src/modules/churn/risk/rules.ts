import type { FeatureName } from './features.ts';

/**
 * The fallback while there is too little history to train on (see churn-model.ts for the threshold):
 * points per warning sign, the way an analyst would rank customers by hand. The points add up to a
 * score out of 100; each rule's points are also its weight when the top factors are picked.
 */
export const RISK_RULES: { feature: FeatureName; points: (v: number) => number }[] = [
  { feature: 'spendDrop', points: (v) => (v >= 0.3 ? 20 : v >= 0.15 ? 10 : 0) },
  { feature: 'usageDrop', points: (v) => (v >= 0.3 ? 15 : v >= 0.15 ? 7 : 0) },
  { feature: 'complaints', points: (v) => (v >= 2 ? 15 : v >= 1 ? 8 : 0) },
  { feature: 'faults', points: (v) => (v >= 2 ? 10 : v >= 1 ? 5 : 0) },
  { feature: 'dissatisfaction', points: (v) => (v >= 2 ? 10 : v >= 1 ? 5 : 0) },
  { feature: 'arrears', points: (v) => (v > 0 ? 10 : 0) },
  { feature: 'overageMonths', points: (v) => (v >= 3 ? 8 : 0) },
  { feature: 'underuse', points: (v) => (v >= 0.5 ? 8 : 0) },
  { feature: 'expirySoon', points: (v) => (v >= 0.5 ? 12 : 0) },
  { feature: 'tenureYears', points: (v) => (v < 1 ? 7 : 0) },
];

/** Everyone starts at a low base: no warning sign is not the same as no risk. */
export const RULES_BASE_SCORE = 5;
