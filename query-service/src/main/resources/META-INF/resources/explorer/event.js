// One event: what it is, the reconciled figures, and every report with the sentence it came from,
// the trigger, the actors and the figures marked at their character offsets.
import { get } from './api.js';
import { h, eventDate, range, place, actorLinks, figure } from './dom.js';

export async function eventView(view, id) {
  const event = await get(`/events/${encodeURIComponent(id)}`);
  const titles = new Map(event.mentions.map((m) => [m.articleId, m.title || m.url || `article ${m.articleId}`]));
  document.title = `${event.label || event.typeName} · Newsgraph`;

  view.append(
    h('p', {}, h('a', { href: '#/' }, '← Events')),
    h('h1', {}, event.label || event.typeName),
    h('div', { class: 'columns' },
      h('div', { class: 'card' }, h('dl', { class: 'facts' },
        h('dt', {}, 'Type'), h('dd', {}, `${event.type} ${event.typeName} · QuadClass ${event.quadClass} · Goldstein ${event.goldstein}`),
        h('dt', {}, 'Date'), h('dd', {}, eventDate(event.date, event.datePrecision), h('span', { class: 'muted' }, ` (${event.datePrecision.toLowerCase()})`)),
        h('dt', {}, 'Place'), h('dd', {}, place(event.location) || '—'),
        h('dt', {}, 'Factuality'), h('dd', {}, h('span', { class: `badge ${event.factuality}`, id: 'factuality' }, event.factuality)),
        h('dt', {}, 'Source'), h('dd', {}, event.sourceActors.length ? actorLinks(event.sourceActors) : '—'),
        h('dt', {}, 'Target'), h('dd', {}, event.targetActors.length ? actorLinks(event.targetActors) : '—'),
        h('dt', {}, 'Reported by'), h('dd', {}, `${event.articleCount} articles from ${event.sourceCount} sources`),
        h('dt', {}, 'Confidence'), h('dd', {}, event.confidence.toFixed(2)))),
      h('div', { class: 'card', id: 'figures' },
        h('h2', { style: 'margin-top:0' }, 'Reconciled figures'),
        casualties('Fatalities', event.fatalities, titles),
        casualties('Injuries', event.injuries, titles))),
    h('h2', {}, `Reports (${event.mentions.length})`),
    h('div', { class: 'legend', 'aria-hidden': 'true' },
      h('mark', { class: 'trigger' }, 'trigger'), h('mark', { class: 'source' }, 'source actor'),
      h('mark', { class: 'target' }, 'target actor'), h('mark', { class: 'figure' }, 'figure')),
    h('ol', { class: 'reports' }, event.mentions.map(report)));
}

function casualties(name, figures, titles) {
  if (!figures) return h('p', { class: 'muted' }, `${name}: none reported`);
  return h('div', {},
    h('p', {}, h('strong', {}, `${name}: ${range(figures)}`)),
    h('ul', { class: 'plain' }, figures.reports.map((r) =>
      h('li', {}, figure(r.value, r.qualifier), h('span', { class: 'muted' }, ` — ${titles.get(r.articleId) ?? `article ${r.articleId}`}`)))));
}

function report(mention) {
  const title = mention.title || mention.url || `Article ${mention.articleId}`;
  return h('li', { class: 'card report', 'data-article': mention.articleId },
    h('h3', {}, mention.url ? h('a', { href: mention.url, rel: 'noopener noreferrer', target: '_blank' }, title) : title),
    h('div', { class: 'meta' }, [mention.source, mention.publishedAt].filter(Boolean).join(' · ')),
    h('blockquote', { class: 'evidence' }, highlighted(mention)));
}

/**
 * The sentence with its marks. Offsets are into the article text; a span outside the sentence
 * (an actor named in another sentence) or overlapping an earlier one is left unmarked.
 */
function highlighted(mention) {
  const base = mention.sentenceStart;
  const spans = [
    { start: mention.trigger.start, end: mention.trigger.end, node: (text) => h('mark', { class: 'trigger', title: 'trigger' }, text) },
    ...mention.actors.map((actor) => ({
      start: actor.start, end: actor.end,
      node: (text) => h('mark', { class: actor.role.toLowerCase(), title: `${actor.role.toLowerCase()}: ${actor.name}` },
        h('a', { href: `#/actors/${encodeURIComponent(actor.id)}` }, text)),
    })),
    ...mention.figures.filter((f) => f.start !== null).map((f) => ({
      start: f.start, end: f.end,
      node: (text) => h('mark', { class: 'figure', title: `${f.kind.toLowerCase()}: ${figure(f.value, f.qualifier)}` }, text),
    })),
  ]
    .map((s) => ({ ...s, start: s.start - base, end: s.end - base }))
    .filter((s) => s.start >= 0 && s.end <= mention.sentence.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(mention.sentence.slice(at, span.start), span.node(mention.sentence.slice(span.start, span.end)));
    at = span.end;
  }
  parts.push(mention.sentence.slice(at));
  return parts;
}
