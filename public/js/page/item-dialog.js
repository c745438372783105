// @ts-check
/**
 * A modal dialog about one item (a reply to delete, an account to disable): it remembers the item
 * and the button that opened it, and closing it gives focus back to that button.
 * @template T
 */
export class ItemDialog {
  /**
   * @param {HTMLDialogElement} dialog
   * @param {HTMLElement} cancel
   * @param {{ alwaysRefocus?: boolean, onClose?: () => void }} [options]
   *   alwaysRefocus: also after the action is done (finish()), not only after a cancel
   */
  constructor(dialog, cancel, options = {}) {
    this.dialog = dialog;
    /** @type {T | null} */
    this.item = null;
    /** @type {HTMLElement | null} */
    this.returnFocus = null;
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      options.onClose?.();
      const back = this.returnFocus;
      if ((this.item || options.alwaysRefocus) && back && document.contains(back)) back.focus();
      this.item = null;
    });
  }

  /**
   * @param {T} item
   * @param {HTMLElement} button the one that opened it
   * @param {HTMLElement} first what takes focus in the dialog
   */
  open(item, button, first) {
    this.item = item;
    this.returnFocus = button;
    this.dialog.showModal();
    first.focus();
  }

  /** Closes after the action on the item: focus is then the action's to place. */
  finish() {
    this.item = null;
    this.dialog.close();
  }
}
