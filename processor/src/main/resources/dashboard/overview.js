// Overview: the most active parties and topics (by number of statements, from /api/activity), a search box that
// finds any other, and where the most active parties stand on the most active topics: a grid on the stance scale,
// with a time slider that redraws it as of any earlier statement (asOf). However large the archive, it reads one
// ranking and one list of stances per party shown.
import { all, get, mapLimited, seg } from './api.js';
import { el, partyLink, svg, time } from './dom.js';
import { STANCES, fill, ink, words } from './scale.js';
import { searchBox } from './search.js';

const TOP = 20;

/** The moment the slider shows (an ISO instant), or null for now; kept across live redraws. */
let selected = null;
/** The statement times of each grid cell already read, by party and topic, with the count they were read at. */
const moments = new Map();

export const title = () => 'Overview';

/**
 * The rankings and the search box are drawn as soon as the ranking is read; the grid follows when the stances are
 * (at once on a redraw, so that the focus stays where it was). The grid's drawing is marked on the page's
 * performance timeline ("partyline-overview-grid").
 */
export async function render(params, { redraw = false } = {}) {
  const activity = await get('/api/activity', { limit: TOP });
  const parties = activity.parties.map((p) => p.party);
  const topics = activity.topics.map((t) => t.topic);
  const where = el('div', { class: 'where', 'aria-busy': 'true' },
    el('p', { class: 'note' }, 'Reading where these parties stand\u2026'));
  const filled = stancesOf(parties, null).then(async (current) => {
    const gridHolder = el('div', { class: 'grid-holder' });
    const draw = async () => {
      const bodies = selected ? await stancesOf(parties, selected) : current;
      gridHolder.replaceChildren(grid(parties, topics, bodies));
    };
    await draw();
    where.replaceChildren(slider(parties, topics, current, draw), legend(), gridHolder);
    where.removeAttribute('aria-busy');
    performance.mark('partyline-overview-grid');
  }).catch((e) => {
    where.replaceChildren(el('p', { class: 'error', role: 'alert' }, `Could not read where they stand: ${e.message}`));
  });
  if (redraw) await filled;

  return el('div', { class: 'overview' },
    el('h2', {}, 'Most active'),
    searchBox(),
    el('div', { class: 'rankings' },
      ranking('Parties', 'parties', activity.parties.map((p) => ({ name: p.party, statements: p.statements,
        href: `#/parties/${seg(p.party)}`, attrs: { 'data-party': p.party } }))),
      ranking('Topics', 'topics', activity.topics.map((t) => ({ name: t.topic, statements: t.statements,
        href: `#/topics/${seg(t.topic)}`, attrs: { 'data-topic': t.topic } })))),
    el('h2', {}, 'Where they stand'),
    el('p', { class: 'note' }, `The ${parties.length} most active parties on the ${topics.length} most active topics: `,
      'each cell is a party\u2019s latest stance on a topic; open it for the topic\u2019s timeline. ',
      'Move the slider to see the grid as it stood at an earlier statement.'),
    where);
}

/** Each party's stances on every topic it spoke on (now, or as of `asOf`). */
function stancesOf(parties, asOf) {
  return mapLimited(parties, async (p) => {
    const { body, items } = await all(`/api/parties/${seg(p)}/stances`, 'stances', { asOf });
    return { party: body.party, stances: items };
  });
}

/** A ranked list: each name links to its page, with a bar as long as its number of statements. */
function ranking(heading, kind, rows) {
  const most = Math.max(1, ...rows.map((r) => r.statements));
  return el('section', { class: `ranking ${kind}`, 'aria-label': `Most active ${kind}` },
    el('h3', {}, heading),
    rows.length ? el('ol', { id: `top-${kind}` }, rows.map((r) => el('li', r.attrs,
      el('a', { href: r.href, 'data-key': `top-${kind}-${r.name}` }, r.name),
      svg('svg', { viewBox: '0 0 200 12', width: 200, height: 12, class: 'bar', 'aria-hidden': 'true' },
        svg('rect', { x: 0, y: 1, width: Math.max(1, (r.statements / most) * 200), height: 10 })),
      el('span', { class: 'count' }, `${r.statements} statement${r.statements === 1 ? '' : 's'}`))))
      : el('p', { class: 'none' }, 'No statements yet.'));
}

