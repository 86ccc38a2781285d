/**
 * The 15 variables of the monthly usage profile ("wide table") a segmentation may use, with the units
 * shown in the profile table and the cluster centres of the thesis (table 4.2 of seed 001), which name
 * the three classic segments and drive the synthetic data of the tests and the bench.
 */
export interface SegmentationVariable {
  key: string;
  zh: string;
  en: string;
  unit: 'yuan' | 'minutes' | 'gb';
  /** Spend and traffic are heavy-tailed: the `log` option applies log1p to these before the z-score. */
  heavyTailed: boolean;
}

export const VARIABLES: readonly SegmentationVariable[] = [
  { key: 'baseFee', zh: '月基本费', en: 'Base fee', unit: 'yuan', heavyTailed: true },
  { key: 'voiceFee', zh: '月语音消费', en: 'Voice spend', unit: 'yuan', heavyTailed: true },
  { key: 'localCallFee', zh: '本地通话费', en: 'Local call fee', unit: 'yuan', heavyTailed: true },
  { key: 'longDistanceFee', zh: '长途通话费', en: 'Long-distance fee', unit: 'yuan', heavyTailed: true },
  { key: 'roamingFee', zh: '漫游通话费', en: 'Roaming fee', unit: 'yuan', heavyTailed: true },
  { key: 'localMinutes', zh: '本地通话时长', en: 'Local minutes', unit: 'minutes', heavyTailed: false },
  { key: 'provincialLdMinutes', zh: '省内长途时长', en: 'Provincial long-distance minutes', unit: 'minutes', heavyTailed: false },
  { key: 'domesticLdMinutes', zh: '国内长途时长', en: 'Domestic long-distance minutes', unit: 'minutes', heavyTailed: false },
  { key: 'internationalMinutes', zh: '国际通话时长', en: 'International minutes', unit: 'minutes', heavyTailed: false },
  { key: 'provincialRoamingMinutes', zh: '省内漫游时长', en: 'Provincial roaming minutes', unit: 'minutes', heavyTailed: false },
  { key: 'domesticRoamingMinutes', zh: '国内漫游时长', en: 'Domestic roaming minutes', unit: 'minutes', heavyTailed: false },
  { key: 'internationalRoamingMinutes', zh: '国际漫游时长', en: 'International roaming minutes', unit: 'minutes', heavyTailed: false },
  { key: 'internetFee', zh: '上网费', en: 'Internet fee', unit: 'yuan', heavyTailed: true },
  { key: 'busyTrafficGb', zh: '忙时流量', en: 'Busy-hour traffic', unit: 'gb', heavyTailed: true },
  { key: 'idleTrafficGb', zh: '闲时流量', en: 'Idle-hour traffic', unit: 'gb', heavyTailed: true },
];

export const VARIABLE_KEYS = VARIABLES.map((v) => v.key);

/** Thesis table 4.2: each segment's mean per variable, in VARIABLES order. */
export const THESIS_CENTRES = {
  internet: [56.5, 11.6, 9.6, 1.1, 0.9, 600, 50, 31, 3, 45, 25, 2, 81, 120, 60],
  talkative: [96.4, 69.3, 45.2, 18.9, 5.2, 1100, 189, 65, 6, 120, 51, 18, 15, 50, 30],
  local: [72.3, 45.2, 22.1, 15.3, 7.8, 258, 101, 42, 4, 84, 38, 2, 45, 40, 20],
} as const;
