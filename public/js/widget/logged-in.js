// @ts-check
/**
 * The last page of the widget's log-in popup: hands the log-in to the frame that opened it. Only a
 * window of the desk's own origin can receive it (targetOrigin), so a page elsewhere that opened
 * this popup gets nothing.
 */
import { data, text } from '../page/page-data.js';

const login = data.login;
const result = document.getElementById('login-result');
if (login && window.opener) {
  window.opener.postMessage({ source: 'desk-chat', type: 'login', code: login.code, pid: login.pid, method: login.method }, window.location.origin);
  window.close();
} else if (login && result) {
  result.textContent = text('widget.noOpener');
}
