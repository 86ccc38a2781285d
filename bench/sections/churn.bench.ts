import { sql } from 'kysely';
// The bench measures the model itself, so it reads the churn module's model files directly (no module would).
import { extractFeatures } from '../../src/modules/churn/risk/features.ts';
import { predictLogistic, trainLogistic } from '../../src/modules/churn/risk/logistic.ts';
import { auc, calibrationDeciles } from '../../src/modules/churn/risk/metrics.ts';
import { syntheticHistories } from '../../src/modules/churn/risk/synthetic-history.ts';
import { currentMonth, refreshRiskScores } from '../../src/modules/churn/index.ts';
import { monthsBefore } from '../../src/modules/churn/risk/signal-store.ts';
import { loadOnce } from '../support/bench-database.ts';
import { signIn } from '../support/api-session.ts';
import { measureHttp, warmHttp } from '../support/http-load.ts';
import type { BenchSection, Figure } from '../support/section.ts';

/** Customers with monthly signals to score (the rest of the bench's customers have none and score from tenure and arrears). */
const SIGNAL_CUSTOMERS = 200_000;
const TRAIN = 50_000;
const HOLD_OUT = 20_000;
let heldOutAuc = NaN;

/** Model quality on synthetic history where churn depends on known factors, then the monthly scoring job's throughput. */
export const section: BenchSection = {
  name: 'churn',

  // In `prepare`, not `load`: the customers section (later in file order) loads the customers first.
  async prepare({ database, settings, log }) {
    const count = Math.min(settings.customers, SIGNAL_CUSTOMERS);
    await loadOnce(database, `churn:signals:${count}`, async () => {
      const asOf = currentMonth();
      const t0 = performance.now();
      // Three recent months per customer, drawn in SQL: spend around ¥80 with some customers falling away.
      await sql`
        INSERT INTO churn_signals (customer_id, month, spend, data_mb, voice_min, complaints, faults, satisfaction, overage, allowance_use, package_end, arrears)
        SELECT c.id, m::date, round((80 * (1 - CASE WHEN c.id % 4 = 0 THEN k * 0.2 ELSE 0 END) * (0.9 + random() * 0.2))::numeric, 2),
               (4000 * (0.8 + random() * 0.4))::bigint, (200 * (0.8 + random() * 0.4))::int,
               (random() < 0.05)::int, (random() < 0.08)::int, CASE WHEN random() < 0.05 THEN 1 + floor(random() * 5) END,
               CASE WHEN c.id % 9 = 0 THEN 15 ELSE 0 END, round((0.2 + random())::numeric, 3),
               CASE WHEN c.id % 7 = 0 THEN ${asOf}::date + (c.id % 120)::int END, CASE WHEN c.id % 20 = 0 THEN 50 ELSE 0 END
        FROM (SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT ${count}) c
        CROSS JOIN LATERAL (SELECT generate_series(1, 3) AS k) ks
        CROSS JOIN LATERAL (SELECT (${monthsBefore(asOf, 3)}::date + (k - 1) * interval '1 month') AS m) ms`.execute(
        database.db,
      );
      log(
        `load churn signals: ${count.toLocaleString('en-US')} customers × 3 months in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    });
  },

  async raw({ database, log }) {
    const figures: Figure[] = [];
    const asOf = new Date(`${currentMonth()}T00:00:00Z`);
    const dataset = (n: number, seed: number) => {
      const customers = syntheticHistories(n, seed, asOf);
      return {
        rows: customers.map((c) => extractFeatures(c.history, asOf)),
        labels: Uint8Array.from(customers.map((c) => (c.churned ? 1 : 0))),
      };
    };
    const train = dataset(TRAIN, 1);
    const test = dataset(HOLD_OUT, 2);
    const t0 = performance.now();
    const model = trainLogistic(train.rows, train.labels);
    const trainSeconds = (performance.now() - t0) / 1000;
    const predicted = test.rows.map((r) => predictLogistic(model, r));
    heldOutAuc = auc(predicted, test.labels);
    log(
      `churn model: trained on ${TRAIN.toLocaleString('en-US')} synthetic customers in ${trainSeconds.toFixed(2)} s; held-out AUC ${heldOutAuc.toFixed(3)} on ${HOLD_OUT.toLocaleString('en-US')} (target ≥ 0.80)`,
    );
    log('churn calibration by decile (mean predicted → observed churn rate, n):');
    for (const bin of calibrationDeciles(predicted, test.labels)) {
      log(
        `  decile ${String(bin.decile).padStart(2)}: ${(bin.meanPredicted * 100).toFixed(1).padStart(5)} % → ${(bin.observedRate * 100).toFixed(1).padStart(5)} %  (${bin.count})`,
      );
    }

    const t1 = performance.now();
    const result = await refreshRiskScores(database.db);
    const seconds = (performance.now() - t1) / 1000;
    log(
      `churn scoring job: ${result.scored.toLocaleString('en-US')} active customers scored (${result.kind}) in ${seconds.toFixed(1)} s = ${Math.round(result.scored / seconds).toLocaleString('en-US')}/s`,
    );
    figures.push({
      section: 'churn',
      scenario: 'monthly risk scoring job (customers/s)',
      connections: 1,
      via: 'raw',
      requests: result.scored,
      perSecond: result.scored / seconds,
      p50: seconds * 1000,
      p99: seconds * 1000,
      errors: 0,
    });
    return figures;
  },

  /** The at-risk list an account manager opens: the 50 highest scores in their region. */
  async api({ baseUrl, settings, log, serverCpuMs }) {
    const { cookie } = await signIn(baseUrl, 'zhangwei', settings.password);
    const headers = { cookie, 'accept-language': 'zh-CN' };
    const path = '/api/churn/risk?minScore=30&limit=50';
    const check = await fetch(baseUrl + path, { headers });
    if (check.status !== 200) throw new Error(`${path} answered ${check.status}`);
    const load = {
      section: 'churn',
      scenario: 'at-risk list (50 highest)',
      baseUrl,
      headers,
      next: () => ({ path }),
      cpuMs: serverCpuMs,
    };
    await warmHttp({ ...load, connections: settings.connections[0] });
    const figures: Figure[] = [];
    for (const connections of settings.connections) {
      const figure = await measureHttp({ ...load, connections, duration: settings.duration });
      log(
        `api  at-risk list @${connections}: ${figure.perSecond.toFixed(0)} req/s, p99 ${figure.p99.toFixed(1)} ms, ${figure.errors} errors`,
      );
      figures.push(figure);
    }
    return figures;
  },

  verdicts() {
    return [
      `churn · held-out AUC on synthetic history: ${heldOutAuc.toFixed(3)} (target ≥ 0.80) → ${heldOutAuc >= 0.8 ? 'met' : 'MISSED'}`,
    ];
  },
};
