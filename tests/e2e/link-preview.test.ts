// The production build's index.html, as a link previewer fetches it: the tags and the picture they name.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../../dist');

describe('the built page, for link previews', () => {
  it('carries og:title, og:description and og:image, and the image is in dist/', () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const content = (key: string) => new RegExp(`property="${key}" content="([^"]+)"`).exec(html)?.[1];
    expect(content('og:title')).toMatch(/成渝图鉴/);
    expect(content('og:description')).toMatch(/成渝地区双城经济圈/);
    const image = content('og:image');
    expect(image).toBeDefined();
    // Relative to the page unless the build was given the site's address.
    const file = image!.startsWith('http') ? new URL(image!).pathname.split('/').pop()! : image!.replace(/^\.\//, '');
    expect(existsSync(resolve(DIST, file))).toBe(true);
    expect(html).toMatch(/name="twitter:card" content="summary_large_image"/);
  });
});
