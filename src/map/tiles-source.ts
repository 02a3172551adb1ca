/**
 * Reading the tileset from any static host. The map's tiles live in one PMTiles archive, read by
 * HTTP byte ranges. Many hosts answer them (object storage, CDNs, `vite preview`), but some do not:
 * Python's `http.server`, some CMS and storage gateways answer a range request with a 200 and the
 * whole file. The pmtiles library's own FetchSource then gives up ("Server returned no
 * content-length header…") and the map stays empty. This source, used through the library's own
 * `Source` interface and Protocol, keeps using ranges where the host serves them and otherwise
 * keeps the one whole response it got (the archive is under a megabyte) and cuts every later
 * range from it, without asking again.
 */
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function described(res: Response, data: ArrayBuffer): RangeResponse {
  // A weak ETag may change between the ranges of one file; pmtiles would read that as a new file.
  const etag = res.headers.get('ETag');
  return {
    data,
    etag: etag && !etag.startsWith('W/') ? etag : undefined,
    cacheControl: res.headers.get('Cache-Control') ?? undefined,
    expires: res.headers.get('Expires') ?? undefined,
  };
}

export class WholeFileFallbackSource implements Source {
  /** the whole archive and how it was served, once a host has sent it whole */
  #whole: Promise<{ res: Response; data: ArrayBuffer }> | null = null;

  constructor(
    readonly url: string,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    if (this.#whole) return this.#cut(await this.#whole, offset, length);
    let res = await this.fetchImpl(this.url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` }, signal });
    // A host that refuses ranges outright (416 for a range inside the file): ask for the file.
    if (res.status === 416 && offset === 0) res = await this.fetchImpl(this.url, { signal });
    if (res.status === 206) return described(res, await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${this.url}: HTTP ${res.status}`);
    const whole = res.arrayBuffer().then((data) => ({ res, data: complete(this.url, data) }));
    this.#whole = whole;
    // A body cut off (an aborted request, a dropped connection) is asked for again next time.
    whole.catch(() => {
      if (this.#whole === whole) this.#whole = null;
    });
    return this.#cut(await whole, offset, length);
  }

  #cut({ res, data }: { res: Response; data: ArrayBuffer }, offset: number, length: number): RangeResponse {
    return described(res, data.slice(offset, offset + length));
  }
}

/**
 * The whole archive, checked against its own header: PMTiles v3 keeps the tile data last, at the
 * offset and length its header gives (little-endian u64 at bytes 56 and 64). A file shorter than
 * that was cut short (an upload or a transfer), and is refused instead of read as tiles.
 */
function complete(url: string, data: ArrayBuffer): ArrayBuffer {
  if (data.byteLength < 127) throw new Error(`${url}: not a PMTiles archive (${data.byteLength} bytes)`);
  const view = new DataView(data);
  const end = Number(view.getBigUint64(56, true) + view.getBigUint64(64, true));
  if (data.byteLength < end) throw new Error(`${url}: the archive is cut short (${data.byteLength} of ${end} bytes)`);
  return data;
}

/** The archive's URL in a `pmtiles://` request: `pmtiles://URL` (TileJSON) or `pmtiles://URL/z/x/y`. */
export function archiveUrl(requestUrl: string): string | null {
  const tile = /^pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/.exec(requestUrl);
  if (tile) return tile[1]!;
  return requestUrl.startsWith('pmtiles://') ? requestUrl.slice('pmtiles://'.length) : null;
}

/**
 * MapLibre's `pmtiles://` protocol with every archive read through WholeFileFallbackSource: the
 * library's Protocol, given each archive (`add`) before its first request.
 */
export function anyHostProtocol(fetchImpl?: Fetch): Protocol['tile'] {
  const protocol = new Protocol();
  return ((params, arg2) => {
    const url = archiveUrl(params.url);
    if (url && !protocol.get(url)) protocol.add(new PMTiles(new WholeFileFallbackSource(url, fetchImpl)));
    return protocol.tile(params, arg2);
  }) as Protocol['tile'];
}
