// A small client of the Partyline REST API (CONTRACT sections 4 and 6): GET with the bearer token, and the change
// feed of /api/events read with fetch() so that it can carry the token too (EventSource cannot send headers).

const TOKEN_KEY = 'partyline.token';
let asking = null;

/** An answer that was not 2xx: the status and the server's {"error"} message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * Asks the person for the token (once for every request waiting on it) and keeps it for this tab.
 * The page supplies the asking, see {@link setTokenPrompt}.
 */
let prompt = async () => { throw new ApiError(401, 'this server needs a token'); };
export function setTokenPrompt(ask) { prompt = ask; }

async function askToken(wrong) {
  if (!asking) {
    asking = prompt(wrong).then((token) => { sessionStorage.setItem(TOKEN_KEY, token.trim()); })
      .finally(() => { asking = null; });
  }
  return asking;
}

/** GET a path of the API and read its JSON; asks for the token on a 401, then tries again. */
export async function get(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== ''));
  const text = query.toString();
  const url = text ? `${path}?${text}` : path;
  for (;;) {
    const hadToken = sessionStorage.getItem(TOKEN_KEY) != null;
    const res = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders() }, cache: 'no-store' });
    if (res.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      await askToken(hadToken);
      continue;
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, body.error || `${url}: HTTP ${res.status}`);
    return body;
  }
}

/** Like {@link get}, but null when the resource does not exist (404): an older server, or nothing there. */
export async function getOptional(path, params) {
  try {
    return await get(path, params);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * Reads a list route page by page (CONTRACT section 8): each `more(n)` resolves to the next `n` items (fewer at the
 * end). It asks for `limit=n` and follows the body's `next` with `after=`; a server that answers the whole list at
 * once is handed out `n` items at a time all the same. `first` is the first body (the party of a party's list, ...),
 * `done` says that every item has been handed out. Only the items `keep` accepts are handed out (all by default):
 * a filter the server may not apply itself.
 */
export function pages(path, key, params = {}, keep = () => true) {
  let after = null;
  let ended = false;
  const waiting = [];
  const reader = {
    first: null,
    done: false,
    async more(n = 50) {
      while (waiting.length < n && !ended) {
        const body = await get(path, { ...params, limit: n, after });
        if (!reader.first) reader.first = body;
        waiting.push(...(body[key] || []).filter(keep));
        after = body.next || null;
        ended = !after;
      }
      const items = waiting.splice(0, n);
      reader.done = ended && waiting.length === 0;
      return items;
    },
  };
  return reader;
}

/** Every item of a paged list (pages of up to 1,000): for lists known to be short, such as one party's topics. */
export async function all(path, key, params = {}) {
  const reader = pages(path, key, params);
  const items = [];
  while (!reader.done) items.push(...await reader.more(1000));
  return { body: reader.first, items };
}

/** Maps items through an async function, at most `width` at a time (a page should not flood an instance). */
export async function mapLimited(items, fn, width = 6) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Path segment: ids are slugs, but the page never trusts that. */
export const seg = encodeURIComponent;

/**
 * Follows /api/events until stopped: calls onEvent({name, id, data}) for each event and onState('live' |
 * 'reconnecting') as the stream opens and drops; reconnects with a growing pause (1 s to 15 s).
 */
export async function follow(onEvent, onState) {
  let pause = 1000;
  for (;;) {
    try {
      const res = await fetch('/api/events', {
        headers: { Accept: 'text/event-stream', ...authHeaders() }, cache: 'no-store',
      });
      if (res.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        await askToken(true);
        continue;
      }
      if (!res.ok || !res.body) throw new ApiError(res.status, `/api/events: HTTP ${res.status}`);
      onState('live');
      pause = 1000;
      await readFrames(res.body, onEvent);
    } catch (e) {
      console.warn('Partyline: the change feed dropped', e);
    }
    onState('reconnecting');
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 15000);
  }
}

/** Reads server-sent event frames (blank-line separated; "event:", "data:", "id:" fields, ":" comments). */
async function readFrames(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = (buffer + value).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { name: 'message', id: null, data: [] };
      for (const line of frame.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = text;
        else if (field === 'id') event.id = text;
        else if (field === 'data') event.data.push(text);
      }
      if (event.data.length) {
        let data;
        try { data = JSON.parse(event.data.join('\n')); } catch { data = event.data.join('\n'); }
        onEvent({ name: event.name, id: event.id, data });
      }
    }
  }
}
