import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { freshDatabase, startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { openDatabase, type DatabaseHandle } from '../../platform/db.ts';
import { readConfig, type Config } from '../../platform/config.ts';
import type { AppError } from '../../platform/errors.ts';
import { restoreBackup, verifyBackup } from './index.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('a photo of the broken modem'),
]);

/** Copies an archive, letting `change` rewrite any entry (undefined keeps it as it is). */
async function tamper(
  from: string,
  to: string,
  change: (name: string, data: Buffer) => Buffer | undefined,
): Promise<void> {
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const data = Buffer.concat(chunks);
      const changed = change(header.name, data) ?? data;
      pack.entry({ ...header, size: changed.length }, changed, next);
    });
  });
  extract.on('finish', () => pack.finalize());
  await Promise.all([
    pipeline(createReadStream(from), createGunzip(), extract),
    pipeline(pack, createGzip(), createWriteStream(to)),
  ]);
}

for (const kind of testDatabases()) {
  describe(`backup and restore (${kind})`, () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'lianxi-backup-test-'));
    const dataDir = path.join(scratch, 'data');
    const backupDir = path.join(scratch, 'backups');
    let app: TestApp;
    let admin: TestClient;
    let source: { database: DatabaseHandle; url?: string; drop(): Promise<void> };
    let workOrderId: string;
    let attachmentId: string;
    let archive: string;

    before(async () => {
      source =
        kind === 'pglite'
          ? await openDatabase({ dataDir }).then((database) => ({ database, drop: () => database.close() }))
          : await freshDatabase(kind);
      app = await startTestApp(kind, { database: source, config: { dataDir, backupDir, databaseUrl: source.url } });
      admin = await app.login('admin');
      workOrderId = (await admin.get('/api/work-orders?limit=1')).body.items[0].id;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), '光猫.png');
      const uploaded = await admin.request('POST', `/api/work-orders/${workOrderId}/attachments`, form);
      assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
      attachmentId = uploaded.body.id;
    });
    after(async () => {
      await app.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('backs up on request, verifies the archive in a scratch database, and lists it with its size and result', async () => {
      const started = await admin.post('/api/backups');
      assert.equal(started.status, 202, JSON.stringify(started.body));
      assert.equal((await admin.get('/api/backups')).body.inProgress, true);
      await app.services.jobs.runDue();
      const list = (await admin.get('/api/backups')).body;
      assert.equal(list.inProgress, false);
      assert.equal(list.items.length, 1);
      const [backup] = list.items;
      assert.equal(backup.verification.status, 'verified', backup.verification.problems.join('\n'));
      assert.equal(backup.engine, kind);
      assert.equal(backup.files, 1);
      assert.ok(backup.rows > 100 && backup.sizeBytes > 0);
      archive = path.join(backupDir, backup.name);
    });

    it('lets an administrator download the archive, and audits it', async () => {
      const name = path.basename(archive);
      const res = await fetch(`${app.baseUrl}/api/backups/${name}`, { headers: { cookie: admin.cookie! } });
      assert.equal(res.status, 200);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), readFileSync(archive));
      const audit = (await admin.get(`/api/audit?entity=backup&action=download`)).body.items;
      assert.equal(audit[0].entityId, name);
      assert.equal((await admin.get('/api/backups/..%2Fdata')).status, 404);
    });

    it('keeps backups from everyone but administrators', async () => {
      const manager = await app.login('zhangwei');
      assert.equal((await manager.get('/api/backups')).status, 403);
      assert.equal((await manager.post('/api/backups')).status, 403);
      assert.equal((await manager.get(`/api/backups/${path.basename(archive)}`)).status, 403);
    });

    it('restores into a fresh database with identical tables, and attachment downloads work there', async () => {
      const target = kind === 'pglite' ? undefined : await freshDatabase(kind);
      const targetDir = path.join(scratch, 'restored');
      const config: Config = { ...readConfig({}), dataDir: targetDir, databaseUrl: target?.url };
      const { problems } = await restoreBackup(config, archive);
      assert.deepEqual(problems, []);
      await assert.rejects(restoreBackup(config, archive), (err: AppError) => err.code === 'BACKUP_TARGET_NOT_EMPTY');
      assert.deepEqual((await restoreBackup(config, archive, { force: true })).problems, []);

      const database = target?.database ?? (await openDatabase({ dataDir: targetDir }));
      const restored = await startTestApp(kind, {
        database: { database, drop: target?.drop ?? (() => database.close()) },
        config: { dataDir: targetDir },
      });
      try {
        const client = await restored.login('admin');
        const res = await fetch(`${restored.baseUrl}/api/work-orders/${workOrderId}/attachments/${attachmentId}`, {
          headers: { cookie: client.cookie! },
        });
        assert.equal(res.status, 200);
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG);
      } finally {
        await restored.close();
      }
    });

    it('catches a tampered archive: a changed attachment, or a manifest that promises other rows', async () => {
      const changedFile = path.join(scratch, 'changed-file.tar.gz');
      await tamper(archive, changedFile, (name, data) =>
        name.startsWith('files/attachments/') ? Buffer.concat([data, Buffer.from('!')]) : undefined,
      );
      const verification = await verifyBackup(changedFile, source.url);
      assert.equal(verification.status, 'failed');
      assert.match(verification.problems.join('\n'), /^file attachments\/.+: \d+ bytes expected/m);
      const config: Config = { ...readConfig({}), dataDir: path.join(scratch, 'never'), databaseUrl: source.url };
      await assert.rejects(restoreBackup(config, changedFile), (err: AppError) => err.code === 'BACKUP_INVALID');

      const changedManifest = path.join(scratch, 'changed-manifest.tar.gz');
      await tamper(archive, changedManifest, (name, data) => {
        if (name !== 'manifest.json') return undefined;
        const manifest = JSON.parse(data.toString());
        manifest.tables.find((t: { name: string }) => t.name === 'customers').rows += 1;
        return Buffer.from(JSON.stringify(manifest));
      });
      const second = await verifyBackup(changedManifest, source.url);
      assert.deepEqual(
        second.problems.filter((p) => p.startsWith('table ')),
        [second.problems.find((p) => p.startsWith('table customers: '))],
      );
    });
  });
}
