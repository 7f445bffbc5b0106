import type { z } from 'zod';
import { $, api, el, PortalError } from '../common.ts';
import type { PublicStations } from '../../../src/modules/community/contracts/http.ts';

/**
 * 城乡社区服务站: the stations in service drawn as SVG points over Ningxia's county outlines
 * (bundled GeoJSON from /api/public/community/counties.geojson — no outside tile server), with the
 * same stations as a filterable table for screen readers and phones.
 */
type Station = z.infer<typeof PublicStations>['items'][number];
type County = { properties: { code: string; name: string; center: [number, number] }; geometry: { coordinates: number[][][][] } };

const SVG = 'http://www.w3.org/2000/svg';
const svgEl = (tag: string, attrs: Record<string, string | number>) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

const countySel = $<HTMLSelectElement>('#county');
const kindSel = $<HTMLSelectElement>('#kind');
const q = $<HTMLInputElement>('#q');
const tbody = $('#list tbody');
const more = $<HTMLButtonElement>('#more');
const detail = $('#detail');
const PAGE = 50;
let shown = PAGE;
let stations: Station[] = [];
let selected: string | null = null;

function project(counties: County[]) {
  const pts = counties.flatMap((c) => c.geometry.coordinates.flatMap((p) => p[0]!));
  const [minX, maxX] = [Math.min(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[0]!))];
  const [minY, maxY] = [Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[1]!))];
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = 600 / (maxY - minY || 1);
  const pad = 10;
  return {
    width: Math.ceil((maxX - minX) * kx * scale) + 2 * pad,
    height: 600 + 2 * pad,
    xy: (lng: number, lat: number): [number, number] => [pad + (lng - minX) * kx * scale, pad + (maxY - lat) * scale],
  };
}

function drawMap(counties: County[]) {
  const pr = project(counties);
  const path = (c: County) =>
    c.geometry.coordinates
      .flatMap((poly) =>
        poly.map(
          (ring) =>
            'M' +
            ring
              .map(([x, y]) =>
                pr
                  .xy(x!, y!)
                  .map((v) => v.toFixed(1))
                  .join(','),
              )
              .join('L') +
            'Z',
        ),
      )
      .join('');
  const svg = svgEl('svg', { viewBox: `0 0 ${pr.width} ${pr.height}`, role: 'img', 'aria-labelledby': 'map-desc' });
  const desc = svgEl('title', { id: 'map-desc' });
  desc.textContent = `宁夏回族自治区城乡社区综合服务站分布示意图，共 ${stations.length} 个；逐个服务站见下方列表`;
  svg.append(desc);
  const outline = svgEl('g', { class: 'outline-g', 'aria-hidden': 'true' });
  const shapes = svgEl('g', { 'aria-hidden': 'true' });
  const labels = svgEl('g', { 'aria-hidden': 'true' });
  for (const c of counties) {
    const d = path(c);
    outline.append(svgEl('path', { d, class: 'outline' }));
    const p = svgEl('path', { d, class: 'county', 'data-code': c.properties.code });
    p.addEventListener('click', () => {
      countySel.value = countySel.value === c.properties.code ? '' : c.properties.code;
      update();
    });
    shapes.append(p);
    const [x, y] = pr.xy(...c.properties.center);
    const t = svgEl('text', { x: x.toFixed(1), y: (y - 4).toFixed(1), class: 'label' });
    t.textContent = c.properties.name;
    labels.append(t);
  }
  const points = svgEl('g', { id: 'points', 'aria-hidden': 'true' });
  for (const s of stations) {
    const [x, y] = pr.xy(s.lng, s.lat);
    const pt =
      s.kind === 'urban'
        ? svgEl('rect', { x: (x - 3.2).toFixed(1), y: (y - 3.2).toFixed(1), width: 6.4, height: 6.4, class: 'pt urban', 'data-id': s.id })
        : svgEl('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: 'pt rural', 'data-id': s.id });
    pt.addEventListener('click', () => select(s.id));
    points.append(pt);
  }
  svg.append(outline, shapes, labels, points);
  $('#map').replaceChildren(svg);
}

const matches = (s: Station) => {
  const text = q.value.trim();
  return (
    (!countySel.value || s.countyCode === countySel.value) &&
    (!kindSel.value || s.kind === kindSel.value) &&
    (!text || `${s.name}${s.township}${s.community}${s.brand ?? ''}${s.countyName}`.includes(text))
  );
};

function select(id: string) {
  selected = id;
  const s = stations.find((x) => x.id === id)!;
  detail.hidden = false;
  detail.replaceChildren(
    el('h3', {}, s.name),
    el('p', {}, `${s.kindLabel} · ${s.countyName}${s.township}`),
    el('p', {}, `地址：${s.address}`),
    el('p', {}, `开放时间：${s.hours}`),
    el('p', {}, `服务项目：${s.services.join('、')}`),
    el('p', {}, `服务品牌：${s.brand ? `“${s.brand}”` : '—'}`),
  );
  detail.focus();
  update(false);
}

function update(resetPaging = true) {
  if (resetPaging) shown = PAGE;
  const list = stations.filter(matches);
  document.querySelectorAll<SVGElement>('#points .pt').forEach((p) => {
    const s = stations.find((x) => x.id === p.dataset.id)!;
    p.style.display = matches(s) ? '' : 'none';
    p.classList.toggle('sel', s.id === selected);
  });
  document.querySelectorAll<SVGElement>('.county').forEach((p) => p.classList.toggle('on', p.dataset.code === countySel.value));
  const urban = list.filter((s) => s.kind === 'urban').length;
  $('#list-status').textContent =
    `共 ${list.length} 个服务站（城市社区 ${urban} 个，农村社区 ${list.length - urban} 个）${list.length > shown ? `，显示前 ${shown} 个` : ''}`;
  const td = (label: string, text: string) => el('td', { 'data-label': label }, text);
  tbody.replaceChildren(
    ...list
      .slice(0, shown)
      .map((s) =>
        el(
          'tr',
          { class: s.id === selected ? 'sel' : '', 'data-testid': 'station-row' },
          el('th', { scope: 'row' }, s.name),
          td('类别', s.kindLabel),
          td('所在地', `${s.countyName}${s.township}`),
          td('地址', s.address),
          td('开放时间', s.hours),
          td('服务项目', s.services.join('、')),
          td('服务品牌', s.brand ?? '—'),
        ),
      ),
  );
  more.hidden = list.length <= shown;
}

async function start() {
  try {
    const [data, geo] = await Promise.all([
      api<z.infer<typeof PublicStations>>('/api/public/community/stations'),
      api<{ features: County[] }>('/api/public/community/counties.geojson'),
    ]);
    stations = data.items;
    $('#summary').textContent =
      `全区共有城乡社区综合服务站 ${data.totals.total} 个，其中城市社区 ${data.totals.urban} 个、农村社区 ${data.totals.rural} 个。可按县（市、区）、类别筛选，查看地址、开放时间和服务项目。`;
    const counties = [...geo.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    countySel.append(...counties.map((c) => el('option', { value: c.properties.code }, c.properties.name)));
    drawMap(counties);
    update();
  } catch (err) {
    $('#summary').textContent = err instanceof PortalError ? err.problem.title : '服务站数据载入失败，请稍后重试';
  }
}

countySel.addEventListener('change', () => update());
kindSel.addEventListener('change', () => update());
q.addEventListener('input', () => update());
$('#filters').addEventListener('submit', (e) => e.preventDefault());
more.addEventListener('click', () => {
  shown += PAGE;
  update(false);
});
void start();
