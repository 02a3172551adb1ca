/**
 * The layers a reader can switch: four groups, each made of items (the table is layer-items.mjs,
 * which the data scripts read too). Every feature of the thematic files carries its `item`
 * (written by the data step), so the map, the layer control, the link and the panels all speak of
 * the same units.
 */
import { LAYER_ITEM_TABLE } from './layer-items.mjs';

export const LAYER_GROUPS = ['rivers', 'rail', 'transit', 'sites'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

type ItemRow = (typeof LAYER_ITEM_TABLE)[number];
export type LayerItem = ItemRow['id'];

/** Each group's items, in the table's order (layer-items.mjs). */
export const GROUP_ITEMS = Object.fromEntries(LAYER_GROUPS.map((g) => [g, LAYER_ITEM_TABLE.filter((r) => r.group === g).map((r) => r.id)])) as unknown as {
  readonly [G in LayerGroup]: readonly Extract<ItemRow, { group: G }>['id'][];
};

/** Every item, in the order the layer control lists them (and the link writes them). */
export const LAYER_ITEMS: readonly LayerItem[] = LAYER_GROUPS.flatMap((g) => GROUP_ITEMS[g]);

const ITEM_GROUP = new Map<string, LayerGroup>(LAYER_GROUPS.flatMap((g) => GROUP_ITEMS[g].map((i) => [i, g] as const)));

export function isLayerGroup(name: string): name is LayerGroup {
  return (LAYER_GROUPS as readonly string[]).includes(name);
}

export function isLayerItem(name: string): name is LayerItem {
  return ITEM_GROUP.has(name);
}

export function groupOfItem(item: LayerItem): LayerGroup {
  return ITEM_GROUP.get(item) as LayerGroup;
}

/** The items a group name or an item name stands for. */
export function itemsOf(target: LayerGroup | LayerItem): readonly LayerItem[] {
  return isLayerGroup(target) ? GROUP_ITEMS[target] : [target];
}

/** Hidden items in canonical order, without duplicates: the one form the state holds. */
export function canonicalHidden(items: Iterable<LayerItem>): LayerItem[] {
  const set = new Set(items);
  return LAYER_ITEMS.filter((i) => set.has(i));
}

export type GroupVisibility = 'all' | 'none' | 'some';

export function groupVisibility(group: LayerGroup, hidden: readonly LayerItem[]): GroupVisibility {
  const off = GROUP_ITEMS[group].filter((i) => hidden.includes(i)).length;
  return off === 0 ? 'all' : off === GROUP_ITEMS[group].length ? 'none' : 'some';
}
