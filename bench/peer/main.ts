/*
 * The peer: the same map drawn with ECharts 6 (tree-shaken, canvas). It loads the same
 * geo/pairing.topo.json and draws provinces, counties (coloured as ours) and districts, the partner
 * lines and the circles of our default view (computed at build time: see ../peer-page.ts), in the
 * same Web Mercator frame. It marks `map:first-complete` the way our app does: after the frame that
 * shows the finished chart has been painted.
 */
import { LinesChart, ScatterChart } from 'echarts6/charts';
import { GeoComponent } from 'echarts6/components';
import { init, registerMap, use } from 'echarts6/core';
import { CanvasRenderer } from 'echarts6/renderers';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PeerData } from '../peer-page.ts';

use([GeoComponent, LinesChart, ScatterChart, CanvasRenderer]);

const RAD = Math.PI / 180;
const mercator = {
  project: ([lon, lat]: number[]) => [lon!, -Math.log(Math.tan(Math.PI / 4 + (lat! * RAD) / 2)) / RAD],
  unproject: ([x, y]: number[]) => [x!, (2 * Math.atan(Math.exp(-y! * RAD)) - Math.PI / 2) / RAD],
};

const [topo, data] = await Promise.all([
  fetch('./pairing.topo.json').then((r) => r.json() as Promise<Topology>),
  fetch('./peer-data.json').then((r) => r.json() as Promise<PeerData>),
]);
const features = (['provinces', 'counties', 'districts'] as const).flatMap((name) =>
  feature(topo, topo.objects[name] as GeometryCollection).features.map((f) => ({ ...f, properties: { name: `${name}:${String(f.id)}` } })),
);
registerMap('pairing', { type: 'FeatureCollection', features } as Parameters<typeof registerMap>[1]);
const chart = init(document.getElementById('map'), undefined, { renderer: 'canvas' });
chart.on('finished', () => {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (performance.getEntriesByName('map:first-complete').length > 0) return;
      performance.mark('map:first-complete');
      document.documentElement.dataset['mapReady'] = 'true';
    }, 0),
  );
});
chart.setOption({
  animation: false,
  backgroundColor: data.sea,
  geo: {
    map: 'pairing',
    projection: mercator,
    boundingCoords: data.bounds,
    layoutCenter: ['50%', '50%'],
    layoutSize: '95%',
    silent: true,
    itemStyle: { areaColor: data.land, borderColor: '#c4c1b8', borderWidth: 0.5 },
    regions: data.areas.map((a) => ({ name: a.name, itemStyle: { areaColor: a.fill } })),
  },
  series: [
    {
      type: 'lines',
      coordinateSystem: 'geo',
      silent: true,
      data: data.lines.map((l) => ({ coords: [l.from, l.to], lineStyle: { color: l.color, width: l.width, curveness: 0.2 } })),
    },
    {
      type: 'scatter',
      coordinateSystem: 'geo',
      data: data.circles.map((c) => ({ value: c.at, symbolSize: c.radius * 2, itemStyle: { color: c.color, opacity: 0.75, borderColor: '#fff', borderWidth: 1 } })),
    },
  ],
});
