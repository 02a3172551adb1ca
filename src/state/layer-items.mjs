// @ts-check
/**
 * The layer items, once: the units a reader switches on and off, the link writes (`layers=`), the
 * key shows and the data export filters by. The app reads this table (state/layers.ts derives the
 * groups and types from it; share/items.ts and the legend key by it; i18n names each id) and so do
 * the data scripts (scripts/geo/*.mjs give each feature its `item` from `kinds`).
 *
 * - `group`: the layer group, which is also the geo/ file the item's features live in;
 * - `kinds`: the feature kinds that belong to the item (rivers are told apart by id);
 * - `status`: how sure the drawing is, for the key: `traced` (from survey data), `located` (cited
 *   points), `schematic` (straight between known points), `illustrative` (the project's own
 *   reconstruction: the bus lines and the candidate hubs), `stand-in` (a point for something else).
 */
export const LAYER_ITEM_TABLE = /** @type {const} */ ([
  { id: 'river-yangtze', group: 'rivers', kinds: ['river'], status: 'traced' },
  { id: 'river-jialing', group: 'rivers', kinds: ['river'], status: 'traced' },
  { id: 'river-wu', group: 'rivers', kinds: ['river'], status: 'traced' },
  { id: 'river-min', group: 'rivers', kinds: ['river'], status: 'traced' },
  { id: 'river-tuo', group: 'rivers', kinds: ['river'], status: 'traced' },
  { id: 'river-fu', group: 'rivers', kinds: ['river'], status: 'traced' },
  { id: 'rivers-other', group: 'rivers', kinds: ['river'], status: 'stand-in' },
  { id: 'rail-line', group: 'rail', kinds: ['rail-line'], status: 'schematic' },
  { id: 'rail-stations', group: 'rail', kinds: ['rail-station', 'airport'], status: 'located' },
  { id: 'transit-districts', group: 'transit', kinds: ['district', 'development-zone'], status: 'traced' },
  { id: 'bus-feeder', group: 'transit', kinds: ['bus-line'], status: 'illustrative' },
  { id: 'bus-xinjin-central', group: 'transit', kinds: ['bus-line'], status: 'illustrative' },
  { id: 'bus-xinjin-pengshan', group: 'transit', kinds: ['bus-line'], status: 'illustrative' },
  { id: 'transit-hubs', group: 'transit', kinds: ['rail-hub-candidate'], status: 'illustrative' },
  { id: 'sites-project', group: 'sites', kinds: ['project-site'], status: 'located' },
  { id: 'sites-mountain', group: 'sites', kinds: ['mountain'], status: 'located' },
  { id: 'sites-area', group: 'sites', kinds: ['area'], status: 'located' },
  { id: 'sites-city', group: 'sites', kinds: ['city'], status: 'located' },
  { id: 'sites-province', group: 'sites', kinds: ['province'], status: 'located' },
]);

/**
 * The item a feature kind of a group belongs to, when one item alone has that kind.
 * @param {string} group
 * @param {string} kind
 * @returns {string | null}
 */
export function itemOfKind(group, kind) {
  const rows = LAYER_ITEM_TABLE.filter((r) => r.group === group && /** @type {readonly string[]} */ (r.kinds).includes(kind));
  return rows.length === 1 && rows[0] ? rows[0].id : null;
}
