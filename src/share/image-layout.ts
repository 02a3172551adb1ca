/**
 * Where the exported image's furniture goes (title, key, scale bar, attribution), as pure
 * functions: text is measured through a function the caller passes (the canvas's measureText in
 * the browser, a fake in the tests). Units are CSS pixels of the map; the composer scales them.
 */
import { GROUP_ITEMS, LAYER_GROUPS, type LayerItem } from '../state/layers';
import type { Language } from '../state/store';
import { type Swatch, swatchOf } from '../map/legend';
import { groupName, itemName } from '../i18n/locale';

export type Measure = (text: string, font: string) => number;

/** The page's own stack (app.css): Latin from the system face, Chinese from the CJK one. */
export const FONT_FAMILY = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
export const FONTS = {
  title: `700 16px ${FONT_FAMILY}`,
  subtitle: `12px ${FONT_FAMILY}`,
  keyHead: `700 11.5px ${FONT_FAMILY}`,
  keyItem: `11.5px ${FONT_FAMILY}`,
  scale: `11px ${FONT_FAMILY}`,
  credit: `10px ${FONT_FAMILY}`,
} as const;

export const MARGIN = 10;
export const PAD = 8;
export const KEY_ROW = 17;
export const SWATCH_W = 22;
export const SWATCH_H = 12;
export const SWATCH_GAP = 6;
const COLUMN_GAP = 14;

/** The largest 1, 2, 3 or 5 × 10ⁿ not above a distance (as MapLibre's scale bar rounds). */
export function niceDistance(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const pow10 = 10 ** Math.floor(Math.log10(value));
  const d = value / pow10;
  return pow10 * (d >= 5 ? 5 : d >= 3 ? 3 : d >= 2 ? 2 : 1);
}

export interface ScaleBar {
  /** length of the bar in CSS px */
  width: number;
  label: string;
}

/** A bar at most `maxWidth` px long, for a map where `metresPerPx` metres fill one CSS pixel. */
export function scaleBar(metresPerPx: number, maxWidth: number, language: Language): ScaleBar | null {
  const max = metresPerPx * maxWidth;
  const km = max >= 1000;
  const distance = niceDistance(km ? max / 1000 : max);
  if (distance === 0) return null;
  const unit = km ? (language === 'zh' ? '公里' : 'km') : language === 'zh' ? '米' : 'm';
  return { width: (distance * (km ? 1000 : 1)) / metresPerPx, label: `${distance}\u00a0${unit}` };
}

export type KeyEntry = { kind: 'head'; text: string } | { kind: 'item'; text: string; item: LayerItem; swatch: Swatch };

/**
 * The key: the items shown and, when `drawn` is given, drawn somewhere in the image, grouped and
 * ordered as the layer control lists them. Empty when nothing is.
 */
export function keyEntries(hidden: readonly LayerItem[], language: Language, drawn?: ReadonlySet<LayerItem>): KeyEntry[] {
  const entries: KeyEntry[] = [];
  for (const group of LAYER_GROUPS) {
    const items = GROUP_ITEMS[group].filter((i) => !hidden.includes(i) && (!drawn || drawn.has(i)));
    if (items.length === 0) continue;
    entries.push({ kind: 'head', text: groupName(group, language) });
    for (const item of items) entries.push({ kind: 'item', text: itemName(item, language), item, swatch: swatchOf(item) });
  }
  return entries;
}

