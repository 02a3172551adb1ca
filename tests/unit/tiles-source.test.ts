// The tileset read from hosts with and without byte ranges (src/map/tiles-source.ts), through the
// pmtiles library's own reader, over geo/atlas.pmtiles as the host would serve it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FetchSource, PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { WholeFileFallbackSource, anyHostProtocol, archiveUrl } from '../../src/map/tiles-source';

const ARCHIVE = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../geo/atlas.pmtiles')));
const URL_ = 'http://host/assets/atlas-x.pmtiles';

interface Host {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** the Range header of each request, null for none */
  asked: Array<string | null>;
  /** bytes sent in response bodies */
  sent: () => number;
}

/** A host serving the archive: with ranges (206), ignoring them like Python's http.server (200), or refusing them (416). */
function host(kind: 'ranges' | 'ignores' | 'refuses'): Host {
  const asked: Array<string | null> = [];
  let sent = 0;
  const body = (bytes: Uint8Array) => {
    sent += bytes.length;
    return bytes.slice();
  };
  return {
    asked,
    sent: () => sent,
    fetch: async (input, init) => {
      expect(input).toBe(URL_);
      const range = new Headers(init?.headers).get('range');
      asked.push(range);
      const whole = () => new Response(body(ARCHIVE), { status: 200, headers: { 'Content-Length': String(ARCHIVE.length) } });
      if (!range) return whole();
      if (kind === 'refuses') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${ARCHIVE.length}` } });
      if (kind === 'ignores') return whole();
      const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range)!;
      const end = Math.min(Number(b), ARCHIVE.length - 1);
      return new Response(body(ARCHIVE.subarray(Number(a), end + 1)), {
        status: 206,
        headers: { 'Content-Range': `bytes ${a}-${end}/${ARCHIVE.length}` },
      });
    },
  };
}

/** Every tile of the opening zoom levels, as bytes, read through a source. */
async function readTiles(archive: PMTiles): Promise<number[]> {
  const sizes: number[] = [];
  const header = await archive.getHeader();
  for (let z = header.minZoom; z <= Math.min(header.minZoom + 6, header.maxZoom); z++) {
    const n = 2 ** z;
    const x = Math.floor(((104.5 + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (30.2 * Math.PI) / 360)) / Math.PI) / 2) * n);
    const tile = await archive.getZxy(z, x, y);
    sizes.push(tile?.data.byteLength ?? 0);
  }
  return sizes;
}

describe('reading the tileset from any static host', () => {
  it('the library’s own reader fails on a host that ignores Range (what the map did before)', async () => {
    const h = host('ignores');
    const original = globalThis.fetch;
    globalThis.fetch = h.fetch as typeof fetch;
    try {
      await expect(new PMTiles(new FetchSource(URL_)).getHeader()).rejects.toThrow(/content-length/);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('on a host that ignores Range, reads every tile from the one whole response, fetched once', async () => {
    const withRanges = await readTiles(new PMTiles(new WholeFileFallbackSource(URL_, host('ranges').fetch)));
    const h = host('ignores');
    const tiles = await readTiles(new PMTiles(new WholeFileFallbackSource(URL_, h.fetch)));
    expect(tiles).toEqual(withRanges);
    expect(tiles.filter((n) => n > 0).length).toBeGreaterThan(3);
    expect(h.asked).toHaveLength(1);
    expect(h.sent()).toBe(ARCHIVE.length);
  });

  it('on a host that refuses ranges (416), asks once for the whole file', async () => {
    const h = host('refuses');
    const tiles = await readTiles(new PMTiles(new WholeFileFallbackSource(URL_, h.fetch)));
    expect(tiles).toEqual(await readTiles(new PMTiles(new WholeFileFallbackSource(URL_, host('ranges').fetch))));
    expect(h.asked).toEqual(['bytes=0-16383', null]);
  });

  it('on a host with ranges, keeps using them: only the bytes asked for are sent', async () => {
    const h = host('ranges');
    await readTiles(new PMTiles(new WholeFileFallbackSource(URL_, h.fetch)));
    expect(h.asked.length).toBeGreaterThan(1);
    expect(h.asked.every((r) => r?.startsWith('bytes='))).toBe(true);
    expect(h.sent()).toBeLessThan(ARCHIVE.length / 2);
  });

  it('a whole response cut off is asked for again on the next read', async () => {
    const h = host('ignores');
    let fail = true;
    const flaky: Host['fetch'] = async (input, init) => {
      const res = await h.fetch(input, init);
      if (!fail) return res;
      fail = false;
      return new Response(new ReadableStream({ start: (c) => c.error(new Error('connection reset')) }), { status: 200 });
    };
    const source = new WholeFileFallbackSource(URL_, flaky);
    await expect(source.getBytes(0, 16)).rejects.toThrow('connection reset');
    const again = await source.getBytes(0, 2);
    expect(new TextDecoder().decode(again.data)).toBe('PM');
  });

  it('MapLibre’s pmtiles:// URLs name the archive, for tiles and for the TileJSON', () => {
    expect(archiveUrl(`pmtiles://${URL_}/7/101/52`)).toBe(URL_);
    expect(archiveUrl(`pmtiles://${URL_}`)).toBe(URL_);
    expect(archiveUrl('https://elsewhere/x')).toBeNull();
  });

  it('the protocol MapLibre is given serves tiles from a host that ignores Range', async () => {
    const h = host('ignores');
    const tile = anyHostProtocol(h.fetch);
    const header = await new PMTiles(new WholeFileFallbackSource(URL_, host('ranges').fetch)).getHeader();
    const json = await tile({ url: `pmtiles://${URL_}`, type: 'json' }, new AbortController());
    expect((json.data as { minzoom: number }).minzoom).toBe(header.minZoom);
    const z = header.minZoom;
    const x = Math.floor(((104.5 + 180) / 360) * 2 ** z);
    const y = Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (30.2 * Math.PI) / 360)) / Math.PI) / 2) * 2 ** z);
    const data = await tile({ url: `pmtiles://${URL_}/${z}/${x}/${y}`, type: 'arrayBuffer' }, new AbortController());
    expect((data.data as Uint8Array).byteLength).toBeGreaterThan(0);
    expect(h.asked).toHaveLength(1);
  });
});
