// The Ziyang line (轨道交通资阳线, Chengdu Metro S3) and its context: six opened stations in order,
// a schematic line through them, the Line 18/19 airport stations and the airport.
import * as turf from '@turf/turf';
import { feature, SOURCES } from './lib.mjs';
import { place, placeProperties } from './gazetteer.mjs';

/** Opened stations, west to east (人民网四川 2024-09-29). 芦葭 (reserved, not opened, no coordinate) is not drawn. */
export const ZIYANG_STATIONS = [
  'futian-station',
  'ziyang-linkong-station',
  'xingfu-avenue-station',
  'changhong-square-station',
  'baotai-station',
  'ziyang-north-station',
];

export const ZIYANG_LINE_FACTS = {
  length_stated_km: 38.7,
  length_stated_source: 'the article (全长38.7公里); camet.org.cn/xydt/7057 (2020-11-27); en.wikipedia.org/wiki/Line_S3_(Chengdu_Metro)',
  opened: '2024-09-29',
  opened_source: 'sc.people.com.cn/n2/2024/0929/c345509-40994516.html (人民网四川, 2024-09-29); 新华社 2024-09-29',
  article_expected_opening: '2024 (预计2024年开通试运营)',
  stations_opened: 6,
  stations_designed: 7,
  stations_source: 'sc.people.com.cn 2024-09-29 (6 opened); jxbcrq.com/posts/x/8394.html (3 elevated + 4 underground, 芦葭 reserved)',
  trains: '4-car Type A, max 160 km/h, about 26 min end to end (sc.people.com.cn; en.wikipedia Line S3)',
};

export function buildRail() {
  const stations = ZIYANG_STATIONS.map((id, i) =>
    feature(
      placeProperties(place(id), {
        kind: 'rail-station',
        line: 'S3',
        order: i + 1,
        interchange: id === 'futian-station' ? 'Line 18, Line 19' : undefined,
        terminus: i === 0 || i === ZIYANG_STATIONS.length - 1 ? true : undefined,
      }),
      place(id).geometry,
    ),
  );
  const coords = ZIYANG_STATIONS.map((id) => place(id).geometry.coordinates);
  const measured = turf.length(turf.lineString(coords), { units: 'kilometers' });
  const line = feature(
    {
      id: 'ziyang-line',
      name_zh: '轨道交通资阳线',
      name_en: 'Ziyang Line (Chengdu Metro S3)',
      kind: 'rail-line',
      geometry_quality: 'schematic',
      source: `stations: ${SOURCES.metroman.source}; course between stations not surveyed (straight segments)`,
      licence: SOURCES.metroman.licence,
      from_id: ZIYANG_STATIONS[0],
      to_id: ZIYANG_STATIONS.at(-1),
      length_measured_km: Math.round(measured * 10) / 10,
      ...ZIYANG_LINE_FACTS,
      note:
        'Drawn as straight segments through the six opened stations, so it measures shorter than the 38.7 km route. ' +
        'The reserved 芦葭 station between 福田 and 资阳临空 has not opened and has no published coordinate. ' +
        'The line does not stop at the airport terminals: riders change at 福田 to Line 18/19.',
    },
    turf.lineString(coords).geometry,
  );
  const context = ['tianfu-airport-t1-t2-station', 'tianfu-airport-north-station'].map((id) =>
    feature(placeProperties(place(id), { kind: 'rail-station', line: '18/19', context: true }), place(id).geometry),
  );
  const airportPlace = place('chengdu-tianfu-international-airport');
  const airport = feature(placeProperties(airportPlace, { kind: 'airport', context: true }), airportPlace.geometry);
  return [line, ...stations, ...context, airport];
}
