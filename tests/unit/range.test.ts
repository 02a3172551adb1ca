import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRange } from '../../src/pwa/range';

describe('answering a Range request from a cached file (the service worker)', () => {
  const size = 1000;

  it('cuts the bytes asked for', () => {
    expect(planRange('bytes=100-199', size)).toEqual({ kind: 'partial', start: 100, end: 199, header: 'bytes=100-199' });
    expect(planRange('bytes=900-', size)).toMatchObject({ start: 900, end: 999 });
    expect(planRange('bytes=-64', size)).toMatchObject({ start: 936, end: 999 });
  });

  it('clamps a range that runs past the end, as servers do (pmtiles asks for 16 KiB of a smaller archive)', () => {
    expect(planRange('bytes=0-16383', size)).toMatchObject({ kind: 'partial', start: 0, end: 999 });
    expect(planRange('bytes=990-2000', size)).toMatchObject({ start: 990, end: 999 });
    expect(planRange('bytes=-5000', size)).toMatchObject({ start: 0, end: 999 });
  });

  it('cannot satisfy a range that starts past the end or an empty suffix', () => {
    expect(planRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(planRange('bytes=1200-1300', size)).toEqual({ kind: 'unsatisfiable' });
    expect(planRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what is not one well-formed byte range, answering with the whole file', () => {
    for (const header of ['bytes=0-9,20-29', 'items=0-9', 'bytes=-', 'bytes=9-0', 'bytes=abc', '']) {
      expect(planRange(header, size), header).toEqual({ kind: 'whole' });
    }
  });

  it('always names bytes inside the file, at least the first one asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.nat(2e7), fc.option(fc.nat(2e7), { nil: undefined }), (n, first, last) => {
        const plan = planRange(`bytes=${first}-${last ?? ''}`, n);
        if (last !== undefined && last < first) return plan.kind === 'whole';
        if (first >= n) return plan.kind === 'unsatisfiable';
        return plan.kind === 'partial' && plan.start === first && plan.end >= plan.start && plan.end === Math.min(last ?? n - 1, n - 1);
      }),
    );
  });
});
