import { defineFeature } from '../../lib/feature.ts';

/** 指标明细: the records behind every figure (one generic page, opened from the cockpit and the boards); the API then checks each fact's own permission. */
export const factsFeature = defineFeature({
  name: 'facts',
  routes: [
    {
      path: '/facts/:key',
      title: '指标明细',
      permission: 'org:read',
      hideInMenu: true,
      page: () => import('./pages/fact-records-page.tsx'),
    },
  ],
});
