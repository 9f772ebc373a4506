// `npm run dev`: the API server (restarted on change) on :3000 and Vite's dev server on :5173, which proxies /api.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
console.log('开发模式 / dev mode: 前端 http://127.0.0.1:5173 （接口代理到 :3000）');
const stop = (code) => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(code ?? 0);
};
for (const c of children) c.on('exit', (code) => stop(code));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
