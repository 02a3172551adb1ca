/**
 * The guided tour, as data: one chapter per part of the page, in the page's order. A chapter reads
 * some paragraphs of src/article/article.json, shows some layer items (layers.ts; everything else
 * is switched off while it is shown), frames a part of the region and highlights the features its
 * paragraphs name (ids of geo/index.json). tests/unit/tour-chapters.test.ts holds every chapter to
 * the article, the data and the layers.
 */
import type { Bilingual } from '../article/types';
import { type LayerGroup, type LayerItem, GROUP_ITEMS, LAYER_GROUPS, canonicalHidden, groupVisibility, itemsOf } from '../state/layers';
import { REGION_BOUNDS } from '../state/store';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export interface ChapterCamera {
  /** what the camera fits into the part of the map the panels leave free */
  bounds: Bounds;
  bearing: number;
  pitch: number;
}

export interface Chapter {
  /** written in links as `chapter=<id>` */
  id: string;
  title: Bilingual;
  /** paragraph ids of the article, in reading order */
  passages: readonly string[];
  camera: ChapterCamera;
  /** the layer groups and items shown; every other item is switched off */
  layers: readonly (LayerGroup | LayerItem)[];
  /** features emphasised on the map (region ids are outlined instead) */
  highlight: readonly string[];
}

const REGION: Bounds = [REGION_BOUNDS[0][0], REGION_BOUNDS[0][1], REGION_BOUNDS[1][0], REGION_BOUNDS[1][1]];
const flat = { bearing: 0, pitch: 0 };

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'overview',
    title: { zh: '川渝两地 成渝双核', en: 'Sichuan and Chongqing, twin cores' },
    passages: ['eco-1', 'eco-5'],
    camera: { bounds: REGION, ...flat },
    layers: ['rivers', 'rail', 'transit', 'sites'],
    highlight: ['city-chengdu', 'city-chongqing', 'region-chengyu-circle'],
  },
  {
    id: 'green',
    title: { zh: '绿色转型', en: 'The green transition' },
    passages: ['eco-7'],
    camera: { bounds: [103.9, 29.35, 109.8, 31.25], ...flat },
    layers: ['river-yangtze', 'sites-project', 'sites-area', 'transit-districts'],
    highlight: ['city-wanzhou', 'three-gorges-west-end', 'guangyang-island', 'tianfu-new-area', 'region-ne-chongqing'],
  },
  {
    id: 'rivers',
    title: { zh: '六江廊道 生态屏障', en: 'Six river corridors, one ecological barrier' },
    passages: ['eco-9', 'eco-10'],
    // From Jinyang to Chengkou and from the Tuo's mouth to the rivers' names up north.
    camera: { bounds: [103.1, 27.55, 108.85, 32.15], ...flat },
    layers: ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu', 'sites-mountain', 'sites-project'],
    highlight: [
      'river-yangtze',
      'river-jialing',
      'river-wu',
      'river-min',
      'river-tuo',
      'river-fu',
      'jinyun-mountain',
      'zhongliang-mountain',
      'tongluo-mountain',
      'longquan-mountains',
      'longquan-mountain-urban-forest-park',
      'chengkou-dabashan-thuja-base',
      'jinyang-silky-chicken-farm',
      'rongchang-gene-bank',
    ],
  },
  {
    id: 'pollution',
    title: { zh: '共治跨界污染', en: 'Tackling cross-boundary pollution together' },
    passages: ['eco-11'],
    camera: { bounds: [104.0, 29.3, 107.7, 32.2], ...flat },
    layers: ['river-fu', 'river-jialing', 'river-tuo', 'rivers-other'],
    highlight: ['river-fu', 'river-tongbo', 'river-laixi', 'river-qiong'],
  },
  {
    id: 'ziyang',
    title: { zh: '轨道交通资阳线', en: 'The Ziyang Line' },
    passages: ['ziyang-1', 'ziyang-2'],
    camera: { bounds: [103.98, 30.05, 104.76, 30.73], ...flat },
    layers: ['rail', 'sites-area'],
    highlight: [
      'ziyang-line',
      'futian-station',
      'ziyang-north-station',
      'chengdu-tianfu-international-airport',
      'chengdu-future-sci-tech-city',
      'city-chengdu',
      'city-ziyang',
    ],
  },
  {
    id: 'transit',
    title: { zh: '成都南部畅行圈', en: 'The Southern Chengdu Transport Circle' },
    passages: ['transit-1', 'transit-2', 'transit-3', 'transit-4'],
    camera: { bounds: [102.95, 30.05, 104.32, 30.93], ...flat },
    layers: ['transit'],
    highlight: ['xinjin', 'tianfu-new-area', 'shuangliu', 'qionglai', 'chongzhou', 'dayi', 'pujiang', 'pengshan'],
  },
  {
    id: 'news',
    title: { zh: '经济圈动态', en: 'Economic Circle News' },
    passages: ['news-flood-1', 'news-nanchong-1'],
    // The four cities of 成德眉资 whole, and Nanchong.
    camera: { bounds: [102.8, 29.35, 106.3, 31.75], ...flat },
    layers: ['sites-project'],
    highlight: ['city-chengdu', 'city-deyang', 'city-meishan', 'city-ziyang', 'nanchong-linjiang-new-area-hr-park', 'region-chengdu-metro'],
  },
];

export function chapterIndex(id: string | null): number {
  return id === null ? -1 : CHAPTERS.findIndex((c) => c.id === id);
}

export function chapterById(id: string | null): Chapter | undefined {
  return CHAPTERS[chapterIndex(id)];
}

/** The items a chapter switches off: all but those it shows, in canonical order. */
export function hiddenFor(chapter: Chapter): LayerItem[] {
  const shown = new Set(chapter.layers.flatMap((l) => itemsOf(l)));
  return canonicalHidden(LAYER_GROUPS.flatMap((g) => GROUP_ITEMS[g].filter((i) => !shown.has(i))));
}

export type LayerAction = { type: 'toggle-layer'; target: LayerGroup | LayerItem; visible: boolean };

/**
 * The `toggle-layer` actions that take `hidden` to what a chapter shows: a whole group where the
 * chapter shows all or none of it, single items otherwise, nothing for what is already right.
 */
export function layerActions(hidden: readonly LayerItem[], chapter: Chapter): LayerAction[] {
  const target = hiddenFor(chapter);
  const actions: LayerAction[] = [];
  for (const group of LAYER_GROUPS) {
    const want = groupVisibility(group, target);
    const have = groupVisibility(group, hidden);
    if (want !== 'some') {
      if (want !== have) actions.push({ type: 'toggle-layer', target: group, visible: want === 'all' });
      continue;
    }
    for (const item of GROUP_ITEMS[group]) {
      const visible = !target.includes(item);
      if (visible === hidden.includes(item)) actions.push({ type: 'toggle-layer', target: item, visible });
    }
  }
  return actions;
}

/**
 * What of a highlighted feature a chapter's camera must show: all of a feature that lies within the
 * region (a station, a line, a district), and only the name of one reaching beyond it (a river
 * running on to Shanghai): the atlas frames the region, never a river's whole course.
 */
export function extentToShow(place: { bbox: Bounds; point: [number, number] }): Bounds {
  const [w, s, e, n] = place.bbox;
  const inside = w >= REGION[0] && s >= REGION[1] && e <= REGION[2] && n <= REGION[3];
  const [x, y] = place.point;
  return inside ? [w, s, e, n] : [x, y, x, y];
}
