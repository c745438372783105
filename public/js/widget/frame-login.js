// @ts-check
/**
 * ID-porten log-in from the widget's frame. ID-porten will not be framed, and the desk's session
 * cookie is a third-party cookie inside the frame, so the log-in runs in a top-level popup of the
 * desk; its last page (/widget/logged-in) hands this frame an encrypted code through
 * window.opener, and the frame gives that code with the chat's token to POST /api/widget/verify.
 */
import { el, text } from '../chat/desk.js';
import { request } from '../chat/http.js';
import * as chatStore from '../citizen/store.js';

const SOURCE = 'desk-chat';
const POPUP_FEATURES = 'popup,width=520,height=720';

/**
 * @param {import('./frame-store.js').FrameState} frame
 * @param {() => void} save
 */
export function wireLogin(frame, save) {
  const section = document.getElementById('identity-section');
  const link = /** @type {HTMLAnchorElement | null} */ (document.getElementById('identity-login'));
  if (!section || !link) return;
  const loggedOut = Array.from(section.children).filter((node) => node.id !== 'identity-heading');
  const note = el('p', { className: 'ds-validation-message', id: 'identity-note', role: 'alert', hidden: true });
  section.append(note);
  /** @type {Window | null} */
  let popup = null;

  /** @param {string | null} message */
  function showNote(message) {
    note.textContent = message ?? '';
    note.hidden = !message;
  }

  function render() {
    section?.querySelector('#identity-in')?.remove();
    loggedOut.forEach((node) => /** @type {HTMLElement} */ (node).toggleAttribute('hidden', Boolean(frame.login)));
    if (!frame.login) return;
    const forget = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', id: 'identity-forget' }, [text('widget.forgetLogin')]);
    forget.addEventListener('click', () => {
      frame.login = null;
      frame.verifiedChat = null;
      save();
      render();
      link?.focus();
    });
    const block = el('div', { id: 'identity-in', className: 'stack' }, [
      el('p', { className: 'ds-paragraph', id: 'identity-state', tabindex: '-1' }, [text('identity.loggedIn', { pid: frame.login.pid })]),
      frame.login.method ? el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('identity.method', { method: frame.login.method })]) : null,
      el('p', { className: 'ds-paragraph' }, [forget]),
    ]);
    section?.insertBefore(block, note);
  }

  /** A chat and a log-in that do not know each other yet: the chat becomes verified. */
  async function verify() {
    const chat = chatStore.load();
    if (!frame.login || !chat?.chatId || frame.verifiedChat === chat.chatId) return;
    const result = await request('POST', '/api/widget/verify', { token: chat.token, code: frame.login.code });
    if (result.status === 200) {
      frame.verifiedChat = chat.chatId;
    } else if (result.status === 401) {
      frame.login = null;
      render();
      showNote(text('widget.verifyFailed'));
    }
    save();
  }

  link.addEventListener('click', (event) => {
    event.preventDefault();
    showNote(null);
    popup = window.open(link.href, 'desk-idporten', POPUP_FEATURES);
    if (!popup) showNote(text('widget.popupBlocked'));
  });

  window.addEventListener('message', (event) => {
    if (!popup || event.source !== popup || event.origin !== window.location.origin) return;
    const message = event.data;
    if (!message || message.source !== SOURCE || message.type !== 'login') return;
    const { code, pid, method } = message;
    if (typeof code !== 'string' || typeof pid !== 'string') return;
    frame.login = { code, pid, method: typeof method === 'string' ? method : '' };
    frame.verifiedChat = null;
    popup = null;
    save();
    render();
    document.getElementById('identity-state')?.focus();
    void verify();
  });

  // The chat's reference appears when a chat starts or resumes: a log-in from before applies to it.
  const reference = document.getElementById('chat-reference');
  if (reference) new MutationObserver(() => void verify()).observe(reference, { childList: true, characterData: true, subtree: true });
  render();
  void verify();
}
