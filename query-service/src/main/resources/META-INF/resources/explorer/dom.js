// Small DOM helpers: elements are built with h(), never from HTML strings, so that article text
// and names can never inject markup.

/** An element: h('a', {href: '#/'}, 'text', child, ...); null and false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** An event date at its precision: 2024-03-22, 2024-03, 2024 or "undated". */
export function eventDate(date, precision) {
  if (!date) return 'undated';
  if (precision === 'MONTH') return date.slice(0, 7);
  if (precision === 'YEAR') return date.slice(0, 4);
  return date;
}

/** "12", "12–15" or "" for a casualty range. */
export function range(casualties) {
  if (!casualties || casualties.min === null) return '';
  return casualties.min === casualties.max ? `${casualties.min}` : `${casualties.min}–${casualties.max}`;
}

const QUALIFIERS = { EXACT: '', AT_LEAST: 'at least ', AT_MOST: 'at most ', ABOUT: 'about ', OVER: 'over ' };

/** One article's figure as it reported it: "at least 12". */
export function figure(value, qualifier) {
  return `${QUALIFIERS[qualifier] ?? ''}${value}`;
}

export function place(location) {
  if (!location) return '';
  return [location.place, location.country].filter(Boolean).join(', ');
}

/** Links to actors, separated by commas. */
export function actorLinks(actors) {
  const links = [];
  actors.forEach((actor, i) => {
    if (i > 0) links.push(', ');
    links.push(h('a', { href: `#/actors/${encodeURIComponent(actor.id)}` }, actor.name));
  });
  return links;
}

/** "Russia → Taliban" with links, or one side alone. */
export function dyadLinks(event) {
  const parts = [];
  if (event.sourceActors.length) parts.push(...actorLinks(event.sourceActors));
  if (event.sourceActors.length && event.targetActors.length) parts.push(' → ');
  if (event.targetActors.length) parts.push(...actorLinks(event.targetActors));
  return parts;
}

export function problem(error) {
  const detail = error.problem?.detail || error.message;
  return h('p', { class: 'problem', role: 'alert' }, error.problem?.title ? `${error.problem.title}: ${detail}` : detail);
}
