// @ts-check
/** The citizen page's elements, looked up once. */
export const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

export const ui = {
  justClosed: $('just-closed'),
  startSection: $('start-section'),
  startForm: /** @type {HTMLFormElement | null} */ ($('start-form')),
  startErrors: $('start-errors'),
  startSubmit: $('start-submit'),
  startBusy: $('start-busy'),
  showContact: $('show-contact'),
  contactSection: $('contact-section'),
  contactHeading: $('contact-heading'),
  contactForm: /** @type {HTMLFormElement} */ ($('contact-form')),
  chatSection: $('chat-section'),
  chatReference: $('chat-reference'),
  conn: $('conn-status'),
  connText: $('conn-text'),
  queueInfo: $('queue-info'),
  queuePosition: $('queue-position'),
  queueWait: $('queue-wait'),
  agentInfo: $('agent-info'),
  composer: /** @type {HTMLFormElement} */ ($('composer')),
  composerInput: /** @type {HTMLTextAreaElement} */ ($('composer-input')),
  endChat: $('end-chat'),
  endedSection: $('ended-section'),
};
