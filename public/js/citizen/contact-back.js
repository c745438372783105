// @ts-check
/** When the chat has become a ticket: how the citizen wants our answer (ticket:contact, once). */
import { Desk, text } from '../chat/desk.js';
import { $ } from './elements.js';

/** @typedef {{ email?: string, phone?: string }} WayBack */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;

/** @param {{ email: string, phone: string }} values */
export function contactBackErrors(values) {
  const errors = [];
  if (!values.email && !values.phone) errors.push({ field: 'email', message: text('contactBack.none') });
  if (values.email && (!EMAIL.test(values.email) || values.email.length > 254)) errors.push({ field: 'email', message: text('error.field.email') });
  if (values.phone && !PHONE.test(values.phone)) errors.push({ field: 'phone', message: text('error.field.phone') });
  return errors;
}

/** @param {{ code: string }} error */
function refusal(error) {
  // The way back was left already (in another tab, say), or the chat is no ticket: said in the page's language.
  if (error.code === 'CONFLICT') return [{ message: text('contactBack.conflict') }];
  return Desk.errorsInPageLanguage(error);
}

/** @param {WayBack} contact */
function howWeAnswer(contact) {
  const email = contact.email ? text('contactBack.byEmail', { email: contact.email }) : '';
  const phone = contact.phone ? text('contactBack.byPhone', { phone: contact.phone }) : '';
  return email && phone ? text('contactBack.and', { first: email, second: phone }) : email || phone;
}

/**
 * @param {(payload: WayBack) => Promise<import('../chat/types').Ack<{ contact: WayBack }>> | null} leave
 */
export function wireContactBack(leave) {
  const section = $('contact-back');
  const heading = $('contact-back-heading');
  const form = /** @type {HTMLFormElement} */ ($('contact-back-form'));
  const summary = $('contact-back-errors');
  const submit = $('contact-back-submit');
  const busy = $('contact-back-busy');
  const sent = $('contact-back-sent');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = { email: Desk.formValue(form, 'email').trim(), phone: Desk.formValue(form, 'phone').trim() };
    Desk.clearFieldErrors(form);
    Desk.hideSummary(summary);
    const errors = contactBackErrors(values);
    if (errors.length) return Desk.reportErrors(form, summary, errors);
    const asked = leave({ ...(values.email ? { email: values.email } : {}), ...(values.phone ? { phone: values.phone } : {}) });
    if (!asked) return Desk.reportErrors(form, summary, [{ message: text('error.network') }]);
    Desk.setBusy(submit, true);
    busy.textContent = text('contactBack.sending');
    const ack = await asked;
    Desk.setBusy(submit, false);
    busy.textContent = '';
    if (!ack.ok) return Desk.reportErrors(form, summary, refusal(ack.error));
    form.reset();
    section.hidden = true;
    $('contact-back-sent-text').textContent = text('contactBack.sent', { how: howWeAnswer(ack.contact) });
    sent.hidden = false;
    sent.focus();
  });

  return {
    /** Shown while the ticket has no way back. @param {import('../chat/types').ChatDto} chat */
    show(chat) {
      section.hidden = !chat.askContact;
    },
    /** The chat has just become a ticket before the citizen's eyes: the question comes first. */
    focus() {
      if (!section.hidden) heading.focus();
    },
  };
}
