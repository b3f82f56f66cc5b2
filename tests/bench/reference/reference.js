// Draws the reference charts with Apache ECharts: the same figures as the
// graphic (src/data/ankang.json) and the same boundary file
// (src/geo/ankang-counties.geojson, full resolution: ECharts gets the
// source polygons, the graphic its build-time simplification). Canvas
// renderer, devicePixelRatio 2, entry animation on; ECharts defaults
// otherwise. Exposes hooks on window.__bench for tests/bench/bench.mjs.
/* global echarts */
const query = new URLSearchParams(location.search);
const size = (key, fallback) => (query.get(key) ?? fallback).split('x').map(Number);
const [barsW, barsH] = size('bars', '1200x327');
const [mapW, mapH] = size('map', '560x823');
const animate = query.get('animate') !== 'off';

const bench = (window.__bench = { firstRendered: {}, finished: {}, charts: {}, ready: false });

const [geo, data] = await Promise.all([
  fetch('geo/ankang-counties.geojson').then((r) => r.json()),
  fetch('data/ankang.json').then((r) => r.json()),
]);
echarts.registerMap('ankang', geo);

// The map metric "new_unions", one value per county the article reports.
const countyName = new Map(geo.features.map((f) => [String(f.properties.adcode), f.properties.name_zh]));
const mapData = data.figures
  .filter((f) => f.metric === 'new_unions' && countyName.has(f.place))
  .map((f) => ({ name: countyName.get(f.place), value: f.value }));

// The headline's honours bars, in the graphic's order (top to bottom).
const HONOURS = ['city.national_model_workers', 'city.sanqin_craftsmen', 'city.jinzhou_craftsmen'];
const honours = HONOURS.map((id) => data.figures.find((f) => f.id === id));

export const options = {
  map: (animation) => ({
    animation,
    title: { text: '各县区工会创新实践 · 新建工会', left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'item', className: 'ec-tooltip' },
    visualMap: { min: 0, max: Math.max(...mapData.map((d) => d.value)), left: 'left', bottom: 16 },
    series: [{
      type: 'map', map: 'ankang', name: '新建工会', nameProperty: 'name_zh',
      label: { show: true }, data: mapData,
    }],
  }),
  bars: (animation) => ({
    animation,
    title: { text: '改革以来新增劳模工匠（人）', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'item', className: 'ec-tooltip' },
    grid: { left: '50%', right: 60 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: honours.map((f) => f.label.zh) },
    series: [{ type: 'bar', name: '新增人数', data: honours.map((f) => f.value), label: { show: true, position: 'right' } }],
  }),
};

/// Makes a chart of `kind` in `element` (sized here). `chart.firstRendered`
/// and `chart.finished` are promises of performance.now() (ms) at its first
/// 'rendered' and first 'finished' event (hooked before setOption, which
/// may render synchronously).
function make(element, kind, animation) {
  const [w, h] = kind === 'map' ? [mapW, mapH] : [barsW, barsH];
  element.style.width = `${w}px`;
  element.style.height = `${h}px`;
  const chart = echarts.init(element, null, { renderer: 'canvas', devicePixelRatio: 2 });
  const first = (event) => new Promise((resolve) => {
    const handler = () => { chart.off(event, handler); resolve(performance.now()); };
    chart.on(event, handler);
  });
  chart.firstRendered = first('rendered');
  chart.finished = first('finished');
  chart.setOption(options[kind](animation));
  return chart;
}

for (const kind of ['bars', 'map']) {
  const chart = (bench.charts[kind] = make(document.getElementById(kind), kind, animate));
  chart.firstRendered.then((t) => { bench.firstRendered[kind] = t; });
  chart.finished.then((t) => { bench.finished[kind] = t; });
}
bench.make = make;
bench.ready = true;
