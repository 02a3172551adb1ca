// The background rivers' names as the map writes them, keyed by Natural Earth's name. Natural
// Earth gives English names only: the Chinese ones are each river's usual name, as the Chinese
// Wikipedia article on it is titled. The corridors are named already (rivers.mjs).
//
// A module of its own, importing nothing, so that the tests can hold the data to it on a machine
// without the data scripts' packages (water.mjs needs mapshaper, from scripts/geo/package.json).
export const RIVER_NAMES = {
  Dadu: { zh: '大渡河', en: 'Dadu River' },
  Yalong: { zh: '雅砻江', en: 'Yalong River' },
  Han: { zh: '汉江', en: 'Han River' },
  Yuan: { zh: '沅江', en: 'Yuan River' },
  Huang: { zh: '黄河', en: 'Yellow River' },
  Dan: { zh: '丹江', en: 'Dan River' },
};
