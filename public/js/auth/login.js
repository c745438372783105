// @ts-check
/** Staff log-in: JSON to /api/auth/login, then on to `next` (a path on this site) or the console. */
import { formValue } from '../page/form-errors.js';
import { data, text } from '../page/page-data.js';
import { credentialsForm } from './credentials-form.js';

/** @param {unknown} value */
const localPath = (value) =>
  typeof value === 'string' && value.charAt(0) === '/' && value.charAt(1) !== '/' && !value.includes('\\') ? value : '/agent';

credentialsForm({
  prefix: 'login',
  url: '/api/auth/login',
  read(form) {
    const username = formValue(form, 'username').trim();
    const password = formValue(form, 'password');
    const errors = [];
    if (!username) errors.push({ field: 'username', message: text('error.field.username') });
    if (!password) errors.push({ field: 'password', message: text('error.field.password') });
    return { body: { username, password }, errors };
  },
  done: () => window.location.assign(localPath(data.next)),
  refused(status, form) {
    /** @type {HTMLInputElement} */ (form.elements.namedItem('password')).value = '';
    if (status === 401) return text('login.wrong');
    if (status === 429) return text('login.tooMany');
    return undefined;
  },
});
