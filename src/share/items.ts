/**
 * The layer item each feature of the thematic files belongs to: the units the layer control, the
 * link, the key and the data export all speak of (src/state/layers.ts).
 */
import { itemOfKind } from '../state/layer-items.mjs';
import { GROUP_ITEMS, type LayerGroup, type LayerItem, isLayerItem } from '../state/layers';

export const EXPORT_FILES = ['rivers', 'rail', 'transit', 'sites'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const GROUP_OF_FILE: Record<ExportFile, LayerGroup> = { rivers: 'rivers', rail: 'rail', transit: 'transit', sites: 'sites' };

export type Props = Record<string, unknown> | null | undefined;

/** The layer item a feature of a file belongs to, or null when it belongs to none we know. */
export function itemOfFeature(file: ExportFile, properties: Props): LayerItem | null {
  const p = properties ?? {};
  if (typeof p['item'] === 'string' && isLayerItem(p['item'])) return p['item'];
  const id = typeof p['id'] === 'string' ? p['id'] : '';
  const kind = typeof p['kind'] === 'string' ? p['kind'] : '';
  switch (file) {
    case 'rivers':
      if (kind !== 'river') return null;
      return isLayerItem(id) && (GROUP_ITEMS.rivers as readonly string[]).includes(id) ? id : 'rivers-other';
    case 'rail':
    case 'transit':
    case 'sites': {
      // A bus line's item is its group's (three items share the kind bus-line).
      const bus = `bus-${String(p['group'])}`;
      if (kind === 'bus-line') return isLayerItem(bus) ? bus : null;
      const item = itemOfKind(file, kind);
      return item && isLayerItem(item) ? item : null;
    }
  }
}

export function isExportFile(name: unknown): name is ExportFile {
  return typeof name === 'string' && (EXPORT_FILES as readonly string[]).includes(name);
}
