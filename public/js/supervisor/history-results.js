// @ts-check
/**
 * One history search result: the chat's facts and the matching snippets. Snippets arrive as
 * escaped HTML with <mark>; they are rebuilt as text nodes and <mark> elements, never inserted as HTML.
 */
import { el } from '../page/dom.js';
import { locale, text } from '../page/page-data.js';

/** @typedef {import('../page/types').HistoryItemDto} HistoryItemDto */
/** @typedef {import('../page/types').HistorySnippetDto} HistorySnippetDto */

const dateFormat = new Intl.DateTimeFormat(locale, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo',
});

/** @param {string} iso */
function formatDate(iso) {
  const date = new Date(iso);
  return isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/** @type {Record<string, string>} */
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#039;': "'" };

/** @param {string} escaped */
const decode = (escaped) => escaped.replace(/&(?:amp|lt|gt|quot|#39|#x27|#039);/g, (entity) => ENTITIES[entity]);

/**
 * The snippet's escaped HTML as DOM nodes: only <mark> and </mark> are honoured; if anything
 * else looks like a tag the whole snippet is shown as plain text without marks.
 * @param {string} html
 */
export function snippetNodes(html) {
  const source = String(html || '');
  const parts = source.split(/(<mark>|<\/mark>)/);
  const clean = parts.every((part) => part === '<mark>' || part === '</mark>' || !/[<>]/.test(part));
  const fragment = document.createDocumentFragment();
  if (!clean) {
    fragment.appendChild(document.createTextNode(decode(source.replace(/<\/?mark>/g, '').replace(/<[^>]*>/g, ''))));
    return fragment;
  }
  /** @type {HTMLElement | null} */
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') {
      mark = mark || el('mark');
    } else if (part === '</mark>') {
      if (mark) fragment.appendChild(mark);
      mark = null;
    } else if (part) {
      (mark || fragment).appendChild(document.createTextNode(decode(part)));
    }
  }
  if (mark) fragment.appendChild(mark);
  return fragment;
}

/** @param {HistorySnippetDto} snippet */
function snippetAuthor(snippet) {
  if (snippet.authorName) return snippet.authorName;
  if (snippet.author === 'citizen') return text('history.author.citizen');
  if (snippet.author === 'agent') return text('history.author.agent');
  return text('history.author.system');
}

/** @param {HistorySnippetDto} snippet */
function snippetItem(snippet) {
  const note = snippet.source === 'note';
  const label = note ? text('history.snippet.note', { name: snippet.authorName || '' }) : text('history.snippet.message', { author: snippetAuthor(snippet) });
  return el('li', { className: 'history-snippet', dataset: { source: note ? 'note' : 'message' } }, [
    el('span', { className: note ? 'ds-tag history-snippet__label' : 'history-snippet__label', 'data-color': note ? 'warning' : null, 'data-size': note ? 'sm' : null }, [label]),
    ' ',
    el('span', { className: 'history-snippet__text' }, [snippetNodes(snippet.text)]),
  ]);
}

/** @param {string} label @param {string} value */
const fact = (label, value) => el('div', null, [el('dt', null, [label]), el('dd', null, [value])]);

/** @param {HistoryItemDto} item */
export function resultItem(item) {
  const link = el('a', { className: 'ds-link', href: `/supervisor/chats/${encodeURIComponent(item.chatId)}` }, [item.reference]);
  const facts = el('dl', { className: 'history-facts' }, [
    fact(text('history.col.date'), formatDate(item.createdAt)),
    fact(text('history.col.topic'), text(`topic.${item.topic}`)),
    fact(text('history.col.channel'), text(`channel.${item.channel}`)),
    fact(text('history.col.agent'), item.agent ? item.agent.displayName : text('history.none')),
    fact(text('history.col.outcome'), item.outcome ? text(`outcome.${item.outcome}`) : text('history.none')),
    fact(text('history.col.provider'), item.referredProvider ? text(`history.provider.${item.referredProvider}`) : text('history.none')),
    fact(text('history.col.rating'), item.rating ? text('history.ratingValue', { rating: item.rating }) : text('history.none')),
    fact(text('history.col.verified'), text(item.verified ? 'history.verified.yes' : 'history.verified.no')),
  ]);
  const children = [el('h3', { className: 'ds-heading', 'data-size': '2xs' }, [link]), facts];
  if (item.snippets && item.snippets.length > 0) {
    children.push(el('ul', { className: 'history-snippets', 'aria-label': text('history.snippets') }, item.snippets.map(snippetItem)));
  } else if (item.preview) {
    children.push(el('p', { className: 'ds-paragraph history-preview', 'data-size': 'sm' }, [item.preview]));
  }
  return el('li', { className: 'ds-card history-item' }, children);
}
