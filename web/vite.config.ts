import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// `vite build web` runs with web/ as the root; the server serves web/dist and falls back to index.html.
// In development `vite web` proxies the API to a running `npm run dev` on port 3000.
export default defineConfig({
  plugins: [react()],
  // Enums and labels shared with the server (src/shared/): one definition for both.
  resolve: { alias: { '@shared': path.resolve(import.meta.dirname, '../src/shared') } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
