// @ts-check
/**
 * Ready-made replies beside a message box: a disclosure with a search field, a language choice
 * and the matching replies as buttons. Type to filter, arrow keys (or Tab) to move through the
 * results, Enter or click inserts the reply into the message box; nothing is sent.
 */
import { el } from '../page/dom.js';
import { request } from '../page/http.js';
import { data, text } from '../page/page-data.js';

/** @typedef {{ title: string, body: string, topic?: string | null, language: string }} Reply */

const LANGUAGES = ['nb', 'nn', 'en'];
/** @type {Record<string, Reply[]>} */
const cache = {};

/** @param {string} language @returns {Promise<Reply[] | null>} */
async function load(language) {
  if (cache[language]) return cache[language];
  const result = await request('GET', `/api/replies?language=${encodeURIComponent(language)}`);
  const items = result.ok && Array.isArray(result.body?.items) ? result.body.items : null;
  if (items) cache[language] = items;
  return items;
}

/** @param {unknown} value */
const normalise = (value) => String(value || '').toLocaleLowerCase();

/** @param {string} body */
function preview(body) {
  const flat = String(body || '').replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

/**
 * Inserts at the caret (replacing a selection), so a reply can go into a half-written message.
 * @param {HTMLTextAreaElement} textarea
 * @param {string} body
 */
function insertInto(textarea, body) {
  const start = typeof textarea.selectionStart === 'number' ? textarea.selectionStart : textarea.value.length;
  const end = typeof textarea.selectionEnd === 'number' ? textarea.selectionEnd : start;
  const before = textarea.value.slice(0, start);
  const after = textarea.value.slice(end);
  const glue = before && !/\s$/.test(before) ? ' ' : '';
  textarea.value = before + glue + body + after;
  const caret = (before + glue + body).length;
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The disclosure element to put in the page.
 * @param {{ textarea: HTMLTextAreaElement, idPrefix: string, language?: string, topic?: string }} options
 */
export function attachReplies(options) {
  const id = options.idPrefix;
  const language = LANGUAGES.find((code) => code === options.language) ?? LANGUAGES.find((code) => code === data.lang) ?? 'nb';
  /** @type {Reply[]} */
  let items = [];
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const search = /** @type {HTMLInputElement} */ (
    el('input', { className: 'ds-input', type: 'search', id: `${id}-replies-q`, autocomplete: 'off', 'aria-describedby': `${id}-replies-hint`, 'aria-controls': `${id}-replies-list` })
  );
  const select = /** @type {HTMLSelectElement} */ (
    el('select', { className: 'ds-input', id: `${id}-replies-lang` }, LANGUAGES.map((code) => el('option', { value: code, selected: code === language }, [text(`lang.${code}`)])))
  );
  const count = el('p', { className: 'ds-paragraph reply-picker__count', 'data-size': 'sm', role: 'status', id: `${id}-replies-count` });
  const list = el('ul', { className: 'reply-list', id: `${id}-replies-list`, 'aria-labelledby': `${id}-replies-count` });
  const details = /** @type {HTMLDetailsElement} */ (
    el('details', { className: 'ds-details reply-picker', dataset: { role: 'replies' } }, [
      el('summary', null, [text('replies.title')]),
      el('div', { className: 'stack' }, [
        el('div', { className: 'reply-picker__filters' }, [
          el('div', { className: 'ds-field' }, [el('label', { className: 'ds-label', for: search.id }, [text('replies.search')]), search]),
          el('div', { className: 'ds-field' }, [el('label', { className: 'ds-label', for: select.id }, [text('replies.language')]), select]),
        ]),
        el('p', { className: 'ds-paragraph', 'data-size': 'sm', id: `${id}-replies-hint` }, [text('replies.hint')]),
        count,
        list,
      ]),
    ])
  );

  function render() {
    const query = normalise(search.value.trim());
    const matches = items.filter((reply) => !query || normalise(reply.title).includes(query) || normalise(reply.body).includes(query));
    // Replies for the chat's topic first, then the general ones.
    matches.sort((a, b) => (b.topic === options.topic ? 1 : 0) - (a.topic === options.topic ? 1 : 0));
    list.textContent = '';
    for (const reply of matches) {
      const button = el('button', { type: 'button', className: 'reply-option', lang: reply.language }, [
        el('span', { className: 'reply-option__title' }, [reply.title]),
        el('span', { className: 'reply-option__body' }, [preview(reply.body)]),
      ]);
      button.addEventListener('click', () => {
        insertInto(options.textarea, reply.body);
        count.textContent = text('replies.inserted', { title: reply.title });
      });
      list.appendChild(el('li', null, [button]));
    }
    count.textContent = matches.length ? text('replies.count', { count: matches.length }) : text('replies.none');
  }

  async function refresh() {
    count.textContent = text('replies.loading');
    const loaded = await load(select.value);
    if (!loaded) {
      items = [];
      list.textContent = '';
      count.textContent = text('replies.failed');
      return;
    }
    items = loaded;
    render();
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 150);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = list.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter') {
      // Enter in the search field must not submit the composer around it.
      event.preventDefault();
      clearTimeout(timer);
      render();
    }
  });
  list.addEventListener('keydown', (event) => {
    const buttons = /** @type {HTMLButtonElement[]} */ ([...list.querySelectorAll('button')]);
    const index = buttons.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (index === -1) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) search.focus();
      else if (next < buttons.length) buttons[next].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      search.focus();
    }
  });
  select.addEventListener('change', refresh);
  details.addEventListener('toggle', () => {
    if (details.open && items.length === 0) void refresh();
  });
  return details;
}
