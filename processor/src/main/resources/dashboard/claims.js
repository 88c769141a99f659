// Claims board: claims grouped by status; each card says what the claim is, who asserts it, who denies or
// disputes it, where it first appeared (origin) and how often each party repeated it (CONTRACT 6.3).
import { get } from './api.js';
import { el, partyLink, sourceLink, time } from './dom.js';

const STATUSES = [
  ['CONTESTED', 'Contested', 'asserted by some, denied or disputed by others'],
  ['ASSERTED', 'Asserted', 'asserted, nobody denies it'],
  ['DENIED', 'Denied', 'denied or disputed, nobody asserts it'],
  ['WITHDRAWN', 'Withdrawn', 'every party retracted'],
];
const SIDES = [['ASSERTS', 'Asserts'], ['DENIES', 'Denies'], ['DISPUTES', 'Disputes'], ['RETRACTS', 'Retracted']];

export const title = () => 'Claims';

export async function render() {
  const { claims } = await get('/api/claims');
  return el('div', { class: 'claims' },
    el('h2', {}, 'Claims by status'),
    el('p', { class: 'note' }, 'Factual claims the parties made, with who holds which position now. ',
      '\u00d7N is how many times a party spoke on the claim.'),
    el('div', { class: 'board' }, STATUSES.map(([status, name, meaning]) => {
      const mine = claims.filter((c) => c.status === status);
      return el('section', { class: `column status-${status}`, 'data-status': status, 'aria-label': `${name} claims` },
        el('h3', {}, `${name} (${mine.length})`),
        el('p', { class: 'note' }, meaning),
        mine.length ? mine.map(card) : el('p', { class: 'none' }, 'None.'));
    })));
}

function card(claim) {
  return el('article', { class: 'card', 'data-claim': claim.claimId, 'data-status': claim.status },
    el('h4', {}, el('code', {}, claim.claimId)),
    el('p', { class: 'proposition' }, claim.proposition || '(no proposition given)'),
    el('dl', {}, SIDES.map(([position, label]) => {
      const holders = claim.positions.filter((p) => p.position === position);
      return holders.length ? [el('dt', {}, label),
        el('dd', { 'data-position': position }, holders.map((p, i) => [i ? ', ' : '', partyLink(p.party),
          p.events > 1 ? el('span', { class: 'repeats', title: `${p.party} spoke on it ${p.events} times` }, ` \u00d7${p.events}`) : null]))]
        : [];
    })),
    origin(claim),
    claim.events != null ? el('p', { class: 'meta' }, `${claim.events} event${claim.events === 1 ? '' : 's'}`) : null);
}

/** Where the claim was first asserted; nothing when the server does not say (before CONTRACT 6.3). */
function origin(claim) {
  if (claim.origin === undefined) return null;
  if (claim.origin === null) return el('p', { class: 'origin' }, 'No party has asserted it.');
  const o = claim.origin;
  return el('p', { class: 'origin' }, 'First asserted by ', partyLink(o.party), ` on ${time(o.occurredAt)}`,
    o.source ? [' \u2014 ', sourceLink(o.source)] : null);
}
