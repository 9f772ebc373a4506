import { defineFeature } from '../../lib/feature.ts';

/** 登录 and 修改密码: pages that stand alone, outside the signed-in layout. */
export const authFeature = defineFeature({
  name: 'auth',
  bareRoutes: [
    { path: '/login', page: () => import('./pages/login-page.tsx') },
    { path: '/password', page: () => import('./pages/password-page.tsx') },
  ],
});
