/**
 * Every text a person types has a limit, the same in the form, the API and the table (src/shared/text-limits.ts):
 * the table refuses what the API would refuse, and the API answers a field-level 400 in the user's language.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TEXT_LIMITS } from '../shared/text-limits.ts';
import { startTestApp, testDatabases, type TestApp } from '../testing/test-app.ts';

/** Text columns no person types: codes, hashes, paths and keys the system writes itself. */
const SYSTEM_WRITTEN = new Set([
  'api_tokens.prefix',
  'api_tokens.token_hash',
  'employees.password_hash',
  'org_units.path',
  'work_order_attachments.storage_key',
  'work_order_events.action',
  'work_order_events.from_status',
  'work_order_events.to_status',
  'product_status_changes.from_status',
  'product_status_changes.to_status',
  'customers.customer_no',
  'customers.phone_rev',
  'work_orders.order_no',
]);
const TYPED_BY_PEOPLE = [
  'customers',
  'contacts',
  'work_order_types',
  'work_orders',
  'work_order_events',
  'routing_rules',
  'products',
  'product_status_changes',
  'subscriptions',
  'kb_categories',
  'kb_articles',
  'kb_questions',
  'kb_answers',
  'org_units',
  'roles',
  'employees',
  'api_tokens',
  'churn_records',
  'retention_plans',
  'retention_tasks',
];

for (const kind of testDatabases()) {
  describe(`text length limits on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 5 });
    });
    after(() => app.close());

    it('gives every text column people fill in a CHECK on its length or form', async () => {
      const { rows } = await sql<{ column: string }>`
        SELECT c.table_name || '.' || c.column_name AS column
        FROM information_schema.columns c
        WHERE c.table_schema = current_schema() AND c.data_type = 'text' AND c.is_generated = 'NEVER'
          AND c.table_name IN (${sql.join(TYPED_BY_PEOPLE)})
          AND NOT EXISTS (
            SELECT 1 FROM pg_constraint k
            WHERE k.conrelid = (quote_ident(c.table_name))::regclass AND k.contype = 'c'
              AND pg_get_constraintdef(k.oid) ~ ('\\m' || c.column_name || '\\M')
          )
        ORDER BY 1`.execute(app.services.db);
      const unlimited = rows.map((r) => r.column).filter((c) => !SYSTEM_WRITTEN.has(c));
      assert.deepEqual(unlimited, []);
    });

    it('has the table refuse a text longer than the API takes', async () => {
      const [contact] = (
        await sql<{ id: string }>`INSERT INTO contacts (name) VALUES ('限长测试') RETURNING id`.execute(app.services.db)
      ).rows;
      const tooLong = 'x'.repeat(TEXT_LIMITS.contacts.notes + 1);
      await assert.rejects(
        sql`UPDATE contacts SET notes = ${tooLong} WHERE id = ${contact.id}`.execute(app.services.db),
        /contacts_notes_length/,
      );
      await sql`UPDATE contacts SET notes = ${tooLong.slice(1)} WHERE id = ${contact.id}`.execute(app.services.db);
    });

    it('answers a field-level 400 naming the limit for a text one character too long', async () => {
      const admin = await app.login('admin');
      const units = (await admin.get('/api/org-units')).body.items as { id: string }[];
      const tooLongName = 'x'.repeat(TEXT_LIMITS.system.employeeName + 1);
      const employee = await admin.post('/api/employees', {
        username: 'limits.test',
        password: 'Lianxi-limits-2026!',
        name: tooLongName,
        orgUnitId: units[0].id,
      });
      assert.equal(employee.status, 400);
      assert.match(employee.body.error.fields.name, /50/);

      const contact = await admin.post('/api/contacts', {
        name: '限长',
        email: `${'a'.repeat(TEXT_LIMITS.contacts.email)}@example.com`,
      });
      assert.equal(contact.status, 400);
      assert.ok(contact.body.error.fields.email);
    });
  });
}
