import { hcl } from 'd3-color';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from '../../src/map/contrast';
import { CORRIDOR_IDS, LAND_COLOUR, riverColor, riverLabelColor } from '../../src/map/encodings';

describe('readable text colours', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WCAG's own example: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps a hue that already reads, and darkens one that does not', () => {
    expect(readableOn('#ffffff', '#000000')).toBe('#000000');
    const darkened = readableOn(LAND_COLOUR, '#56b4e9');
    expect(darkened).not.toBe('#56b4e9');
    expect(contrastRatio(darkened, LAND_COLOUR)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every river name at least 4.5:1 on the land, in its own river’s hue family', () => {
    for (const id of CORRIDOR_IDS) {
      const text = riverLabelColor(id);
      expect(contrastRatio(text, LAND_COLOUR), id).toBeGreaterThanOrEqual(4.5);
      // Still recognisably its river's colour: darker, the same hue.
      const [line, name] = [hcl(riverColor(id)), hcl(text)];
      const hueGap = Math.abs(((line.h - name.h + 540) % 360) - 180);
      expect(hueGap, id).toBeLessThan(12);
      expect(name.l, id).toBeLessThanOrEqual(line.l);
    }
  });
});
