import type { CrmModule } from '../../platform/module.ts';
import { globalSearch } from './global-search.ts';
import { SearchQuery, SearchResult } from './search.schema.ts';

/** The header's global search over customers, contacts, work orders, articles, products and employees. */
export const searchModule: CrmModule = {
  name: 'search',
  routes: (app, { db }) => {
    app.get(
      '/api/search',
      {
        // Each type checks its own permission: a user who may see none of them gets no groups.
        config: { authenticated: true },
        schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResult } },
      },
      (req) => globalSearch(db, req.ctx, req.query.q),
    );
  },
};
