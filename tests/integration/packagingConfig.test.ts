import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import forgeConfig, { keepOnlyBuildAndNativeModules } from '../../forge.config';
import viteMainConfig from '../../vite.main.config';

/**
 * Neither Forge nor electron-builder can run here (no Electron binary, no network), so this loads both
 * configurations and checks what they would put into the app: the three builds, the native modules outside
 * the asar archive (every real .node file of them in node_modules), the models, protocols and demo data, the
 * offline settings, and electron-builder's own JSON schema.
 */
const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const builder = require('../../electron-builder.config.cjs');
const minimatch = require('minimatch') as (path: string, pattern: string, options?: object) => boolean;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every .node binary of the native modules, as paths relative to the app root. */
function nativeBinaries(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.node')) found.push(path);
    }
  };
  walk('node_modules/better-sqlite3');
  walk('node_modules/onnxruntime-node');
  return found;
}

describe('Electron Forge configuration', () => {
  const vite = forgeConfig.plugins!.find((p) => (p as { name?: string }).name === 'vite') as unknown as
    { config: { build: Array<{ entry: string; config: string; target?: string }>; renderer: Array<{ name: string; config: string }> } };

  it('builds main, preload and the batch worker with Vite, and the renderer with its Vite config', () => {
    expect(vite).toBeDefined();
    const byTarget = (t: string) => vite.config.build.filter((b) => (b.target ?? 'main') === t).map((b) => b.entry);
    expect(byTarget('main')).toEqual(['electron/main/main.ts', 'electron/node/workers/batchWorker.ts']);
    expect(byTarget('preload')).toEqual(['electron/preload/preload.ts']);
    expect(vite.config.renderer).toEqual([{ name: 'main_window', config: 'vite.renderer.config.ts' }]);
    for (const file of [...vite.config.build.flatMap((b) => [b.entry, b.config]), ...vite.config.renderer.map((r) => r.config)]) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    // the plugin refuses to package unless package.json "main" is its CommonJS output
    expect(packageJson.main).toBe('.vite/build/main.cjs');
  });

  it('keeps native modules external in the main bundle', () => {
    const external = viteMainConfig.build?.rollupOptions?.external as string[];
    expect(external).toEqual(expect.arrayContaining(['electron', 'better-sqlite3', 'onnxruntime-node']));
  });

  it('packs the Vite output and the native modules, nothing else, with every .node file outside the asar', () => {
    expect(forgeConfig.packagerConfig!.ignore).toBe(keepOnlyBuildAndNativeModules);
    for (const kept of ['/package.json', '/.vite/build/main.cjs', '/.vite/renderer/main_window/index.html', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/onnxruntime-common/package.json']) {
      expect(keepOnlyBuildAndNativeModules(kept), kept).toBe(false);
    }
    for (const dropped of ['/tests/e2e/x.spec.ts', '/electron/main/main.ts', '/node_modules/react/index.js', '/node_modules/electron/index.js', '/build/cli/rtqa.mjs']) {
      expect(keepOnlyBuildAndNativeModules(dropped), dropped).toBe(true);
    }
    const unpack = (forgeConfig.packagerConfig!.asar as { unpack: string }).unpack;
    const binaries = nativeBinaries();
    expect(binaries.length).toBeGreaterThanOrEqual(2);
    for (const file of binaries) expect(minimatch(file, unpack, { dot: true }), file).toBe(true);
    expect(forgeConfig.packagerConfig!.extraResource).toEqual(['resources', 'native-models']);
    expect(forgeConfig.rebuildConfig).toEqual({ onlyModules: [] });
  });
});

describe('electron-builder configuration', () => {
  it('is valid against electron-builder\'s own schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(builder);
    expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it('makes offline installers: AppImage and deb, NSIS, dmg; never publishes or updates', () => {
    expect(builder.linux.target).toEqual(['AppImage', 'deb']);
    expect(builder.win.target).toEqual(['nsis']);
    expect(builder.mac.target).toEqual(['dmg']);
    expect(builder.publish).toBeNull();
    expect(builder.npmRebuild).toBe(false);
    expect(builder.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('packs the esbuild output and unpacks every native binary from the asar', () => {
    expect(builder.extraMetadata.main).toBe('build/electron/main.cjs');
    expect(builder.files).toEqual(expect.arrayContaining(['build/electron/**/*', 'build/renderer/**/*', 'build/cli/workers/**/*']));
    for (const file of nativeBinaries()) {
      expect(builder.asarUnpack.some((pattern: string) => minimatch(file, pattern, { dot: true })), file).toBe(true);
    }
  });

  it('bundles the models, protocols, TG-263 tables and the demo recipe where the app looks for them', () => {
    const resources = builder.extraResources as Array<{ from: string; to: string; filter?: string[] }>;
    expect(resources.map((r) => [r.from, r.to])).toEqual([
      ['native-models/models', 'native-models/models'],
      ['resources/protocols', 'resources/protocols'],
      ['resources/tg263', 'resources/tg263'],
      ['resources/demo', 'resources/demo'],
    ]);
    const models = resources[0];
    const onnx = readdirSync(join(root, models.from)).filter((f) => f.endsWith('.onnx'));
    expect(onnx.length).toBeGreaterThan(0);
    for (const file of onnx) expect(models.filter!.some((p) => minimatch(file, p)), file).toBe(true);
    const protocols = readdirSync(join(root, 'resources/protocols')).filter((f) => f.endsWith('.yaml'));
    expect(protocols).toContain('synthetic-hn-trial-1.0.yaml');
  });
});
