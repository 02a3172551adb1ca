import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { LAND_COLOUR } from '../../src/map/encodings';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../src/pwa/policy';

const ROOT = resolve(import.meta.dirname, '../..');
const PUBLIC = resolve(ROOT, 'public');

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}
const manifest = JSON.parse(readFileSync(resolve(PUBLIC, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown> & { icons: Icon[] };

function png(icon: Icon): PNG {
  return PNG.sync.read(readFileSync(resolve(PUBLIC, icon.src)));
}

function pixel(image: PNG, x: number, y: number): [number, number, number, number] {
  const i = (image.width * y + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
}

function rgb(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(1 + i, 3 + i), 16)) as [number, number, number];
}

describe('the web app manifest', () => {
  it('names the atlas, opens it standalone in Chinese, in the colours of the page', () => {
    expect(manifest).toMatchObject({ name: '成渝图鉴 Chengyu Atlas', short_name: '成渝图鉴', start_url: './', display: 'standalone', lang: 'zh-Hans' });
    const headerColour = /\.atlas-header\s*\{[^}]*background:\s*(#[0-9a-f]{6})/i.exec(readFileSync(resolve(ROOT, 'src/ui/app.css'), 'utf8'))?.[1];
    expect(manifest['theme_color']).toBe(headerColour);
    expect(manifest['background_color']).toBe(LAND_COLOUR);
    const html = readFileSync(resolve(ROOT, 'index.html'), 'utf8');
    expect(html).toContain(`<meta name="theme-color" content="${headerColour}" />`);
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
  });

  it('has PNG icons of 192 and 512 px and a maskable one, each as large as it says', () => {
    const declared = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort();
    expect(declared).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      const image = png(icon);
      expect(`${image.width}x${image.height}`, icon.src).toBe(icon.sizes);
    }
  });

  it('draws the favicon tile on the plain icons, with transparent rounded corners', () => {
    for (const icon of manifest.icons.filter((i) => i.purpose === 'any')) {
      const image = png(icon);
      expect(pixel(image, 0, 0)[3], icon.src).toBe(0);
      // Inside the tile, near its top left corner: the tile colour, opaque.
      const inset = Math.round(image.width * 0.12);
      expect(pixel(image, inset, inset), icon.src).toEqual([...rgb('#1f2a33'), 255]);
    }
  });

  it('keeps the maskable icon full-bleed and its drawing inside the safe zone (the central 80% circle)', () => {
    const icon = manifest.icons.find((i) => i.purpose === 'maskable')!;
    const image = png(icon);
    const tile = [...rgb('#1f2a33'), 255];
    const centre = image.width / 2;
    const safe = image.width * 0.4;
    // The tile's own anti-aliased edge may differ from the background by a shade, no more.
    const isBackground = (p: number[]) => p.every((v, i) => Math.abs(v - tile[i]!) <= 3);
    let drawn = 0;
    const outside: string[] = [];
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const p = pixel(image, x, y);
        if (isBackground(p)) continue;
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > safe) outside.push(`${x},${y}`);
        else drawn++;
      }
    }
    expect(outside).toEqual([]);
    // The river and the two sites are there.
    expect(drawn).toBeGreaterThan(image.width * image.height * 0.05);
  });
});

describe('the Content-Security-Policy', () => {
  it('is one directive per entry, with no wildcard, no unsafe keyword and no other host', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ').map((d) => d.split(' ')[0])).toEqual(Object.keys(CSP_DIRECTIVES));
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|"/);
  });
});
