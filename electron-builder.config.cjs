// electron-builder: offline installers for hospital sites (AppImage + deb on Linux, NSIS on Windows, dmg on macOS).
// Input: the esbuild output of `npm run build` (build/electron/main.cjs + preload.cjs, build/cli/workers,
// build/renderer). Run on a machine with internet once to fetch Electron and the packaging tools:
//   npm run build && npm run make:installers -- --linux      (or --win, --mac on those systems)
// The installed app never goes online: no auto-update, no telemetry, no remote content.

/** Native modules (N-API prebuilds) cannot load from inside the asar archive. */
const asarUnpack = [
  '**/node_modules/better-sqlite3/**',
  '**/node_modules/onnxruntime-node/**',
  '**/*.node',
  // worker threads are started from a file path
  'build/cli/workers/**',
];

/**
 * Data the app reads at run time, copied under <resourcesPath> with the same relative paths as in a checkout
 * (resources/protocols, native-models/models …): the upward searches that find them in a checkout
 * (loadProtocol, loadModelSet) find them next to app.asar.
 */
const extraResources = [
  { from: 'native-models/models', to: 'native-models/models', filter: ['*.onnx', '*.json', '*.md'] },
  { from: 'resources/protocols', to: 'resources/protocols', filter: ['*.yaml'] },
  { from: 'resources/tg263', to: 'resources/tg263' },
  { from: 'resources/demo', to: 'resources/demo' },
];

module.exports = {
  appId: 'org.rtqa.review',
  productName: 'RTQA Review',
  copyright: 'RTQA Review developers',
  directories: { output: 'out/installers' },
  // the esbuild bundles, not the Forge/Vite ones (package.json "main" points at Forge's output)
  extraMetadata: { main: 'build/electron/main.cjs' },
  files: [
    'package.json',
    'build/electron/**/*',
    'build/cli/workers/**/*',
    'build/renderer/**/*',
    '!**/*.map',
  ],
  asar: true,
  asarUnpack,
  extraResources,
  // N-API modules need no rebuild against Electron's headers (and there may be no compiler on the build machine)
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // offline sites: never look for or publish updates
  publish: null,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Science;MedicalSoftware',
    synopsis: 'Radiotherapy plan quality assurance for clinical trials',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.medical' },
  dmg: {},
};
