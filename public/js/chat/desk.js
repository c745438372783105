// @ts-check
/** The page helpers of common.js (loaded first, as a classic script) for the modules. */
export const Desk = window.Desk;
export const { text, el, data, locale } = Desk;
