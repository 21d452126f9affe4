import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer bundle, served from app:// (desktop) and by the browser host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    minify: process.env.CSM_NO_MINIFY ? false : 'esbuild',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
