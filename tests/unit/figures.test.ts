import { describe, expect, it } from 'vitest';
import { featureFigures } from '../../src/ui/figures';
import { byId, readGeo, transit } from './geo-helpers';

const summary = transit().summary;

describe('panel figures', () => {
  it('shows the Ziyang line’s stated 38.7 km beside what the geometry measures', () => {
    const figs = featureFigures(byId(readGeo('rail.geojson'), 'ziyang-line').properties, summary, 'en');
    const article = figs.find((f) => f.basis === 'article');
    const measured = figs.find((f) => f.basis === 'measured');
    expect(article?.value).toBe('38.7 km');
    expect(measured?.value).toMatch(/^3\d\.\d km$/);
    expect(measured?.value).not.toBe('38.7 km');
  });

  it('shows a district’s measured area with the circle’s stated 6236 km² and 5.14 million people', () => {
    const figs = featureFigures(byId(transit(), 'xinjin').properties, summary, 'zh');
    const values = figs.map((f) => f.value);
    expect(values).toContain('6,236 km²');
    expect(values).toContain('514 万人');
    expect(figs.some((f) => f.basis === 'measured' && /km²/.test(f.value))).toBe(true);
  });

  it('puts a district’s own area first and the circle’s totals after it', () => {
    const figs = featureFigures(byId(transit(), 'xinjin').properties, summary, 'en');
    expect(figs[0]).toMatchObject({ scope: 'own', basis: 'measured' });
    expect(figs.slice(1).every((f) => f.scope === 'context')).toBe(true);
    expect(figs.filter((f) => f.value === '6,236 km²')).toHaveLength(1);
  });

  it('shows a bus line’s group figures and the 13 lines / 140+ buses of the whole network', () => {
    const figs = featureFigures(byId(transit(), 'bus-xinjin-pengshan-1').properties, summary, 'en');
    expect(figs.map((f) => f.value)).toEqual(expect.arrayContaining(['2 / 26', '4,000', '13 / 140+', '139']));
  });
});
