import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';

/** Runtime packages Vite leaves external: the N-API modules and what they require at run time. */
export const NATIVE_RUNTIME_MODULES = ['better-sqlite3', 'onnxruntime-node', 'onnxruntime-common'];

/**
 * What goes into the app: the Vite output (.vite), package.json and the native runtime modules. The Vite
 * plugin's own default keeps only .vite, which would leave the app without its database and inference engines.
 * Paths arrive as '/x/y' relative to the project; true = leave out.
 */
export function keepOnlyBuildAndNativeModules(file: string): boolean {
  if (!file || file === '/package.json' || file === '/node_modules' || file === '/.vite' || file.startsWith('/.vite/')) return false;
  const module = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
  return !(module && NATIVE_RUNTIME_MODULES.includes(module));
}

/**
 * Electron Forge with its Vite plugin: builds the main process, the preload and the batch worker (Vite library
 * builds → .vite/build/*.cjs) and the renderer (→ .vite/renderer/main_window), and packages them
 * (`npx electron-forge package`). Installers for offline sites are made by electron-builder
 * (electron-builder.config.cjs, `npm run make:installers`), which has the AppImage/deb/NSIS/dmg targets; Forge's
 * own makers are not installed. Nothing here downloads anything at run time.
 *
 * Native modules: better-sqlite3 and onnxruntime-node are N-API, so the same prebuilt binaries load in Node and
 * in Electron: no electron-rebuild (`rebuildConfig.onlyModules: []`), and they stay outside the asar archive
 * because a .node file cannot be loaded from inside one.
 */
const config: ForgeConfig = {
  packagerConfig: {
    name: 'RTQA Review',
    executableName: 'rtqa-review',
    appBundleId: 'org.rtqa.review',
    appCategoryType: 'public.app-category.medical',
    asar: { unpack: '**/{node_modules/better-sqlite3,node_modules/onnxruntime-node}/**' },
    // copied to <resourcesPath>/resources (protocols, TG-263 tables, demo recipe) and <resourcesPath>/native-models
    // (the .onnx models with their cards): the upward searches that find resources/ and native-models/models in a
    // checkout find them next to app.asar
    extraResource: ['resources', 'native-models'],
    ignore: keepOnlyBuildAndNativeModules,
  },
  rebuildConfig: { onlyModules: [] },
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        { entry: 'electron/node/workers/batchWorker.ts', config: 'vite.main.config.ts', target: 'main' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
  ],
};

export default config;
