// @ts-check
/** Changing the own password (required after a generated or reset one): JSON to /api/auth/password, then on to the console. */
import { formValue } from '../page/form-errors.js';
import { data, text } from '../page/page-data.js';
import { credentialsForm } from './credentials-form.js';

const MIN = data.passwordMin || 12;
const MAX = data.passwordMax || 200;

credentialsForm({
  prefix: 'password',
  url: '/api/auth/password',
  read(form) {
    const currentPassword = formValue(form, 'currentPassword');
    const newPassword = formValue(form, 'newPassword');
    const errors = [];
    if (!currentPassword) errors.push({ field: 'currentPassword', message: text('password.currentMissing') });
    if (newPassword.length < MIN || newPassword.length > MAX) errors.push({ field: 'newPassword', message: text('error.field.newPassword') });
    return { body: { currentPassword, newPassword }, errors };
  },
  done: () => window.location.assign('/agent'),
  refused(status) {
    if (status !== 401) return undefined;
    window.location.assign('/login?next=%2Fpassword');
    return true;
  },
});
