/**
 * The figures a panel shows for a feature: what the article states beside what the geometry
 * measures, never one silently replacing the other. A feature's own figures come first; the
 * totals of what it belongs to (the transit circle, the bus network) once, below.
 */
import type { AtlasProperties, TransitSummary } from '../data/types';
import type { Language } from '../state/store';
import { formatNumber as num } from '../i18n/locale';

export interface Figure {
  label: string;
  value: string;
  /** who says so: the article, a measurement of our geometry, or a cited fact */
  basis: 'article' | 'measured' | 'fact';
  /** the feature's own figure, or a total of what it belongs to */
  scope: 'own' | 'context';
}

/** A stated number beside a measured one, for a small chart. */
export interface Comparison {
  label: string;
  unit: string;
  stated: number;
  measured: number;
  statedLabel: string;
  measuredLabel: string;
}

const L = (language: Language, zh: string, en: string) => (language === 'zh' ? zh : en);

export function featureFigures(p: AtlasProperties, transit: TransitSummary, language: Language): Figure[] {
  const out: Figure[] = [];
  const n = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : undefined);
  const own = (label: string, value: string, basis: Figure['basis']) => out.push({ label, value, basis, scope: 'own' });
  const context = (label: string, value: string, basis: Figure['basis']) => out.push({ label, value, basis, scope: 'context' });
  switch (p.kind) {
    case 'river': {
      const len = n('length_km');
      if (len !== undefined) own(L(language, '图中河段长度', 'Length drawn on the map'), `${num(len, language, 1)} km`, 'measured');
      if (typeof p['mouth_zh'] === 'string')
        own(L(language, '汇入', 'Flows into'), String(p[language === 'zh' ? 'mouth_zh' : 'mouth_en'] ?? p['mouth_zh']), 'fact');
      break;
    }
    case 'rail-line': {
      const stated = n('length_stated_km');
      const measured = n('length_measured_km');
      if (stated !== undefined) own(L(language, '全长(文章)', 'Length (the article)'), `${num(stated, language, 1)} km`, 'article');
      if (measured !== undefined) own(L(language, '站间直线总长(图上)', 'Station to station, straight (map)'), `${num(measured, language, 1)} km`, 'measured');
      if (typeof p['opened'] === 'string') own(L(language, '开通', 'Opened'), p['opened'], 'fact');
      const st = n('stations_opened');
      if (st !== undefined) own(L(language, '开通车站', 'Stations open'), num(st, language), 'fact');
      break;
    }
    case 'rail-station': {
      const order = n('order');
      if (order !== undefined) own(L(language, '资阳线站序', 'Stop on the Ziyang Line'), `${order} / 6`, 'fact');
      if (typeof p['interchange'] === 'string') {
        own(
          L(language, '换乘', 'Change for'),
          language === 'zh' ? p['interchange'].replace(/Line (\d+)/g, '$1号线').replace(/, /g, '、') : p['interchange'],
          'fact',
        );
      }
      break;
    }
    case 'district':
    case 'development-zone': {
      const area = n('area_km2');
      if (area !== undefined) own(L(language, '面积(图上量算)', 'Area (measured on the map)'), `${num(area, language)} km²`, 'measured');
      context(L(language, '畅行圈覆盖面积(文章,8地)', 'Circle’s area (the article, 8 areas)'), `${num(transit.article.area_km2, language)} km²`, 'article');
      context(L(language, '7个区县合计(图上量算)', 'The 7 counties together (map)'), `${num(transit.measured.area_union_km2, language)} km²`, 'measured');
      context(
        L(language, '惠及人口(文章)', 'People served (the article)'),
        L(language, `${num(transit.article.population / 1e4, language)} 万人`, `${num(transit.article.population / 1e6, language, 2)} million`),
        'article',
      );
      break;
    }
    case 'bus-line': {
      const lines = n('group_lines');
      const buses = n('group_buses');
      if (lines !== undefined && buses !== undefined) {
        own(L(language, '本组线路 / 车辆(文章)', 'Lines / buses in this group (the article)'), `${lines} / ${buses}`, 'article');
      }
      const riders = n('riders_per_day_group');
      if (riders !== undefined) own(L(language, '日均客流(文章)', 'Passenger trips a day (the article)'), num(riders, language), 'article');
      context(L(language, '全网线路 / 车辆(文章)', 'All lines / buses (the article)'), `${transit.article.lines} / ${transit.article.buses_min}+`, 'article');
      context(L(language, '三组车辆合计', 'Buses the three groups name'), num(transit.measured.buses_in_groups, language), 'measured');
      break;
    }
    case 'rail-hub-candidate':
      context(L(language, '轨道站点(文章)', 'Rail hubs (the article)'), num(transit.article.rail_hubs, language), 'article');
      context(L(language, '图上候选站点', 'Candidates shown'), num(transit.measured.candidate_hubs, language), 'measured');
      break;
    case 'region': {
      const official = n('area_official_km2');
      const measured = n('area_measured_km2');
      if (official !== undefined) own(L(language, '公布面积', 'Published area'), `${num(official, language)} km²`, 'fact');
      if (measured !== undefined) own(L(language, '轮廓面积(图上量算)', 'Outline’s area (measured)'), `${num(measured, language)} km²`, 'measured');
      break;
    }
    default:
      break;
  }
  return out;
}

/** The stated-versus-measured pairs worth drawing as a chart for this feature. */
export function featureComparisons(p: AtlasProperties, transit: TransitSummary, language: Language): Comparison[] {
  const stated = L(language, '文章', 'Article');
  const measured = L(language, '图上', 'Map');
  switch (p.kind) {
    case 'rail-line':
      return typeof p['length_stated_km'] === 'number' && typeof p['length_measured_km'] === 'number'
        ? [
            {
              label: L(language, '线路长度', 'Length of the line'),
              unit: 'km',
              stated: p['length_stated_km'],
              measured: p['length_measured_km'],
              statedLabel: stated,
              measuredLabel: measured,
            },
          ]
        : [];
    case 'district':
    case 'development-zone':
      return [
        {
          label: L(language, '畅行圈面积', 'Area of the circle'),
          unit: 'km²',
          stated: transit.article.area_km2,
          measured: transit.measured.area_union_km2,
          statedLabel: L(language, '文章(8地)', 'Article (8 areas)'),
          measuredLabel: L(language, '图上(7区县)', 'Map (7 counties)'),
        },
      ];
    case 'bus-line':
      return [
        {
          label: L(language, '公交车辆', 'Buses'),
          unit: '',
          stated: transit.article.buses_min,
          measured: transit.measured.buses_in_groups,
          statedLabel: L(language, '文章(140余台)', 'Article (140+)'),
          measuredLabel: L(language, '三组合计', 'The three groups'),
        },
      ];
    case 'rail-hub-candidate':
      return [
        {
          label: L(language, '轨道站点', 'Rail hubs'),
          unit: '',
          stated: transit.article.rail_hubs,
          measured: transit.measured.candidate_hubs,
          statedLabel: stated,
          measuredLabel: L(language, '候选', 'Candidates'),
        },
      ];
    case 'region':
      return typeof p['area_official_km2'] === 'number' && typeof p['area_measured_km2'] === 'number'
        ? [
            {
              label: L(language, '区域面积', 'Area of the region'),
              unit: 'km²',
              stated: p['area_official_km2'],
              measured: p['area_measured_km2'],
              statedLabel: L(language, '公布', 'Published'),
              measuredLabel: measured,
            },
          ]
        : [];
    default:
      return [];
  }
}
