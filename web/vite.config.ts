import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // The API refuses cookie-authenticated writes from other origins: the dev server's pages are
  // presented as the platform's own (cookies on localhost are shared across ports anyway).
  server: { proxy: { '/api': { target: 'http://localhost:8080', headers: { origin: 'http://localhost:8080' } } } },
});
