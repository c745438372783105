// @ts-check
/** Building elements, busy buttons and the notices region. */

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * The element with this id; the page's markup guarantees it (cast to the kind you expect).
 * @param {string} id
 * @returns {any}
 */
export const byId = (id) => document.getElementById(id);

/**
 * el('p', { className: 'x', dataset: { seq: 1 } }, ['text', childNode])
 * @param {string} tag
 * @param {Record<string, any> | null} [props]
 * @param {Child[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'dataset') for (const [key, item] of Object.entries(value)) node.dataset[key] = String(item);
    else if (name === 'hidden') node.hidden = Boolean(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children || []) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * @param {HTMLElement | null} button
 * @param {boolean} busy
 */
export function setBusy(button, busy) {
  if (!button) return;
  /** @type {HTMLButtonElement} */ (button).disabled = busy;
  if (busy) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
}

/**
 * Replaces what the notices region says (it is a live region in every page that has one).
 * @param {HTMLElement} container
 * @param {string} message
 * @param {string} color
 */
export function notify(container, message, color) {
  container.textContent = '';
  container.appendChild(el('div', { className: 'ds-alert', 'data-color': color, 'data-size': 'sm' }, [el('p', { className: 'ds-paragraph' }, [message])]));
}
