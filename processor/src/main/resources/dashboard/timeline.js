// Topic timeline: one step line per party across time on the five-point scale, a mark per statement (hover or
// focus shows who said what, and where), each change labelled with its shift, reversals set apart. A topic many
// parties spoke on shows a page of them at a time (by party, the one asked for first), growing with "Show more".
import { get, getOptional, mapLimited, pages, seg } from './api.js';
import { el, growing, partyLink, sourceLink, svg, time } from './dom.js';
import { STANCES, fill, partyStyle, score, signed, words } from './scale.js';

const W = 1000;
const BAND = 52;
const M = { left: 118, right: 64, top: 16, bottom: 40 };
const H = M.top + BAND * STANCES.length + M.bottom;
const HOUR = 3600e3;
const DAY = 24 * HOUR;
const PARTIES = 12;

/** How many parties the open topic showed, kept across live redraws. */
let shown = { topic: null, count: PARTIES };

export const title = ({ topic }) => `Timeline: ${topic}`;

export async function render({ topic, party: highlighted }) {
  if (shown.topic !== topic) shown = { topic, count: PARTIES };
  const lines = await growing(partyLines(topic, highlighted), {
    size: PARTIES, initial: shown.count, noun: 'parties', key: 'more-parties', empty: 'No party spoke on it.',
    grown: (n) => { shown.count = n; }, draw: (drawn) => timeline(drawn, highlighted),
  });
  return el('div', { class: 'timeline' },
    el('h2', {}, 'Topic ', el('code', {}, topic)),
    el('p', { class: 'note' }, 'Each line is a party\u2019s stance over time; each dot a statement. ',
      'Boxes give the size of a change on the scale (\u22124 to +4); black boxes are reversals, from one side of neutral to the other.'),
    lines);
}

/**
 * The parties on the topic a page at a time, each with its whole history and changes on it; the highlighted party
 * comes first even when its name is further down the list.
 */
function partyLines(topic, highlighted) {
  const parties = pages(`/api/topics/${seg(topic)}/stances`, 'stances', {}, (s) => s.party !== highlighted);
  let first = true;
  return {
    get done() { return parties.done; },
    async more(n) {
      const page = await parties.more(n);
      const names = page.map((s) => s.party);
      if (first && highlighted) {
        first = false;
        const own = await getOptional(`/api/parties/${seg(highlighted)}/stances/${seg(topic)}`, { limit: 1 });
        if (own && own.history.length) names.unshift(own.party);
      }
      return mapLimited(names, (party) => line(party, topic));
    },
  };
}

/** A party's statements and changes on the topic, every page of them. */
async function line(party, topic) {
  const history = [];
  const changes = [];
  let after = null;
  let body;
  do {
    body = await get(`/api/parties/${seg(party)}/stances/${seg(topic)}`, { limit: 1000, after });
    history.push(...body.history);
    changes.push(...body.changes);
    after = body.next || null;
  } while (after);
  return { party: body.party, history, changes };
}

function timeline(lines, highlighted) {
  const detail = el('div', { class: 'detail', id: 'statement-detail', 'aria-live': 'polite' },
    'Hover over or focus a mark (Tab) to read the statement.');
  const changes = lines.flatMap((l) => l.changes.map((c) => ({ party: l.party, ...c })))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.party.localeCompare(b.party));
  return el('div', {},
    chart(lines, highlighted, detail),
    detail,
    el('h3', {}, 'Changes'),
    changes.length ? el('ul', { class: 'changes' }, changes.map(changeItem))
      : el('p', {}, 'No party shown has changed its stance on this topic.'),
    el('h3', {}, 'Statements'),
    statementsTable(lines));
}

function chart(lines, highlighted, detail) {
  const times = lines.flatMap((l) => l.history.map((h) => Date.parse(h.occurredAt)));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, DAY);
  const t0 = first - span * 0.04;
  const t1 = last + span * 0.08;
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * (W - M.left - M.right);
  const yOf = (stance) => M.top + (2 - score(stance)) * BAND + BAND / 2;
  const right = W - M.right;

  const grid = [
    STANCES.map((s) => svg('g', {},
      svg('rect', { x: M.left, y: yOf(s) - BAND / 2, width: right - M.left, height: BAND, fill: fill(s), 'fill-opacity': 0.28 }),
      svg('text', { x: M.left - 8, y: yOf(s) + 4, 'text-anchor': 'end', class: 'axis' }, words(s)))),
    ticks(t0, t1).map((t) => svg('g', {},
      svg('line', { x1: x(t), x2: x(t), y1: M.top, y2: H - M.bottom, class: 'tick' }),
      svg('text', { x: x(t), y: H - M.bottom + 18, 'text-anchor': 'middle', class: 'axis' }, tickLabel(t, t1 - t0)))),
  ];
  const n = lines.length;
  const drawn = lines.map((line, i) => {
    const style = partyStyle(i);
    const nudge = (i - (n - 1) / 2) * Math.min(4, 14 / Math.max(n, 1));
    const y = (stance) => yOf(stance) + nudge;
    const h = line.history;
    const d = h.map((s, k) => (k === 0 ? `M${x(Date.parse(s.occurredAt))},${y(s.stance)}`
      : `H${x(Date.parse(s.occurredAt))}V${y(s.stance)}`)).join('') + `H${right}`;
    const strong = !highlighted || highlighted === line.party;
    return svg('g', { class: strong ? 'line' : 'line faint', 'data-party': line.party },
      svg('path', { d, fill: 'none', stroke: style.colour, 'stroke-width': strong ? 3 : 2, 'stroke-dasharray': style.dash || null }),
      svg('text', { x: right + 6, y: y(h[h.length - 1].stance) + 4, fill: style.colour, class: 'party-label' }, line.party),
      line.changes.map((c) => changeMark(c, line.party, x(Date.parse(c.occurredAt)), y, style.colour)),
      h.map((s) => statementMark(s, line.party, x(Date.parse(s.occurredAt)), y(s.stance), style.colour, detail)));
  });
  return svg('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'group',
    'aria-label': `Stances of ${lines.map((l) => l.party).join(', ')} over time`,
  }, grid, drawn);
}

