/**
 * What the map emphasises beyond the selection, as a function of the state and the data: the
 * features lit from outside the map (a mention pointed at), the current tour chapter's features,
 * and the region outlines (the selected region, the regions the open passage names, the chapter's).
 * MapView applies the result; nothing else writes the map's feature state.
 */
import { featuresOfPassage } from '../article/passages';
import type { Article } from '../article/types';
import type { Places } from '../data/places';
import type { AppState } from '../state/store';
import { chapterById } from '../tour/chapters';

export interface Emphasis {
  /** features drawn lit (the hover look), regions excepted */
  lit: string[];
  /** regions outlined */
  outlined: string[];
}

function isRegion(places: Places | null, id: string): boolean {
  return places?.get(id)?.layer === 'regions';
}

export function emphasisOf(state: AppState, places: Places | null, article: Article | null): Emphasis {
  const chapter = chapterById(state.chapter)?.highlight ?? [];
  const lit = [...new Set([...state.ui.highlight, ...chapter])].filter((id) => !isRegion(places, id));
  const outlined = new Set<string>();
  if (state.selection && isRegion(places, state.selection)) outlined.add(state.selection);
  if (article && state.reading) for (const id of featuresOfPassage(article, state.reading)) if (isRegion(places, id)) outlined.add(id);
  for (const id of chapter) if (isRegion(places, id)) outlined.add(id);
  return { lit, outlined: [...outlined].sort() };
}
