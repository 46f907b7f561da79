// The events list: the filters of GET /events, newest first, paged by cursor, with exports of
// the same filter and a live mode that prepends what GET /events/stream sends.
import { get, url } from './api.js';
import { h, eventDate, range, place, dyadLinks, figure, problem } from './dom.js';

/** The filters this page offers, as GET /events names them. */
const FILTERS = ['q', 'actor', 'type', 'country', 'from', 'to', 'factuality'];

/** CAMEO root codes and names, as GET /events answers them in type and typeName. */
const TYPES = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'], ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'],
  ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

const FACTUALITY = [
  ['', 'Happened or possible'], ['ASSERTED', 'Asserted'], ['POSSIBLE', 'Possible'],
  ['NEGATED', 'Negated'], ['ASSERTED,POSSIBLE,NEGATED', 'All'],
];

export async function eventsView(view, params) {
  const filters = {};
  for (const name of FILTERS) filters[name] = params.get(name) || '';
  const limit = params.get('limit') || '';

  const form = filterForm(filters, limit);
  const rows = h('tbody');
  const more = h('button', { type: 'button', class: 'plain', hidden: true }, 'More events');
  const count = h('span', { class: 'muted', 'aria-live': 'polite' });
  const liveState = h('span', { class: 'live-state', 'aria-live': 'polite' });
  const live = h('input', { type: 'checkbox', id: 'live', disabled: filters.q ? true : null });
  const exportQuery = url('', filters);

  view.append(
    h('h1', {}, 'Events'),
    form,
    h('div', { class: 'toolbar' },
      count,
      h('label', { title: filters.q ? 'The live feed follows every filter but full text' : null },
        live, ' Live: add new events as they are found'),
      liveState,
      h('a', { href: `/events.csv${exportQuery}`, download: 'events.csv' }, 'Export CSV'),
      h('a', { href: `/events.ndjson${exportQuery}`, download: 'events.ndjson' }, 'Export NDJSON')),
    h('table', { class: 'events' },
      h('thead', {}, h('tr', {},
        h('th', {}, 'Date'), h('th', {}, 'Event'), h('th', {}, 'Actors'), h('th', {}, 'Place'),
        h('th', {}, 'Fatalities'), h('th', {}, 'Articles'), h('th', {}, 'Sources'))),
      rows),
    h('p', {}, more));

  let shown = 0;
  async function load(cursor) {
    more.disabled = true;
    const page = await get('/events', { ...filters, limit, cursor });
    for (const event of page.items) rows.append(row(event));
    shown += page.items.length;
    count.textContent = shown === 0 ? 'No events match.' : `${shown} events shown${page.nextCursor ? ', more below' : ''}`;
    more.hidden = !page.nextCursor;
    more.disabled = false;
    more.onclick = () => load(page.nextCursor).catch((error) => view.append(problem(error)));
  }
  await load(null);

  let source = null;
  function follow() {
    if (source) source.close();
    source = null;
    liveState.textContent = '';
    if (!live.checked) return;
    const { q, ...feedFilters } = filters;
    source = new EventSource(url('/events/stream', feedFilters));
    source.onopen = () => { liveState.textContent = 'connected'; };
    source.onerror = () => { liveState.textContent = 'reconnecting…'; };
    source.onmessage = (message) => {
      const event = JSON.parse(message.data);
      const fresh = row(event);
      fresh.classList.add('fresh');
      const old = rows.querySelector(`tr[data-id="${CSS.escape(event.id)}"]`);
      if (old) old.replaceWith(fresh);
      else { rows.prepend(fresh); shown += 1; count.textContent = `${shown} events shown`; }
    };
  }
  live.addEventListener('change', follow);
  return () => { if (source) source.close(); };
}

function filterForm(filters, limit) {
  const input = (name, label, attrs = {}) =>
    h('label', { class: attrs.wide ? 'wide' : null }, label,
      h('input', { name, value: filters[name], ...attrs, wide: null }));
  const select = (name, label, options) =>
    h('label', {}, label, h('select', { name },
      options.map(([value, text]) => h('option', { value, selected: value === filters[name] }, text))));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
    input('q', 'Words in the articles', { type: 'search', wide: true, placeholder: 'e.g. concert hall' }),
    input('actor', 'Actor id (either side)', { placeholder: 'e.g. russia', list: 'actor-ids' }),
    select('type', 'Type', [['', 'Any type'], ...TYPES.map(([code, name]) => [code, `${code} ${name}`])]),
    input('country', 'Country (ISO alpha-3)', { placeholder: 'e.g. RUS', maxlength: 3, pattern: '[A-Za-z]{3}' }),
    input('from', 'From', { type: 'date' }),
    input('to', 'To', { type: 'date' }),
    select('factuality', 'Factuality', FACTUALITY),
    h('button', { type: 'submit' }, 'Apply'),
    h('datalist', { id: 'actor-ids' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = { limit };
    for (const name of FILTERS) values[name] = form.elements[name].value.trim();
    values.country = values.country.toUpperCase();
    location.hash = '#/events' + url('', values);
  });
  suggestActors(form.elements.actor, form.querySelector('#actor-ids'));
  return form;
}

/** Actor ids offered while typing in the actor field, from GET /actors?q=. */
function suggestActors(field, list) {
  let timer = null;
  field.addEventListener('input', () => {
    clearTimeout(timer);
    const q = field.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const page = await get('/actors', { q, sort: 'mentions', limit: 8 }).catch(() => ({ items: [] }));
      list.replaceChildren(...page.items.map((actor) => h('option', { value: actor.id }, actor.name)));
    }, 200);
  });
}

function row(event) {
  const fatalities = event.fatalities;
  return h('tr', { 'data-id': event.id },
    h('td', { 'data-label': 'Date' }, eventDate(event.date, event.datePrecision),
      event.datePrecision !== 'DAY' ? h('span', { class: 'muted' }, ` (${event.datePrecision.toLowerCase()})`) : null),
    h('td', {},
      h('a', { href: `#/events/${event.id}`, class: 'event-link' }, event.label || event.typeName), ' ',
      h('span', { class: 'badge' }, `${event.type} ${event.typeName}`),
      event.factuality !== 'ASSERTED' ? h('span', { class: `badge ${event.factuality}` }, event.factuality.toLowerCase()) : null),
    h('td', { 'data-label': 'Actors' }, dyadLinks(event)),
    h('td', { 'data-label': 'Place' }, place(event.location)),
    h('td', { class: 'num', 'data-label': 'Fatalities' }, range(fatalities),
      fatalities && fatalities.reports.length > 1
        ? h('div', { class: 'muted' }, fatalities.reports.map((r) => figure(r.value, r.qualifier)).join(', '))
        : null),
    h('td', { class: 'num', 'data-label': 'Articles' }, event.articleCount),
    h('td', { class: 'num', 'data-label': 'Sources' }, event.sourceCount));
}
