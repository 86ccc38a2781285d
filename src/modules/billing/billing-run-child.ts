// One billing run in a process of its own, so that billing-run-kill.test.ts can kill -9 it in the middle.
// Usage: node billing-run-child.ts <DATABASE_URL> <YYYY-MM>
import { openDatabase } from '../../platform/db.ts';
import { systemContext } from '../../platform/access/context.ts';
import { runBilling } from './billing-run.ts';

const [databaseUrl, month] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl, poolSize: 1 });
try {
  console.log(JSON.stringify(await runBilling(database.db, systemContext('0', ['*']), month)));
} finally {
  await database.close();
}
