import type { Feature } from '../../app/feature-types.ts';
import { HomePage } from './components/home-page.tsx';

/** The landing page after login, for every signed-in user (each part shows only with its permission). */
export const homeFeature: Feature = {
  id: 'home',
  routes: [{ path: '/', element: <HomePage /> }],
  nav: [{ to: '/', label: { zh: '工作台', en: 'Home' }, icon: 'chart', order: 0 }],
};
