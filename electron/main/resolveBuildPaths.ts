import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BuildPaths {
  preload: string;
  rendererDir: string;
  /** the batch worker for imports, when it was built */
  batchWorker: URL | undefined;
}

/**
 * Where the preload, the renderer and the batch worker are, relative to the running main bundle. Two builds
 * produce the app: scripts/build.mjs (esbuild: build/electron/main.cjs, build/renderer, build/cli/workers) and
 * Electron Forge's Vite plugin (.vite/build/main.cjs, .vite/renderer/main_window, .vite/build/batchWorker.cjs).
 */
export function resolveBuildPaths(mainDir: string): BuildPaths {
  const first = (candidates: string[]) => candidates.find((c) => existsSync(c));
  const rendererDir = first([join(mainDir, '..', 'renderer', 'index.html'), join(mainDir, '..', 'renderer', 'main_window', 'index.html')]);
  const worker = first([join(mainDir, '..', 'cli', 'workers', 'batchWorker.mjs'), join(mainDir, 'batchWorker.cjs')]);
  return {
    preload: join(mainDir, 'preload.cjs'),
    rendererDir: rendererDir ? join(rendererDir, '..') : join(mainDir, '..', 'renderer'),
    batchWorker: worker ? pathToFileURL(worker) : undefined,
  };
}
