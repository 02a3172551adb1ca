/** The smoke tests of engines/smoke.ts in Firefox ESR (Gecko). */
import { describe, inject } from 'vitest';
import { launchFirefox } from './engines/firefox';
import { VIEWPORT, engineSmokeTests } from './engines/smoke';

describe('in Firefox ESR', () => {
  engineSmokeTests(inject('baseUrl'), async (display) => (await launchFirefox(display, VIEWPORT)).page);
});
