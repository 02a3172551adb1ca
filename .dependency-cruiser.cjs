/**
 * The import layers of src/ (docs/architecture.md draws them): a module may import from its own
 * layer or any layer below it, never from one above. `npm test` runs this check.
 */
const LAYERS = [
  ['state'], // the app state, its actions and the link codec: pure, imports nothing of ours
  ['i18n', 'article', 'data'], // words, the page as data, the geo index as data
  ['tour', 'search', 'listen'], // the tour's chapters, search, listening: data and pure logic
  ['map', 'share', 'pwa'], // the MapLibre view, exports, offline support
  ['ui'], // Lit elements and the page's shell
  ['app'], // controllers: turn events into actions, own focus, keys, camera, loading
];

const folder = (names) => `^src/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${layer.join('-')}`,
      comment: `src/{${layer.join(',')}} may not import from a layer above it`,
      severity: 'error',
      from: { path: folder(layer) },
      to: { path: folder(LAYERS.slice(i + 1).flat()) },
    })),
    {
      name: 'entry-points-are-tops',
      comment: 'nothing imports main.ts or sw.ts',
      severity: 'error',
      from: {},
      to: { path: '^src/(main|sw)\\.ts$' },
    },
    {
      name: 'tests-need-no-data-packages',
      comment:
        'npm test runs where only the app’s packages are installed (npm ci at the root); the data scripts’ own packages (scripts/geo/package.json) are there only to rebuild geo/',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: '^scripts/geo/node_modules/', reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The root's packages are left out of the graph; the data scripts' are kept as its leaves, so
    // that the rule above can see a test reach one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^node_modules/|\\.(json|geojson|pmtiles|css)(\\?|$)' },
  },
};
