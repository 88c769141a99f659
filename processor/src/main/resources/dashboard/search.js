// The search box that finds any party or topic by the start of its name: suggestions as one types (from
// /api/parties?prefix= and /api/topics?prefix=), picked with the mouse or the arrow keys and Enter, open the page
// of the party or the timeline of the topic. It follows the ARIA combobox pattern (a text box with a list box).
import { get, seg } from './api.js';
import { el } from './dom.js';

const SHOWN = 8;
/** What was typed, kept when a live redraw draws the box again. */
let typed = '';
const PARTY = /^[A-Z0-9][A-Z0-9_.-]{0,63}$/;
const TOPIC = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** The parties and topics whose names start with `text` (a party in capitals, a topic in lower case). */
async function suggestions(text) {
  const party = text.trim().toUpperCase();
  const topic = text.trim().toLowerCase();
  const [parties, topics] = await Promise.all([
    PARTY.test(party) ? get('/api/parties', { prefix: party, limit: SHOWN }) : { parties: [] },
    TOPIC.test(topic) ? get('/api/topics', { prefix: topic, limit: SHOWN }) : { topics: [] },
  ]);
  // A server that does not know `prefix` answers every name: only those that start with the text are kept.
  return [
    ...parties.parties.filter((p) => p.startsWith(party)).slice(0, SHOWN)
      .map((p) => ({ kind: 'party', name: p, href: `#/parties/${seg(p)}` })),
    ...topics.topics.filter((t) => t.startsWith(topic)).slice(0, SHOWN)
      .map((t) => ({ kind: 'topic', name: t, href: `#/topics/${seg(t)}` })),
  ];
}

/** The search box and its list of suggestions. */
export function searchBox() {
  const input = el('input', {
    type: 'search', id: 'search', 'data-key': 'search', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-suggestions',
    placeholder: 'a party (UA) or a topic (ceasefire)',
  });
  const list = el('ul', { id: 'search-suggestions', role: 'listbox', 'aria-label': 'Parties and topics', hidden: true });
  const status = el('p', { class: 'note', id: 'search-status', 'aria-live': 'polite' });
  let found = [];
  let active = -1;
  let asked = 0;
  let timer;

  const open = (item) => { typed = ''; location.hash = item.href; };
  const mark = (i) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-option-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const show = (items, text) => {
    found = items;
    list.replaceChildren(...items.map((item, i) => el('li', {
      id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', 'data-kind': item.kind, 'data-name': item.name,
      onmousedown: (e) => { e.preventDefault(); open(item); },
    }, el('span', { class: 'kind' }, item.kind === 'party' ? 'Party' : 'Topic'), ' ', item.name)));
    const expanded = items.length > 0 && document.activeElement === input;
    list.hidden = !expanded;
    input.setAttribute('aria-expanded', String(expanded));
    status.textContent = !text ? '' : items.length ? `${items.length} match${items.length === 1 ? '' : 'es'}`
      : `No party or topic starts with \u201c${text}\u201d.`;
    mark(-1);
  };
  const ask = async () => {
    const text = input.value.trim();
    const mine = ++asked;
    if (!text) { show([], ''); return; }
    try {
      const items = await suggestions(text);
      if (mine === asked) show(items, text);
    } catch (e) {
      if (mine === asked) status.textContent = `Could not search: ${e.message}`;
    }
  };

  input.addEventListener('input', () => { typed = input.value; clearTimeout(timer); timer = setTimeout(ask, 120); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && found.length) { e.preventDefault(); mark((active + 1) % found.length); }
    else if (e.key === 'ArrowUp' && found.length) { e.preventDefault(); mark((active - 1 + found.length) % found.length); }
    else if (e.key === 'Enter' && found.length) { e.preventDefault(); open(found[Math.max(active, 0)]); }
    else if (e.key === 'Escape') { show([], ''); }
  });
  input.addEventListener('blur', () => setTimeout(() => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }, 150));
  input.addEventListener('focus', () => { if (found.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } });

  if (typed) {
    input.value = typed;
    ask();
  }
  return el('div', { class: 'search', role: 'search' },
    el('label', { for: 'search' }, 'Find a party or a topic '),
    el('div', { class: 'combo' }, input, list),
    status);
}
