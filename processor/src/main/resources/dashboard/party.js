// Party page: its stances, its changes and their size, the contested claims it takes part in, its claim reversals
// (contradictions flagged) and its agreement with every other party (CONTRACT 6.1, 6.4, 6.5). Each list shows a page
// (CONTRACT section 8) and grows with "Show more", so that a party with years of statements opens as fast as any.
import { pages, seg } from './api.js';
import { el, growing, section, svg, time } from './dom.js';
import { fill, ink, signed, words } from './scale.js';
import { card } from './claims.js';

/** How many items each list of the open party showed, kept across live redraws of its page. */
let shown = { party: null, counts: {} };

export const title = ({ party }) => `Party ${party}`;

export async function render({ party }) {
  if (shown.party !== party) shown = { party, counts: {} };
  const p = seg(party);
  const list = (name, path, key, size, draw, empty, noun) => {
    const reader = pages(`/api/parties/${p}/${path}`, key);
    return growing(reader, {
      size, initial: shown.counts[name] || size, draw, empty, noun, key: `more-${name}`,
      grown: (n) => { shown.counts[name] = n; },
    }).then((holder) => ({ reader, holder }));
  };
  const [stances, changes, contested, claimChanges, agreement] = await Promise.all([
    list('stances', 'stances', 'stances', 50, (items) => stanceList(party, items), 'No stances yet.', 'stances'),
    list('changes', 'changes', 'changes', 50, changeList, 'It has not changed a stance.', 'changes'),
    list('contested', 'contested-claims', 'claims', 10, (items) => el('div', { class: 'contested' }, items.map((c) => card(c))),
      'It takes part in no contested claim.', 'contested claims'),
    list('claim-changes', 'claim-changes', 'changes', 50, claimChangeList,
      'It has not changed its position on any claim.', 'claim changes'),
    list('agreement', 'agreement', 'agreement', 30, agreementChart, 'It shares no topic with another party.', 'parties'),
  ]);
  const name = stances.reader.first?.party ?? party;
  return el('div', { class: 'party-page' },
    el('h2', {}, `Party ${name}`),
    section('Stances', 'Its latest stance on each topic it spoke on.', stances.holder),
    section('Changes of stance', 'Each change and its size on the scale, from \u22124 to +4.', changes.holder),
    section('Contested claims', 'Claims asserted by some and denied or disputed by others, on which it holds a position.',
      contested.holder),
    section('Claim reversals', 'Where it changed its position on a claim; a contradiction goes from asserting to denying or disputing, or back.',
      claimChanges.holder),
    section('Agreement', 'With each party that shares a topic: on how many shared topics they stand on the same side, and how far apart they are on average (0 to 4).',
      agreement.holder));
}

function stanceList(party, stances) {
  return el('ul', { class: 'stances' }, stances.map((s) => el('li', { 'data-topic': s.topic },
    el('a', { href: `#/topics/${seg(s.topic)}?party=${seg(party)}` }, s.topic), ' ',
    el('span', { class: 'chip', style: { background: fill(s.stance), color: ink(s.stance) } }, words(s.stance)),
    ` since ${time(s.since)}, ${s.statements} statement${s.statements === 1 ? '' : 's'}`)));
}

/** Each change with a bar as long as its shift, to the right towards support, to the left towards oppose. */
function changeList(changes) {
  const unit = 14;
  return el('ul', { class: 'changes' }, changes.map((c) => el('li', { class: c.reversal ? 'reversal' : null, 'data-topic': c.topic },
    svg('svg', { viewBox: `0 0 ${unit * 8 + 2} 16`, width: unit * 8 + 2, height: 16, class: 'shift-bar', 'aria-hidden': 'true' },
      svg('rect', { x: 1, y: 5, width: unit * 8, height: 6, fill: '#e4e4e4' }),
      Array.from({ length: 9 }, (_, k) => svg('line', { x1: 1 + k * unit, x2: 1 + k * unit, y1: k === 4 ? 0 : 4, y2: k === 4 ? 16 : 12, stroke: '#555' })),
      svg('rect', { x: unit * 4 + 1 + Math.min(0, c.shift) * unit, y: 3, width: Math.abs(c.shift) * unit, height: 10,
        fill: fill(c.to), stroke: '#333' })),
    ' ', el('span', { class: 'shift' }, signed(c.shift)), ' ',
    el('a', { href: `#/topics/${seg(c.topic)}` }, c.topic), `: ${words(c.from)} \u2192 ${words(c.to)}`,
    c.reversal ? el('span', { class: 'badge' }, 'reversal') : null, ` \u2014 ${time(c.occurredAt)}`)));
}

function claimChangeList(changes) {
  return el('ul', { class: 'claim-changes' }, changes.map((c) => el('li', {
    class: c.contradiction ? 'contradiction' : null, 'data-claim': c.claimId,
  }, el('code', {}, c.claimId), `: ${c.from} \u2192 ${c.to} \u2014 ${time(c.occurredAt)} `,
  c.contradiction ? el('span', { class: 'badge' }, 'contradiction') : null)));
}

/** One bar per party: the shared topics, the part of them agreed on filled, and the mean distance. */
function agreementChart(rows) {
  const most = Math.max(...rows.map((r) => r.topics));
  const unit = Math.min(60, 420 / most);
  const row = 30;
  return svg('svg', { viewBox: `0 0 900 ${rows.length * row + 4}`, class: 'agreement', role: 'list' },
    rows.map((r, i) => {
      const y = i * row + 4;
      return svg('g', { role: 'listitem', 'data-party': r.party },
        svg('a', { href: `#/parties/${seg(r.party)}` }, svg('text', { x: 0, y: y + 16, class: 'party-label' }, r.party)),
        svg('rect', { x: 80, y: y + 2, width: r.topics * unit, height: 18, fill: '#ffffff', stroke: '#555' }),
        svg('rect', { x: 80, y: y + 2, width: r.agree * unit, height: 18, fill: '#5e3c99' }),
        svg('text', { x: 90 + r.topics * unit, y: y + 16 },
          `same side on ${r.agree} of ${r.topics} shared topic${r.topics === 1 ? '' : 's'}, mean distance ${Number(r.distance).toFixed(2)}`));
    }));
}
