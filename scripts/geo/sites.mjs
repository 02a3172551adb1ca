// Project sites and other places the article names that are neither rivers, rail nor the transit circle.
// Each keeps its gazetteer source, datum note and confidence; low-confidence proxies are `stand-in`.
import { feature } from './lib.mjs';
import { place, placeProperties } from './gazetteer.mjs';

export const SITE_IDS = [
  'guangyang-island',
  'jinyun-mountain',
  'zhongliang-mountain',
  'tongluo-mountain',
  'longquan-mountains',
  'longquan-mountain-urban-forest-park',
  'chengkou-dabashan-thuja-base',
  'jinyang-silky-chicken-farm',
  'rongchang-gene-bank',
  'chengdu-future-sci-tech-city',
  'nanchong-linjiang-new-area-hr-park',
  'three-gorges-west-end',
  // Named in the article's HR-park item; far outside the region, drawn where they are.
  'shanghai',
  'guangzhou',
  'xian',
  'guizhou-province',
  'gansu-province',
];

export function buildSites() {
  return SITE_IDS.map((id) => feature(placeProperties(place(id)), place(id).geometry));
}
