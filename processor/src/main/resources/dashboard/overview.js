// Overview: the party x topic grid on the stance scale, with a time slider that redraws it as of a moment (asOf).
import { get, mapLimited, seg } from './api.js';
import { el, partyLink, time } from './dom.js';
import { STANCES, fill, ink, words } from './scale.js';

/** The moment the slider shows (an ISO instant), or null for now; kept across live redraws. */
let selected = null;

export const title = () => 'Overview';

export async function render() {
  const { parties } = await get('/api/parties');
  const current = await mapLimited(parties, (p) => get(`/api/parties/${seg(p)}/stances`));
  const topics = [...new Set(current.flatMap((b) => b.stances.map((s) => s.topic)))].sort();
  const stops = await statementTimes(current);
  if (selected && !stops.includes(selected)) selected = null;

  const gridHolder = el('div', { class: 'grid-holder' });
  const draw = async () => {
    const bodies = selected
      ? await mapLimited(parties, (p) => get(`/api/parties/${seg(p)}/stances`, { asOf: selected }))
      : current;
    gridHolder.replaceChildren(grid(parties, topics, bodies));
  };
  await draw();

  return el('div', { class: 'overview' },
    el('h2', {}, 'Where each party stands'),
    el('p', { class: 'note' }, 'Each cell is a party\u2019s latest stance on a topic; open it for the topic\u2019s timeline. ',
      'Move the slider to see the grid as it stood at an earlier statement.'),
    slider(stops, draw),
    legend(),
    gridHolder);
}

/** Every moment a statement was made, sorted: the slider's stops (the last stop is now). */
async function statementTimes(current) {
  const cells = current.flatMap((b) => b.stances.map((s) => ({ party: b.party, ...s })));
  const times = await mapLimited(cells, async (c) => (c.statements <= 1 ? [c.since]
    : (await get(`/api/parties/${seg(c.party)}/stances/${seg(c.topic)}`)).history.map((h) => h.occurredAt)));
  return [...new Set(times.flat())].sort();
}

function slider(stops, draw) {
  const label = el('output', { for: 'as-of', id: 'as-of-label' });
  const input = el('input', {
    type: 'range', id: 'as-of', 'data-key': 'as-of', min: 0, max: stops.length, step: 1,
    value: selected ? stops.indexOf(selected) : stops.length,
    'aria-describedby': 'as-of-label',
  });
  const describe = () => {
    const i = Number(input.value);
    label.textContent = i >= stops.length ? 'now (latest statements)' : `${time(stops[i])} (statement ${i + 1} of ${stops.length} moments)`;
    input.setAttribute('aria-valuetext', label.textContent);
  };
  describe();
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
