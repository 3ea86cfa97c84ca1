import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The renderer bundle: served from app://hocba/ in Electron and from the local bridge in Chromium. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Fonts inlined as data: URLs would need a looser CSP; keep them as files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
