/**
 * The figures a panel shows for a feature: what the article states beside what the geometry
 * measures, never one silently replacing the other.
 */
import type { AtlasFeature, TransitSummary } from '../data/types';
import type { Language } from '../state/store';

export interface Figure {
  label: string;
  value: string;
  /** who says so: the article, or a measurement of our geometry */
  basis: 'article' | 'measured' | 'fact';
}

const num = (n: number, language: Language, digits = 0) =>
  n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const L = (language: Language, zh: string, en: string) => (language === 'zh' ? zh : en);

export function featureFigures(feature: AtlasFeature, transit: TransitSummary, language: Language): Figure[] {
  const p = feature.properties;
  const out: Figure[] = [];
  const n = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : undefined);
  switch (p.kind) {
    case 'river': {
      const len = n('length_km');
      if (len !== undefined) out.push({ label: L(language, '图中河段长度', 'Length drawn in the region'), value: `${num(len, language, 1)} km`, basis: 'measured' });
      if (typeof p['mouth_zh'] === 'string') out.push({ label: L(language, '汇入', 'Flows into'), value: String(p[language === 'zh' ? 'mouth_zh' : 'mouth_en'] ?? p['mouth_zh']), basis: 'fact' });
      break;
    }
    case 'rail-line': {
      const stated = n('length_stated_km');
      const measured = n('length_measured_km');
      if (stated !== undefined) out.push({ label: L(language, '全长(文章)', 'Length (article)'), value: `${num(stated, language, 1)} km`, basis: 'article' });
      if (measured !== undefined) out.push({ label: L(language, '站间直线总长(图上量算)', 'Station-to-station straight line (measured)'), value: `${num(measured, language, 1)} km`, basis: 'measured' });
      if (typeof p['opened'] === 'string') out.push({ label: L(language, '开通', 'Opened'), value: p['opened'], basis: 'fact' });
      const st = n('stations_opened');
      if (st !== undefined) out.push({ label: L(language, '开通车站', 'Stations open'), value: num(st, language), basis: 'fact' });
      break;
    }
    case 'rail-station': {
      const order = n('order');
      if (order !== undefined) out.push({ label: L(language, '资阳线站序', 'Order on the Ziyang line'), value: `${order} / 6`, basis: 'fact' });
      if (typeof p['interchange'] === 'string') out.push({ label: L(language, '换乘', 'Interchange'), value: p['interchange'], basis: 'fact' });
      break;
    }
    case 'district':
    case 'development-zone': {
      const area = n('area_km2');
      if (area !== undefined) out.push({ label: L(language, '面积(图上量算)', 'Area (measured)'), value: `${num(area, language)} km²`, basis: 'measured' });
      out.push(
        { label: L(language, '畅行圈覆盖面积(文章,8地)', 'Circle area (article, 8 areas)'), value: `${num(transit.article.area_km2, language)} km²`, basis: 'article' },
        { label: L(language, '7个区县合计(图上量算)', '7 counties together (measured)'), value: `${num(transit.measured.area_union_km2, language)} km²`, basis: 'measured' },
        { label: L(language, '惠及人口(文章)', 'People served (article)'), value: L(language, `${num(transit.article.population / 1e4, language)} 万人`, `${num(transit.article.population / 1e6, language, 2)} million`), basis: 'article' },
      );
      break;
    }
    case 'bus-line': {
      const lines = n('group_lines');
      const buses = n('group_buses');
      if (lines !== undefined && buses !== undefined) {
        out.push({ label: L(language, '本组线路 / 车辆(文章)', 'Lines / buses in this group (article)'), value: `${lines} / ${buses}`, basis: 'article' });
      }
      const riders = n('riders_per_day_group');
      if (riders !== undefined) out.push({ label: L(language, '日均客流(文章)', 'Riders a day (article)'), value: num(riders, language), basis: 'article' });
      out.push(
        { label: L(language, '全网线路 / 车辆(文章)', 'All lines / buses (article)'), value: `${transit.article.lines} / ${transit.article.buses_min}+`, basis: 'article' },
        { label: L(language, '三组车辆合计', 'Buses in the three groups'), value: num(transit.measured.buses_in_groups, language), basis: 'measured' },
      );
      break;
    }
    case 'rail-hub-candidate':
      out.push(
        { label: L(language, '轨道站点(文章)', 'Rail hubs (article)'), value: num(transit.article.rail_hubs, language), basis: 'article' },
        { label: L(language, '图上候选站点', 'Candidates shown'), value: num(transit.measured.candidate_hubs, language), basis: 'measured' },
      );
      break;
    default:
      break;
  }
  return out;
}