/** The box that says how big a change was ("+2"); a reversal is black, with a band across the chart. */
function changeMark(change, party, cx, y, colour) {
  const mid = (y(change.from) + y(change.to)) / 2;
  const text = change.reversal ? `${signed(change.shift)} reversal` : signed(change.shift);
  const width = 12 + text.length * 7.2;
  const left = cx + 6 + width <= W - M.right ? cx + 6 : cx - 6 - width; // inside the chart
  return svg('g', {
    class: change.reversal ? 'change reversal' : 'change', 'data-party': party,
    'data-shift': change.shift, 'data-reversal': String(change.reversal),
  },
  change.reversal ? svg('rect', { x: cx - 3, y: M.top, width: 6, height: BAND * STANCES.length, class: 'reversal-band' }) : null,
  svg('rect', { x: left, y: mid - 10, width, height: 20, rx: 4, stroke: colour, class: 'change-box' }),
  svg('text', { x: left + 6, y: mid + 4, class: 'change-text' }, text),
  svg('title', {}, `${party}: ${words(change.from)} \u2192 ${words(change.to)} (${signed(change.shift)}${change.reversal ? ', a reversal' : ''}) at ${time(change.occurredAt)}`));
}

function statementMark(statement, party, cx, cy, colour, detail) {
  const said = `${party}, ${words(statement.stance)}, ${time(statement.occurredAt)}`;
  const show = () => detail.replaceChildren(
    el('p', {}, el('strong', {}, party), ` \u2014 ${words(statement.stance)} \u2014 ${time(statement.occurredAt)}`),
    statement.speaker ? el('p', {}, 'Speaker: ', statement.speaker) : null,
    statement.quote ? el('blockquote', {}, statement.quote) : null,
    statement.source ? el('p', {}, 'Source: ', sourceLink(statement.source)) : null);
  return svg('circle', {
    cx, cy, r: 6.5, fill: colour, class: 'mark', tabindex: 0, 'data-key': `mark-${party}-${statement.eventId}`,
    'data-party': party, role: 'img',
    'aria-label': `${said}${statement.speaker ? `, ${statement.speaker}` : ''}${statement.quote ? `: ${statement.quote}` : ''}`,
    onmouseenter: show, onfocus: show,
  });
}

function changeItem(c) {
  return el('li', { class: c.reversal ? 'reversal' : null, 'data-party': c.party },
    partyLink(c.party), `: ${words(c.from)} \u2192 ${words(c.to)} `,
    el('span', { class: 'shift' }, signed(c.shift)),
    c.reversal ? el('span', { class: 'badge' }, 'reversal') : null,
    ` \u2014 ${time(c.occurredAt)}`);
}

function statementsTable(lines) {
  const rows = lines.flatMap((l) => l.history.map((h) => ({ party: l.party, ...h })))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.party.localeCompare(b.party));
  return el('table', { class: 'statements' },
    el('thead', {}, el('tr', {}, ['When', 'Party', 'Stance', 'Speaker', 'Quote', 'Source'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {},
      el('td', { class: 'when' }, time(r.occurredAt)), el('td', {}, partyLink(r.party)), el('td', {}, words(r.stance)),
      el('td', {}, r.speaker || ''), el('td', {}, r.quote || ''), el('td', {}, sourceLink(r.source) || '')))));
}

/** About eight ticks: whole days (or hours for a short span), in UTC. */
function ticks(t0, t1) {
  const span = t1 - t0;
  const unit = span > 2 * DAY ? DAY : HOUR;
  const step = unit * Math.max(1, Math.ceil(span / unit / 8));
  const out = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) out.push(t);
  return out;
}

function tickLabel(t, span) {
  const iso = new Date(t).toISOString();
  return span > 2 * DAY ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}
