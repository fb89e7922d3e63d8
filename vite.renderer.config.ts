// Vite build of the React renderer: one static bundle (build/renderer) that both the Electron window and the
// browser host load. base './' keeps every asset path relative, so the same files work from rtqa:// and http://.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    // cornerstone3d imports Node's `events`; the npm package of the same name is its browser implementation
    alias: { events: fileURLToPath(new URL('./node_modules/events/events.js', import.meta.url)) },
  },
  optimizeDeps: { include: ['events'] },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./build/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // no remote content ever: everything is bundled, nothing is fetched from a CDN
    assetsInlineLimit: 0,
  },
});
