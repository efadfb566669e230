import { defineConfig } from 'vite';

// `npm run dev` proxies the gateway (dotnet run --project Silo on :8080); `npm run build` writes the gateway's static files.
const gateway = process.env.POKER_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  build: { outDir: '../Gateway/wwwroot', emptyOutDir: true, chunkSizeWarningLimit: 400 },
  server: {
    proxy: {
      '/api': gateway,
      '/hubs': { target: gateway, ws: true },
    },
  },
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
