/**
 * The light index (geo/index.json): every feature a reader can open, with its properties, bbox and
 * label point but no geometry. Panels, lists, search and framing read it; the map reads tiles.
 * Loaded once the map has settled, so it never competes with the first frames.
 */
import type { LayerItem } from '../state/layers';
import type { LightIndex, Place, TransitSummary } from './types';
import indexUrl from '../../geo/index.json?url';

export class Places {
  readonly #byId: Map<string, Place>;
  readonly list: readonly Place[];
  readonly transit: TransitSummary;

  constructor(index: LightIndex) {
    this.list = index.features;
    this.#byId = new Map(index.features.map((p) => [p.id, p]));
    this.transit = index.summaries.transit;
  }

  get(id: string): Place | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  itemOf(id: string): LayerItem | null {
    return this.#byId.get(id)?.item ?? null;
  }
}

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DataLoadError';
  }
}

export async function loadPlaces(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<Places> {
  const response = await fetchImpl(indexUrl);
  if (!response.ok) throw new DataLoadError('index.json', `HTTP ${response.status}`);
  const body = (await response.json()) as LightIndex;
  if (body?.version !== 1 || !Array.isArray(body.features)) throw new DataLoadError('index.json', 'not a light index');
  return new Places(body);
}
