// @ts-check
/**
 * window.Desk, which public/js/chat/desk.js reads: a page whose modules import chat/ lists this
 * module before them. It goes once chat/desk.js re-exports ./desk.js instead.
 */
import { Desk } from './desk.js';

window.Desk = Desk;
