import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_ITEMS } from '../../src/state/layers';
import { type AppState, initialState } from '../../src/state/store';
import { formatHash, parseHash } from '../../src/state/url';
import { EMBED_PRESETS, embedCode, embedLink, fileBase, shareLink, sharedState } from '../../src/share/link';

const BASE = 'https://example.org/atlas/';

function state(patch: Partial<AppState>): AppState {
  return { ...initialState(), ...patch };
}

const chengdu = { center: [104.06, 30.66] as [number, number], zoom: 9.5, bearing: 0, pitch: 0 };

/** The src attribute of an iframe tag, unescaped as a browser reads it. */
function srcOf(code: string): string {
  const m = /<iframe src="([^"]*)"/.exec(code);
  if (!m) throw new Error(`no src in ${code}`);
  return (m[1] as string)
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the shared link', () => {
  it('is the page address and the state’s own hash, without the embed chrome', () => {
    const s = state({ view: chengdu, hidden: ['river-wu'], selection: 'futian-station', language: 'en', embed: true });
    const link = shareLink(BASE, sharedState(s));
    expect(link).toBe(`${BASE}#map=9.5/30.66/104.06&layers=-river-wu&select=futian-station&lang=en`);
    const opened = parseHash(new URL(link).hash);
    expect(opened.problems).toEqual([]);
    expect(opened.state).toEqual({ ...s, embed: false });
  });

  it('from a feature panel selects that feature in the same view', () => {
    const s = state({ view: chengdu, selection: 'river-min' });
    expect(shareLink(BASE, sharedState(s, 'futian-station'))).toBe(`${BASE}#map=9.5/30.66/104.06&select=futian-station`);
  });

  it('ignores a feature id that is not an id, keeping the state’s own selection', () => {
    const s = state({ view: chengdu, selection: 'river-min' });
    for (const bad of [undefined, null, 42, '', 'Not An Id', 'a&b=c', { id: 'x' }]) {
      expect(sharedState(s, bad).selection).toBe('river-min');
    }
  });

  it('is always formatHash of the state, whatever the state holds', () => {
    // Any number a view may hold, NaN and the infinities included, except zooms beyond ~330, where
    // formatHash itself throws (url.ts asks toFixed for more than 100 decimals): the map never goes
    // past 13 and a link past 13 is refused, so no state reaches it.
    const junkView = fc.record({
      center: fc.tuple(fc.double(), fc.double()),
      zoom: fc.oneof(fc.double({ min: -1e9, max: 300 }), fc.constant(Number.NaN)),
      bearing: fc.double(),
      pitch: fc.double(),
    });
    fc.assert(
      fc.property(
        junkView,
        fc.subarray([...LAYER_ITEMS]),
        fc.option(fc.string()),
        fc.constantFrom('zh' as const, 'en' as const),
        fc.boolean(),
        (view, hidden, selection, language, embed) => {
          const s = state({ view, hidden, selection, language, embed });
          expect(shareLink(BASE, s)).toBe(BASE + formatHash({ ...s, embed: false }));
          expect(embedLink(BASE, s)).toBe(BASE + formatHash({ ...s, embed: true }));
          expect(fileBase(s)).toMatch(/^chengyu-atlas-[0-9.e+-]+-[0-9.e+-]+-[0-9.e+-]+(-[a-z0-9-]+)?$/);
        },
      ),
    );
  });
});

describe('the embed code', () => {
  const src = embedLink(BASE, state({ view: chengdu, hidden: ['rail-line', 'rail-stations'], language: 'en' }));

  it('frames the same view with embed=1, its ampersands escaped', () => {
    const code = embedCode(src, EMBED_PRESETS[0]!, '成渝图鉴 Chengyu Atlas');
    expect(code).toContain('&amp;embed=1');
    expect(code).not.toMatch(/&(?!amp;|quot;|lt;|gt;)/);
    const framed = parseHash(new URL(srcOf(code)).hash);
    expect(framed.problems).toEqual([]);
    expect(framed.state).toEqual(state({ view: chengdu, hidden: ['rail-line', 'rail-stations'], language: 'en', embed: true }));
  });

  it('offers 640×480, 800×600 and a full-width frame 480 high', () => {
    const codes = EMBED_PRESETS.map((p) => embedCode(src, p, 'Atlas'));
    expect(codes[0]).toContain('width="640" height="480"');
    expect(codes[1]).toContain('width="800" height="600"');
    expect(codes[2]).toContain('style="width:100%;height:480px;border:0"');
    for (const code of codes) {
      expect(code).toMatch(/^<iframe [^>]*title="Atlas"[^>]*><\/iframe>$/);
      expect(srcOf(code)).toBe(src);
    }
  });

  it('cannot be broken out of by a title or a link', () => {
    const code = embedCode('https://x.org/#a="><script>', EMBED_PRESETS[0]!, '"><script>alert(1)</script>');
    expect(code).not.toContain('<script>');
    expect(code.match(/</g)).toHaveLength(2);
  });
});

describe('file names', () => {
  it('name the view: zoom, latitude, longitude', () => {
    expect(fileBase(state({ view: chengdu }))).toBe('chengyu-atlas-9.5-30.66-104.06');
    expect(fileBase(state({ view: { center: [106.5512, 29.5633], zoom: 8.04, bearing: 0, pitch: 0 } }))).toBe('chengyu-atlas-8-29.56-106.55');
  });

  it('add the selected feature’s id', () => {
    expect(fileBase(state({ view: chengdu, selection: 'futian-station' }))).toBe('chengyu-atlas-9.5-30.66-104.06-futian-station');
  });

  it('keep only safe characters, whatever the state holds', () => {
    const view = { center: [Number.NaN, Infinity] as [number, number], zoom: Number.NaN, bearing: 0, pitch: 0 };
    expect(fileBase(state({ view, selection: '../../etc/passwd' }))).toBe('chengyu-atlas-0-0-0-etc-passwd');
    expect(fileBase(state({ view: chengdu, selection: '///' }))).toBe('chengyu-atlas-9.5-30.66-104.06');
  });
});
