import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// The product version: package.json's, kept equal to Directory.Build.props' <Version> (tests/Deploy.Tests checks it).
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// `npm run dev` proxies the gateway (dotnet run --project Silo on :8080); `npm run build` writes the gateway's static files.
const gateway = process.env.POKER_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: '../Gateway/wwwroot', emptyOutDir: true, chunkSizeWarningLimit: 400 },
  server: {
    proxy: {
      '/api': gateway,
      '/hubs': { target: gateway, ws: true },
    },
  },
  // css.include: the styles test reads styles.css (?raw), which the tests would otherwise load empty.
  test: { include: ['test/**/*.test.ts'], environment: 'node', css: { include: [/styles\.css/] } },
});
