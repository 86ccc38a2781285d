import type { Customer, CustomerInput } from '../api/customers-api.ts';

/** What the open-account and edit forms hold: every input as typed, as text. */
export interface CustomerFormState {
  name: string;
  idCard: string;
  phone: string;
  email: string;
  backupPhone: string;
  address: string;
  education: string;
  job: string;
  income: string;
  category: string;
  level: string;
  lifecycle: string;
  regionId: string;
  accountManagerId: string;
}

export const EMPTY_FORM: CustomerFormState = {
  name: '',
  idCard: '',
  phone: '',
  email: '',
  backupPhone: '',
  address: '',
  education: '',
  job: '',
  income: '',
  category: 'individual',
  level: 'ordinary',
  lifecycle: 'potential',
  regionId: '',
  accountManagerId: '',
};

export function formFromCustomer(c: Customer): CustomerFormState {
  return {
    name: c.name,
    idCard: c.idCard ?? '',
    phone: c.phone,
    email: c.email ?? '',
    backupPhone: c.backupPhone ?? '',
    address: c.address ?? '',
    education: c.education ?? '',
    job: c.job ?? '',
    income: c.income ?? '',
    category: c.category,
    level: c.level,
    lifecycle: c.lifecycle,
    regionId: c.regionId,
    accountManagerId: c.accountManagerId ?? '',
  };
}

const text = (v: string) => v.trim() || null;

/** The form as the API takes it: blanks become null; the server validates the rest. */
export function inputFromForm(f: CustomerFormState): CustomerInput {
  return {
    name: f.name.trim(),
    phone: f.phone.trim(),
    idCard: f.idCard.trim() || undefined,
    email: text(f.email),
    backupPhone: text(f.backupPhone),
    address: text(f.address),
    education: text(f.education) as CustomerInput['education'],
    job: text(f.job),
    income: text(f.income),
    category: f.category as CustomerInput['category'],
    level: f.level as CustomerInput['level'],
    lifecycle: f.lifecycle as CustomerInput['lifecycle'],
    regionId: f.regionId,
    accountManagerId: text(f.accountManagerId),
  };
}

/** Only what the editor changed, so a PATCH touches (and audits) no more than that. */
export function changedFields(before: CustomerFormState, after: CustomerFormState): Partial<CustomerInput> {
  const input = inputFromForm(after) as unknown as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CustomerFormState)[]) {
    if (before[key].trim() !== after[key].trim()) changed[key] = input[key] ?? null;
  }
  return changed as Partial<CustomerInput>;
}
