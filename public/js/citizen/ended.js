// @ts-check
/** After the chat: who ended it, the transcript download and the rating. */
import { Desk, el, text } from '../chat/desk.js';

/**
 * @param {{ section: HTMLElement, heading: HTMLElement, by: HTMLElement, transcriptError: HTMLElement, rating: HTMLElement, ratingForm: HTMLFormElement, ratingErrors: HTMLElement, ratingSubmit: HTMLElement, ratingThanks: HTMLElement }} ui
 * @param {{ chat: () => { chatId: string | null, token: string | null, reference: string | null }, rate: (payload: { score: number, comment?: string }) => Promise<import('../chat/types').Ack> | null, rated: () => void }} session
 */
export function wireEnded(ui, session) {
  ui.section.querySelectorAll('[data-transcript]').forEach((button) => {
    button.addEventListener('click', () => downloadTranscript(/** @type {HTMLElement} */ (button).dataset.transcript ?? 'txt'));
  });

  /** @param {string} format */
  async function downloadTranscript(format) {
    ui.transcriptError.hidden = true;
    const { chatId, token, reference } = session.chat();
    try {
      const response = await fetch(`/api/chats/${encodeURIComponent(chatId ?? '')}/transcript?format=${format}`, { headers: { 'x-chat-token': token ?? '' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = el('a', { href: url, download: `${reference || 'transcript'}.${format}`, hidden: true });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    } catch {
      ui.transcriptError.textContent = text('transcript.failed');
      ui.transcriptError.hidden = false;
    }
  }

  ui.ratingForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = ui.ratingForm;
    const score = Number(Desk.formValue(form, 'score'));
    const comment = Desk.formValue(form, 'comment').trim();
    Desk.clearFieldErrors(form);
    Desk.hideSummary(ui.ratingErrors);
    const errors = [];
    if (!(score >= 1 && score <= 5)) errors.push({ field: 'score', message: text('error.field.score') });
    if (comment.length > 1000) errors.push({ field: 'comment', message: text('error.field.comment') });
    if (errors.length) return Desk.reportErrors(form, ui.ratingErrors, errors);
    const asked = session.rate(comment ? { score, comment } : { score });
    if (!asked) return Desk.reportErrors(form, ui.ratingErrors, [{ message: text('error.network') }]);
    Desk.setBusy(ui.ratingSubmit, true);
    const ack = await asked;
    Desk.setBusy(ui.ratingSubmit, false);
    if (!ack.ok) return Desk.reportErrors(form, ui.ratingErrors, Desk.errorsInPageLanguage(ack.error));
    session.rated();
    ui.rating.hidden = true;
    ui.ratingThanks.hidden = false;
    ui.ratingThanks.focus();
  });

  return {
    /**
     * @param {{ endedBy: string | null, rated: boolean, moveFocus: boolean }} how
     */
    show(how) {
      ui.section.hidden = false;
      ui.by.textContent = how.endedBy ? text(`ended.by.${how.endedBy}`) : '';
      ui.rating.hidden = how.rated;
      ui.ratingThanks.hidden = true;
      if (!how.moveFocus) return;
      const firstScore = /** @type {HTMLElement | null} */ (ui.ratingForm.querySelector('input[name="score"]'));
      if (!how.rated && firstScore) firstScore.focus();
      else ui.heading.focus();
    },
  };
}
