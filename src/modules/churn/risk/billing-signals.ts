import type { Db } from '../../../platform/db.ts';
import { loadUsageProfiles } from '../../billing/index.ts';
import type { SignalProvider } from './signal-store.ts';

const PAGE = 5000;

/**
 * Spend and usage from billing's monthly usage profile: spend is what the bill charged (base fee, voice
 * and internet), usage the month's data (MB) and minutes of every kind. Package fit and arrears come from
 * elsewhere (arrears from the account at scoring time).
 */
export const billingSignals: SignalProvider = async (db: Db, month: string) => {
  const rows = [];
  let after: string | undefined;
  for (;;) {
    const page = await loadUsageProfiles(db, month, { afterCustomerId: after, limit: PAGE });
    for (const p of page) {
      rows.push({
        customerId: p.customerId,
        spend: Math.round((p.baseFee + p.voiceSpend + p.internetSpend) * 100) / 100,
        dataMb: Math.round((p.busyDataGb + p.idleDataGb) * 1024),
        voiceMin:
          p.localMinutes +
          p.provincialLdMinutes +
          p.domesticLdMinutes +
          p.internationalMinutes +
          p.provincialRoamingMinutes +
          p.domesticRoamingMinutes +
          p.internationalRoamingMinutes,
      });
    }
    if (page.length < PAGE) return rows;
    after = page[page.length - 1].customerId;
  }
};
