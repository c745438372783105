// @ts-check
/** One row of the staff accounts table: name, user name, role (a choice, except for oneself), state and actions. */
import { el } from '../page/dom.js';
import { data, text } from '../page/page-data.js';

/** @typedef {import('../page/types').StaffMemberDto} StaffMemberDto */
/**
 * What the row's buttons do.
 * @typedef {object} RowActions
 * @property {(user: StaffMemberDto, select: HTMLSelectElement, button: HTMLElement) => void} changeRole
 * @property {(user: StaffMemberDto, button: HTMLElement) => void} resetPassword
 * @property {(user: StaffMemberDto, button: HTMLElement) => void} toggle
 */

export const ROLES = data.roles || ['agent', 'supervisor', 'admin'];

/** @param {StaffMemberDto} user */
const srName = (user) => el('span', { className: 'ds-sr-only' }, [`: ${user.displayName}`]);

/**
 * @param {string} labelKey
 * @param {string} action
 * @param {StaffMemberDto} user
 * @param {Record<string, string>} [look] variant and colour
 */
const button = (labelKey, action, user, look = {}) =>
  el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm', ...look, dataset: { action } }, [text(labelKey), srName(user)]);

/** @param {StaffMemberDto} user @param {RowActions} actions */
function roleCell(user, actions) {
  const selectId = `role-${user.id}`;
  const select = /** @type {HTMLSelectElement} */ (
    el('select', { className: 'ds-input staff-role-select', id: selectId, 'data-size': 'sm' }, ROLES.map((/** @type {string} */ role) => el('option', { value: role, selected: role === user.role }, [text(`role.${role}`)])))
  );
  const save = button('staffAdmin.changeRole', 'role', user);
  save.addEventListener('click', () => actions.changeRole(user, select, save));
  return el('td', null, [
    el('div', { className: 'staff-role' }, [el('label', { className: 'ds-sr-only', for: selectId }, [text('staffAdmin.roleFor', { name: user.displayName })]), select, save]),
  ]);
}

/** @param {StaffMemberDto} user @param {RowActions} actions */
export function staffRow(user, actions) {
  const self = user.id === data.me;
  const account = user.disabled
    ? el('span', { className: 'ds-tag', 'data-color': 'danger', 'data-size': 'sm' }, [text('staffAdmin.disabled')])
    : el('span', { className: 'ds-tag', 'data-color': 'success', 'data-size': 'sm' }, [text('staffAdmin.active')]);
  const reset = button('staffAdmin.resetPassword', 'reset', user);
  reset.addEventListener('click', () => actions.resetPassword(user, reset));
  const buttons = [reset];
  if (!self) {
    const toggle = button(user.disabled ? 'staffAdmin.enable' : 'staffAdmin.disable', 'toggle', user, {
      'data-variant': 'tertiary',
      'data-color': user.disabled ? 'accent' : 'danger',
    });
    toggle.addEventListener('click', () => actions.toggle(user, toggle));
    buttons.push(toggle);
  }
  return el('tr', { dataset: { id: user.id } }, [
    el('th', { scope: 'row' }, [user.displayName, self ? el('span', { className: 'staff-self' }, [` ${text('staffAdmin.you')}`]) : null]),
    el('td', null, [user.username]),
    self ? el('td', null, [text(`role.${user.role}`)]) : roleCell(user, actions),
    el('td', null, [account, ' ', el('span', { className: 'staff-presence' }, [text(`agentStatus.${user.status}`)])]),
    el('td', null, [el('div', { className: 'button-row staff-actions' }, buttons)]),
  ]);
}
