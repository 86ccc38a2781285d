import { sql } from 'kysely';
import type { Db } from '../../../platform/db.ts';
import { extractFeatures } from './features.ts';
import { scoreFeatures, type RiskModel } from './scorer.ts';
import { collectSignals, loadHistories, monthsBefore } from './signal-store.ts';
import { trainChurnModel } from './train-model.ts';
import '../churn.tables.ts';
import { firstDayOfMonth, thisMonth } from '../../../platform/clock.ts';

const BATCH = 2000;

/** A churn record for customer `c` that no later win-back has undone: such a customer is not scored. */
const stillChurned = sql`SELECT 1 FROM churn_records r WHERE r.customer_id = c.id AND NOT EXISTS (
  SELECT 1 FROM retention_tasks t WHERE t.customer_id = c.id AND t.outcome = 'won_back' AND t.done_at::date >= r.churned_on)`;

/** The first day of this business month: scores are as of it. */
export function currentMonth(): string {
  return firstDayOfMonth(thisMonth());
}

/**
 * The monthly run: collect last month's signals, retrain (or fall back to the rules), then score every
 * active customer from the three months before this one. Scores of customers no longer active are removed.
 */
export async function refreshRiskScores(
  db: Db,
  opts: { asOf?: string; progress?: (percent: number) => Promise<void> } = {},
) {
  const asOf = opts.asOf ?? currentMonth();
  await collectSignals(db, monthsBefore(asOf, 1));
  const trained = await trainChurnModel(db, asOf);
  const { id: modelId } = await db
    .insertInto('churn_models')
    .values({
      kind: trained.kind,
      as_of: asOf,
      samples: trained.samples,
      positives: trained.positives,
      holdout_auc: trained.holdoutAuc,
      params: JSON.stringify(trained.model ?? {}),
      calibration: JSON.stringify(trained.calibration),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const risk: RiskModel = trained.model ? { kind: 'logistic', model: trained.model } : { kind: 'rules' };

  const total = Number(
    (
      await db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const asOfDate = new Date(`${asOf}T00:00:00Z`);
  let scored = 0;
  let after = '0';
  for (;;) {
    const customers = await sql<{ id: string; since: string; arrears: string }>`
      SELECT c.id, LEAST(c.created_at::date, (SELECT min(s.month) FROM churn_signals s WHERE s.customer_id = c.id))::text AS since, c.arrears
      FROM customers c WHERE c.status = 'active' AND c.id > ${after}
        AND NOT EXISTS (${stillChurned})
      ORDER BY c.id LIMIT ${BATCH}`.execute(db);
    if (customers.rows.length === 0) break;
    const histories = await loadHistories(db, customers.rows, asOf);
    const scores = histories.map((h, i) => {
      // The account's current arrears are fresher than last month's figure.
      h.arrears = Math.max(h.arrears, Number(customers.rows[i].arrears));
      const s = scoreFeatures(risk, extractFeatures(h, asOfDate));
      return { customer_id: h.customerId, score: s.score, factors: s.factors };
    });
    await sql`
      INSERT INTO churn_risk_scores (customer_id, score, factors, model_id, scored_at)
      SELECT x.customer_id, x.score, x.factors, ${modelId}, now()
      FROM jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) AS x(customer_id bigint, score smallint, factors jsonb)
      ON CONFLICT (customer_id) DO UPDATE SET score = excluded.score, factors = excluded.factors, model_id = excluded.model_id, scored_at = excluded.scored_at`.execute(
      db,
    );
    scored += scores.length;
    after = customers.rows[customers.rows.length - 1].id;
    await opts.progress?.(total ? Math.round((scored / total) * 100) : 100);
  }
  await sql`DELETE FROM churn_risk_scores s USING customers c
    WHERE c.id = s.customer_id AND (c.status <> 'active' OR EXISTS (${stillChurned}))`.execute(db);
  return {
    modelId,
    kind: trained.kind,
    samples: trained.samples,
    positives: trained.positives,
    holdoutAuc: trained.holdoutAuc,
    scored,
  };
}
