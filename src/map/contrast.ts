/**
 * Text colours that stay readable: WCAG 2 contrast, and a hue darkened just enough to reach it.
 */
import { color, lab } from 'd3-color';

/** WCAG 2 relative luminance of a CSS colour. */
export function relativeLuminance(css: string): number {
  const c = color(css);
  if (!c) throw new Error(`not a colour: ${css}`);
  const { r, g, b } = c.rgb();
  const linear = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The hue itself if it already reads on the background, else the same hue darkened in CIELAB
 * steps until it does (4.5:1 is WCAG AA for text of normal size).
 */
export function readableOn(background: string, hue: string, minRatio = 4.5): string {
  for (let k = 0; k <= 4; k += 0.1) {
    const candidate = lab(hue).darker(k).formatHex();
    if (contrastRatio(candidate, background) >= minRatio) return candidate;
  }
  throw new Error(`no shade of ${hue} reaches ${minRatio}:1 on ${background}`);
}
