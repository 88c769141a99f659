// The dashboard's shell: hash routes to the four views, the token prompt, and the live feed that redraws the
// open view when /api/events reports a change. Everything it shows comes from the public REST API.
import { follow, setTokenPrompt } from './api.js';
import { el } from './dom.js';
import { words } from './scale.js';
import * as overview from './overview.js';
import * as timeline from './timeline.js';
import * as claims from './claims.js';
import * as party from './party.js';

const main = document.getElementById('main');
const liveBadge = document.getElementById('live');
const announce = document.getElementById('announce');
let generation = 0;

/** #/overview, #/topics/{topic}?party=P, #/claims, #/parties/{party}. */
function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  if (parts[0] === 'topics' && parts[1]) return { view: timeline, params: { ...params, topic: parts[1] }, nav: 'overview' };
  if (parts[0] === 'claims') return { view: claims, params, nav: 'claims' };
  if (parts[0] === 'parties' && parts[1]) return { view: party, params: { party: parts[1] }, nav: null };
  return { view: overview, params, nav: 'overview' };
}

/**
 * Draws the view of the address; a redraw keeps the focus where it was (by data-key) when it can. Each draw is
 * marked on the page's performance timeline ("partyline-view"), so that how long a view takes can be measured.
 */
async function show({ redraw = false } = {}) {
  const mine = ++generation;
  const { view, params, nav } = route();
  const focused = main.contains(document.activeElement) ? document.activeElement?.dataset?.key : null;
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = await view.render(params, { redraw });
  } catch (e) {
    content = el('div', { class: 'error', role: 'alert' }, el('h2', {}, 'Could not load this view'), el('p', {}, e.message));
  }
  if (mine !== generation) return; // a newer draw started meanwhile
  main.replaceChildren(content);
  main.removeAttribute('aria-busy');
  document.title = `${view.title(params)} \u2014 Partyline`;
  document.querySelectorAll('header nav a').forEach((a) => {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (focused) main.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  else if (!redraw) main.focus({ preventScroll: true });
  performance.mark('partyline-view', { detail: location.hash || '#/overview' });
}

/** Asks for the access token in a dialog; resolves with what was typed. */
function askForToken(wrong) {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token');
  document.getElementById('token-wrong').hidden = !wrong;
  input.value = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(input.value), { once: true });
    dialog.showModal();
    input.focus();
  });
}

let pending = null;
/** Redraws soon after live events (several events that come together make one redraw). */
function redrawSoon(message) {
  if (message) announce.textContent = message;
  clearTimeout(pending);
  pending = setTimeout(() => show({ redraw: true }), 300);
}

function describe({ name, data }) {
  if (name === 'stance-change') return `${data.party} on ${data.topic}: ${words(data.from)} \u2192 ${words(data.to)}`;
  if (name === 'claim-status') return `claim ${data.claimId} is now ${data.status}`;
  return null;
}

setTokenPrompt(askForToken);
document.getElementById('token-dialog').addEventListener('cancel', (e) => e.preventDefault());
window.addEventListener('hashchange', () => { if (location.hash.startsWith('#/')) show(); });
document.getElementById('refresh').addEventListener('click', () => show({ redraw: true }));
// The first view is drawn once the feed is open (or after 1.5 s without it), so that no change falls between
// what it reads and what the feed reports; after a reconnection the view is drawn again to catch up.
let feedOpened;
const feedOpen = new Promise((resolve) => { feedOpened = resolve; });
let wasLive = false;
Promise.race([feedOpen, new Promise((resolve) => setTimeout(resolve, 1500))]).then(() => show());
follow((event) => {
  const message = describe(event);
  if (message) redrawSoon(`Updated: ${message}`);
  else if (event.name === 'overflow') redrawSoon();
}, (state) => {
  liveBadge.dataset.state = state;
  liveBadge.textContent = state === 'live' ? '\u25cf Live' : '\u25cb Reconnecting\u2026';
  if (state === 'live') {
    if (wasLive) redrawSoon();
    wasLive = true;
    feedOpened();
  }
});
