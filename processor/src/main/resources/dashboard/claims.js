// Claims board: the claims by status, a page at a time (CONTRACT section 8), each column growing with "Show more";
// a filter that shows one status, and a search by claim id. Each card says what the claim is, who asserts it, who
// denies or disputes it, where it first appeared (origin) and how often each party repeated it (CONTRACT 6.3).
import { getOptional, pages, seg } from './api.js';
import { el, growing, partyLink, sourceLink, time } from './dom.js';

const STATUSES = [
  ['CONTESTED', 'Contested', 'asserted by some, denied or disputed by others'],
  ['ASSERTED', 'Asserted', 'asserted, nobody denies it'],
  ['DENIED', 'Denied', 'denied or disputed, nobody asserts it'],
  ['WITHDRAWN', 'Withdrawn', 'every party retracted'],
];
const SIDES = [['ASSERTS', 'Asserts'], ['DENIES', 'Denies'], ['DISPUTES', 'Disputes'], ['RETRACTS', 'Retracted']];
const PAGE = 20;
const CLAIM_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** What the board shows, kept across live redraws: the status filter, the search, and how many cards per column. */
const state = { status: '', search: '', shown: {} };

export const title = () => 'Claims';

export async function render() {
  const board = el('div', { class: 'board', id: 'claim-board' });
  const results = el('div', { class: 'claim-results', id: 'claim-results', 'aria-live': 'polite' });
  const filter = el('select', { id: 'claim-status', 'data-key': 'claim-status' },
    el('option', { value: '' }, 'All statuses'),
    STATUSES.map(([status, name]) => el('option', { value: status }, name)));
  filter.value = state.status;
  filter.addEventListener('change', async () => {
    state.status = filter.value;
    await drawBoard(board);
  });
  const search = el('input', { type: 'search', id: 'claim-search', 'data-key': 'claim-search', autocomplete: 'off',
    spellcheck: 'false', placeholder: 'pokrovsk-captured' });
  search.value = state.search;
  const form = el('form', { class: 'claim-find', role: 'search' },
    el('label', { for: 'claim-search' }, 'Find a claim by its id '), search, ' ',
    el('button', { type: 'submit', id: 'claim-find' }, 'Find'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    state.search = search.value.trim().toLowerCase();
    await drawResults(results);
  });

  await Promise.all([drawBoard(board), drawResults(results)]);
  return el('div', { class: 'claims' },
    el('h2', {}, 'Claims by status'),
    el('p', { class: 'note' }, 'Factual claims the parties made, with who holds which position now. ',
      '\u00d7N is how many times a party spoke on the claim.'),
    el('div', { class: 'claim-controls' }, form,
      el('p', {}, el('label', { for: 'claim-status' }, 'Show '), filter)),
    results,
    board);
}

/** The columns of the statuses the filter shows, each with its first page (or as many cards as it showed before). */
async function drawBoard(board) {
  const shown = STATUSES.filter(([status]) => !state.status || state.status === status);
  board.classList.toggle('one', shown.length === 1);
  const columns = await Promise.all(shown.map(async ([status, name, meaning]) => {
    const cards = await growing(pages('/api/claims', 'claims', { status }), {
      size: PAGE, initial: state.shown[status] || PAGE, draw: (claims) => claims.map((c) => card(c)),
      empty: 'None.', noun: `${name.toLowerCase()} claims`, key: `more-${status}`,
      grown: (n) => { state.shown[status] = n; },
    });
    return el('section', { class: `column status-${status}`, 'data-status': status, 'aria-label': `${name} claims` },
      el('h3', {}, name), el('p', { class: 'note' }, meaning), cards);
  }));
  board.replaceChildren(...columns);
}

/**
 * The claim whose id was searched for and the claims whose ids start with it (from /api/claims?prefix=, where the
 * server offers it; a server that does not answers every claim, and only those that match are kept).
 */
async function drawResults(results) {
  const text = state.search;
  if (!text) { results.replaceChildren(); return; }
  if (!CLAIM_ID.test(text)) {
    results.replaceChildren(el('p', { class: 'error' }, `\u201c${text}\u201d cannot be a claim id: lower-case letters, digits and dashes.`));
    return;
  }
  const [exact, starting] = await Promise.all([
    getOptional(`/api/claims/${seg(text)}`),
    pages('/api/claims', 'claims', { prefix: text }, (c) => c.claimId.startsWith(text) && c.claimId !== text).more(PAGE),
  ]);
  const found = [exact, ...starting].filter(Boolean).slice(0, PAGE);
  results.replaceChildren(el('section', { 'aria-label': 'Claims found' },
    el('h3', {}, `Claims whose id starts with \u201c${text}\u201d`),
    found.length ? found.map((c) => card(c, true)) : el('p', { class: 'none' }, 'No claim has such an id.')));
}

/** A claim's card; `withStatus` names its status too (where no column says it). */
export function card(claim, withStatus = false) {
  return el('article', { class: 'card', 'data-claim': claim.claimId, 'data-status': claim.status },
    el('h4', {}, el('code', {}, claim.claimId),
      withStatus && claim.status ? el('span', { class: 'status' }, ` ${claim.status.toLowerCase()}`) : null),
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
