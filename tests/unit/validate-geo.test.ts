import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GeoDataError, validateGeoCatalog, validateGeoDirectory, validateGeoText } from '../../scripts/validate-geo.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

const fc = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const props = (over: Record<string, unknown> = {}) => ({
  id: 'a-site',
  name_zh: '点',
  name_en: 'Point',
  kind: 'project-site',
  geometry_quality: 'surveyed',
  source: 'test source',
  licence: 'MIT',
  ...over,
});
const point = (over: Record<string, unknown> = {}, coordinates: unknown = [104, 30]) => ({
  type: 'Feature',
  properties: props(over),
  geometry: { type: 'Point', coordinates },
});

function failure(fn: () => unknown): GeoDataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GeoDataError) return err;
    throw err;
  }
  throw new Error('expected a GeoDataError');
}

describe('validateGeoText', () => {
  it('accepts a feature that honours the contract', () => {
    expect(validateGeoText('geo/x.geojson', fc(point())).features).toHaveLength(1);
  });

  it.each([
    ['licence', { licence: undefined }, /properties\.licence/],
    ['source', { source: '' }, /properties\.source/],
    ['geometry_quality', { geometry_quality: 'guessed' }, /properties\.geometry_quality/],
    ['id', { id: 'Not Kebab' }, /properties\.id: must be a kebab-case id/],
  ])('names the file, the feature and the problem when %s is wrong', (_name, over, problem) => {
    const err = failure(() => validateGeoText('geo/sites.geojson', fc(point(), point({ id: 'bad-one', ...over }))));
    expect(err.file).toBe('geo/sites.geojson');
    expect(err.message).toMatch(/^geo\/sites\.geojson: feature "(bad-one|Not Kebab)": /);
    expect(err.message).toMatch(problem);
  });

  it('accepts plain reader text in both languages and a known kind of source', () => {
    const ok = point({
      label_zh: '福田站',
      label_en: 'Futian Station',
      note_zh: '2024年9月29日开通,惠及514万人。',
      note_en: 'Opened on 29 September 2024; 5140000 people, 38.7 km.',
      source_key: 'metroman',
    });
    expect(validateGeoText('geo/x.geojson', fc(ok)).features).toHaveLength(1);
  });

  it.each([
    ['note_zh without note_en', { note_zh: '说明' }, /properties\.note_zh: note_zh and note_en go together/],
    ['note_en without note_zh', { note_en: 'A note' }, /properties\.note_zh: note_zh and note_en go together/],
    [
      'a URL in a note',
      { note_zh: '见 https://example.org', note_en: 'See the source' },
      /properties\.note_zh: is shown to readers and must not contain a URL/,
    ],
    ['a commit hash in a note', { note_zh: '说明', note_en: 'From commit 087310aa159d44583cc5fef240466439570dbd62' }, /properties\.note_en: .*commit hash/],
    ['a short commit hash in a label', { label_en: 'Station 087310aa' }, /properties\.label_en: .*commit-like hash/],
    ['datum jargon in a label', { label_zh: '福田站(GCJ-02)' }, /properties\.label_zh: .*GCJ/],
    ['an unknown kind of source', { source_key: 'blog' }, /properties\.source_key/],
  ])('rejects %s, naming the property', (_name, over, problem) => {
    expect(failure(() => validateGeoText('geo/x.geojson', fc(point({ id: 'bad-one', ...over })))).message).toMatch(problem);
  });

  it('rejects positions outside WGS84 and with more than 6 decimals', () => {
    expect(failure(() => validateGeoText('geo/a.geojson', fc(point({}, [204, 30])))).message).toMatch(/outside WGS84/);
    expect(failure(() => validateGeoText('geo/a.geojson', fc(point({}, [104.1234567, 30])))).message).toMatch(/more than 6 decimals/);
  });

  it('reports structural GeoJSON errors with the feature found on that line', () => {
    const text = `{"type":"FeatureCollection","features":[\n${JSON.stringify(point({ id: 'broken-point' }, [104]))}\n]}`;
    const err = failure(() => validateGeoText('geo/a.geojson', text));
    expect(err.message).toBe('geo/a.geojson: feature "broken-point": invalid GeoJSON: A position should have 2 or 3 elements - found 1.');
  });

  it('rejects an id used twice in one file', () => {
    expect(failure(() => validateGeoText('geo/a.geojson', fc(point(), point()))).message).toMatch(/"a-site": duplicate id/);
  });
});

describe('validateGeoCatalog', () => {
  it('rejects an id used in two files, naming both', () => {
    const err = failure(() =>
      validateGeoCatalog([
        { file: 'geo/a.geojson', text: fc(point({ id: 'shared-id' })) },
        { file: 'geo/b.geojson', text: fc(point({ id: 'shared-id' })) },
      ]),
    );
    expect(err.message).toBe('geo/b.geojson: feature "shared-id": id also used in geo/a.geojson; ids must be unique across geo/');
  });

  it('fails on the broken fixtures directory', async () => {
    await expect(validateGeoDirectory(resolve(ROOT, 'tests/fixtures/geo-duplicate-id'), 'fixtures')).rejects.toThrow(
      'fixtures/b.geojson: feature "river-wu": id also used in fixtures/a.geojson',
    );
  });
});

/** The child build must behave as a user's `vite build`, not as part of this test run. */
function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV'));
}

describe('the production build', () => {
  it('fails on broken data, naming the file, the feature and the problem', async () => {
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', resolve(ROOT, 'node_modules/.tmp-broken-build')],
      {
        cwd: ROOT,
        env: { ...withoutVitest(process.env), ATLAS_GEO_DIR: 'tests/fixtures/geo-broken-licence' },
      },
    ).then(
      () => ({ ok: true, output: '' }),
      (err: { stdout: string; stderr: string }) => ({ ok: false, output: `${err.stdout}\n${err.stderr}` }),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('tests/fixtures/geo-broken-licence/sites.geojson: feature "site-without-licence": properties.licence');
  }, 60_000);
});
