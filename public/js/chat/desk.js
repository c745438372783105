// @ts-check
export { Desk, data, el, locale, text } from '../page/desk.js';