/**
 * The slider over every moment a statement in the grid was made (its last stop is now). Its stops are read after
 * the grid is drawn, from the histories of the cells not read before, so that they never hold up the overview.
 */
function slider(parties, topics, current, draw) {
  const label = el('output', { for: 'as-of', id: 'as-of-label' }, 'reading the moments of these statements\u2026');
  const input = el('input', {
    type: 'range', id: 'as-of', 'data-key': 'as-of', min: 0, max: 1, step: 1, value: 1, disabled: true,
    'aria-describedby': 'as-of-label',
  });
  let stops = [];
  const describe = () => {
    const i = Number(input.value);
    label.textContent = i >= stops.length ? 'now (latest statements)' : `${time(stops[i])} (statement ${i + 1} of ${stops.length} moments)`;
    input.setAttribute('aria-valuetext', label.textContent);
  };
  statementTimes(parties, topics, current).then((found) => {
    stops = found;
    if (selected && !stops.includes(selected)) selected = null;
    input.max = stops.length;
    input.value = selected ? stops.indexOf(selected) : stops.length;
    input.disabled = false;
    describe();
  }).catch((e) => { label.textContent = `the slider could not read the statements: ${e.message}`; });
  let timer;
  input.addEventListener('input', () => {
    describe();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const i = Number(input.value);
      selected = i >= stops.length ? null : stops[i];
      draw().catch((e) => { label.textContent = `could not load: ${e.message}`; });
    }, 150);
  });
  return el('div', { class: 'slider' }, el('label', { for: 'as-of' }, 'As of '), input, ' ', label);
}

/** Every moment a statement in the grid was made, sorted; a cell whose count has not changed is not read again. */
async function statementTimes(parties, topics, current) {
  const shown = new Set(topics);
  const cells = current.flatMap((b) => b.stances.filter((s) => shown.has(s.topic)).map((s) => ({ party: b.party, ...s })));
  const times = await mapLimited(cells, async (c) => {
    const key = `${c.party}\u0000${c.topic}`;
    const known = moments.get(key);
    if (known && known.statements === c.statements) return known.times;
    const found = c.statements <= 1 ? [c.since]
      : (await all(`/api/parties/${seg(c.party)}/stances/${seg(c.topic)}`, 'history')).items.map((h) => h.occurredAt);
    moments.set(key, { statements: c.statements, times: found });
    return found;
  });
  return [...new Set(times.flat())].sort();
}

function legend() {
  return el('ul', { class: 'legend', 'aria-label': 'Stance scale' },
    STANCES.map((s) => el('li', { style: { background: fill(s), color: ink(s) } }, words(s))));
}

function grid(parties, topics, bodies) {
  const byParty = new Map(bodies.map((b) => [b.party, new Map(b.stances.map((s) => [s.topic, s]))]));
  return el('table', { class: 'grid', id: 'stance-grid' },
    el('caption', {}, selected ? `Stances as of ${time(selected)}` : 'Stances now'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Party'),
      topics.map((t) => el('th', { scope: 'col' },
        el('a', { href: `#/topics/${seg(t)}`, 'data-key': `topic-${t}` }, t))))),
    el('tbody', {}, parties.map((p) => el('tr', {},
      el('th', { scope: 'row' }, partyLink(p)),
      topics.map((t) => cell(p, t, byParty.get(p)?.get(t)))))));
}

function cell(party, topic, stance) {
  const href = `#/topics/${seg(topic)}?party=${seg(party)}`;
  const key = `cell-${party}-${topic}`;
  if (!stance) {
    return el('td', { class: 'empty', 'data-party': party, 'data-topic': topic },
      el('a', { href, 'data-key': key, 'aria-label': `${party} on ${topic}: no stance` }, '\u2013'));
  }
  return el('td', {
    'data-party': party, 'data-topic': topic, 'data-stance': stance.stance,
    style: { background: fill(stance.stance), color: ink(stance.stance) },
  }, el('a', {
    href, 'data-key': key, title: `since ${time(stance.since)}`,
    'aria-label': `${party} on ${topic}: ${words(stance.stance)} since ${time(stance.since)}`,
  }, words(stance.stance)));
}
