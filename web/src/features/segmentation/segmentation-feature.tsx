import type { Feature } from '../../app/feature-types.ts';
import { RunPage } from './components/run-page.tsx';
import { SegmentationPage } from './components/segmentation-page.tsx';

export const segmentationFeature: Feature = {
  id: 'segmentation',
  routes: [
    { path: '/segmentation', element: <SegmentationPage />, permission: 'segmentation:view' },
    { path: '/segmentation/runs/:id', element: <RunPage />, permission: 'segmentation:view' },
  ],
  nav: [
    {
      to: '/segmentation',
      label: { zh: '客户细分', en: 'Segmentation' },
      icon: 'chart',
      permission: 'segmentation:view',
      order: 62,
    },
  ],
};
