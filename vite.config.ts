import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'web');

// Two entries: the admin SPA (index.html) and the light member H5 (m/index.html, served under /m).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    // read by e2e/bundle-size.spec.ts to hold the first-load budgets
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: path.join(root, 'index.html'), m: path.join(root, 'm/index.html') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
