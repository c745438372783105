// @ts-check
/**
 * The alert sound: two short tones made with the Web Audio API (no file to fetch). Browsers start
 * audio only after the user has interacted with the page, so the first click or key press unlocks it.
 */

/** @type {AudioContext | null} */
let context = null;

function audio() {
  if (!context && typeof window.AudioContext === 'function') context = new window.AudioContext();
  return context;
}

function unlock() {
  const ctx = audio();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** Listens for the first user gesture, which lets the page play sound. */
export function unlockSoundOnGesture() {
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, unlock, { once: true, capture: true });
}

/** Two rising tones, about a third of a second; silent where the browser has no Web Audio. */
export function playChime() {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime;
  [
    [880, 0],
    [1320, 0.13],
  ].forEach(([frequency, offset]) => {
    const tone = ctx.createOscillator();
    const volume = ctx.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start + offset);
    volume.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
    tone.connect(volume).connect(ctx.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.22);
  });
}
