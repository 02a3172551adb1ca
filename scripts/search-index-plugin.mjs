// @ts-check
// The search index as a build asset: `import indexUrl from 'virtual:atlas-search-index'` gives the
// URL of a JSON file built from geo/index.json and the article (src/search/build-index.mjs). The
// page fetches it only when search is first wanted, so it never delays the map. The build emits it
// as a hashed asset; the dev server serves it from memory and rebuilds it when a source changes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildSearchIndex } from '../src/search/build-index.mjs';

const ID = 'virtual:atlas-search-index';
const RESOLVED = `\0${ID}`;
const DEV_PATH = '/@atlas/search-index.json';

/**
 * @param {{ root?: string }} [options]
 * @returns {import('vite').Plugin}
 */
export function searchIndexPlugin(options = {}) {
  const root = options.root ?? resolve(import.meta.dirname, '..');
  const sources = [resolve(root, 'geo/index.json'), resolve(root, 'src/article/article.json')];
  let serving = false;

  const build = async () => {
    const [index, article] = await Promise.all(sources.map(async (file) => JSON.parse(await readFile(file, 'utf8'))));
    return JSON.stringify(buildSearchIndex(index, article));
  };

  return {
    name: 'atlas-search-index',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      for (const file of sources) this.addWatchFile(file);
      if (serving) return `export default ${JSON.stringify(DEV_PATH)};`;
      let json;
      try {
        json = await build();
      } catch (err) {
        this.error(`search index: ${/** @type {Error} */ (err).message}`);
      }
      const ref = this.emitFile({ type: 'asset', name: 'search-index.json', source: json });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res, next) => {
        build().then(
          (json) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(json);
          },
          (err) => next(err),
        );
      });
    },
  };
}
