import { defineConfig } from 'vite';

/**
 * Forge's Vite build of the preload. It runs sandboxed, where `require` knows only a few modules
 * ('electron' among them): everything else — zod and the API contract — is bundled into the one file.
 */
export default defineConfig({
  build: {
    rollupOptions: { external: ['electron'] },
    sourcemap: true,
  },
});
