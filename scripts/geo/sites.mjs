// Project sites and other places the article names that are neither rivers, rail nor the transit circle.
// Each keeps its gazetteer source, datum note and confidence; low-confidence proxies are `stand-in`.
import { feature } from './lib.mjs';
import { place, placeProperties } from './gazetteer.mjs';
import { itemOfKind } from '../../src/state/layer-items.mjs';

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

const farCity = (zh, en) => ({
  zh: `${zh}:文中说,川渝(南充)人力资源服务产业园已引进${zh}等地的人力资源服务机构。该地远在本图范围以外。${zh === '上海' ? '此点也代表长三角地区:文中说,两地将提升与东部长三角地区的网络传输能力。' : ''}`,
  en: `${en}: the article says the Sichuan–Chongqing (Nanchong) Human Resources Service Industrial Park has brought in agencies from ${en} and other places. It lies far beyond the map.${zh === '上海' ? ' The point also stands for the Yangtze River Delta, with which, the article says, Sichuan and Chongqing will raise network transmission capacity.' : ''}`,
});
const farProvince = (zh, en, capitalZh, capitalEn) => ({
  zh: `${zh}:文中说,川渝将提升与贵州、甘肃等地之间的网络传输能力(“东数西算”)。图上以省会${capitalZh}代表。`,
  en: `${en}: the article says Sichuan and Chongqing will improve network links with Guizhou, Gansu and other places (under the “East Data, West Computing” program). The point is the provincial capital, ${capitalEn}.`,
});

/** What a reader is told about each site, in both languages: what it is, and what the point really marks. */
export const SITE_NOTES = {
  'guangyang-island': {
    zh: '广阳岛,重庆南岸区长江中的江心岛,长江经济带绿色发展示范地。本图所查资料均未给出它的坐标,点位按文字描述推算,可能偏差数公里。此点也代表图片说明中的迎龙小院:它属于重庆广阳湾智创生态城,确切位置未查到。',
    en: 'Guangyang Island, in the Yangtze in Nan’an District, Chongqing, is a showcase of green development for the Yangtze River Economic Belt. None of the sources consulted for this map gives its coordinates: the point is worked out from a written description and may be a few kilometers off. The point also stands for Yinglong Courtyard in the photo caption, part of the Guangyang Bay Smart Innovation Eco-City, whose exact site was not found.',
  },
  'jinyun-mountain': {
    zh: '缙云山,位于重庆北碚,是重庆中心城区“四山”之一(另有中梁山、铜锣山、明月山)。点位来自文字资料给出的经纬度,误差约一两公里。',
    en: 'Jinyun Mountain in Beibei is one of the “four mountains” of central Chongqing (with Zhongliang, Tongluo and Mingyue). The point comes from coordinates given in a written description and is good to a kilometer or two.',
  },
  'zhongliang-mountain': {
    zh: '中梁山,重庆主城西侧南北走向的山岭,“四山”之一。山岭绵延数十公里,图上以山脚的轨道交通中梁山站代表。',
    en: 'Zhongliang Mountain, the ridge along the west side of central Chongqing, is one of the “four mountains”. The ridge runs for tens of kilometers; the point is Zhongliangshan metro station at its foot.',
  },
  'tongluo-mountain': {
    zh: '铜锣山,重庆主城东侧的山岭,“四山”之一,长江在铜锣峡切穿此山。图上以轨道交通4号线铁山坪站代表。',
    en: 'Tongluo Mountain, the ridge east of central Chongqing, is one of the “four mountains”; the Yangtze cuts through it at Tongluo Gorge. The point is Tieshanping station on Metro Line 4.',
  },
  'longquan-mountains': {
    zh: '龙泉山脉,成都平原东缘的山脉,南北长约200公里。点位是它的最高峰(在德阳中江县),不是成都龙泉驿附近的山段。',
    en: 'The Longquan Mountains, a range about 200 km long on the eastern edge of the Chengdu plain. The point is its highest peak, in Zhongjiang County (Deyang), not the stretch near Chengdu’s Longquanyi.',
  },
  'longquan-mountain-urban-forest-park': {
    zh: '龙泉山城市森林公园沿龙泉山成都段绵延约90公里,面积约1275平方公里。图上以山脚西侧的龙泉驿城区代表,不是公园本身的位置。',
    en: 'Longquan Mountain Urban Forest Park runs about 90 km along the Chengdu section of the range and covers about 1,275 km². The point is Longquanyi town at the western foot of the hills, not the park itself.',
  },
  'chengkou-dabashan-thuja-base': {
    zh: '大巴山崖柏扩繁基地在重庆城口县。图上的点是县城,本图所查资料中未找到基地的确切位置。',
    en: 'The Daba Mountains thuja propagation base is in Chengkou County, Chongqing. The point is the county seat; the sources consulted for this map do not give the base’s exact site.',
  },
  'jinyang-silky-chicken-farm': {
    zh: '金阳丝毛鸡畜禽遗传资源保护场在四川凉山州金阳县。图上的点是县城,本图所查资料中未找到保护场的确切位置。',
    en: 'The conservation farm for the Jinyang silkie chicken is in Jinyang County, Liangshan, Sichuan. The point is the county seat; the sources consulted for this map do not give the farm’s exact site.',
  },
  'rongchang-gene-bank': {
    zh: '国家重点区域畜禽基因库拟建于重庆荣昌。图上的点是荣昌城区,本图所查资料中未找到基因库的建设地点。',
    en: 'The national livestock and poultry gene bank for a key region is to be built in Rongchang, Chongqing. The point is central Rongchang; the sources consulted for this map do not give the gene bank’s site.',
  },
  'chengdu-future-sci-tech-city': {
    zh: '成都未来科技城,规划面积约60平方公里,紧邻天府国际机场。图上以城内的福田站代表。',
    en: 'Chengdu Future Science and Technology City, a planned district of about 60 km² next to Tianfu airport. The point is Futian Station, inside it.',
  },
  'nanchong-linjiang-new-area-hr-park': {
    zh: '此点同时代表川渝(南充)人力资源服务产业园和它所在的南充临江新区:本图所查资料中未找到园区的地址和新区的范围,图上的点是南充市区。',
    en: 'This point stands for both the Sichuan–Chongqing (Nanchong) Human Resources Service Industrial Park and the Nanchong Linjiang New Area it lies in: the sources consulted for this map give neither the park’s address nor the new area’s outline, so the point is the city of Nanchong.',
  },
  'three-gorges-west-end': {
    zh: '长江三峡从重庆奉节白帝城到湖北宜昌南津关,长约193公里。图上只在西口白帝城标一个点。',
    en: 'The Three Gorges of the Yangtze run about 193 km from Baidi City in Fengjie, Chongqing, to Nanjin Pass at Yichang, Hubei. The point marks only the western entrance at Baidi.',
  },
  shanghai: farCity('上海', 'Shanghai'),
  guangzhou: farCity('广州', 'Guangzhou'),
  xian: farCity('西安', 'Xi’an'),
  'guizhou-province': farProvince('贵州省', 'Guizhou Province', '贵阳', 'Guiyang'),
  'gansu-province': farProvince('甘肃省', 'Gansu Province', '兰州', 'Lanzhou'),
};

export function buildSites() {
  return SITE_IDS.map((id) => {
    const p = place(id);
    const item = itemOfKind('sites', p.properties.kind);
    if (!item) throw new Error(`sites: no layer item for kind "${p.properties.kind}" (${id})`);
    if (!SITE_NOTES[id]) throw new Error(`sites: no reader note for ${id}`);
    return feature(placeProperties(p, { item }, SITE_NOTES[id]), p.geometry);
  });
}
