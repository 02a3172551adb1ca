/** Every user-visible string, in both languages, in one table. */
import type { Language, LayerGroup } from '../state/store';

const strings = {
  zh: {
    title: '成渝图鉴',
    subtitle: '成渝地区双城经济圈 · 2022',
    mapLabel: '成渝地区地图:六江生态廊道、资阳线、成都南部公交畅行圈与项目点',
    loading: '地图加载中…',
    close: '关闭',
    layers: '图层',
    source: '来源',
    licence: '许可',
    note: '说明',
    quality: '几何',
    articleSays: '文章所述',
    measured: '几何量算',
    noWebgl: '此浏览器无法显示交互地图(WebGL 不可用)。',
    dataError: '地图数据加载失败:',
    badLink: '链接中有无法识别的部分,已按默认显示:',
    unknownPlace: '链接所指的地点不在本图中:',
  },
  en: {
    title: 'Chengyu Atlas',
    subtitle: 'Chengdu–Chongqing Twin-City Economic Circle · 2022',
    mapLabel: 'Map of the Chengdu–Chongqing region: six river corridors, the Ziyang line, the southern Chengdu bus circle and project sites',
    loading: 'Loading the map…',
    close: 'Close',
    layers: 'Layers',
    source: 'Source',
    licence: 'Licence',
    note: 'Note',
    quality: 'Geometry',
    articleSays: 'The article says',
    measured: 'The geometry measures',
    noWebgl: 'This browser cannot show the interactive map (WebGL is unavailable).',
    dataError: 'The map data failed to load: ',
    badLink: 'Part of the link could not be read, so the map shows the default instead: ',
    unknownPlace: 'The link names a place this atlas does not have: ',
  },
} satisfies Record<Language, Record<string, string>>;

export type StringKey = keyof (typeof strings)['zh'];

export function t(language: Language, key: StringKey): string {
  return strings[language][key];
}

const groupNames: Record<LayerGroup, Record<Language, string>> = {
  rivers: { zh: '六江生态廊道', en: 'River corridors' },
  rail: { zh: '轨道交通资阳线', en: 'Ziyang line' },
  transit: { zh: '成都南部公交畅行圈', en: 'Southern Chengdu transit' },
  sites: { zh: '项目与地点', en: 'Sites and places' },
};

export function groupName(group: LayerGroup, language: Language): string {
  return groupNames[group][language];
}

const kindNames: Record<string, Record<Language, string>> = {
  river: { zh: '河流', en: 'River' },
  'rail-line': { zh: '轨道线路', en: 'Rail line' },
  'rail-station': { zh: '车站', en: 'Station' },
  airport: { zh: '机场', en: 'Airport' },
  district: { zh: '区(市)县', en: 'District / county' },
  'development-zone': { zh: '国家级新区', en: 'Development zone' },
  'rail-hub-candidate': { zh: '候选轨道站点', en: 'Candidate rail hub' },
  'bus-line': { zh: '公交线路(示意)', en: 'Bus line (schematic)' },
  'project-site': { zh: '项目点', en: 'Project site' },
  mountain: { zh: '山脉', en: 'Mountain' },
  area: { zh: '区域', en: 'Area' },
  city: { zh: '城市', en: 'City' },
  province: { zh: '省', en: 'Province' },
  prefecture: { zh: '地级行政区', en: 'Prefecture' },
  'cq-district': { zh: '重庆区县', en: 'Chongqing district' },
  stream: { zh: '河流', en: 'River' },
};

export function kindName(kind: string, language: Language): string {
  return kindNames[kind]?.[language] ?? kind;
}

const legendLabels: Record<string, Record<Language, string>> = {
  'river-yangtze': { zh: '长江', en: 'Yangtze' },
  'river-jialing': { zh: '嘉陵江', en: 'Jialing' },
  'river-wu': { zh: '乌江', en: 'Wu' },
  'river-min': { zh: '岷江', en: 'Min' },
  'river-tuo': { zh: '沱江', en: 'Tuo' },
  'river-fu': { zh: '涪江', en: 'Fu' },
  'ziyang-line': { zh: '资阳线(站间示意)', en: 'Ziyang line (schematic between stations)' },
  station: { zh: '车站(大圈为换乘站)', en: 'Station (large: interchange)' },
  district: { zh: '畅行圈7个区县', en: 'The circle’s 7 counties' },
  'bus-feeder': { zh: '接驳线 6条(示意)', en: 'Feeder lines, 6 (schematic)' },
  'bus-xinjin-central': { zh: '新津—中心城区 5条(示意)', en: 'Xinjin–central Chengdu, 5 (schematic)' },
  'bus-xinjin-pengshan': { zh: '新津—彭山 2条(示意)', en: 'Xinjin–Pengshan, 2 (schematic)' },
  hub: { zh: '候选轨道站点', en: 'Candidate rail hub' },
  located: { zh: '已知位置', en: 'Located' },
  'stand-in': { zh: '代表点(确切位置未知)', en: 'Stand-in (exact place unknown)' },
};

export function legendLabel(key: string, language: Language): string {
  return legendLabels[key]?.[language] ?? key;
}

const qualityNames: Record<string, Record<Language, string>> = {
  surveyed: { zh: '实测位置', en: 'Located' },
  schematic: { zh: '示意走向', en: 'Schematic course' },
  'stand-in': { zh: '代表点(确切位置未知)', en: 'Stand-in point (exact place unknown)' },
};

export function qualityName(quality: string, language: Language): string {
  return qualityNames[quality]?.[language] ?? quality;
}
