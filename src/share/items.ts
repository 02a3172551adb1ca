/**
 * The layer item each feature of the thematic files belongs to: the units the layer control, the
 * link, the key and the data export all speak of (src/state/layers.ts).
 */
import { GROUP_ITEMS, type LayerGroup, type LayerItem, isLayerItem } from '../state/layers';

export const EXPORT_FILES = ['rivers', 'rail', 'transit', 'sites'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const GROUP_OF_FILE: Record<ExportFile, LayerGroup> = { rivers: 'rivers', rail: 'rail', transit: 'transit', sites: 'sites' };

const SITE_ITEMS: Record<string, LayerItem> = {
  'project-site': 'sites-project',
  mountain: 'sites-mountain',
  area: 'sites-area',
  city: 'sites-city',
  province: 'sites-province',
};

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
      if (kind === 'rail-line') return 'rail-line';
      return kind === 'rail-station' || kind === 'airport' ? 'rail-stations' : null;
    case 'transit': {
      if (kind === 'district' || kind === 'development-zone') return 'transit-districts';
      if (kind === 'rail-hub-candidate') return 'transit-hubs';
      const bus = `bus-${String(p['group'])}`;
      return kind === 'bus-line' && isLayerItem(bus) ? bus : null;
    }
    case 'sites':
      return SITE_ITEMS[kind] ?? null;
  }
}

export function isExportFile(name: unknown): name is ExportFile {
  return typeof name === 'string' && (EXPORT_FILES as readonly string[]).includes(name);
}
