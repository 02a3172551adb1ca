/**
 * How to answer a Range request for a file of known size, as an HTTP server would
 * (RFC 9110 §14): a last byte past the end is clamped to the end, a suffix longer than the
 * file means the whole file, a first byte past the end cannot be satisfied, and a header that is
 * not one well-formed byte range is ignored (the whole file, 200). workbox-range-requests answers
 * a range that runs past the end with 416, which would break a reader asking for a fixed-size
 * first block of a small archive (pmtiles asks for 16 KiB), so the service worker normalises the
 * range first.
 */
export type RangePlan = { kind: 'partial'; start: number; end: number; header: string } | { kind: 'whole' } | { kind: 'unsatisfiable' };

function partial(start: number, end: number): RangePlan {
  return { kind: 'partial', start, end, header: `bytes=${start}-${end}` };
}

export function planRange(header: string, size: number): RangePlan {
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1] === '') {
    const length = Math.min(Number(m[2]), size);
    return length === 0 ? { kind: 'unsatisfiable' } : partial(size - length, size - 1);
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return partial(start, m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1));
}
