import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, message } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError, isRedirectError, setNavigator } from '../lib/api.ts';
import { router } from './router.tsx';
import './global.css';

dayjs.locale('zh-cn');

function showError(e: unknown) {
  if (isRedirectError(e)) return;
  message.error(e instanceof ApiError || e instanceof Error ? e.message : '操作失败，请稍后重试');
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (e, q) => !q.meta?.silent && showError(e) }),
  mutationCache: new MutationCache({ onError: (e, _v, _c, m) => !m.meta?.silent && showError(e) }),
  defaultOptions: {
    queries: { retry: (n, e) => !(e instanceof ApiError) && n < 2, refetchOnWindowFocus: false, staleTime: 15_000 },
  },
});

setNavigator((to) => router.navigate(to));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
