/**
 * Churn-risk features: what a telecom analyst looks at, computed from a customer's recent monthly
 * signals (spend, usage, work orders, package fit) plus tenure and arrears. The same extraction serves
 * training, scoring and the synthetic history, so the model never sees features built two ways.
 */

/** One month of a customer's signals, as the feature store (`churn_signals`) holds it. */
export interface MonthSignal {
  /** First day of the month, 'YYYY-MM-01'. */
  month: string;
  spend: number;
  dataMb: number;
  voiceMin: number;
  complaints: number;
  faults: number;
  /** Mean satisfaction (1–5) of the month's closed work orders, null when none was rated. */
  satisfaction: number | null;
  /** Paid beyond the package that month (¥). */
  overage: number;
  /** Share of the package allowance used (0.4 = 40 %), null when the package has no allowance. */
  allowanceUse: number | null;
  /** When the package or contract ends, if it does. */
  packageEnd: string | null;
}

export interface CustomerHistory {
  customerId: string;
  tenureMonths: number;
  arrears: number;
  /** Oldest first; only months before the as-of date. */
  months: MonthSignal[];
}

export const FEATURES = [
  'spendDrop',
  'usageDrop',
  'complaints',
  'faults',
  'dissatisfaction',
  'arrears',
  'overageMonths',
  'underuse',
  'expirySoon',
  'tenureYears',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Float64Array;

/** Relative drop of the latest month against the mean of the two before it: 0.3 = down 30 %, negative = up. */
function drop(values: number[]): number {
  if (values.length < 2) return 0;
  const last = values[values.length - 1];
  const before = values.slice(-3, -1);
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  if (mean <= 0) return 0;
  return Math.max(-1, Math.min(1, (mean - last) / mean));
}

const DAY = 86_400_000;

/** The feature vector of one customer as of `asOf` (the first day after the months it has). */
export function extractFeatures(h: CustomerHistory, asOf: Date): FeatureVector {
  const recent = h.months.slice(-3);
  const rated = recent.filter((m) => m.satisfaction !== null);
  const withAllowance = recent.filter((m) => m.allowanceUse !== null);
  const packageEnd = recent.length ? recent[recent.length - 1].packageEnd : null;
  const daysLeft = packageEnd ? (Date.parse(packageEnd) - asOf.getTime()) / DAY : Infinity;
  const v = new Float64Array(FEATURES.length);
  v[0] = drop(recent.map((m) => m.spend));
  v[1] = (drop(recent.map((m) => m.dataMb)) + drop(recent.map((m) => m.voiceMin))) / 2;
  v[2] = recent.reduce((a, m) => a + m.complaints, 0);
  v[3] = recent.reduce((a, m) => a + m.faults, 0);
  v[4] = rated.length ? 5 - rated.reduce((a, m) => a + m.satisfaction!, 0) / rated.length : 0;
  v[5] = Math.log1p(Math.max(0, h.arrears));
  v[6] = recent.filter((m) => m.overage > 0).length;
  // Using under half of the allowance means the package does not fit: 0 at half, 1 when unused.
  v[7] = withAllowance.length
    ? Math.max(0, 0.5 - withAllowance.reduce((a, m) => a + m.allowanceUse!, 0) / withAllowance.length) * 2
    : 0;
  // 1 when the package ends now, falling to 0 at 90 days; already expired counts as ending now.
  v[8] = daysLeft === Infinity ? 0 : 1 - Math.max(0, Math.min(1, daysLeft / 90));
  v[9] = Math.min(20, h.tenureMonths / 12);
  return v;
}

/** The words shown beside a score for a feature that raised it. */
export function describeFactor(feature: FeatureName, value: number): { zh: string; en: string } {
  const pct = Math.round(Math.abs(value) * 100);
  switch (feature) {
    case 'spendDrop':
      return { zh: `月消费较前两月下降 ${pct}%`, en: `Monthly spend down ${pct}% on the two months before` };
    case 'usageDrop':
      return { zh: `通话和流量使用下降 ${pct}%`, en: `Calls and data use down ${pct}%` };
    case 'complaints':
      return { zh: `前 3 个月投诉 ${value} 次`, en: `${value} complaint(s) in the 3 months before this one` };
    case 'faults':
      return { zh: `前 3 个月故障报修 ${value} 次`, en: `${value} fault report(s) in the 3 months before this one` };
    case 'dissatisfaction':
      return {
        zh: `工单满意度偏低（${(5 - value).toFixed(1)} / 5）`,
        en: `Low work-order satisfaction (${(5 - value).toFixed(1)} / 5)`,
      };
    case 'arrears':
      return { zh: `欠费 ¥${Math.round(Math.expm1(value))}`, en: `Owes ¥${Math.round(Math.expm1(value))}` };
    case 'overageMonths':
      return {
        zh: `近 ${value} 个月都有套餐外费用，套餐偏小`,
        en: `Paid overage in ${value} of the last 3 months: package too small`,
      };
    case 'underuse':
      return {
        zh: `套餐用量仅约 ${Math.round((1 - value) * 50)}%，套餐偏大`,
        en: `Uses only about ${Math.round((1 - value) * 50)}% of the allowance: package too big`,
      };
    case 'expirySoon':
      return { zh: '套餐或合约即将到期', en: 'Package or contract ends soon' };
    case 'tenureYears':
      return { zh: `在网时间短（${value.toFixed(1)} 年）`, en: `Short tenure (${value.toFixed(1)} years)` };
  }
}
