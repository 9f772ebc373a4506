import { Spin } from 'antd';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { GuardedPage } from './layout/guarded-page.tsx';
import { NotFound } from './layout/not-found.tsx';
import { RouteError } from './layout/route-error.tsx';
import { bareRoutes, routes } from './routes.ts';

const pages: RouteObject[] = routes.map((r) => ({
  path: r.path === '/' ? undefined : r.path.replace(/^\//, ''),
  index: r.path === '/' ? true : undefined,
  lazy: async () => {
    const { default: Page } = await r.page();
    return { element: <GuardedPage route={r} page={Page} /> };
  },
}));

// shown while the first page's code loads
const loading = <Spin size="large" fullscreen />;

/** Login and password pages stand alone; every other page renders inside the signed-in layout. */
export const router = createBrowserRouter([
  ...bareRoutes.map((r) => ({
    path: r.path,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await r.page()).default }),
  })),
  {
    path: '/',
    element: <AppLayout />,
    hydrateFallbackElement: loading,
    errorElement: <RouteError />,
    children: [...pages, { path: '*', element: <NotFound /> }],
  },
]);
