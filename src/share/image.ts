/**
 * The "Image" download: the map's canvas as it is drawn, at 1× or 2× its CSS size, with the
 * title, the key of the shown items it draws, a scale bar and the attribution drawn over it (Canvas 2D).
 *
 * The map is created without preserveDrawingBuffer, so its pixels can only be read while a frame
 * is being drawn: the copy is made in a `render` listener right after a forced repaint. For 2× the
 * map draws at pixel ratio 2 for the copy and then goes back to the ratio it had.
 *
 * The subject (the selection) is framed in the part of the image the title, the key, the scale
 * and the credits leave free: when it is not already there, the camera moves for the copy and
 * comes back after it. Without a selection the image is the reader's own view, as framed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Swatch } from '../map/legend';
import type { LayerItem } from '../state/layers';
import type { AppState } from '../state/store';
import { isExportFile, itemOfFeature } from './items';
import { FONTS, type ImageLayout, type KeyEntry, type Rect, SWATCH_H, SWATCH_W, freeArea, keyEntries, layoutImage, paddingFor, scaleBar } from './image-layout';

export interface ImageInput {
  map: MapLibreMap;
  state: AppState;
  /** 1 or 2 */
  scale: number;
  /** lines under the title: subtitle, the selected feature's name */
  titleLines: string[];
  title: string;
  /** the attribution, one line per source, as plain text */
  credits: string[];
  creditsLabel: string;
}

type PixelRatioMap = MapLibreMap & { setPixelRatio(ratio: number | null): void; _overridePixelRatio?: number | null };

function nextIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** A copy of the map's canvas, taken during the next frame once everything is loaded. */
async function copyMap(map: MapLibreMap, scale: number): Promise<HTMLCanvasElement> {
  const m = map as PixelRatioMap;
  const previous = m._overridePixelRatio ?? null;
  const changeRatio = m.getPixelRatio() !== scale;
  if (changeRatio) m.setPixelRatio(scale);
  try {
    await nextIdle(map);
    return await new Promise<HTMLCanvasElement>((resolve, reject) => {
      map.once('render', () => {
        try {
          const source = map.getCanvas();
          const copy = document.createElement('canvas');
          copy.width = source.width;
          copy.height = source.height;
          const ctx = copy.getContext('2d');
          if (!ctx) throw new Error('no 2D canvas');
          ctx.drawImage(source, 0, 0);
          resolve(copy);
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      map.triggerRepaint();
    });
  } finally {
    if (changeRatio) m.setPixelRatio(previous);
  }
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function panel(ctx: CanvasRenderingContext2D, box: { x: number; y: number; width: number; height: number }): void {
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.22)';
  ctx.shadowBlur = 4;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  roundRect(ctx, box.x, box.y, box.width, box.height, 5);
  ctx.fill();
  ctx.restore();
}

/** The swatch as the layer control draws it (legend.ts), in solid pixels so its colours stay exact. */
function drawSwatch(ctx: CanvasRenderingContext2D, s: Swatch, x: number, y: number): void {
  const cy = y + SWATCH_H / 2;
  if (s.shape === 'line') {
    ctx.fillStyle = s.colour;
    const h = s.width ?? 3;
    const top = Math.round(cy - h / 2);
    if (s.dashed) {
      for (let dx = 1; dx < SWATCH_W - 1; dx += 7) ctx.fillRect(x + dx, top, Math.min(4, SWATCH_W - 1 - dx), h);
    } else {
      ctx.fillRect(x + 1, top, SWATCH_W - 2, h);
    }
  } else if (s.shape === 'dot') {
    ctx.beginPath();
    ctx.arc(x + SWATCH_W / 2, cy, 4, 0, Math.PI * 2);
    ctx.fillStyle = s.hollow ? '#ffffff' : s.colour;
    ctx.fill();
    ctx.lineWidth = s.hollow ? 2 : 1;
    ctx.strokeStyle = s.hollow ? s.colour : '#ffffff';
    ctx.stroke();
  } else {
    ctx.fillStyle = s.fill;
    ctx.fillRect(x + 2, y + 1, SWATCH_W - 4, SWATCH_H - 2);
    ctx.lineWidth = 1;
    ctx.strokeStyle = s.stroke;
    ctx.strokeRect(x + 2.5, y + 1.5, SWATCH_W - 5, SWATCH_H - 3);
  }
}

function drawLayout(ctx: CanvasRenderingContext2D, layout: ImageLayout): void {
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1f2a33';

  panel(ctx, layout.title.box);
  for (const line of layout.title.lines) {
    ctx.font = line.font;
    ctx.fillStyle = line.font === FONTS.title ? '#1f2a33' : '#4a5560';
    ctx.fillText(line.text, layout.title.box.x + 8, line.y);
  }

  if (layout.key) {
    panel(ctx, layout.key.box);
    for (const row of layout.key.rows) {
      const e: KeyEntry = row.entry;
      ctx.fillStyle = '#1f2a33';
      if (e.kind === 'head') {
        ctx.font = FONTS.keyHead;
        ctx.fillText(row.text, row.x, row.y + 12.5);
      } else {
        drawSwatch(ctx, e.swatch, row.x, row.y + 2);
        ctx.font = FONTS.keyItem;
        ctx.fillStyle = '#33404a';
        ctx.fillText(row.text, row.x + SWATCH_W + 6, row.y + 12.5);
      }
    }
  }

  if (layout.scale) {
    const { box, bar } = layout.scale;
    panel(ctx, box);
    ctx.font = FONTS.scale;
    ctx.fillStyle = '#1f2a33';
    ctx.fillText(bar.label, box.x + 8, box.y + 13);
    // The bar as MapLibre draws its own: a line with end ticks, under the label.
    const left = box.x + 8;
    const base = box.y + box.height - 7;
    ctx.fillRect(left, base, bar.width, 2);
    ctx.fillRect(left, base - 5, 2, 7);
    ctx.fillRect(left + bar.width - 2, base - 5, 2, 7);
  }

  panel(ctx, layout.credits.box);
  ctx.font = FONTS.credit;
  ctx.fillStyle = '#33404a';
  layout.credits.lines.forEach((line, i) => ctx.fillText(line, layout.credits.box.x + 8, layout.credits.box.y + 8 + 9 + i * 13));
}

/** The shown items the map draws something of, anywhere on its canvas: what the key lists. */
export function drawnItems(map: MapLibreMap, hidden: readonly LayerItem[]): Set<LayerItem> {
  const items = new Set<LayerItem>();
  for (const f of map.queryRenderedFeatures()) {
    if (!isExportFile(f.sourceLayer)) continue;
    const item = itemOfFeature(f.sourceLayer, f.properties);
    if (item && !hidden.includes(item)) items.add(item);
  }
  return items;
}

/** Metres per CSS pixel across the middle of the map, as its scale control measures them. */
function metresPerPx(map: MapLibreMap): number {
  const canvas = map.getCanvas();
  const y = canvas.clientHeight / 2;
  const x = canvas.clientWidth / 2;
  const left = map.unproject([x - 50, y]);
  const right = map.unproject([x + 50, y]);
  return left.distanceTo(right) / 100;
}

/** The selection as drawn now, in screen px of the map: null when it draws nothing. */
function subjectBox(map: MapLibreMap, id: string | null): Rect | null {
  if (!id) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of map.queryRenderedFeatures({ filter: ['==', ['get', 'id'], id] })) {
    if (!isExportFile(f.sourceLayer)) continue;
    const g = f.geometry;
    const coords =
      g.type === 'Point'
        ? [g.coordinates]
        : g.type === 'LineString' || g.type === 'MultiPoint'
          ? g.coordinates
          : g.type === 'MultiLineString' || g.type === 'Polygon'
            ? g.coordinates.flat()
            : g.type === 'MultiPolygon'
              ? g.coordinates.flat(2)
              : [];
    for (const c of coords) {
      const p = map.project([c[0] as number, c[1] as number]);
      [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
    }
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

const within = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Room kept between the subject and the free area's edge: its ends' dots and names. */
const SUBJECT_INSET = 24;

/**
 * Moves the camera so the subject fills the free area of the layout, when it is not in it already,
 * as large as it fits and no closer than the map allows (a point keeps the zoom it has).
 * Returns the camera to go back to, or null when nothing moved. The key is laid out for what the
 * camera shows before the move: the free area is worked out from it, then the layout is redone.
 */
async function frameSubject(map: MapLibreMap, id: string | null, layoutFor: () => ImageLayout): Promise<Parameters<MapLibreMap['jumpTo']>[0] | null> {
  const box = subjectBox(map, id);
  if (!box) return null;
  const { clientWidth: width, clientHeight: height } = map.getCanvas();
  const free = freeArea(layoutFor(), width, height, box.height > 0 ? box.width / box.height : undefined);
  const inset = (r: Rect): Rect => ({
    x: r.x + SUBJECT_INSET,
    y: r.y + SUBJECT_INSET,
    width: r.width - 2 * SUBJECT_INSET,
    height: r.height - 2 * SUBJECT_INSET,
  });
  const fills = box.width > 0.6 * free.width || box.height > 0.6 * free.height;
  if (within(box, inset(free)) && (fills || box.width + box.height < 2)) return null;
  const back = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const sw = map.unproject([box.x, box.y + box.height]);
  const ne = map.unproject([box.x + box.width, box.y]);
  const camera = map.cameraForBounds([sw, ne], { padding: paddingFor(free, width, height, SUBJECT_INSET), bearing: map.getBearing() });
  if (!camera) return null;
  const point = box.width + box.height < 2;
  map.jumpTo({ ...camera, zoom: point ? map.getZoom() : Math.min(camera.zoom ?? map.getZoom(), map.getMaxZoom()) });
  await nextIdle(map);
  return back;
}

/** The composed image as PNG, `scale` × the map's CSS size. */
export async function composeImage(input: ImageInput): Promise<Blob> {
  const { map, scale, state } = input;
  const canvas = map.getCanvas();
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;

  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layoutFor = () =>
    layoutImage({
      width,
      height,
      titleLines: [{ text: input.title, font: FONTS.title }, ...input.titleLines.map((text) => ({ text, font: FONTS.subtitle }))],
      entries: keyEntries(state.hidden, state.language, drawnItems(map, state.hidden)),
      bar: scaleBar(metresPerPx(map), 100, state.language),
      credits: `${input.creditsLabel}${input.credits.join(' · ')}`,
      measure,
    });

  const back = await frameSubject(map, state.selection, layoutFor);
  let layout: ImageLayout;
  let copy: HTMLCanvasElement;
  try {
    // What the image draws (and so its key) is what the camera shows now.
    layout = layoutFor();
    copy = await copyMap(map, scale);
  } finally {
    if (back) map.jumpTo(back);
  }
  // For the tests: where the furniture went and what it left free.
  performance.mark('atlas-image', {
    detail: { width, height, title: layout.title.box, key: layout.key?.box ?? null, scale: layout.scale?.box ?? null, credits: layout.credits.box },
  });

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  // Drawn to the output's size: a map clamped by its maximum canvas size is scaled up to fit.
  ctx.drawImage(copy, 0, 0, out.width, out.height);
  ctx.scale(scale, scale);
  drawLayout(ctx, layout);

  return new Promise<Blob>((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
