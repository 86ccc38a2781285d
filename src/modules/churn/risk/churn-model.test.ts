import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures, FEATURES } from './features.ts';
import { trainLogistic, predictLogistic } from './logistic.ts';
import { auc, calibrationDeciles } from './metrics.ts';
import { scoreFeatures } from './scorer.ts';
import { syntheticHistories } from './synthetic-history.ts';

const asOf = new Date(Date.UTC(2026, 10, 1));

function dataset(count: number, seed: number) {
  const customers = syntheticHistories(count, seed, asOf);
  return {
    rows: customers.map((c) => extractFeatures(c.history, asOf)),
    labels: Uint8Array.from(customers.map((c) => (c.churned ? 1 : 0))),
  };
}

describe('churn-risk model', () => {
  it('ranks held-out synthetic customers with an AUC of at least 0.75', () => {
    const train = dataset(6000, 1);
    const test = dataset(3000, 2);
    const model = trainLogistic(train.rows, train.labels);
    const predicted = test.rows.map((r) => predictLogistic(model, r));
    const score = auc(predicted, test.labels);
    assert.ok(score >= 0.75, `held-out AUC ${score.toFixed(3)} is below 0.75`);
  });

  it('learns the direction of every known factor: drops, complaints and expiry raise risk, tenure lowers it', () => {
    const { rows, labels } = dataset(6000, 3);
    const model = trainLogistic(rows, labels);
    const weight = (name: (typeof FEATURES)[number]) => model.weights[FEATURES.indexOf(name)];
    for (const name of ['spendDrop', 'complaints', 'arrears', 'expirySoon', 'underuse'] as const)
      assert.ok(weight(name) > 0, `${name} weight ${weight(name)}`);
    assert.ok(weight('tenureYears') < 0);
  });

  it('is calibrated: the top decile churns far more than the bottom one, close to what it predicts', () => {
    const train = dataset(6000, 4);
    const test = dataset(4000, 5);
    const model = trainLogistic(train.rows, train.labels);
    const bins = calibrationDeciles(
      test.rows.map((r) => predictLogistic(model, r)),
      test.labels,
    );
    assert.equal(bins.length, 10);
    assert.ok(bins[9].observedRate > 4 * bins[0].observedRate);
    for (const bin of bins) assert.ok(Math.abs(bin.meanPredicted - bin.observedRate) < 0.1, JSON.stringify(bin));
  });

  it('names the factors that raised a score, strongest first, from the rules when there is no model', () => {
    const features = extractFeatures(
      {
        customerId: '1',
        tenureMonths: 60,
        arrears: 120,
        months: [
          {
            month: '2026-08-01',
            spend: 100,
            dataMb: 5000,
            voiceMin: 300,
            complaints: 0,
            faults: 0,
            satisfaction: null,
            overage: 0,
            allowanceUse: 0.8,
            packageEnd: null,
          },
          {
            month: '2026-09-01',
            spend: 100,
            dataMb: 5000,
            voiceMin: 300,
            complaints: 1,
            faults: 0,
            satisfaction: 4,
            overage: 0,
            allowanceUse: 0.8,
            packageEnd: null,
          },
          {
            month: '2026-10-01',
            spend: 50,
            dataMb: 5000,
            voiceMin: 300,
            complaints: 1,
            faults: 0,
            satisfaction: 4,
            overage: 0,
            allowanceUse: 0.8,
            packageEnd: null,
          },
        ],
      },
      asOf,
    );
    const scored = scoreFeatures({ kind: 'rules' }, features);
    assert.deepEqual(
      scored.factors.map((f) => f.feature),
      ['spendDrop', 'complaints', 'arrears'],
    );
    assert.equal(scored.score, 5 + 20 + 15 + 5 + 10);
  });

  it('gives AUC 0.5 to a constant score and 1 to a perfect one', () => {
    assert.equal(auc([0.2, 0.2, 0.2, 0.2], [0, 1, 0, 1]), 0.5);
    assert.equal(auc([0.1, 0.9, 0.2, 0.8], [0, 1, 0, 1]), 1);
  });
});
