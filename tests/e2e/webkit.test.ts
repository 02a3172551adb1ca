/** The smoke tests of engines/smoke.ts in WebKitGTK (WebKit, the engine of Safari and of every browser on iPhones). */
import { describe, inject } from 'vitest';
import { VIEWPORT, engineSmokeTests } from './engines/smoke';
import { launchWebKit } from './engines/webkit';

describe('in WebKitGTK', () => {
  engineSmokeTests(inject('baseUrl'), (display) => launchWebKit(display, VIEWPORT));
});
