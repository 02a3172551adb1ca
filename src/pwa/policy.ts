/**
 * What the production build promises about itself, in one place for the build (vite.config.ts)
 * and the tests: the Content-Security-Policy its index.html carries and the files its service
 * worker precaches.
 */

/**
 * Everything the page loads comes from its own origin. MapLibre creates its worker from a
 * same-origin URL (no blob: needed), draws labels from local fonts, and sets styles through the
 * CSSOM; Lit adopts constructed stylesheets. No inline script, no eval, no inline style.
 * img-src keeps data: (the control icons in MapLibre's CSS). No blob: images: the style loads no
 * sprite, MapLibre decodes its one raster (the relief) with createImageBitmap, the QR code and the PNG export draw on canvases, and a download's blob:
 * link is navigation, not an image.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Every file of the build a second visit needs, the data (.geojson, .json, .pmtiles, .txt) included. */
export const PRECACHE_GLOBS = ['**/*.{html,js,mjs,css,svg,png,webmanifest,geojson,json,pmtiles,txt}'] as const;

/** Files of the build a reader never needs offline: the link-preview picture is for other sites' crawlers. */
export const PRECACHE_IGNORES = ['preview.png'] as const;
