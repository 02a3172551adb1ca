/**
 * The map's credits in the reader's language: one line per upstream source (geo/attribution.json,
 * written by the data build in both languages), then the map library. Pure and dependency-free so
 * the attribution control, the PNG and the export can all ask for the lines of the language shown.
 */
import attribution from '../../geo/attribution.json';
import type { Language } from '../state/store';

/** One credit line in both languages. */
export interface Credit {
  zh: string;
  en: string;
}

const byFile = attribution as Record<string, readonly Credit[]>;

/** The map library's credit, the one line that carries a link (its address is not shown). */
const MAPLIBRE: Credit = {
  zh: '地图引擎:<a href="https://maplibre.org/">MapLibre</a>',
  en: 'Map engine: <a href="https://maplibre.org/">MapLibre</a>',
};

/** Every source's credit line in `language`, each once, in the data's order, then MapLibre's. */
export function creditsFor(language: Language): string[] {
  const lines = Object.values(byFile).flatMap((credits) => credits.map((c) => c[language]));
  return [...new Set(lines), MAPLIBRE[language]];
}

/** Each geo file's credit lines in `language` (what an export of that file's features must carry). */
export function fileCreditsFor(language: Language): Record<string, string[]> {
  return Object.fromEntries(Object.entries(byFile).map(([file, credits]) => [file, credits.map((c) => c[language])]));
}
