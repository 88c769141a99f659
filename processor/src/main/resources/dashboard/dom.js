// Building HTML and SVG from data: text always goes in as text (never as markup), links only to http(s).

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'style') Object.assign(node.style, value); // CSSOM: allowed by the page's CSP
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el('a', {href: '#/claims'}, 'Claims'). */
export const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** An SVG element. */
export const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

/** "2025-12-05 14:00 UTC": every time on the page is UTC, as the API gives it. */
export function time(iso) {
  if (!iso) return '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The URL of a source when it is a web address, else null (no javascript: or data: links from the input). */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A source object as a link (when it has a web address) or as its words: "Outlet: Title, date". */
export function sourceLink(source) {
  if (!source) return null;
  const label = [source.outlet, source.title].filter(Boolean).join(': ') || source.url || 'source';
  const dated = source.publishedAt ? `${label} (${time(source.publishedAt)})` : label;
  const href = safeUrl(source.url);
  return href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, dated) : el('span', {}, dated);
}

/** A party's name linking to its page. */
export const partyLink = (party) =>
  el('a', { href: `#/parties/${encodeURIComponent(party)}`, class: 'party' }, party);

/** A heading with a short explanation under it. */
export const section = (title, note, ...content) =>
  el('section', {}, el('h2', {}, title), note ? el('p', { class: 'note' }, note) : null, ...content);

/**
 * A list that grows a page at a time: `draw(items)` draws every item read so far, and a "Show more" button reads the
 * next `size` from `reader` (see pages() in api.js) while the list goes on. `initial` items are read first (a redraw
 * shows as many as were shown before); `grown(count)` is told each time the list grows.
 */
export async function growing(reader, { size, initial = size, draw, empty, noun, key, grown }) {
  const items = await reader.more(initial);
  const holder = el('div', { class: 'growing' });
  const button = el('button', { type: 'button', class: 'more', 'data-key': key });
  const status = el('span', { class: 'shown', role: 'status' });
  const redraw = () => {
    button.textContent = `Show more ${noun}`;
    status.textContent = reader.done ? '' : ` ${items.length} shown`;
    const drawn = items.length ? [draw(items)].flat(Infinity) : [el('p', { class: 'none' }, empty)];
    holder.replaceChildren(...drawn, ...(reader.done ? [] : [el('p', { class: 'more-row' }, button, status)]));
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      items.push(...await reader.more(size));
      grown?.(items.length);
      redraw();
    } catch (e) {
      status.textContent = ` could not load more: ${e.message}`;
    }
    button.disabled = false;
    if (!reader.done) button.focus();
  });
  redraw();
  return holder;
}
