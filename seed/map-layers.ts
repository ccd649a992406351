import { along, length, lineString, rhumbBearing, destination } from '@turf/turf';
import type { Platform } from '../src/platform.ts';
import type { AddressInput, LayerInput } from '../src/modules/cityops/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { actorOf } from '../src/kernel/policy/index.ts';
import { STREET_PLACES } from './case-setup.ts';

/**
 * The offline base map of 乌兰浩特市 and its 标准地址库. Like the street shapes in grids.ts these are
 * plausible rather than surveyed: each road runs inside the streets the 12345 gazetteer
 * (STREET_PLACES) names for it, and every point of interest lies inside its street. A real
 * installation imports the bureau's GIS layers and address register the same way.
 */

type Line = [number, number][];

/** Main roads, lon/lat, each inside the streets it is listed under in STREET_PLACES (plus 兴安北大路 in 爱国街道). */
export const ROADS: { name: string; streets: string[]; line: Line }[] = [
  {
    name: '罕山街',
    streets: ['152201001'],
    line: [
      [122.068, 46.08],
      [122.0755, 46.0795],
      [122.084, 46.079],
    ],
  },
  {
    name: '兴安北大路',
    streets: ['152201001'],
    line: [
      [122.0775, 46.0865],
      [122.079, 46.079],
      [122.08, 46.072],
    ],
  },
  {
    name: '五一北路',
    streets: ['152201001', '152201007'],
    line: [
      [122.0725, 46.0885],
      [122.0715, 46.075],
      [122.0705, 46.062],
      [122.0705, 46.055],
    ],
  },
  {
    name: '五一南路',
    streets: ['152201007'],
    line: [
      [122.0705, 46.055],
      [122.073, 46.04],
      [122.076, 46.022],
    ],
  },
  {
    name: '兴安北大街',
    streets: ['152201003'],
    line: [
      [122.062, 46.078],
      [122.053, 46.086],
      [122.045, 46.094],
    ],
  },
  {
    name: '兴安南大街',
    streets: ['152201003', '152201007'],
    line: [
      [122.0605, 46.0765],
      [122.059, 46.062],
      [122.058, 46.045],
    ],
  },
  {
    name: '和平路',
    streets: ['152201002'],
    line: [
      [122.09, 46.076],
      [122.0915, 46.058],
      [122.0925, 46.04],
    ],
  },
  {
    name: '红城街',
    streets: ['152201002'],
    line: [
      [122.085, 46.0705],
      [122.092, 46.069],
      [122.099, 46.068],
    ],
  },
  {
    name: '乌兰大街',
    streets: ['152201004'],
    line: [
      [122.093, 46.085],
      [122.104, 46.0845],
      [122.115, 46.084],
    ],
  },
  {
    name: '成吉思汗大街',
    streets: ['152201004', '152201009'],
    line: [
      [122.103, 46.079],
      [122.108, 46.093],
      [122.112, 46.108],
      [122.116, 46.125],
    ],
  },
  {
    name: '团结大街',
    streets: ['152201009'],
    line: [
      [122.105, 46.104],
      [122.125, 46.102],
      [122.145, 46.1],
    ],
  },
  {
    name: '天骄大街',
    streets: ['152201010'],
    line: [
      [122.04, 46.104],
      [122.056, 46.107],
      [122.071, 46.11],
    ],
  },
  {
    name: '都林街',
    streets: ['152201006'],
    line: [
      [122.08, 46.095],
      [122.084, 46.11],
      [122.088, 46.125],
    ],
  },
  {
    name: '新桥街',
    streets: ['152201005'],
    line: [
      [122.01, 46.09],
      [122.025, 46.085],
      [122.04, 46.08],
    ],
  },
  {
    name: '洮儿河路',
    streets: ['152201005'],
    line: [
      [122.02, 46.075],
      [122.034, 46.065],
      [122.048, 46.055],
    ],
  },
  {
    name: '站前街',
    streets: ['152201005'],
    line: [
      [122.036, 46.085],
      [122.043, 46.078],
      [122.05, 46.071],
    ],
  },
  {
    name: '桥西街',
    streets: ['152201005'],
    line: [
      [122.03, 46.066],
      [122.03, 46.08],
      [122.03, 46.094],
    ],
  },
  {
    name: '健康路',
    streets: ['152201008'],
    line: [
      [122.11, 46.06],
      [122.125, 46.065],
      [122.14, 46.07],
    ],
  },
];

