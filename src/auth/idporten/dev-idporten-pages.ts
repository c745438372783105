import type { Level } from './citizen-identity';

export const SYNTHETIC_PEOPLE: readonly { pid: string; label: string }[] = [
  { pid: '17858500060', label: 'birth number' },
  { pid: '17858507472', label: 'birth number' },
  { pid: '22859197810', label: 'birth number' },
  { pid: '26826499361', label: 'birth number' },
  { pid: '04846697271', label: 'birth number' },
  { pid: '41819000032', label: 'D-number' },
];

export const LEVEL_CHOICES: Record<Level, { eid: string; amr: string[] }> = {
  substantial: { eid: 'MinID', amr: ['Minid-PIN'] },
  high: { eid: 'BankID', amr: ['BankID'] },
};

export interface LoginFormState {
  action: string;
  cancelAction: string;
  levels: Level[];
  chosenPid?: string;
  typedPid?: string;
  chosenLevel?: Level;
  errors?: { field: 'pid' | 'level'; message: string }[];
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// No inline script or style: the app's strict CSP.
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en" data-color-scheme="light">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escape(title)} – TestID (development)</title>
  <link rel="stylesheet" href="/vendor/designsystemet/theme/designsystemet.css">
  <link rel="stylesheet" href="/vendor/designsystemet/src/index.css">
  <link rel="stylesheet" href="/css/base.css">
</head>
<body>
  <main id="main" class="site-main">
${body}
  </main>
</body>
</html>`;
}

export function renderLoginPage(state: LoginFormState): string {
  const errors = state.errors ?? [];
  const errorFor = (field: 'pid' | 'level') => errors.find((e) => e.field === field);
  const pidError = errorFor('pid');
  const levelError = errorFor('level');
  const summary = errors.length
    ? `    <div class="ds-alert" data-color="danger" role="alert">
      <h2 class="ds-heading" data-size="xs">The log-in could not go on</h2>
      <ul class="ds-list">
${errors.map((e) => `        <li><a class="ds-link" href="#${e.field === 'pid' ? 'typed-pid' : `level-${state.levels[0]}`}">${escape(e.message)}</a></li>`).join('\n')}
      </ul>
    </div>\n`
    : '';

  const people = SYNTHETIC_PEOPLE.map(
    (p, i) => `          <div class="ds-field">
            <input class="ds-input" type="radio" name="pid" id="person-${i}" value="${p.pid}"${state.chosenPid === p.pid ? ' checked' : ''}>
            <label class="ds-label" for="person-${i}">${p.pid} <span>(synthetic ${p.label})</span></label>
          </div>`,
  ).join('\n');

  const chosenLevel = state.chosenLevel ?? state.levels[state.levels.length - 1];
  const levels = state.levels
    .map(
      (level) => `          <div class="ds-field">
            <input class="ds-input" type="radio" name="level" id="level-${level}" value="${level}"${chosenLevel === level ? ' checked' : ''}>
            <label class="ds-label" for="level-${level}">${level === 'high' ? 'High' : 'Substantial'}: ${LEVEL_CHOICES[level].eid} (idporten-loa-${level})</label>
          </div>`,
    )
    .join('\n');

  return page(
    'Log in',
    `    <h1 class="ds-heading" data-size="lg">TestID: development log-in</h1>
    <p class="ds-paragraph">This stands in for ID-porten's test environment. Log in as a synthetic person; never use a real national identity number.</p>
${summary}    <form class="ds-card" method="post" action="${escape(state.action)}" novalidate>
      <fieldset class="ds-fieldset"${pidError ? ' aria-describedby="pid-error"' : ''}>
        <legend class="ds-label">Person</legend>
${people}
        <div class="ds-field">
          <label class="ds-label" for="typed-pid">Or type a synthetic national identity number (11 digits)</label>
          <input class="ds-input" type="text" name="typedPid" id="typed-pid" inputmode="numeric" autocomplete="off" maxlength="20" value="${escape(state.typedPid ?? '')}"${pidError ? ' aria-invalid="true" aria-describedby="pid-error"' : ''}>
        </div>
${pidError ? `        <p class="ds-validation-message" data-color="danger" id="pid-error">${escape(pidError.message)}</p>\n` : ''}      </fieldset>
      <fieldset class="ds-fieldset"${levelError ? ' aria-describedby="level-error"' : ''}>
        <legend class="ds-label">Level of assurance</legend>
${levels}
${levelError ? `        <p class="ds-validation-message" data-color="danger" id="level-error">${escape(levelError.message)}</p>\n` : ''}      </fieldset>
      <button type="submit" class="ds-button">Log in</button>
    </form>
    <form method="post" action="${escape(state.cancelAction)}">
      <button type="submit" class="ds-button" data-variant="secondary">Cancel</button>
    </form>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return page(
    title,
    `    <h1 class="ds-heading" data-size="lg">${escape(title)}</h1>
    <p class="ds-paragraph">${escape(message)}</p>
    <p class="ds-paragraph"><a class="ds-link" href="/">Back to the support page</a></p>`,
  );
}
