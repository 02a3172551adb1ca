// Every mappable mention in the article and the feature(s) standing for it. A mention with no
// feature says why, so nothing is left out silently. The build checks that each mention's text
// occurs in the article and that each named feature exists in geo/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib.mjs';

export const ARTICLE_FILE = 'src/article/source.zh.txt';

const DISTRICTS = ['xinjin', 'tianfu-new-area', 'shuangliu', 'qionglai', 'chongzhou', 'dayi', 'pujiang', 'pengshan'];
const BUS_LINES = [
  ...Array.from({ length: 6 }, (_, i) => `bus-feeder-${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `bus-xinjin-central-${i + 1}`),
  ...Array.from({ length: 2 }, (_, i) => `bus-xinjin-pengshan-${i + 1}`),
];
const HUBS = ['shuangliu-west-station', 'yingtiansi-station', 'huangshui-station', 'huayuan-station', 'xinjin-station', 'huaqiao-station', 'wujin-station', 'rulin-road-station', 'liujianian-station', 'xinping-station'];

/** [text as printed in the article, feature ids, why (required when no feature)] */
export const MENTIONS = [
  // main story: eco-cooperation
  ['成渝地区双城经济圈', ['province-sichuan', 'province-chongqing'], 'The economic circle spans parts of both; its own outline is not published, so the two provinces frame it.'],
  ['川渝', ['province-sichuan', 'province-chongqing']],
  ['“六江”生态廊道', ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu']],
  ['长征渠引水工程', [], 'A planned canal; no route was published, so nothing is drawn.'],
  ['重庆', ['city-chongqing']],
  ['成都', ['city-chengdu']],
  ['万州', ['city-wanzhou']],
  ['渝东北地区', ['city-wanzhou', 'three-gorges-west-end'], 'A region without an outline here; Wanzhou and the Three Gorges stand for it.'],
  ['三峡', ['three-gorges-west-end']],
  ['广阳岛', ['guangyang-island']],
  ['四川天府新区', ['tianfu-new-area']],
  ['长江', ['river-yangtze']],
  ['嘉陵江', ['river-jialing']],
  ['乌江', ['river-wu']],
  ['岷江', ['river-min']],
  ['沱江', ['river-tuo']],
  ['涪江', ['river-fu']],
  ['“两岸青山·千里林带”', [], 'A forestry programme along the rivers, not a place.'],
  ['“四山”', ['jinyun-mountain', 'zhongliang-mountain', 'tongluo-mountain'], '明月山, the fourth, is a 232 km ridge with no published point, so it is not drawn.'],
  ['龙泉山', ['longquan-mountains', 'longquan-mountain-urban-forest-park']],
  ['城口大巴山崖柏扩繁基地', ['chengkou-dabashan-thuja-base']],
  ['金阳丝毛鸡', ['jinyang-silky-chicken-farm']],
  ['重庆荣昌', ['rongchang-gene-bank']],
  ['铜钵河', ['river-tongbo']],
  ['濑溪河', ['river-laixi']],
  ['琼江', ['river-qiong']],
  // photo caption
  ['重庆广阳湾智创生态城迎龙小院', [], 'No coordinate or address was found; 广阳岛 (guangyang-island) lies nearby.'],
  // Ziyang line story
  ['轨道交通资阳线', ['ziyang-line']],
  ['成都都市圈', ['city-chengdu'], 'The metropolitan area has no outline here; the city stands for it.'],
  ['成都未来科技城', ['chengdu-future-sci-tech-city']],
  ['福田站', ['futian-station']],
  ['地铁18号线', ['futian-station', 'tianfu-airport-t1-t2-station', 'tianfu-airport-north-station'], 'Line 18 itself is not drawn; its interchange at Futian and its airport stations are.'],
  ['资阳北站', ['ziyang-north-station']],
  ['成都天府国际机场', ['chengdu-tianfu-international-airport']],
  ['资阳市', ['city-ziyang']],
  // southern Chengdu transit story
  ['成都南部区域智慧交通畅行圈', DISTRICTS],
  ['新津区', ['xinjin']],
  ['双流区', ['shuangliu']],
  ['邛崃市', ['qionglai']],
  ['崇州市', ['chongzhou']],
  ['大邑县', ['dayi']],
  ['蒲江县', ['pujiang']],
  ['眉山市彭山区', ['pengshan']],
  ['9个轨道站点', HUBS, 'The nine stations are not named in any source found; ten candidates are shown.'],
  ['13条公交线路', BUS_LINES, 'Drawn schematically: route numbers and termini are not published.'],
  ['成都中心城区', ['city-chengdu']],
  // 经济圈动态
  ['成都市人社局', ['city-chengdu']],
  ['重庆市人社局', ['city-chongqing']],
  ['东部长三角地区', [], 'A region far east of the map; no outline is drawn.'],
  ['贵州', ['guizhou-province'], 'A province; its capital Guiyang stands for it.'],
  ['甘肃', ['gansu-province'], 'A province; its capital Lanzhou stands for it.'],
  ['成德眉资', ['city-chengdu', 'city-deyang', 'city-meishan', 'city-ziyang']],
  ['南充临江新区', ['nanchong-linjiang-new-area-hr-park']],
  ['川渝(南充)人力资源服务产业园', ['nanchong-linjiang-new-area-hr-park']],
  ['上海', ['shanghai']],
  ['广州', ['guangzhou']],
  ['西安', ['xian']],
  ['中国成都人力资源服务产业园', [], 'No address was found; the park is somewhere in Chengdu.'],
  ['中国重庆人力资源服务产业园', [], 'No address was found; the park is somewhere in Chongqing.'],
  ['川东北人力资源协同发展试验区', [], 'A programme region of north-east Sichuan without a published outline.'],
  ['成渝节点', [], 'A national computing hub node: a programme, not a place.'],
];

/** Article text with layout line breaks removed, so a mention split across lines is still found. */
export function articleText() {
  return readFileSync(resolve(ROOT, ARTICLE_FILE), 'utf8').replace(/\s+/g, '');
}

/**
 * @param {Set<string>} featureIds all ids in geo/
 * @returns {{ mention_zh: string, feature_ids: string[], note?: string }[]}
 */
export function buildMentions(featureIds) {
  const text = articleText();
  return MENTIONS.map(([mention, ids, why]) => {
    if (!text.includes(mention.replace(/\s+/g, ''))) throw new Error(`mentions: "${mention}" does not occur in ${ARTICLE_FILE}`);
    for (const id of ids) {
      if (!featureIds.has(id)) throw new Error(`mentions: "${mention}" names feature "${id}", which is not in geo/`);
    }
    if (ids.length === 0 && !why) throw new Error(`mentions: "${mention}" has no feature and no reason`);
    return why ? { mention_zh: mention, feature_ids: ids, note: why } : { mention_zh: mention, feature_ids: ids };
  });
}
