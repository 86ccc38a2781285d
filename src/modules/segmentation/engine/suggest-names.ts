/**
 * Suggested cluster names from a cluster's standardised centre: which family of variables it stands out on
 * (in standard deviations above the average customer). Names follow the thesis: 上网族 for data-heavy users,
 * 话多族 for heavy callers, 本地主流 for the rest; roaming and overall spend add two more an analyst will meet.
 */
const FAMILIES = [
  { zh: '上网族', en: 'Internet-heavy', keys: ['internetSpend', 'busyDataGb', 'idleDataGb'] },
  {
    zh: '话多族',
    en: 'Talkative',
    keys: [
      'voiceSpend',
      'localCallSpend',
      'localMinutes',
      'provincialLdMinutes',
      'domesticLdMinutes',
      'longDistanceSpend',
    ],
  },
  {
    zh: '商旅族',
    en: 'Roamers',
    keys: [
      'roamingSpend',
      'provincialRoamingMinutes',
      'domesticRoamingMinutes',
      'internationalRoamingMinutes',
      'internationalMinutes',
    ],
  },
] as const;
const MAINSTREAM = { zh: '本地主流', en: 'Local mainstream' };
const LOW = { zh: '低消费族', en: 'Low spenders' };
/** Below this many standard deviations above average, a family does not define the cluster. */
const STANDS_OUT = 0.35;

export interface SuggestedName {
  zh: string;
  en: string;
}

export function suggestNames(centres: Float64Array, k: number, variables: readonly string[]): SuggestedName[] {
  const d = variables.length;
  const names = Array.from({ length: k }, (_, j) => {
    const centre = centres.subarray(j * d, (j + 1) * d);
    let best: SuggestedName = MAINSTREAM;
    let bestScore = STANDS_OUT;
    for (const family of FAMILIES) {
      const idx = family.keys.map((key) => variables.indexOf(key)).filter((i) => i >= 0);
      if (idx.length === 0) continue;
      const score = idx.reduce((s, i) => s + centre[i], 0) / idx.length;
      if (score > bestScore) {
        bestScore = score;
        best = family;
      }
    }
    const overall = centre.reduce((s, v) => s + v, 0) / Math.max(1, d);
    if (best === MAINSTREAM && overall < -0.6) best = LOW;
    return { zh: best.zh, en: best.en };
  });
  // Two clusters in the same family get numbered.
  const seen = new Map<string, number>();
  for (const name of names) seen.set(name.en, (seen.get(name.en) ?? 0) + 1);
  const counter = new Map<string, number>();
  return names.map((name) => {
    if (seen.get(name.en)! < 2) return name;
    const i = (counter.get(name.en) ?? 0) + 1;
    counter.set(name.en, i);
    return { zh: `${name.zh} ${i}`, en: `${name.en} ${i}` };
  });
}
