// Without the Debian packages, the river step must say plainly what to install, not fail obscurely.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRivers } from '../../scripts/geo/rivers.mjs';

const PATH = process.env['PATH'];
const INSTALL = 'apt-get install -y gmt gmt-gshhg-full';
let fakeBin: string | undefined;

afterEach(() => {
  process.env['PATH'] = PATH;
  if (fakeBin) rmSync(fakeBin, { recursive: true, force: true });
  fakeBin = undefined;
});

/** A `gmt` on PATH that fails as gmt does when the full-resolution GSHHG data is not installed. */
function gmtWithoutFullData(): string {
  fakeBin = mkdtempSync(join(tmpdir(), 'atlas-fake-gmt-'));
  const gmt = join(fakeBin, 'gmt');
  writeFileSync(gmt, '#!/bin/sh\necho "coast [ERROR]: Cannot find file binned_river_f.nc" >&2\nexit 71\n');
  chmodSync(gmt, 0o755);
  return fakeBin;
}

describe('npm run geo on a machine without the river packages', () => {
  it('names the packages to install when gmt is missing', async () => {
    process.env['PATH'] = '/nonexistent';
    await expect(buildRivers()).rejects.toThrow(INSTALL);
  });

  it('names them too when gmt is there but the full-resolution data is not', async () => {
    process.env['PATH'] = gmtWithoutFullData();
    await expect(buildRivers()).rejects.toThrow(/Cannot find file binned_river_f\.nc.*apt-get install -y gmt gmt-gshhg-full/);
  });
});
