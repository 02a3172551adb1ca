// The reader's notes on the map's features, held to an editor's standard: every place the article
// links has one, in both languages; every figure in one can be traced to the article, to the
// feature's own cited source or to a measurement of its geometry (and the measurement is re-done
// here); every count of members agrees with the member list; every guess says it is one in the
// name a reader meets first.
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { articleTexts } from '../../src/article/check.mjs';
import { plainText } from '../../src/article/markup.mjs';
import type { AtlasFeature } from '../../src/data/types';
import { geoFiles, readGeo } from './geo-helpers';

const features: AtlasFeature[] = geoFiles()
  .filter((n) => n !== 'labels.geojson' && n !== 'hydrography.geojson')
  .flatMap((n) => readGeo(n).features);
const props = (f: AtlasFeature) => f.properties as Record<string, unknown>;

/** The figures a text states, as numbers: "6,236" → 6236, "5.14 million" → 5140000, "514万" → 5140000. */
export function figures(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万|million)?/g)) {
    const n = Number(m[1]!.replace(/,/g, ''));
    out.push(Math.round(n * (m[2] === '万' ? 1e4 : m[2] === 'million' ? 1e6 : 1) * 1000) / 1000);
  }
  return out;
}

const articleFigures = new Set(articleTexts(article).flatMap(({ text }) => [...figures(plainText(text.zh)), ...figures(plainText(text.en))]));

/** The figures of the feature's own record other than the notes: its sources, datum note, numeric facts. */
function recordFigures(f: AtlasFeature): Set<number> {
  const rest = Object.entries(props(f)).filter(([k]) => k !== 'note_zh' && k !== 'note_en');
  return new Set(figures(JSON.stringify(Object.fromEntries(rest)).replace(/[-_]/g, ' ')));
}

/** Properties that claim to be measured from the geometry, re-measured here. */
function measured(f: AtlasFeature): Map<number, string> {
  const out = new Map<number, string>();
  const p = props(f);
  if (typeof p['length_measured_km'] === 'number') {
    const km = turf.length(f as GeoJSON.Feature<GeoJSON.LineString>, { units: 'kilometers' });
    expect(Math.abs(km - p['length_measured_km']), `${f.properties.id} length`).toBeLessThan(0.1);
    out.set(p['length_measured_km'], 'length');
  }
  // a province's count of divisions is the count of its units drawn on the map
  const units = features.filter((u) => props(u)['parent_id'] === f.properties.id && /prefecture|cq-district/.test(String(props(u)['kind'])));
  if (units.length > 0) out.set(units.length, 'units');
  if (typeof p['area_measured_km2'] === 'number') {
    const km2 = turf.area(f as GeoJSON.Feature<GeoJSON.Polygon>) / 1e6;
    expect(Math.abs(km2 - p['area_measured_km2']) / km2, `${f.properties.id} area`).toBeLessThan(0.005);
    out.set(p['area_measured_km2'], 'area');
  }
  return out;
}

describe('notes on the features the article links', () => {
  const mentions = readGeo<{ mentions: { key: string; feature_ids: string[] }[] }>('mentions.json').mentions;
  const linked = [...new Set(mentions.flatMap((m) => m.feature_ids))];

  it('gives every linked feature a note in both languages', () => {
    const byId = new Map(features.map((f) => [f.properties.id, f]));
    const missing = linked.filter((id) => {
      const p = byId.get(id) && props(byId.get(id)!);
      return !p || typeof p['note_zh'] !== 'string' || typeof p['note_en'] !== 'string';
    });
    expect(missing).toEqual([]);
    expect(linked.length).toBeGreaterThan(60);
  });

  it('says what a point stands for when it stands for something the article names elsewhere', () => {
    const note = (id: string) => String(props(features.find((f) => f.properties.id === id)!)['note_zh']);
    const noteEn = (id: string) => String(props(features.find((f) => f.properties.id === id)!)['note_en']);
    expect(note('shanghai')).toContain('长三角');
    expect(noteEn('shanghai')).toContain('Yangtze River Delta');
    expect(note('guangyang-island')).toContain('迎龙小院');
    expect(noteEn('guangyang-island')).toContain('Yinglong Courtyard');
    expect(note('nanchong-linjiang-new-area-hr-park')).toMatch(/产业园[\s\S]*临江新区/);
    expect(noteEn('nanchong-linjiang-new-area-hr-park')).toMatch(/Industrial Park[\s\S]*Linjiang New Area/);
  });
});

describe('claims in the notes', () => {
  it('traces every figure to the article, the feature’s cited record or a re-done measurement', () => {
    const untraced: string[] = [];
    for (const f of features) {
      const record = recordFigures(f);
      const measures = measured(f);
      for (const key of ['note_zh', 'note_en'] as const) {
        const text = props(f)[key];
        if (typeof text !== 'string') continue;
        for (const n of figures(text)) {
          if (!articleFigures.has(n) && !record.has(n) && !measures.has(n)) untraced.push(`${f.properties.id}.${key}: ${n}`);
        }
      }
    }
    expect(untraced).toEqual([]);
  });

  it('finds an untraced figure (the check can fail)', () => {
    expect(articleFigures.has(4000)).toBe(true);
    expect(articleFigures.has(4001)).toBe(false);
  });

  it('states member counts its member lists agree with', () => {
    const numerals: Record<string, number> = { 四: 4, 五: 5, 九: 9 };
    const count = (s: string) => numerals[s] ?? Number(s);
    let checked = 0;
    for (const f of features.filter((x) => Array.isArray(props(x)['members']))) {
      const members = props(f)['members'] as string[];
      const districts = members.filter((m) => m.startsWith('cq-district-')).length;
      const cities = members.filter((m) => m.startsWith('prefecture-')).length;
      const note = String(props(f)['note_zh']);
      // the first count in the note is the region's own membership (a later one may name a core)
      const m = note.match(/(\d+|[四五九])个?(区县|区|市)/);
      expect(m, `${f.properties.id}: a count of members`).not.toBeNull();
      const stated = count(m![1]!);
      expect(stated, `${f.properties.id}: ${m![0]}`).toBe(m![2] === '市' ? cities : districts);
      const cityCount = note.match(/(\d+)个市/);
      if (cityCount && m![2] !== '市') expect(Number(cityCount[1]), `${f.properties.id}: ${cityCount[0]}`).toBe(cities);
      checked += 1;
    }
    expect(checked).toBe(5);
  });

  it('claims nothing as “the only” one, and says where a “not published” claim was established', () => {
    for (const f of features) {
      for (const key of ['note_zh', 'note_en'] as const) {
        const text = props(f)[key];
        if (typeof text !== 'string') continue;
        expect(text, `${f.properties.id}.${key}`).not.toMatch(/唯一|the only\b/i);
        expect(text, `${f.properties.id}.${key}`).not.toMatch(/未公布|未公开|not published|no published/i);
      }
    }
  });
});

describe('guesses marked where they are seen first', () => {
  const reconstructed = features.filter((f) => props(f)['kind'] === 'rail-hub-candidate' || props(f)['kind'] === 'bus-line');

  it('carries the status in the name every view shows (label_zh / label_en)', () => {
    expect(reconstructed.length).toBe(23);
    for (const f of reconstructed) {
      const p = props(f);
      expect(String(p['label_zh']), f.properties.id).toMatch(/示意线路|候选站点/);
      expect(String(p['label_en']), f.properties.id).toMatch(/Illustrative route|candidate hub/);
    }
  });
});
