import path from 'node:path';
import { attachmentsDir } from '../work-orders/index.ts';

/**
 * Folders under the data directory whose files belong with the database (rows point at them by name): archived
 * as `files/<folder>/…` and listed in the manifest as `<folder>/…`.
 */
export const FILE_STORES = [path.basename(attachmentsDir('.'))];

export function storeDir(dataDir: string, store: string): string {
  return path.join(dataDir, store);
}
