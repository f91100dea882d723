import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API server the dev server forwards to (`npm start` listens on 8787).
const api = process.env.MUJUN_API ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl alone is ~800 kB minified; one chunk for it is expected, not a regression.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    // Same origin for the browser: TileJSON builds tile URLs from the request's host. The source
    // folder web/api/ is served at /api/ too, so its modules (*.ts) are not forwarded.
    proxy: { '^/api/(?!.*\\.ts$)': { target: api }, '/tiles': { target: api } },
  },
});
