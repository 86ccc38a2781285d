import type { RequestContext } from './access/context.ts';

/**
 * Shared state of a demo seeding run. Modules seed in registry order and leave what later modules need
 * here: org units by code, employees by username. The random source is seeded, so every first start
 * produces the same demo data.
 */
export interface DemoContext {
  ctx: RequestContext;
  /** The password every demo employee gets (the admin's). */
  password: string;
  orgUnits: Map<string, string>;
  employees: Map<string, string>;
  random: () => number;
  /** How many demo customers to create, and the ids of those created (for contacts, subscriptions...). */
  customers: number;
  customerIds: string[];
  /** The business date each demo customer's account was opened, by id (demo accounts were opened over the past years). */
  customerOpenedOn: Map<string, string>;
}

/** mulberry32: a small, fast, seedable PRNG; good enough for demo data, not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A plausible mainland mobile number (a real carrier prefix, eight random digits). */
export function demoMobile(random: () => number): string {
  return (
    pick(random, ['135', '138', '139', '150', '152', '158', '186', '187', '188', '166', '177', '199']) +
    String(Math.floor(random() * 1e8)).padStart(8, '0')
  );
}
