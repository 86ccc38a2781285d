import type { CrmModule } from '../../platform/module.ts';
import { Home } from './home.schema.ts';
import { homeFor } from './home.ts';

/** The landing page after login: one call gathering what each role needs first. */
export const homeModule: CrmModule = {
  name: 'home',
  routes: (app, { db }) => {
    app.get(
      '/api/home',
      { config: { authenticated: true }, schema: { tags: ['home'], response: { 200: Home } } },
      (req) => homeFor(db, req.ctx),
    );
  },
};
