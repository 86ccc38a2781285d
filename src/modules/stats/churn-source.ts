import type { RawBuilder } from 'kysely';

/**
 * Who churned between two dates, as a subquery of customer ids. The churn module registers it, so the
 * statistics count churners without reaching into churn's tables (and without a dependency cycle).
 */
export type ChurnedCustomers = (from: string, to: string) => RawBuilder<unknown>;
let source: ChurnedCustomers | undefined;

export function registerChurnedCustomers(query: ChurnedCustomers): void {
  source = query;
}
export function churnedCustomers(): ChurnedCustomers | undefined {
  return source;
}