/** 洮儿河 passes the city on the south-west and takes in 归流河, which runs down its east side. */
export const RIVERS: { name: string; line: Line }[] = [
  {
    name: '洮儿河',
    line: [
      [121.85, 46.2],
      [121.95, 46.12],
      [122.0, 46.07],
      [122.04, 46.035],
      [122.07, 46.0],
      [122.09, 45.98],
      [122.2, 45.92],
      [122.3, 45.885],
    ],
  },
  {
    name: '归流河',
    line: [
      [122.14, 46.25],
      [122.128, 46.16],
      [122.124, 46.11],
      [122.118, 46.075],
      [122.105, 46.04],
      [122.095, 46.0],
      [122.09, 45.98],
    ],
  },
];

/** Points of interest: [name, category, lon, lat]; each inside a street of grids.ts. */
export const POIS: [string, string, number, number][] = [
  ['兴安盟行政公署', 'government', 122.1, 46.088],
  ['乌兰浩特市人民政府', 'government', 122.076, 46.083],
  ['乌兰浩特市政务服务中心', 'service', 122.092, 46.062],
  ['兴安盟政务服务中心', 'service', 122.108, 46.086],
  ['兴安盟人民医院', 'hospital', 122.062, 46.085],
  ['乌兰浩特市人民医院', 'hospital', 122.08, 46.075],
  ['兴安盟蒙医医院', 'hospital', 122.085, 46.105],
  ['兴安盟妇幼保健院', 'hospital', 122.066, 46.06],
  ['乌兰浩特站', 'transport', 122.045, 46.073],
  ['乌兰浩特汽车客运站', 'transport', 122.038, 46.079],
  ['乌兰浩特义勒力特机场', 'transport', 121.9, 46.02],
  ['兴安盟第一中学', 'school', 122.08, 46.1],
  ['乌兰浩特第一中学', 'school', 122.055, 46.088],
  ['乌兰浩特市第二中学', 'school', 122.064, 46.05],
  ['兴安职业技术学院', 'school', 122.055, 46.12],
  ['乌兰浩特市实验小学', 'school', 122.088, 46.055],
  ['五一会址', 'culture', 122.074, 46.066],
  ['成吉思汗公园', 'park', 122.062, 46.125],
  ['五一广场', 'park', 122.077, 46.0785],
  ['洮儿河湿地公园', 'park', 122.015, 46.08],
  ['归流河公园', 'park', 122.115, 46.07],
  ['兴安盟博物馆', 'culture', 122.115, 46.105],
  ['兴安盟图书馆', 'culture', 122.125, 46.11],
  ['乌兰浩特市公安局', 'government', 122.095, 46.05],
  ['乌兰浩特市消防救援大队', 'government', 122.125, 46.078],
  ['兴安盟体育中心', 'park', 122.135, 46.12],
  ['红城市场', 'market', 122.09, 46.072],
  ['都林市场', 'market', 122.083, 46.113],
  ['乌兰浩特市城市管理综合执法局', 'government', 122.112, 46.09],
  ['天骄街道社区卫生服务中心', 'hospital', 122.05, 46.108],
  ['铁西街道便民服务中心', 'service', 122.026, 46.086],
  ['葛根庙', 'culture', 122.2, 45.96],
];

/** Two 社区 per urban street: the gazetteer's where it names them, the rest plausible. */
const COMMUNITIES: Record<string, [string, string]> = {
  '152201001': ['万佳社区', '普惠社区'],
  '152201002': ['红城社区', '和平里社区'],
  '152201003': ['兴安社区', '洮儿河畔社区'],
  '152201004': ['金桥社区', '胜利社区'],
  '152201005': ['阳光社区', '站前社区'],
  '152201006': ['都林社区', '北门社区'],
  '152201007': ['五一社区', '会址社区'],
  '152201008': ['健康社区', '城郊社区'],
  '152201009': ['新城社区', '团结社区'],
  '152201010': ['天骄社区', '罕山社区'],
};

/** Metres between door numbers on one side of a road, and from the centre line to the door. */
const DOOR_SPACING_KM = 0.03;
const SETBACK_KM = 0.015;
/** Every so many doors an estate's gate, with this many buildings behind it. */
const ESTATE_EVERY = 9;
const BUILDINGS = 6;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Estates (小区) of the gazetteer by street, each taking its turn at the gates along that street's roads. */
function estatesByStreet(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [name, code] of Object.entries(STREET_PLACES.estates))
    if (name.endsWith('小区') || name.endsWith('苑') || name.endsWith('村') || name.endsWith('里') || name.endsWith('家园') || name.endsWith('花园') || name.endsWith('名邸'))
      m.set(code, [...(m.get(code) ?? []), name]);
  return m;
}

