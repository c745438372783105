import { Injectable } from '@nestjs/common';
import { citizenLoginView, type CitizenIdentity } from '../auth/idporten/citizen-identity';
import { textsFor, type PageLanguage } from '../i18n/i18n';
import { CITIZEN_SCRIPT_TEXTS, PageModels } from '../pages/page-models';
import { LOGGED_IN_PATH } from './embed-origin';

/** Texts the frame's own module (public/js/widget/frame.js and its log-in) asks for. */
export const WIDGET_SCRIPT_TEXTS = ['widget.', 'identity.', 'status.'];

/** The widget's pages: the citizen page in its embed mode, and the end of the log-in popup. */
@Injectable()
export class WidgetPageModels {
  constructor(private readonly pages: PageModels) {}

  /**
   * The citizen page, same template and modules, without the site's header and footer, plus the
   * frame's module that talks to the host page (`host`, checked by the caller) and logs in by popup.
   * The frame never sees the desk's session (a third-party cookie there), so it starts logged out.
   */
  frame(lang: PageLanguage, host: string) {
    const page = this.pages.citizen(lang, { loggedIn: false }, false);
    const returnTo = `${LOGGED_IN_PATH}?lang=${lang}`;
    return {
      ...page,
      layout: 'layouts/embed',
      bodyClass: 'page-citizen page-embed',
      modules: [...page.modules, '/js/widget/frame.js'],
      identity: { ...page.identity, loginUrl: `/auth/idporten/login?lang=${lang}&returnTo=${encodeURIComponent(returnTo)}` },
      pageData: { ...page.pageData, embed: { host }, texts: textsFor(lang, [...CITIZEN_SCRIPT_TEXTS, ...WIDGET_SCRIPT_TEXTS]) },
    };
  }

  /** The popup's last page: a code for the frame when the log-in worked, or the failure. */
  loggedIn(lang: PageLanguage, identity: CitizenIdentity | undefined, code: string | null) {
    const view = citizenLoginView(identity);
    return {
      layout: 'layouts/embed',
      titleKey: 'widget.loginTitle',
      bodyClass: 'page-embed',
      modules: ['/js/widget/logged-in.js'],
      loggedIn: view.loggedIn,
      pageData: {
        lang,
        login: view.loggedIn && code ? { code, pid: view.pid, method: view.amr.join(', ') } : null,
        texts: textsFor(lang, ['widget.']),
      },
    };
  }
}
