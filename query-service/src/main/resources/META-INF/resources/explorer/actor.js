// One actor: its profile (GET /actors/{id}) and its neighbourhood (GET /actors/{id}/neighbourhood):
// a timeline by month and QuadClass, its dyads with a Goldstein series, and its network.
import { get } from './api.js';
import { h, eventDate, dyadLinks } from './dom.js';
import { chart, echarts, QUAD_CLASSES, month } from './charts.js';

export async function actorView(view, id, params) {
  echarts(); // while the API answers
  const [actor, around] = await Promise.all([
    get(`/actors/${encodeURIComponent(id)}`),
    get(`/actors/${encodeURIComponent(id)}/neighbourhood`),
  ]);
  document.title = `${actor.name} · Newsgraph`;
  const charts = [];

  const timeline = h('div', { class: 'chart', id: 'timeline-chart', role: 'img', 'aria-label': `Events of ${actor.name} by month and QuadClass` });
  const dyadChart = h('div', { class: 'chart', id: 'dyad-chart', role: 'img' });
  const network = h('div', { class: 'chart tall', id: 'network-chart', role: 'img', 'aria-label': `Network of ${actor.name} and its related actors` });
  const dyadList = h('ul', { class: 'plain', id: 'dyads' });

  view.append(
    h('p', {}, h('a', { href: '#/' }, '← Events')),
    h('h1', {}, actor.name),
    h('div', { class: 'columns' },
      h('div', { class: 'card' }, h('dl', { class: 'facts' },
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, actor.id)),
        h('dt', {}, 'Type'), h('dd', {}, actor.type),
        h('dt', {}, 'Country'), h('dd', {}, actor.country || '—'),
        h('dt', {}, 'Aliases'), h('dd', { id: 'aliases' }, actor.aliases.length ? actor.aliases.join(', ') : '—'),
        h('dt', {}, 'Mentions'), h('dd', {}, `${actor.mentionCount} in ${actor.articleCount} articles`),
        h('dt', {}, 'Events'), h('dd', {}, h('a', { href: `#/events?actor=${encodeURIComponent(actor.id)}` }, `${actor.eventCount} events`)),
        h('dt', {}, 'Seen'), h('dd', {}, actor.firstSeen ? `${actor.firstSeen} to ${actor.lastSeen}` : '—'))),
      h('div', { class: 'card' },
        h('h2', { style: 'margin-top:0' }, 'Related actors'),
        h('ul', { class: 'plain', id: 'related' }, actor.related.map((r) =>
          h('li', {}, h('a', { href: `#/actors/${encodeURIComponent(r.actor.id)}` }, r.actor.name), h('span', { class: 'muted' }, ` — ${r.count} events`)))))),
    h('h2', {}, 'Events by month and QuadClass'),
    timeline,
    h('h2', {}, 'Dyads'),
    h('div', { class: 'columns' }, h('div', { class: 'card' }, dyadList), dyadChart),
    h('h2', {}, 'Network'),
    network,
    h('h2', {}, 'Recent events'),
    h('ul', { class: 'plain' }, actor.recentEvents.map((e) =>
      h('li', {}, eventDate(e.date, e.datePrecision), ' · ', h('a', { href: `#/events/${e.id}` }, e.label || e.typeName), ' · ', dyadLinks(e)))));

  charts.push(await chart(timeline, timelineOption(around.months)));

  const dyads = around.dyads.filter((d) => d.series.length);
  let dyad = null;
  async function showDyad(selected) {
    dyad?.dispose();
    dyadChart.setAttribute('aria-label', `Goldstein series of ${actor.name} and ${selected.actor.name}`);
    dyad = await chart(dyadChart, dyadOption(actor, selected));
    for (const button of dyadList.querySelectorAll('button')) button.setAttribute('aria-pressed', button.dataset.id === selected.actor.id);
  }
  dyadList.append(...dyads.map((d) => h('li', {},
    h('button', { type: 'button', class: 'plain', 'data-id': d.actor.id, onclick: () => showDyad(d) },
      `${actor.name} – ${d.actor.name}`), h('span', { class: 'muted' }, ` ${d.events} events`))));
  if (dyads.length) await showDyad(dyads.find((d) => d.actor.id === params.get('with')) ?? dyads[0]);
  else dyadList.append(h('li', { class: 'muted' }, 'No dyads yet.'));

  const graph = await chart(network, networkOption(actor, around.network));
  graph.instance.on('click', (target) => {
    if (target.dataType === 'node') location.hash = `#/actors/${encodeURIComponent(target.data.id)}`;
  });
  charts.push(graph);
  return () => { dyad?.dispose(); charts.forEach((c) => c.dispose()); };
}

function timelineOption(months) {
  const periods = [...new Set(months.map((m) => m.period))].sort();
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: periods.map(month) },
    yAxis: { type: 'value', minInterval: 1, name: 'events' },
    series: QUAD_CLASSES.map((q) => ({
      name: q.name, type: 'bar', stack: 'events', color: q.color,
      data: periods.map((p) => months.find((m) => m.period === p && m.quadClass === q.quadClass)?.events ?? 0),
    })),
  };
}

function dyadOption(actor, dyad) {
  return {
    title: { text: `${actor.name} – ${dyad.actor.name}`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 40, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: dyad.series.map((m) => month(m.period)) },
    yAxis: [
      { type: 'value', name: 'Goldstein', min: -10, max: 10 },
      { type: 'value', name: 'events', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: 'events', type: 'bar', yAxisIndex: 1, color: '#b0bec5', data: dyad.series.map((m) => m.events) },
      { name: 'mean Goldstein', type: 'line', color: '#1f5fbf', symbolSize: 8, data: dyad.series.map((m) => m.goldstein) },
    ],
  };
}

function networkOption(actor, network) {
  const max = Math.max(1, ...network.nodes.map((n) => n.weight));
  return {
    tooltip: {},
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 260, edgeLength: [80, 160] },
      edgeSymbol: ['none', 'arrow'],
      label: { show: true, position: 'right' },
      data: network.nodes.map((n) => ({
        id: n.id, name: n.name, value: n.weight,
        symbolSize: 14 + 30 * Math.sqrt(n.weight / max),
        itemStyle: { color: n.id === actor.id ? '#c62828' : '#1f5fbf' },
      })),
      links: network.edges.map((e) => ({ source: e.source, target: e.target, value: e.weight,
        lineStyle: { width: 1 + Math.log2(e.weight), opacity: 0.6 } })),
    }],
  };
}
