/** Test data for the customer journeys, made through the API as the admin (the journeys themselves click through the UI). */
import type { TestClient } from '../../src/testing/test-client.ts';

let counter = 0;
const run = Date.now() % 100_000;

/** A valid 18-digit ID card (GB 11643 check digit) for a person born on the given date, unique per call. */
export function validIdCard(birth = '19900307'): string {
  counter += 1;
  const body = `370102${birth}${String((run + counter) % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(idCard: string): string {
  const last = idCard.at(-1) === '0' ? '1' : '0';
  return idCard.slice(0, -1) + last;
}

/** A mainland mobile number unique to this run, ending in `tail` when given. */
export function uniqueMobile(tail?: string): string {
  counter += 1;
  const digits = `${run}${counter}`.padStart(8, '0').slice(-8);
  return tail ? `139${digits.slice(0, 8 - tail.length)}${tail}` : `139${digits}`;
}

export async function regionId(client: TestClient, code: string): Promise<string> {
  const units = (await client.get('/api/org-units')).body.items as { id: string; code: string | null }[];
  return units.find((u) => u.code === code)!.id;
}

export async function employeeId(client: TestClient, name: string): Promise<string> {
  const people = (await client.get(`/api/employees/directory?q=${encodeURIComponent(name)}`)).body.items as {
    id: string;
    name: string;
  }[];
  return people.find((p) => p.name === name)!.id;
}

export interface CreatedCustomer {
  id: string;
  customerNo: string;
  name: string;
  phone: string;
}

export async function createCustomer(client: TestClient, fields: Record<string, unknown>): Promise<CreatedCustomer> {
  const res = await client.post('/api/customers', {
    category: 'individual',
    idCard: validIdCard(),
    phone: uniqueMobile(),
    ...fields,
  });
  if (res.status !== 201) throw new Error(`creating a customer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
