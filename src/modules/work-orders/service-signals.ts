import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export interface MonthlyServiceSignal {
  customerId: string;
  complaints: number;
  faults: number;
  /** Mean satisfaction (very dissatisfied 1 … very satisfied 5) of the month's rated orders; null when none was rated. */
  satisfaction: number | null;
}

/**
 * Per customer, the complaints and fault reports opened in a month (`YYYY-MM-01`) and how satisfied the customer
 * said they were with those orders: what the churn-risk model reads of the service desk.
 */
export async function monthlyServiceSignals(db: Db, month: string): Promise<MonthlyServiceSignal[]> {
  const result = await sql<{ customer_id: string; complaints: string; faults: string; satisfaction: string | null }>`
    SELECT w.customer_id,
           count(*) FILTER (WHERE t.code = 'complaint') AS complaints,
           count(*) FILTER (WHERE t.code = 'fault') AS faults,
           avg(CASE w.satisfaction WHEN 'very_satisfied' THEN 5 WHEN 'satisfied' THEN 4 WHEN 'neutral' THEN 3
                                   WHEN 'dissatisfied' THEN 2 WHEN 'very_dissatisfied' THEN 1 END) AS satisfaction
    FROM work_orders w JOIN work_order_types t ON t.id = w.type_id
    WHERE w.created_at >= ${month}::date AND w.created_at < ${month}::date + interval '1 month'
    GROUP BY w.customer_id`.execute(db);
  return result.rows.map((r) => ({
    customerId: r.customer_id,
    complaints: Number(r.complaints),
    faults: Number(r.faults),
    satisfaction: r.satisfaction === null ? null : Math.round(Number(r.satisfaction) * 100) / 100,
  }));
}
