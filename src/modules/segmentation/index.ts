import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { runSegmentationJob } from './run-job.ts';
import { segmentationRoutes } from './segmentation.routes.ts';
import { RUN_JOB } from './start-run.ts';

registerPermissionArea('segmentation', { zh: '客户细分', en: 'Segmentation' });

export const segmentationModule: CrmModule = {
  name: 'segmentation',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: segmentationRoutes,
  jobs: (runner) => runner.register(RUN_JOB, runSegmentationJob),
};

// What other modules may use: the engine, for anyone clustering a matrix of their own.
export { runSegmentation, type SegmentationOutcome } from './engine/segment.ts';
