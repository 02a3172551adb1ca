/**
 * Names a list can show side by side: where two entries of the same kind share a name (two
 * schematic bus lines both drawn 新津区—彭山区), each gets its number, or its place in the list when
 * it has none. Entries of different kinds keep the name: the kind shown beside it tells them apart.
 */
import type { Language } from '../state/store';
import { numberedName } from '../i18n/locale';

export interface Nameable {
  name: string;
  kind: string;
  /** the feature's own number among its group (a bus line's), when it has one */
  n?: number | undefined;
}

export function distinctNames(items: readonly Nameable[], language: Language): string[] {
  const twins = new Map<string, number>();
  const keyOf = (item: Nameable) => `${item.kind}\u0000${item.name}`;
  for (const item of items) twins.set(keyOf(item), (twins.get(keyOf(item)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = keyOf(item);
    if ((twins.get(key) ?? 0) < 2) return item.name;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return numberedName(item.name, item.n ?? nth, item.kind, language);
  });
}

/** A feature's names as a chooser lists them (from its tile or index properties), with its kind and, for a bus line of a group, its number. */
export interface PickedName {
  id: string;
  name_zh: string;
  name_en: string;
  kind?: string;
  /** its number among same-named lines of a group, to tell them apart */
  n?: number;
}

export function pickedName(id: string, p: Record<string, unknown>): PickedName {
  const named: PickedName = {
    id,
    name_zh: String(p['label_zh'] ?? p['name_zh'] ?? id),
    name_en: String(p['label_en'] ?? p['name_en'] ?? id),
  };
  if (typeof p['kind'] === 'string') named.kind = p['kind'];
  if (typeof p['line_index'] === 'number' && typeof p['line_count'] === 'number' && p['line_count'] > 1) named.n = p['line_index'] + 1;
  return named;
}
