import { USAGE_PROFILE_VARIABLES, type UsageProfileVariable } from '../billing/index.ts';

/**
 * The 15 variables of the monthly usage profile (billing's "wide table") a segmentation may use, with the
 * unit shown in the profile table, and the thesis's cluster centres (table 4.2 of seed 001), which name the
 * three classic segments and drive the synthetic data of the tests and the bench.
 */
export interface SegmentationVariable {
  key: UsageProfileVariable;
  zh: string;
  en: string;
  unit: 'yuan' | 'minutes' | 'gb';
  /** Spend and traffic are heavy-tailed: the `log` option applies log1p to these before the z-score. */
  heavyTailed: boolean;
}

const unitOf = (key: string): SegmentationVariable['unit'] =>
  key.endsWith('Minutes') ? 'minutes' : key.endsWith('Gb') ? 'gb' : 'yuan';

export const VARIABLES: readonly SegmentationVariable[] = USAGE_PROFILE_VARIABLES.map((v) => ({
  key: v.key,
  zh: v.zh,
  en: v.en,
  unit: unitOf(v.key),
  heavyTailed: unitOf(v.key) !== 'minutes',
}));

export const VARIABLE_KEYS: readonly string[] = VARIABLES.map((v) => v.key);

/** Thesis table 4.2: each segment's mean per variable, in VARIABLES order. */
export const THESIS_CENTRES = {
  internet: [56.5, 11.6, 9.6, 1.1, 0.9, 600, 50, 31, 3, 45, 25, 2, 81, 120, 60],
  talkative: [96.4, 69.3, 45.2, 18.9, 5.2, 1100, 189, 65, 6, 120, 51, 18, 15, 50, 30],
  local: [72.3, 45.2, 22.1, 15.3, 7.8, 258, 101, 42, 4, 84, 38, 2, 45, 40, 20],
} as const;
