import { sql } from 'kysely';
import type { Db } from '../../../platform/db.ts';
import { seededRandom } from '../../../platform/demo.ts';
import { extractFeatures, FEATURES } from './features.ts';
import { predictLogistic, trainLogistic, type LogisticModel } from './logistic.ts';
import { auc, calibrationDeciles, type CalibrationBin } from './metrics.ts';
import { loadHistories, monthsBefore } from './signal-store.ts';

/** Below this much history the rules score instead of a model: too few churners to learn from. */
export const MIN_SAMPLES = 200;
export const MIN_EACH_CLASS = 20;
/** A model that ranks held-out customers worse than this is not trusted over the rules. */
export const MIN_HOLDOUT_AUC = 0.65;
/** Churn in the quarter after the snapshot is what the model learns to predict. */
export const HORIZON_MONTHS = 3;

export interface TrainedModel {
  kind: 'logistic' | 'rules';
  asOf: string;
  samples: number;
  positives: number;
  holdoutAuc: number | null;
  calibration: CalibrationBin[];
  model: LogisticModel | null;
}

/**
 * Trains on history: the customers who were active at the snapshot three months before `asOf`, their
 * signals up to it, and whether they churned in the three months since. 80 % fit, 20 % measure (AUC,
 * calibration); the kept model is then refitted on everything.
 */
export async function trainChurnModel(db: Db, asOf: string): Promise<TrainedModel> {
  const snapshot = monthsBefore(asOf, HORIZON_MONTHS);
  const population = await sql<{ id: string; since: string; churned: boolean }>`
    SELECT c.id, LEAST(c.created_at::date, (SELECT min(s.month) FROM churn_signals s WHERE s.customer_id = c.id))::text AS since,
           EXISTS (SELECT 1 FROM churn_records r WHERE r.customer_id = c.id AND r.churned_on >= ${snapshot}::date AND r.churned_on < ${asOf}::date) AS churned
    FROM customers c
    WHERE c.status <> 'merged'
      AND LEAST(c.created_at::date, (SELECT min(s.month) FROM churn_signals s WHERE s.customer_id = c.id)) < ${snapshot}::date
      AND NOT EXISTS (SELECT 1 FROM churn_records r WHERE r.customer_id = c.id AND r.churned_on < ${snapshot}::date)
    ORDER BY c.id`.execute(db);
  const people = population.rows;
  const positives = people.filter((p) => p.churned).length;
  const rules = (holdoutAuc: number | null = null): TrainedModel => ({
    kind: 'rules',
    asOf,
    samples: people.length,
    positives,
    holdoutAuc,
    calibration: [],
    model: null,
  });
  if (people.length < MIN_SAMPLES || positives < MIN_EACH_CLASS || people.length - positives < MIN_EACH_CLASS)
    return rules();

  const rows: Float64Array[] = [];
  for (let i = 0; i < people.length; i += 5000) {
    const histories = await loadHistories(db, people.slice(i, i + 5000), snapshot);
    for (const h of histories) rows.push(extractFeatures(h, new Date(`${snapshot}T00:00:00Z`)));
  }
  const labels = Uint8Array.from(people.map((p) => (p.churned ? 1 : 0)));

  // A seeded split: the same history gives the same model and the same reported figures.
  const random = seededRandom(people.length);
  const inTest = people.map(() => random() < 0.2);
  const pick = <T>(items: ArrayLike<T>, test: boolean) => Array.from(items).filter((_, i) => inTest[i] === test);
  const fitted = trainLogistic(pick(rows, false), Uint8Array.from(pick(labels, false)));
  const testRows = pick(rows, true);
  const testLabels = pick(labels, true);
  const predicted = testRows.map((r) => predictLogistic(fitted, r));
  const holdoutAuc = auc(predicted, testLabels);
  if (!(holdoutAuc >= MIN_HOLDOUT_AUC)) return rules(Number.isNaN(holdoutAuc) ? null : holdoutAuc);
  return {
    kind: 'logistic',
    asOf,
    samples: people.length,
    positives,
    holdoutAuc,
    calibration: calibrationDeciles(predicted, testLabels),
    model: trainLogistic(rows, labels),
  };
}

export function weightsByFeature(model: LogisticModel): Record<string, number> {
  return Object.fromEntries(FEATURES.map((f, j) => [f, Math.round(model.weights[j] * 1000) / 1000]));
}
