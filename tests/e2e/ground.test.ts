// The ground under the article, as a reader sees it in the production build: towns and county
// seats named at city scale in the reader's language, the relief visible at the region's scale,
// and neither taking a thematic name's place.
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { browserSession, mapIdle } from './browser';

const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

/** Zoom-11 views: between 福田站 and 资阳临空站 on the Ziyang line, and over 新津's seat. */
const VIEWS = {
  ziyang: { center: [104.52, 30.32] as [number, number], zoom: 11 },
  xinjin: { center: [103.81, 30.41] as [number, number], zoom: 11 },
};
const GROUND_LABELS = ['base-town-label', 'base-seat-label'];

type AtlasWindow = { atlas: { map: import('maplibre-gl').Map } };

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) => {
      (window as unknown as AtlasWindow).atlas.map.jumpTo({ center: c as [number, number], zoom: z as number });
    },
    [center, zoom] as const,
  );
  await mapIdle(page);
}

/** The text MapLibre laid out for each name the given label layers placed in the view. */
function drawnText(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const { map } = (window as unknown as AtlasWindow).atlas;
    return map.queryRenderedFeatures({ layers: ls }).map((f) => {
      const field = (f.layer.layout as { 'text-field'?: { sections?: { text: string }[] } | string })['text-field'];
      return typeof field === 'string' ? field : (field?.sections ?? []).map((x) => x.text).join('');
    });
  }, layers);
}

/** The ids of the features the given layers draw in the view. */
function drawnIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => window.atlas.map.queryRenderedFeatures({ layers: ls }).map((f) => String(f.properties['id'])), layers);
}

/** Every thematic (and city) name MapLibre placed in the view: layer and feature id. */
function thematicNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { map } = (window as unknown as AtlasWindow).atlas;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.type === 'symbol' && !['base-town-label', 'base-seat-label'].includes(l.id))
      .map((l) => l.id);
    return map
      .queryRenderedFeatures({ layers })
      .map((f) => `${f.layer.id} ${String(f.properties['id'] ?? f.properties['river_id'] ?? f.properties['district_id'])}`)
      .sort();
  });
}

async function setVisible(page: Page, layers: string[], visible: boolean): Promise<void> {
  await page.evaluate(
    ([ls, v]) => {
      const { map } = (window as unknown as AtlasWindow).atlas;
      for (const id of ls as string[]) map.setLayoutProperty(id, 'visibility', v ? 'visible' : 'none');
    },
    [layers, visible] as const,
  );
  await mapIdle(page);
}

describe('the ground at city scale', () => {
  // Over 新津 GeoNames has one town, 五津街道, which is the county town itself: there the seat's
  // name, 新津区, is the town's name drawn (the two would sit on the same spot).
  const EXPECTED = {
    zh: { ziyang: { town: '简城街道', seat: '简阳市' }, xinjin: { seat: '新津区' } },
    en: { ziyang: { town: 'Jiancheng', seat: 'Jianyang' }, xinjin: { seat: 'Xinjin' } },
  } as const;

  for (const lang of ['zh', 'en'] as const) {
    it(`names towns and county seats at zoom 11 over the Ziyang line and over 新津 (${lang}), taking no thematic name’s place`, async () => {
      const { page, watch } = await session.open({ path: lang === 'en' ? '/#lang=en' : '/' });
      for (const [where, view] of Object.entries(VIEWS) as [keyof typeof VIEWS, (typeof VIEWS)[keyof typeof VIEWS]][]) {
        await jumpTo(page, view.center, view.zoom);
        const towns = await drawnText(page, ['base-town-label']);
        const seats = await drawnText(page, ['base-seat-label']);
        const expected = EXPECTED[lang][where] as { town?: string; seat: string };
        if (expected.town) expect(towns, where).toContain(expected.town);
        // Over 新津 the seat lies under the article's own name for the district (新津 / Xinjin), which
        // is placed first: the ground draws the seat's dot there, and the place is named by the
        // thematic label or by the seat's.
        if (where === 'xinjin') {
          expect(await drawnIds(page, ['base-seat-dot']), where).toContain('seat-510118');
          expect(
            [...seats, ...(await drawnText(page, ['transit-district-label']))].some((n) => n.startsWith(expected.seat.replace(/区$/, ''))),
            where,
          ).toBe(true);
        } else expect(seats, where).toContain(expected.seat);
        const written = lang === 'zh' ? /^\p{Script=Han}+$/u : /^[A-Z][a-z’']+$/;
        for (const name of [...towns, ...seats]) expect(name, where).toMatch(written);
        // The thematic names placed are the same with the ground's names hidden.
        const withGround = await thematicNames(page);
        expect(withGround.length, where).toBeGreaterThan(0);
        await setVisible(page, GROUND_LABELS, false);
        expect(await thematicNames(page), `${where}: the same thematic names without the ground's`).toEqual(withGround);
        await setVisible(page, GROUND_LABELS, true);
      }
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
    });
  }
});

describe('the relief at the region’s scale', () => {
  /** Mean per-pixel difference (0–255, all channels) between two screenshots in a square around a place. */
  async function relief(page: Page, a: PNG, b: PNG, lngLat: [number, number], half = 24): Promise<number> {
    const { x, y } = await page.evaluate((ll) => {
      const { map } = (window as unknown as AtlasWindow).atlas;
      const rect = map.getCanvas().getBoundingClientRect();
      const p = map.project(ll);
      return { x: Math.round(rect.left + p.x), y: Math.round(rect.top + p.y) };
    }, lngLat);
    let sum = 0;
    let n = 0;
    for (let yy = y - half; yy <= y + half; yy++) {
      for (let xx = x - half; xx <= x + half; xx++) {
        for (let c = 0; c < 3; c++) {
          const i = (yy * a.width + xx) * 4 + c;
          sum += Math.abs((a.data[i] as number) - (b.data[i] as number));
          n++;
        }
      }
    }
    return sum / n;
  }

  it('shades the ridges east of the basin, and leaves the basin’s floor nearly as it was', async () => {
    const { page, watch } = await session.open();
    // 华蓥山 and the parallel ridges between 长寿 and 梁平 (明月山, 黄草山…); the basin's floor round 遂宁.
    const ridges = [
      [106.75, 30.35],
      [107.35, 30.05],
    ] as const;
    const floor: [number, number] = [105.5, 30.5];
    const shot = async () => PNG.sync.read(await page.screenshot());
    // The relief joins the style once the opening view has settled: wait until it is drawn.
    await page.waitForFunction(() => {
      const { map } = (window as unknown as AtlasWindow).atlas;
      return !!map.getLayer('base-relief') && map.isSourceLoaded('relief') && map.loaded();
    });
    await mapIdle(page);
    const shaded = await shot();
    await setVisible(page, ['base-relief'], false);
    const flat = await shot();
    const onFloor = await relief(page, shaded, flat, floor);
    for (const r of ridges) {
      const onRidges = await relief(page, shaded, flat, [r[0], r[1]]);
      expect(onRidges, `${r}`).toBeGreaterThan(2);
      expect(onRidges, `${r}`).toBeGreaterThan(onFloor * 3);
    }
    expect(watch.consoleErrors).toEqual([]);
  });
});
