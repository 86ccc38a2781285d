import { readConfig } from './platform/config.ts';
import { MigrationEditedError } from './platform/migrate.ts';
import { startLianxi } from './server.ts';
import { demoPortalPhones } from './modules/portal/index.ts';
import { demoCentreStaff } from './modules/work-orders/index.ts';

const config = readConfig();
const { app, services, adminPassword, database } = await startLianxi(config).catch((err: unknown) => {
  // An edited migration is the operator's to fix: its message says what and how, a stack trace would bury it.
  if (!(err instanceof MigrationEditedError)) throw err;
  console.error(err.message);
  process.exit(1);
});
await app.listen({ port: config.port, host: config.host });
if (config.jobs) services.jobs.start();

const url = `http://localhost:${config.port}`;
console.log(
  `\nLianxi CRM is running at ${url}  (database: ${database.kind}${database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
);
if (adminPassword) {
  console.log(`First start: sign in as  admin / ${adminPassword}`);
  if (config.demo) {
    console.log(
      'Demo staff (same password): zhangwei, liuna, zhouqiang (account managers), wangfang (marketing), chenjie (after-sales), zhaolei (telemarketer), sunli (call-centre supervisor)',
    );
    console.log(`Maintenance staff who work the orders (same password), head and handler: ${demoCentreStaff()}`);
    const phones = await demoPortalPhones(services.db);
    if (phones.length)
      console.log(
        `Customer portal: ${url}/portal — sign in with the phone ${phones.join(', ')} (demo customers) and the same password`,
      );
  }
  console.log('This password is shown only once; change it under "My account".\n');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await services.jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  });
}
