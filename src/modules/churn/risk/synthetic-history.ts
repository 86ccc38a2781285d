import { seededRandom } from '../../../platform/demo.ts';
import type { CustomerHistory, MonthSignal } from './features.ts';

/**
 * Synthetic customer histories where churn depends on known factors, for the model's quality test,
 * the bench and the demo. Each customer's months are drawn first; whether they churn in the following
 * quarter is then drawn from a logistic function of the warning signs they show, so a model that reads
 * the signals well can recover the ranking (the noise caps the best possible AUC a little above 0.85).
 */
export interface SyntheticCustomer {
  history: CustomerHistory;
  churned: boolean;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** `asOf` is the first day of the month after the last one generated. */
export function syntheticHistories(count: number, seed: number, asOf: Date, monthsBack = 6): SyntheticCustomer[] {
  const random = seededRandom(seed);
  const out: SyntheticCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const baseSpend = Math.exp(4 + 0.5 * gaussian(random));
    const tenureMonths = Math.floor(1 + random() * 120);
    // The latent warning signs, each present in some customers.
    const declining = random() < 0.25 ? 0.2 + random() * 0.6 : 0;
    const unhappy = random() < 0.2 ? 0.3 + random() * 0.7 : 0;
    const owes = random() < 0.1 ? Math.round(20 + random() * 300) : 0;
    const fit = random();
    const overageAlways = fit < 0.12;
    const underUsing = fit > 0.85;
    const endsInDays = random() < 0.3 ? Math.floor(random() * 180) - 15 : null;
    const packageEnd =
      endsInDays === null ? null : new Date(asOf.getTime() + endsInDays * 86_400_000).toISOString().slice(0, 10);

    const months: MonthSignal[] = [];
    for (let m = monthsBack; m >= 1; m--) {
      const month = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - m, 1)).toISOString().slice(0, 10);
      // A declining customer's spend and usage fall over the last three months.
      const fall = m <= 3 ? 1 - declining * ((4 - m) / 3) : 1;
      const noise = () => 1 + 0.08 * gaussian(random);
      const recent = m <= 3;
      months.push({
        month,
        spend: Math.max(0, Math.round(baseSpend * fall * noise() * 100) / 100),
        dataMb: Math.max(0, Math.round(baseSpend * 60 * fall * noise())),
        voiceMin: Math.max(0, Math.round(baseSpend * 3 * fall * noise())),
        complaints: recent ? poisson(random, 0.05 + unhappy * 0.9) : poisson(random, 0.05),
        faults: recent ? poisson(random, 0.1 + unhappy * 0.5) : poisson(random, 0.1),
        satisfaction:
          recent && unhappy > 0 && random() < 0.7
            ? Math.max(1, Math.min(5, Math.round(5 - unhappy * 3 + gaussian(random))))
            : null,
        overage: overageAlways || random() < 0.1 ? Math.round(5 + random() * 40) : 0,
        allowanceUse: underUsing ? 0.05 + random() * 0.3 : 0.5 + random() * 0.5,
        packageEnd,
      });
    }
    const endingSoon = endsInDays !== null && endsInDays < 60 ? 1 : 0;
    const logit =
      -3.2 +
      4 * declining +
      2.2 * unhappy +
      (owes ? 1.2 : 0) +
      (overageAlways ? 0.9 : 0) +
      (underUsing ? 1 : 0) +
      1.3 * endingSoon -
      0.015 * tenureMonths +
      0.6 * gaussian(random);
    out.push({
      history: { customerId: String(i + 1), tenureMonths, arrears: owes, months },
      churned: random() < 1 / (1 + Math.exp(-logit)),
    });
  }
  return out;
}
