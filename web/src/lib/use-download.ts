import { App } from 'antd';
import { useState } from 'react';
import { download, isRedirectError } from './api.ts';

/** Download with a busy flag and the server's message on failure (export rate limits, permissions…). */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, path: string, query?: Record<string, string | undefined>, fallbackName?: string) => {
    setBusy(key);
    try {
      await download(path, query, fallbackName);
    } catch (e) {
      if (!isRedirectError(e)) message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
