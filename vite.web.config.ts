import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pdfjsAssets } from './vite.pdfjs';

// The renderer alone, for web mode and the e2e suite; the same settings as the renderer in
// electron.vite.config.ts (keep them in sync). DOSSIER_RENDERER_OUT builds elsewhere, e.g. a private dir.
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir: resolve(__dirname, process.env.DOSSIER_RENDERER_OUT ?? 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
  },
});
