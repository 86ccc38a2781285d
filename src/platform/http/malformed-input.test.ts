/**
 * A generated fuzz walk: every operation of the app's own OpenAPI description, each with at least 20 malformed
 * variants (NUL bytes, lone surrogates, huge and negative numbers, wrong types, arrays for scalars, huge strings,
 * bad dates, tampered cursors, malformed JSON, a missing body or required field, wrong content types, malformed multipart, path ids like `abc`, `-1`,
 * `1e400`, `99999999999999999999999`), sent as the admin so that access checks hide nothing. It fails on any 5xx and
 * on any 4xx whose body is not the app's `{ error: { code, message, fields? } }`, naming route and variant.
 *
 * Choices that keep the walk meaningful:
 * - A variant changes one thing at a time against a "plausible" request (required fields filled with valid-looking
 *   values, path ids `1`), so the one bad value reaches as deep as the validation lets it.
 * - Routes that end the caller's session (`/api/auth/logout`, `/api/auth/password`, `/api/portal/logout`) are walked
 *   with a second admin session, so the main session stays signed in; the test checks it still is at the end.
 * - Login routes are walked with another username and their own anonymous client, so the walk can neither lock the
 *   admin out (login throttle) nor swap the admin's session for the employee it created along the way.
 * - Roles and employees are walked on the telemarketer role and zhaolei, not on the admin or the admin role: a variant that is valid after all
 *   (say, a permission list) must not take the walk's own rights away; the test checks the admin keeps `*` at the end.
 * - Deletes and import commits only ever get malformed input; the few that are well-formed enough to run act on id 1
 *   or on an empty file, which the rest of the walk does not depend on.
 * - Portal routes are walked with the staff session: they answer 401 (no customer signed in) or 400, never 5xx.
 * - Requests run 8 at a time; the whole walk takes well under a minute per database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  const?: unknown;
};
interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string; schema?: Schema }[];
  body?: Schema;
  multipart: boolean;
}
interface Variant {
  name: string;
  path: string;
  query: string;
  body?: string;
  contentType?: string;
}

const NUL = 'a\u0000b';
const SURROGATE = 'a\ud800b';
const BAD_IDS = ['abc', '-1', '0', '1e400', '1.5', '99999999999999999999999', '%00', '%ED%A0%80', 'x'.repeat(300)];
const BAD_QUERY = [
  'a%00b',
  '%ED%A0%80',
  '99999999999999999999999',
  '-1',
  '1e400',
  'abc',
  '0000-01-01',
  '9999-12-31',
  'x'.repeat(5000),
];
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const BAD_CURSORS = [
  cursor('abc'),
  cursor(['abc', 'zzz']),
  cursor(['99999999999999999999999', '-1']),
  cursor('\u0000'),
  cursor({ a: 1 }),
  '!!not-base64!!',
  cursor(['2026-13-45', 'x']),
];

/** Known-valid values by field name, for the plausible request each variant starts from. */
const PLAUSIBLE: Record<string, unknown> = {
  phone: '13800138000',
  loginPhone: '13800138000',
  mobile: '13800138000',
  idCard: '370102199003070013',
  email: 'fuzz@example.com',
  username: 'fuzz-nobody',
  password: 'Not-the-password-9',
  oldPassword: 'Not-the-password-9',
  newPassword: 'Another-pass-2026!',
};

function resolve(s: Schema | undefined): Schema {
  if (!s) return {};
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return resolve(alt.find((x) => x.type !== 'null') ?? alt[0]);
  if (s.allOf?.length) return resolve(s.allOf[0]);
  return s;
}
const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? 'string';

function plausible(s: Schema | undefined, name = ''): unknown {
  const r = resolve(s);
  if (name in PLAUSIBLE) return PLAUSIBLE[name];
  if (r.const !== undefined) return r.const;
  if (r.enum) return r.enum[0];
  switch (typeOf(r)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of r.required ?? []) out[key] = plausible(r.properties?.[key], key);
      return out;
    }
    case 'array':
      return [plausible(r.items)];
    case 'integer':
    case 'number':
      return Math.max(1, r.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      if (r.format === 'date') return '2026-01-15';
      if (r.format === 'date-time') return '2026-01-15T08:00:00Z';
      if (/id$/i.test(name) || r.pattern?.includes('\\d')) return '1';
      return 'fuzz'.padEnd(Math.max(4, r.minLength ?? 0), 'z');
  }
}

/** Bad values for one field of the given type: the type's own traps first, then the generic ones. */
function badValues(s: Schema): [string, unknown][] {
  const t = typeOf(resolve(s));
  const numeric: [string, unknown][] = [
    ['int4 overflow', 3_000_000_000],
    ['huge number', 1e308],
    ['negative', -1],
    ['fraction', 1.5],
  ];
  const common: [string, unknown][] = [
    ['NUL byte', NUL],
    ['lone surrogate', SURROGATE],
    ['object', { a: 1 }],
    ['array', ['1', '2']],
    ['huge string', 'x'.repeat(20_000)],
    ['bad date', '0000-01-01'],
    ['far date', '9999-12-31'],
    ['huge id', '99999999999999999999999'],
    ['null', null],
    ['boolean', true],
  ];
  return t === 'integer' || t === 'number' ? [...numeric, ...common] : [...common, ...numeric];
}

