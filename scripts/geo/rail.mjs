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

/** What a reader is told about each station and the airport, in both languages. */
export const STATION_NOTES = {
  'futian-station': {
    zh: '福田站,资阳线的起点站,可换乘地铁18号线、19号线前往天府国际机场和成都市区;位于成都未来科技城。',
    en: 'Futian, the Ziyang Line’s western terminus, where riders change to Metro Lines 18 and 19 for Tianfu airport and central Chengdu; it lies in the Chengdu Future Science and Technology City.',
  },
  'ziyang-linkong-station': {
    zh: '资阳临空站,高架车站,位于资阳临空经济区。它与福田站之间预留的芦葭站尚未开通。',
    en: 'Ziyang Linkong, an elevated station in Ziyang’s airport economic zone. The reserved Lujia station between it and Futian has not opened.',
  },
  'xingfu-avenue-station': {
    zh: '幸福大道站,地下车站,位于资阳市雁江区。',
    en: 'Xingfu Avenue, an underground station in Yanjiang District, Ziyang.',
  },
  'changhong-square-station': {
    zh: '苌弘广场站,地下车站,位于资阳城区滨江路一带。',
    en: 'Changhong Square, an underground station by the riverside road in central Ziyang.',
  },
  'baotai-station': {
    zh: '宝台站,地下车站,位于资阳宝台大道。',
    en: 'Baotai, an underground station on Baotai Avenue in Ziyang.',
  },
  'ziyang-north-station': {
    zh: '资阳北站,资阳线的终点站,紧邻成渝高铁资阳北站。',
    en: 'Ziyang North, the line’s eastern terminus, next to Ziyang North station on the Chengdu–Chongqing high-speed railway.',
  },
  'tianfu-airport-t1-t2-station': {
    zh: '天府机场1号2号航站楼站,地铁18号线、19号线车站。资阳线不到航站楼,乘客在福田站换乘。',
    en: 'Tianfu Airport Terminals 1 and 2 station, on Metro Lines 18 and 19. The Ziyang Line does not reach the terminals; riders change at Futian.',
  },
  'tianfu-airport-north-station': {
    zh: '天府机场北站,地铁18号线、19号线车站,画出以供参照。',
    en: 'Tianfu Airport North station, on Metro Lines 18 and 19, shown for reference.',
  },
  'chengdu-tianfu-international-airport': {
    zh: '成都天府国际机场,2021年6月投运,位于简阳。点位为机场的参考点,不是航站楼。',
    en: 'Chengdu Tianfu International Airport, opened in June 2021 near Jianyang. The point is the airport’s reference point, not a terminal.',
  },
};

const stationProps = (id, overrides) => placeProperties(place(id), { item: 'rail-stations', ...overrides }, STATION_NOTES[id]);

export function buildRail() {
  const stations = ZIYANG_STATIONS.map((id, i) =>
    feature(
      stationProps(id, {
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
  const measured = Math.round(turf.length(turf.lineString(coords), { units: 'kilometers' }) * 10) / 10;
  const line = feature(
    {
      id: 'ziyang-line',
      name_zh: '轨道交通资阳线',
      name_en: 'Ziyang Line (Chengdu Metro S3)',
      label_zh: '资阳线',
      label_en: 'Ziyang Line',
      kind: 'rail-line',
      item: 'rail-line',
      geometry_quality: 'schematic',
      source: `stations: ${SOURCES.metroman.source}; course between stations not surveyed (straight segments)`,
      source_key: 'derived',
      licence: SOURCES.metroman.licence,
      from_id: ZIYANG_STATIONS[0],
      to_id: ZIYANG_STATIONS.at(-1),
      length_measured_km: measured,
      ...ZIYANG_LINE_FACTS,
      note_zh:
        `轨道交通资阳线(成都地铁S3线)从福田站到资阳北站,全长${ZIYANG_LINE_FACTS.length_stated_km}公里,2024年9月29日开通,设${ZIYANG_STATIONS.length}座车站。` +
        `本图没有线路的实测走向,按车站之间的直线画出,所以量得较短(约${measured}公里)。`,
      note_en:
        `The Ziyang Line (Chengdu Metro S3) runs ${ZIYANG_LINE_FACTS.length_stated_km} km from Futian to Ziyang North and opened on September 29, 2024, with ${ZIYANG_STATIONS.length} stations. ` +
        `This map has no surveyed course for the track, so it is drawn as straight lines between the stations and measures shorter (about ${measured} km).`,
      datum_note:
        'Drawn as straight segments through the six opened stations, so it measures shorter than the 38.7 km route. ' +
        'The reserved 芦葭 station between 福田 and 资阳临空 has not opened and has no published coordinate. ' +
        'The line does not stop at the airport terminals: riders change at 福田 to Line 18/19.',
    },
    turf.lineString(coords).geometry,
  );
  const context = ['tianfu-airport-t1-t2-station', 'tianfu-airport-north-station'].map((id) =>
    feature(stationProps(id, { kind: 'rail-station', line: '18/19', context: true }), place(id).geometry),
  );
  const airportPlace = place('chengdu-tianfu-international-airport');
  const airport = feature(stationProps('chengdu-tianfu-international-airport', { kind: 'airport', context: true }), airportPlace.geometry);
  return [line, ...stations, ...context, airport];
}
