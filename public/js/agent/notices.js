// @ts-check
/** The console's notices: the last few, each dismissible; focus goes back to the chats heading. */
import { Desk, el, text } from '../chat/desk.js';

const MAX_NOTICES = 5;

/** @typedef {ReturnType<typeof noticesIn>} Notices */

/**
 * @param {HTMLElement} container
 * @param {HTMLElement} focusAfterDismiss
 */
export function noticesIn(container, focusAfterDismiss) {
  /** @param {string} message @param {string} [color] */
  function notify(message, color = 'info') {
    const close = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'tertiary', 'data-size': 'sm' }, [text('agent.dismiss')]);
    const notice = el('div', { className: 'ds-alert', 'data-color': color }, [el('p', { className: 'ds-paragraph' }, [message]), close]);
    close.addEventListener('click', () => {
      notice.remove();
      focusAfterDismiss.focus();
    });
    container.appendChild(notice);
    while (container.children.length > MAX_NOTICES) container.firstElementChild?.remove();
  }
  return {
    notify,
    /** @param {import('../chat/types').AckError | undefined} error */
    fail(error) {
      notify(text('agent.failed', { message: errorText(error) }), 'danger');
    },
  };
}

/** @param {import('../chat/types').AckError | undefined} error */
export function errorText(error) {
  return Desk.errorsFrom(error)[0].message;
}
