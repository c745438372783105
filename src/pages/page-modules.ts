/**
 * What the pages load, all as `<script type="module">`, run in this order after parsing. The
 * vendored clients are UMD files that put `io` and `Chart` on the global object.
 */
export const SOCKET_CLIENT = '/vendor/socket.io/socket.io.min.js';
export const CHART_CLIENT = '/vendor/chartjs/chart.umd.min.js';
/** A page whose modules use the chat client (public/js/chat/): the socket client first. */
export const chatPageModules = (...entries: string[]) => [SOCKET_CLIENT, ...entries];
