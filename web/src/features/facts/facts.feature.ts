import { defineFeature } from '../../lib/feature.ts';

/** 指标明细: the records behind every figure (one generic page, opened from the cockpit and the boards). */
export const factsFeature = defineFeature({
  name: 'facts',
  routes: [
    {
      path: '/facts/:key',
      title: '指标明细',
      permission: 'cockpit:read',
      hideInMenu: true,
      page: () => import('./pages/fact-records-page.tsx'),
    },
  ],
});