function operations(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const content = op.requestBody?.content ?? {};
      // The description does not say which routes take uploads, so every write without a JSON body gets the multipart variants.
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: method !== 'get' && !content['application/json'],
      });
    }
  }
  return ops;
}

function multipart(boundary: string, filename: string, content: string, type = 'text/csv'): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
}

function variants(op: Operation): Variant[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const fill = (overrides: Record<string, string> = {}) =>
    op.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) =>
        overrides[name] ??
        (name === 'kind'
          ? String(resolve(pathParams.find((p) => p.name === name)?.schema).enum?.[0] ?? '1')
          : (SPARE_IDS[op.path.split('/')[2]] ?? '1')),
    );
  const path = fill();
  const base = op.body ? (plausible(op.body) as Record<string, unknown>) : undefined;
  const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' });
  const baseBody = op.body ? json(base) : {};
  const out: Variant[] = [];

  for (const p of pathParams)
    for (const bad of BAD_IDS)
      out.push({ name: `path ${p.name}=${bad.slice(0, 30)}`, path: fill({ [p.name]: bad }), query: '', ...baseBody });
  for (const q of queryParams) {
    const values = q.name === 'cursor' ? [...BAD_CURSORS, ...BAD_QUERY.slice(0, 3)] : BAD_QUERY;
    for (const bad of values)
      out.push({ name: `query ${q.name}=${bad.slice(0, 30)}`, path, query: `${q.name}=${bad}`, ...baseBody });
    out.push({ name: `query ${q.name} twice`, path, query: `${q.name}=1&${q.name}=2`, ...baseBody });
  }
  const body = resolve(op.body);
  // A required field left out, one at a time (the first three: the rest fail the same check).
  for (const key of (body.required ?? []).slice(0, 3)) {
    const { [key]: _left, ...rest } = base ?? {};
    out.push({ name: `body without ${key}`, path, query: '', ...json(rest) });
  }
  if (body.properties) {
    for (const [key, schema] of Object.entries(body.properties)) {
      for (const [label, value] of badValues(schema))
        out.push({ name: `body ${key}: ${label}`, path, query: '', ...json({ ...base, [key]: value }) });
      const item = resolve(resolve(schema).items);
      // One level into arrays of objects (contacts, rows, rules): the first item's fields.
      if (item.properties) {
        const plausibleItem = plausible(item) as Record<string, unknown>;
        for (const [inner, innerSchema] of Object.entries(item.properties)) {
          for (const [label, value] of badValues(innerSchema).slice(0, 5))
            out.push({
              name: `body ${key}[0].${inner}: ${label}`,
              path,
              query: '',
              ...json({ ...base, [key]: [{ ...plausibleItem, [inner]: value }] }),
            });
        }
      }
    }
  }
  if (op.multipart) {
    const b = 'fuzzboundary';
    const mp = (name: string, payload: string, contentType = `multipart/form-data; boundary=${b}`) =>
      out.push({ name, path, query: '', body: payload, contentType });
    mp('multipart without boundary', multipart(b, 'a.csv', 'a,b\n1,2'), 'multipart/form-data');
    for (const at of [20, 60, 90, 120])
      mp(`multipart truncated at ${at}`, multipart(b, 'a.csv', 'a,b\n1,2').slice(0, at));
    mp(
      'multipart non-zip xlsx',
      multipart(b, 'a.xlsx', 'this is not a zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    );
    mp('multipart unclosed quote', multipart(b, 'a.csv', 'a,b\n"1,2\n3,4'));
    mp(
      'multipart PNG truncated',
      multipart(b, 'a.png', '\x89PNG\r\n').slice(0, 110),
      `multipart/form-data; boundary=${b}`,
    );
    mp('multipart NUL filename', multipart(b, 'a\u0000.csv', 'a,b\n1,2'));
    mp('multipart empty file', multipart(b, 'a.csv', ''));
    mp('multipart no file part', `--${b}--\r\n`);
  }
  // Whole-request variants every route gets.
  const generic: Variant[] = [
    { name: 'malformed JSON', path, query: '', body: '{"a": ', contentType: 'application/json' },
    { name: 'JSON null', path, query: '', body: 'null', contentType: 'application/json' },
    { name: 'JSON array', path, query: '', body: '[1,2]', contentType: 'application/json' },
    { name: 'JSON string', path, query: '', body: '"x"', contentType: 'application/json' },
    { name: 'JSON number', path, query: '', body: '1e400', contentType: 'application/json' },
    { name: 'NUL key', path, query: '', ...json({ ...base, 'a\u0000': NUL }) },
    { name: 'surrogate key', path, query: '', ...json({ ...base, '\udc00': SURROGATE }) },
    {
      name: 'deep nesting',
      path,
      query: '',
      body: '['.repeat(5000) + ']'.repeat(5000),
      contentType: 'application/json',
    },
    { name: 'wrong content-type', path, query: '', body: 'a=1', contentType: 'text/plain' },
    { name: 'form content-type', path, query: '', body: 'a=1', contentType: 'application/x-www-form-urlencoded' },
    { name: 'xml content-type', path, query: '', body: '<a/>', contentType: 'application/xml' },
    { name: 'charset junk', path, query: '', body: '{}', contentType: 'application/json; charset=klingon' },
    { name: 'empty JSON body', path, query: '', body: '', contentType: 'application/json' },
    { name: 'no body at all', path, query: '' },
    { name: 'unknown query with NUL', path, query: 'zz=%00', ...baseBody },
    { name: 'query with bad percent escape', path, query: 'q=%E0%A4%A', ...baseBody },
    { name: 'query cursor junk', path, query: `cursor=${BAD_CURSORS[1]}&limit=1e400`, ...baseBody },
    { name: 'query arrays', path, query: 'limit=1&limit=2&from=a&from=b', ...baseBody },
    { name: 'query dates out of range', path, query: 'from=0000-01-01&to=9999-12-31', ...baseBody },
    {
      name: 'query huge ids',
      path,
      query: 'actor=99999999999999999999999&customerId=99999999999999999999999&id=-1',
      ...baseBody,
    },
    {
      name: 'body with every scalar a NUL',
      path,
      query: '',
      ...json(Object.fromEntries(Object.keys(base ?? { x: 1 }).map((k) => [k, NUL]))),
    },
    { name: 'plausible request', path, query: '', ...baseBody },
  ];
  return [...out, ...generic];
}

async function walk(client: TestClient, op: Operation, v: Variant) {
  const url = v.path + (v.query ? `?${v.query}` : '');
  const sendsBody = op.method !== 'GET' && op.method !== 'HEAD';
  const headers: Record<string, string> = v.contentType && sendsBody ? { 'content-type': v.contentType } : {};
  return client.request(op.method, url, sendsBody ? v.body : undefined, headers);
}

/** Roles and employees are walked on a telemarketer, never the admin: a variant valid after all would take the walk its own rights. */
const SPARE_IDS: Record<string, string> = {};
const SESSION_ENDING = new Set(['/api/auth/logout', '/api/auth/password', '/api/portal/logout']);

for (const kind of testDatabases()) {
  describe(`malformed input on every route (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 10 });
    });
    after(() => app.close());

    it('never answers 5xx and always answers 4xx in the error shape', async () => {
      const admin = await app.login('admin');
      const ops = operations((await admin.get('/api/docs/json')).body);
      SPARE_IDS.roles = ((await admin.get('/api/roles')).body.items as { id: string; code: string }[]).find(
        (r) => r.code === 'telemarketer',
      )!.id;
      SPARE_IDS.employees = (
        (await admin.get('/api/employees?limit=200')).body.items as { id: string; username: string }[]
      ).find((e) => e.username === 'zhaolei')!.id;
      assert.ok(ops.length > 100, `the OpenAPI description lists ${ops.length} operations`);
      const failures: string[] = [];
      const jobs: (() => Promise<void>)[] = [];
      let sent = 0;
      for (const op of ops) {
        const vs = variants(op);
        assert.ok(vs.length >= 20, `${op.method} ${op.path} has only ${vs.length} variants`);
        // A login that succeeds (the walk itself creates employee fuzz-nobody) would replace the client's session: its own client.
        const client = SESSION_ENDING.has(op.path)
          ? await app.login('admin')
          : /\/login$/.test(op.path)
            ? app.anonymous()
            : admin;
        for (const v of vs) {
          jobs.push(async () => {
            sent++;
            const res = await walk(client, op, v);
            const label = `${op.method} ${op.path} [${v.name}] → ${res.status}`;
            if (res.status >= 500) failures.push(`${label} ${JSON.stringify(res.body).slice(0, 200)}`);
            else if (
              res.status >= 400 &&
              !(typeof res.body?.error?.code === 'string' && typeof res.body.error.message === 'string')
            ) {
              failures.push(`${label} body not in the error shape: ${JSON.stringify(res.body).slice(0, 200)}`);
            }
          });
        }
      }
      const queue = [...jobs];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (queue.length) await queue.shift()!();
        }),
      );
      if (failures.length)
        assert.fail(`${failures.length} of ${sent} malformed requests failed:\n${failures.sort().join('\n')}`);
      const me = await admin.get('/api/auth/me');
      assert.equal(me.status, 200, 'the walk ended the admin session; it is no longer meaningful');
      assert.ok(
        me.body.permissions.includes('*'),
        `the walk took rights from the admin; it is no longer meaningful: ${JSON.stringify(me.body)}`,
      );
    });
  });
}
