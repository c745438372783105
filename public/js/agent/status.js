// @ts-check
/** The agent's chosen status, remembered across reloads in this browser. */

const STATUS_KEY = 'desk.agent.status';

/** @param {'available' | 'away'} value */
export function rememberStatus(value) {
  try {
    localStorage.setItem(STATUS_KEY, value);
  } catch {
    /* not remembered across reloads; nothing else breaks */
  }
}

/** @returns {'available' | 'away' | null} */
export function rememberedStatus() {
  try {
    const value = localStorage.getItem(STATUS_KEY);
    return value === 'available' || value === 'away' ? value : null;
  } catch {
    return null;
  }
}
