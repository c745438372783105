// @ts-check
/**
 * Search by national identity number (ticket list page, staff with citizen:search): POST, so the
 * number stays out of URLs and logs; the answer shows masked numbers only. Audited on the server.
 */
import { byId, el, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, formValue, reportErrors } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';
import { contactList } from '../staff/earlier-contacts.js';

/** @typedef {import('../page/types').EarlierContacts} EarlierContacts */

const form = byId('citizen-search-form');
const result = byId('citizen-search-result');

/** @param {EarlierContacts} found */
function show(found) {
  const who = found.items[0]?.nationalId;
  const heading = el('h3', { className: 'ds-heading', 'data-size': '2xs' }, [who ? text('earlier.search.found', { nationalId: who, count: found.total }) : text('earlier.search.nothing')]);
  result.replaceChildren(heading, ...(found.items.length ? contactList(found) : []));
}

form?.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  const button = byId('citizen-search-submit');
  clearFieldErrors(form);
  result.textContent = '';
  setBusy(button, true);
  const answer = await request('POST', '/api/citizens/search', { nationalId: formValue(form, 'nationalId') });
  setBusy(button, false);
  if (!answer.ok) return reportErrors(form, null, errorsFrom(answer.body && answer.body.error));
  show(answer.body);
});
