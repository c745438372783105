// @ts-check
/** The forms and buttons of a chat card: reply, note, transfer, close, make a ticket and dismiss. */
import { Desk, data, el, text } from '../chat/desk.js';
import { enterSubmits } from '../chat/components.js';

const MAX_LENGTH = data.maxLength || 4000;

/**
 * The trimmed text of a form's "body" field, or null after showing why it cannot be sent.
 * @param {HTMLFormElement} form
 * @param {HTMLTextAreaElement} field
 */
function bodyOf(form, field) {
  const body = field.value.trim();
  Desk.clearFieldErrors(form);
  if (body && body.length <= MAX_LENGTH) return body;
  Desk.setFieldError(form, 'body', text('error.field.body'))?.focus();
  return null;
}

/** @param {import('./chat-view.js').ChatView} view */
async function loadAgents(view) {
  const { transport, notices, me } = view.desk;
  view.transferTo.textContent = '';
  view.part('no-agents').hidden = true;
  const ack = await transport.request('agents:list', {});
  if (!ack.ok) return notices.fail(ack.error);
  const others = (ack.agents || []).filter((agent) => agent.status === 'available' && agent.id !== me().id);
  for (const agent of others) view.transferTo.appendChild(el('option', { value: agent.id }, [`${agent.displayName} (${text(`role.${agent.role}`)})`]));
  view.part('no-agents').hidden = others.length > 0;
  view.transferTo.disabled = others.length === 0 || view.isEnded;
}

/** @param {import('./chat-view.js').ChatView} view */
export function wireChatControls(view) {
  const { transport, notices } = view.desk;
  const { composer, reply } = view;

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = bodyOf(composer, reply);
    if (body === null) return;
    reply.value = '';
    view.send(body);
  });
  enterSubmits(reply, composer);
  reply.addEventListener('input', () => view.ownTyping.now());
  reply.addEventListener('blur', () => view.ownTyping.stopped());

  const noteForm = /** @type {HTMLFormElement} */ (view.part('note-form'));
  const note = /** @type {HTMLTextAreaElement} */ (view.part('note'));
  noteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = bodyOf(noteForm, note);
    if (body === null) return;
    const button = noteForm.querySelector('button[type="submit"]');
    Desk.setBusy(/** @type {HTMLElement} */ (button), true);
    const ack = await transport.request('note:add', { chatId: view.id, body });
    Desk.setBusy(/** @type {HTMLElement} */ (button), false);
    if (!ack.ok) return notices.fail(ack.error);
    note.value = '';
    view.addNote(ack.note);
  });

  view.transfer.addEventListener('toggle', () => {
    if (view.transfer.open) void loadAgents(view);
  });
  const transferSubmit = view.part('transfer-submit');
  transferSubmit.addEventListener('click', async () => {
    const toUserId = view.transferTo.value;
    if (!toUserId) return view.transferTo.focus();
    Desk.setBusy(transferSubmit, true);
    const ack = await transport.request('chat:transfer', { chatId: view.id, toUserId });
    Desk.setBusy(transferSubmit, false);
    if (!ack.ok) return notices.fail(ack.error);
    view.desk.remove(view.id, 'transferred');
  });

  const closeSubmit = view.part('close-submit');
  closeSubmit.addEventListener('click', async () => {
    Desk.setBusy(closeSubmit, true);
    const ack = await transport.request('chat:close', { chatId: view.id, outcome: view.part('outcome').value });
    Desk.setBusy(closeSubmit, false);
    if (!ack.ok) return notices.fail(ack.error);
    view.markEnded('agent');
    view.ended.focus();
  });

  const toTicket = view.part('to-ticket');
  toTicket.addEventListener('click', async () => {
    Desk.setBusy(toTicket, true);
    const ack = await transport.request('chat:toTicket', { chatId: view.id });
    Desk.setBusy(toTicket, false);
    if (!ack.ok) return notices.fail(ack.error);
    view.markEnded('agent', 'ticket');
    view.ended.focus();
  });

  view.part('dismiss').addEventListener('click', () => {
    transport.send('chat:leave', { chatId: view.id });
    view.desk.remove(view.id, null);
  });
}
