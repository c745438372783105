/**
 * What the pages load, all as `<script type="module">`, run in this order after parsing. The
 * vendored clients are UMD files that put `io` and `Chart` on the global object.
 */
export const SOCKET_CLIENT = '/vendor/socket.io/socket.io.min.js';
export const CHART_CLIENT = '/vendor/chartjs/chart.umd.min.js';
/** window.Desk for public/js/chat/, before any module that imports it. */
export const DESK_GLOBAL = '/js/page/desk-global.js';

/** A page whose modules use the chat client (public/js/chat/): the socket client and window.Desk first. */
export const chatPageModules = (...entries: string[]) => [SOCKET_CLIENT, DESK_GLOBAL, ...entries];
