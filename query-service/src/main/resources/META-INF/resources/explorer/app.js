// The explorer: a hash router over four views. Each view renders into <main> from one or two
// API calls and may return a function that stops what it started (the live feed, charts).
import { h, problem } from './dom.js';
import { eventsView } from './events.js';
import { eventView } from './event.js';
import { actorView } from './actor.js';
import { searchView } from './search.js';

const main = document.getElementById('main');
let stop = null;

/** The route of a hash like "#/actors/taliban?x=1": its path parts and its parameters. */
function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

async function render() {
  if (stop) stop();
  stop = null;
  const { parts, params } = route();
  quick.elements.q.value = parts[0] === 'search' ? params.get('q') || '' : '';
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  try {
    if (parts.length === 0 || (parts[0] === 'events' && parts.length === 1)) stop = await eventsView(view, params);
    else if (parts[0] === 'events') stop = await eventView(view, parts[1]);
    else if (parts[0] === 'actors' && parts[1]) stop = await actorView(view, parts[1], params);
    else if (parts[0] === 'search') stop = await searchView(view, params);
    else view.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the events')));
  } catch (error) {
    view.replaceChildren(problem(error));
  }
  // the view is drawn with its data: what the browser tests wait for, and a mark to time it by
  main.dataset.ready = location.hash || '#/';
  performance.mark(`ready ${main.dataset.ready}`);
}

window.addEventListener('hashchange', () => {
  render();
  main.focus({ preventScroll: false });
});

const quick = document.getElementById('quick-search');
quick.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = quick.elements.q.value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});

// "/" jumps to the search box, as on most sites; not while typing in a field
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) {
    event.preventDefault();
    quick.elements.q.focus();
  }
});

render();