/**
 * The standard addresses along the seeded roads: door numbers every 30 m, odd on the left and even
 * on the right, each kept only where it lies in one of its road's streets; every ninth door is an
 * estate's gate with its numbered buildings. Deterministic: the same region gives the same ids.
 */
export async function demoAddresses(locate: (lon: number, lat: number) => Promise<{ streetCode: string } | null>): Promise<AddressInput[]> {
  const estates = estatesByStreet();
  const turn = new Map<string, number>();
  const out: AddressInput[] = [];
  for (const [ri, road] of ROADS.entries()) {
    const line = lineString(road.line);
    const km = length(line);
    const doors = Math.floor(km / DOOR_SPACING_KM);
    for (let i = 0; i <= doors; i += 1) {
      const at = along(line, Math.min(i * DOOR_SPACING_KM, km - 0.001));
      const ahead = along(line, Math.min(i * DOOR_SPACING_KM + 0.005, km));
      const bearing = rhumbBearing(at, ahead);
      for (const side of [1, 2]) {
        const no = 2 * i + side;
        const door = destination(at, SETBACK_KM, bearing + (side === 1 ? -90 : 90));
        const [lon, lat] = door.geometry.coordinates.map(round6) as [number, number];
        const place = await locate(lon, lat);
        if (!place || !road.streets.includes(place.streetCode)) continue;
        const community = COMMUNITIES[place.streetCode]?.[i * 2 < doors ? 0 : 1] ?? null;
        const id = `152201-${String(ri + 1).padStart(2, '0')}-${String(no).padStart(4, '0')}`;
        out.push({ id, community, road: road.name, houseNumber: `${no}号`, lon, lat });
        const names = estates.get(place.streetCode);
        if (!names || no % ESTATE_EVERY !== 0) continue;
        const k = turn.get(place.streetCode) ?? 0;
        turn.set(place.streetCode, k + 1);
        const estate = names[k % names.length];
        for (let b = 1; b <= BUILDINGS; b += 1) {
          // Buildings stand in two rows behind the gate, away from the road.
          const behind = destination(door, 0.02 + 0.02 * Math.floor((b - 1) / 3), bearing + (side === 1 ? -90 : 90));
          const beside = destination(behind, 0.02 * (((b - 1) % 3) - 1), bearing);
          const [blon, blat] = beside.geometry.coordinates.map(round6) as [number, number];
          const inside = await locate(blon, blat);
          if (!inside || inside.streetCode !== place.streetCode) continue;
          out.push({ id: `${id}-${b}`, community, road: road.name, houseNumber: `${no}号`, building: `${estate}${b}号楼`, lon: blon, lat: blat });
        }
      }
    }
  }
  return out;
}

export function demoLayers(): LayerInput[] {
  return [
    ...ROADS.map((r, i): LayerInput => ({ id: `road-${String(i + 1).padStart(2, '0')}`, kind: 'road', name: r.name, category: 'main', geometry: { type: 'LineString', coordinates: r.line } })),
    ...RIVERS.map((r, i): LayerInput => ({ id: `river-${i + 1}`, kind: 'river', name: r.name, geometry: { type: 'LineString', coordinates: r.line } })),
    ...POIS.map(([name, category, lon, lat], i): LayerInput => ({ id: `poi-${String(i + 1).padStart(2, '0')}`, kind: 'poi', name, category, geometry: { type: 'Point', coordinates: [lon, lat] } })),
  ];
}

/** Loads the base map layers and the standard addresses (after the grids, which place each address). */
export async function seedMapLayers(p: Platform): Promise<void> {
  const region = p.kernel.config.regionCode;
  const actor = actorOf(SYSTEM_PRINCIPAL);
  const locality = (await p.kernel.db.selectFrom('org_region').select('name').where('code', '=', region).executeTakeFirst())?.name ?? '';
  const addresses = await demoAddresses((lon, lat) => p.cityops.grids.locate(lon, lat));
  await p.kernel.db.transaction().execute(async (trx) => {
    await p.cityops.layers.save(trx, actor, region, demoLayers());
    await p.cityops.addresses.save(trx, actor, region, addresses, locality);
  });
}
