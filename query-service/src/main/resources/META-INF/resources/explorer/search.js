// Search across actors, events and articles: GET /search (articles, and actors by name) and
// GET /events?q= (events reported by matching articles).
import { get } from './api.js';
import { h, eventDate, dyadLinks, actorLinks } from './dom.js';

export async function searchView(view, params) {
  const q = params.get('q') || '';
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', { class: 'wide' }, 'Words (quotes for a phrase, - to exclude)',
      h('input', { type: 'search', name: 'q', value: q, autofocus: true })),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(form.elements.q.value.trim())}`;
  });
  view.append(h('h1', {}, q ? `Search: ${q}` : 'Search'), form);
  if (!q) return;

  const [found, events] = await Promise.all([get('/search', { q, limit: 20 }), get('/events', { q, limit: 20 })]);
  view.append(
    h('h2', {}, `Actors (${found.actors.length})`),
    h('ul', { class: 'plain', id: 'actor-hits' }, found.actors.map((a) =>
      h('li', {}, h('a', { href: `#/actors/${encodeURIComponent(a.id)}` }, a.name), h('span', { class: 'muted' }, ` ${a.type.toLowerCase()} · ${a.mentionCount} mentions`)))),
    h('h2', {}, `Events (${events.items.length}${events.nextCursor ? '+' : ''})`),
    h('ul', { class: 'plain', id: 'event-hits' }, events.items.map((e) =>
      h('li', {}, eventDate(e.date, e.datePrecision), ' · ', h('a', { href: `#/events/${e.id}` }, e.label || e.typeName), ' · ', dyadLinks(e)))),
    events.nextCursor ? h('p', {}, h('a', { href: `#/events?q=${encodeURIComponent(q)}` }, 'All matching events')) : '',
    h('h2', {}, `Articles (${found.items.length}${found.nextCursor ? '+' : ''})`),
    h('ul', { class: 'hits', id: 'article-hits' }, found.items.map((a) =>
      h('li', { class: 'card' },
        h('h3', { style: 'margin:0;font-size:1rem' }, a.url ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, a.title || a.url) : a.title),
        h('div', { class: 'muted' }, [a.source, a.publishedAt].filter(Boolean).join(' · ')),
        h('p', { style: 'margin:4px 0' }, snippet(a.snippet)),
        a.actors.length ? h('div', {}, 'Actors: ', actorLinks(a.actors.slice(0, 8))) : null))));
}

/** The snippet's text with its <mark> tags as marks; everything else stays text. */
function snippet(text) {
  const parts = [];
  let marked = false;
  for (const piece of text.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push(marked ? h('mark', { class: 'hit' }, piece) : piece);
  }
  return parts;
}
