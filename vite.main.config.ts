import { defineConfig } from 'vite';

/**
 * Forge's Vite build of the Electron main process (and of the batch worker, same settings). Forge supplies the
 * entry, the CommonJS format and the .vite/build output; this adds what the code needs: native modules stay
 * external (loaded from node_modules, unpacked from the asar archive), and import.meta.url — used by the Node
 * modules to find files and workers — becomes this bundle's own file URL, as in scripts/build.mjs.
 */
export default defineConfig({
  build: {
    rollupOptions: { external: ['electron', 'better-sqlite3', 'onnxruntime-node'] },
    sourcemap: true,
  },
  define: { 'import.meta.url': "require('node:url').pathToFileURL(__filename).href" },
});
