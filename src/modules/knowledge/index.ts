import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { seedKnowledgeDemo } from './knowledge.demo.ts';

registerPermissionArea('knowledge', { zh: '知识库', en: 'Knowledge base' });

export const knowledgeModule: CrmModule = {
  name: 'knowledge',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: knowledgeRoutes,
  seedDemo: seedKnowledgeDemo,
};

export { searchArticles } from './search.ts';