/** Text cut with an ellipsis to fit a width. */
export function fitText(text: string, font: string, maxWidth: number, measure: Measure): string {
  if (measure(text, font) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join('')}…`, font) > maxWidth) chars.pop();
  return chars.length > 0 ? `${chars.join('')}…` : '';
}

/** Text broken into lines at spaces (or anywhere, for a word longer than the line). */
export function wrapText(text: string, font: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<= )/)) {
    const next = line + word;
    if (measure(next.trimEnd(), font) <= maxWidth || line === '') {
      line = next;
    } else {
      lines.push(line.trimEnd());
      line = word;
    }
    // A single word wider than the line: cut it where it overflows.
    while (measure(line.trimEnd(), font) > maxWidth && [...line].length > 1) {
      const chars = [...line];
      let cut = chars.length - 1;
      while (cut > 1 && measure(chars.slice(0, cut).join(''), font) > maxWidth) cut--;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEntry {
  entry: KeyEntry;
  /** top-left of the row, absolute */
  x: number;
  y: number;
  /** the text as drawn (cut to fit) */
  text: string;
}

export interface ImageLayout {
  title: { box: Rect; lines: { text: string; font: string; y: number }[] };
  key: { box: Rect; rows: PlacedEntry[] } | null;
  scale: { box: Rect; bar: ScaleBar } | null;
  credits: { box: Rect; lines: string[] };
}

export interface LayoutInput {
  width: number;
  height: number;
  titleLines: { text: string; font: string }[];
  entries: KeyEntry[];
  bar: ScaleBar | null;
  credits: string;
  measure: Measure;
}

/**
 * Column and row of each key entry, filling columns of `perColumn` rows in order; a group's name
 * never ends a column (it moves to the top of the next, with its first item).
 */
export function columnSlots(entries: readonly KeyEntry[], perColumn: number): { column: number; row: number }[] {
  const slots: { column: number; row: number }[] = [];
  let column = 0;
  let row = 0;
  entries.forEach((entry, i) => {
    const orphan = entry.kind === 'head' && row === perColumn - 1 && entries[i + 1] !== undefined;
    if (row >= perColumn || (orphan && row > 0)) {
      column++;
      row = 0;
    }
    slots.push({ column, row });
    row++;
  });
  return slots;
}

const LINE_HEIGHT: Record<string, number> = { [FONTS.title]: 21, [FONTS.subtitle]: 16 };

/**
 * Title top left; key top right (below the title when they would overlap), in as many columns as
 * the height needs; scale bar bottom left; attribution bottom right, wrapped to the room left.
 */
export function layoutImage(input: LayoutInput): ImageLayout {
  const { width, height, measure } = input;
  const inner = Math.max(width - 2 * MARGIN, 40);

  // Title
  const titleMax = inner - 2 * PAD;
  let y = MARGIN + PAD;
  const titleLines = input.titleLines.map((l) => {
    const h = LINE_HEIGHT[l.font] ?? 16;
    const line = { text: fitText(l.text, l.font, titleMax, measure), font: l.font, y: y + h * 0.78 };
    y += h;
    return line;
  });
  const titleWidth = Math.max(0, ...titleLines.map((l) => measure(l.text, l.font))) + 2 * PAD;
  const titleBox: Rect = { x: MARGIN, y: MARGIN, width: titleWidth, height: y + PAD - MARGIN - 4 };

  // Bottom: scale bar left, credits right
  const creditFont = FONTS.credit;
  const scaleWidth = input.bar ? Math.max(input.bar.width, measure(input.bar.label, FONTS.scale)) + 2 * PAD : 0;
  const creditMax = Math.min(560, inner - (scaleWidth ? scaleWidth + MARGIN : 0)) - 2 * PAD;
  const creditLines = wrapText(input.credits, creditFont, Math.max(creditMax, 60), measure);
  const creditWidth = Math.max(0, ...creditLines.map((l) => measure(l, creditFont))) + 2 * PAD;
  const creditHeight = creditLines.length * 13 + 2 * PAD - 4;
  const creditBox: Rect = { x: width - MARGIN - creditWidth, y: height - MARGIN - creditHeight, width: creditWidth, height: creditHeight };
  const scaleHeight = 30;
  const scale = input.bar ? { box: { x: MARGIN, y: height - MARGIN - scaleHeight, width: scaleWidth, height: scaleHeight }, bar: input.bar } : null;

  // Key
  let key: ImageLayout['key'] = null;
  if (input.entries.length > 0) {
    const fontOf = (e: KeyEntry) => (e.kind === 'head' ? FONTS.keyHead : FONTS.keyItem);
    const textWidth = (e: KeyEntry) => measure(e.text, fontOf(e)) + (e.kind === 'item' ? SWATCH_W + SWATCH_GAP : 0);
    const naturalColumn = Math.max(...input.entries.map(textWidth));
    const bottom = Math.min(creditBox.y, scale ? scale.box.y : height) - MARGIN;
    const place = (top: number) => {
      const room = Math.max(bottom - top - 2 * PAD, KEY_ROW);
      const perColumn = Math.max(2, Math.floor(room / KEY_ROW));
      const slots = columnSlots(input.entries, perColumn);
      const columns = Math.max(...slots.map((s) => s.column)) + 1;
      // Wider than the image: the names are cut, the swatches stay.
      const columnWidth = Math.min(naturalColumn, (inner - 2 * PAD - (columns - 1) * COLUMN_GAP) / columns);
      const boxWidth = columns * columnWidth + (columns - 1) * COLUMN_GAP + 2 * PAD;
      const rowsInTallest = Math.max(...slots.map((s) => s.row)) + 1;
      return { slots, columns, columnWidth, boxWidth, boxHeight: rowsInTallest * KEY_ROW + 2 * PAD - 2 };
    };
    let top = MARGIN;
    let p = place(top);
    if (width - MARGIN - p.boxWidth < titleBox.x + titleBox.width + MARGIN) {
      top = titleBox.y + titleBox.height + MARGIN;
      p = place(top);
    }
    const box: Rect = { x: width - MARGIN - p.boxWidth, y: top, width: p.boxWidth, height: p.boxHeight };
    const rows = input.entries.map((entry, i) => {
      const { column, row } = p.slots[i] as { column: number; row: number };
      const x = box.x + PAD + column * (p.columnWidth + COLUMN_GAP);
      const room = p.columnWidth - (entry.kind === 'item' ? SWATCH_W + SWATCH_GAP : 0);
      return { entry, x, y: box.y + PAD + row * KEY_ROW, text: fitText(entry.text, fontOf(entry), room, measure) };
    });
    key = { box, rows };
  }

  return { title: { box: titleBox, lines: titleLines }, key, scale, credits: { box: creditBox, lines: creditLines } };
}

/**
 * The part of the image its furniture leaves free, for the subject to be framed in: the largest
 * rectangle below the title and the key, or beside the key below the title, above the scale bar
 * and the credits. With the subject's aspect (width / height), the one it can be drawn largest in.
 */
export function freeArea(layout: ImageLayout, width: number, height: number, aspect?: number): Rect {
  const { title, key, scale, credits } = layout;
  const bottomOf = (r: Rect) => r.y + r.height;
  const floor = Math.min(credits.box.y, scale ? scale.box.y : height) - MARGIN;
  const band = (x: number, y: number, right: number): Rect => ({ x, y, width: Math.max(0, right - x), height: Math.max(0, floor - y) });
  const candidates: Rect[] = [band(MARGIN, Math.max(bottomOf(title.box), key ? bottomOf(key.box) : 0) + MARGIN, width - MARGIN)];
  if (key) {
    // Beside the key, below the title; and beside the title, below the key when the key is to its right.
    candidates.push(band(MARGIN, bottomOf(title.box) + MARGIN, key.box.x - MARGIN));
    if (key.box.y < bottomOf(title.box)) candidates.push(band(title.box.x + title.box.width + MARGIN, bottomOf(key.box) + MARGIN, width - MARGIN));
  }
  const size = (r: Rect) => (aspect && aspect > 0 ? Math.min(r.width / aspect, r.height) : r.width * r.height);
  return candidates.reduce((best, r) => (size(r) > size(best) ? r : best));
}

/** The camera padding that leaves only `free` of a width × height image, `inset` px inside it. */
export function paddingFor(free: Rect, width: number, height: number, inset = 0): { top: number; right: number; bottom: number; left: number } {
  return {
    top: free.y + inset,
    left: free.x + inset,
    right: Math.max(0, width - free.x - free.width) + inset,
    bottom: Math.max(0, height - free.y - free.height) + inset,
  };
}
