// @ts-check
/**
 * The chat widget's loader, served as /widget.js to other sites:
 *   <script src="https://desk.example/widget.js" data-lang="nb" defer></script>
 * A launcher button and a panel with the desk's frame (/widget/frame), in a shadow root
 * under one element of its own: no globals, no styles leaking either way, no cookies on the host
 * site. The host's sessionStorage holds the chat's state only when the browser refuses the frame
 * storage of its own, and the frame reads it back as untrusted input. The frame tells the launcher
 * what to say (texts in the page's language, open or closed, unread messages); everything it
 * sends is checked and shown as text only. The host page is not trusted either: only messages
 * from the desk's origin and this loader's own frame are read, and messages to the frame go to
 * the desk's origin only.
 */
(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || document.querySelector('desk-chat-widget')) return;
  const deskOrigin = new URL(script.src).origin;
  const SOURCE = 'desk-chat';
  const LANGS = ['nb', 'nn', 'en'];
  // Only when the browser refuses the frame storage of its own (see citizen/session-store.js).
  const STATE_KEY = 'desk-chat-widget';

  /** data-lang, else the page's lang ("nb-NO", "no", "en-GB" …), else bokmål. */
  function language() {
    for (const raw of [script?.getAttribute('data-lang'), document.documentElement.lang]) {
      const tag = String(raw || '').toLowerCase().split('-')[0];
      if (LANGS.includes(tag)) return tag;
      if (tag === 'no') return 'nb';
    }
    return 'nb';
  }

  const CSS = `
:host{all:initial}
*{box-sizing:border-box}
.w{position:fixed;inset:auto 16px 16px auto;z-index:2147483000;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e2b3c}
button{font:inherit;cursor:pointer}
button:focus-visible{outline:3px solid #1e2b3c;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.launch{display:flex;flex-direction:column;align-items:flex-start;gap:2px;max-width:min(20rem,calc(100vw - 32px));min-height:48px;padding:10px 18px;border:0;border-radius:24px;background:#0062ba;color:#fff;text-align:start;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.name{font-weight:600}
.st{font-size:14px}
.badge{align-self:flex-start;margin-top:2px;padding:0 8px;border-radius:12px;background:#fff;color:#a8001c;font-size:14px;font-weight:600}
.panel{position:fixed;right:16px;bottom:88px;display:flex;flex-direction:column;width:min(26rem,calc(100vw - 32px));height:min(40rem,calc(100vh - 104px));border:1px solid #6a7785;border-radius:8px;background:#fff;box-shadow:0 4px 16px rgba(0,0,0,.3);overflow:hidden}
.bar{display:flex;align-items:center;gap:8px;padding:6px 8px 6px 14px;background:#0062ba;color:#fff}
.title{flex:1;margin:0;font-weight:600}
.bar button{min-width:44px;min-height:44px;padding:0 10px;border:1px solid #fff;border-radius:6px;background:transparent;color:#fff}
iframe{flex:1;width:100%;border:0}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:30rem){.panel{inset:0;width:auto;height:auto;border-radius:0}}`;

  const element = document.createElement('desk-chat-widget');
  const root = element.attachShadow({ mode: 'open' });
  // A constructed sheet is CSSOM, which a host page's CSP without 'unsafe-inline' allows; a <style> it blocks.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  root.innerHTML = `<div class="w" hidden>
  <button class="launch" type="button" aria-expanded="false"><span class="name"></span><span class="st"></span><span class="badge" hidden></span></button>
  <div class="panel" role="dialog" aria-labelledby="desk-chat-title" hidden>
    <div class="bar"><p class="title" id="desk-chat-title"></p><button class="min" type="button"></button><button class="close" type="button"></button></div>
    <iframe title="Chat"></iframe>
  </div>
  <p class="sr" aria-live="polite"></p>
</div>`;
  const pick = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  const wrap = pick('.w');
  const launch = pick('.launch');
  const panel = pick('.panel');
  const badge = pick('.badge');
  const live = pick('.sr');
  const frame = /** @type {HTMLIFrameElement} */ (pick('iframe'));
  const minimise = pick('.min');
  const close = pick('.close');
  const labels = { launcher: '', status: '', unread: '', panel: '', minimise: '', close: '' };
  let unread = 0;
  let restored = false;

  /** @param {unknown} value */
  const clean = (value) => (typeof value === 'string' ? value.slice(0, 200) : '');

  /** @param {Record<string, unknown>} message */
  function tell(message) {
    frame.contentWindow?.postMessage({ source: SOURCE, ...message }, deskOrigin);
  }

  /** @param {boolean} show @param {{ focus?: boolean, close?: boolean }} how */
  function setPanel(show, how = {}) {
    panel.hidden = !show;
    launch.setAttribute('aria-expanded', String(show));
    tell({ type: 'panel', open: show, focus: Boolean(show && how.focus), close: Boolean(how.close) });
    if (show && how.focus) frame.focus();
    if (!show && how.focus) launch.focus();
  }

  function render() {
    pick('.name').textContent = labels.launcher;
    pick('.st').textContent = labels.status;
    badge.textContent = unread > 0 ? labels.unread : '';
    badge.hidden = unread === 0;
    pick('.title').textContent = labels.panel;
    frame.title = labels.panel || 'Chat';
    minimise.textContent = labels.minimise;
    close.textContent = labels.close;
  }

  /** @param {any} message */
  function onState(message) {
    for (const key of Object.keys(labels)) labels[/** @type {keyof typeof labels} */ (key)] = clean(message.texts?.[key]);
    const count = Number.isInteger(message.unread) ? Math.min(Math.max(message.unread, 0), 999) : 0;
    if (count > unread && panel.hidden) live.textContent = labels.unread;
    unread = count;
    render();
    wrap.hidden = false;
    // The panel stays open from one page of the host site to the next (without taking the focus).
    if (!restored) {
      restored = true;
      if (message.panelOpen === true && panel.hidden) setPanel(true);
    } else if (message.panelOpen !== !panel.hidden) {
      tell({ type: 'panel', open: !panel.hidden });
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== deskOrigin || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || message.source !== SOURCE) return;
    if (message.type === 'state') onState(message);
    else if (message.type === 'minimise' && !panel.hidden) setPanel(false, { focus: true });
    else if (message.type === 'save' && message.state && typeof message.state === 'object') keepState(JSON.stringify(message.state));
    else if (message.type === 'reload') load();
  });

  launch.addEventListener('click', () => setPanel(panel.hidden, { focus: true }));
  minimise.addEventListener('click', () => setPanel(false, { focus: true }));
  close.addEventListener('click', () => setPanel(false, { focus: true, close: true }));
  root.addEventListener('keydown', (event) => {
    if (/** @type {KeyboardEvent} */ (event).key === 'Escape' && !panel.hidden) setPanel(false, { focus: true });
  });

  /** @param {string} state */
  function keepState(state) {
    try {
      if (state.length <= 64_000) sessionStorage.setItem(STATE_KEY, state);
    } catch {
      /* no storage here either: the chat lasts as long as this page */
    }
  }

  let loads = 0;
  function load() {
    let state = null;
    try {
      state = sessionStorage.getItem(STATE_KEY);
    } catch {
      state = null;
    }
    const query = new URLSearchParams({ host: window.location.origin, locale: language() });
    // A new query makes it a new page: only the fragment would differ otherwise.
    if (loads++ > 0) query.set('load', String(loads));
    frame.src = `${deskOrigin}/widget/frame?${query}${state ? `#${new URLSearchParams({ state })}` : ''}`;
  }

  load();
  (document.body || document.documentElement).appendChild(element);
})();
