import { createServer, type Server } from 'node:http';

/**
 * A stand-in for an agency's site on ANOTHER origin than the desk (another host name and port, so
 * another site for the browser's cookie and storage rules): two small pages that embed the widget
 * with the one script tag of the README, and link to each other. Their CSP is as strict as an
 * agency's (no inline style or script), with the desk allowed as the README says. Their own styles
 * are hostile to the launcher: they hide anything called .launch and paint buttons pink.
 */
const HOST_CSS = 'body { font-family: serif; margin: 0; padding: 1rem; } button { background: hotpink; } .launch { display: none; }';
const hostCsp = (deskUrl: string) => `default-src 'self'; script-src 'self' ${deskUrl}; frame-src ${deskUrl}; style-src 'self'; object-src 'none'; base-uri 'none'`;
export interface HostSite {
  /** e.g. http://localhost:41234 */
  origin: string;
  /** Set once the desk runs: the pages' script tag points at it. */
  deskUrl: string;
  close(): Promise<void>;
}

const page = (title: string, other: string, deskUrl: string, lang: string, dataLang: string | null) => `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} – Agency</title>
  <link rel="stylesheet" href="/host.css">
  <script src="${deskUrl}/widget.js"${dataLang ? ` data-lang="${dataLang}"` : ''} defer></script>
</head>
<body>
  <header><a href="/">Agency</a></header>
  <main>
    <h1>${title}</h1>
    <p>Choose a digital mailbox: e-Boks or Digipost.</p>
    <p><a id="next-page" href="${other}">Go to the other page</a></p>
  </main>
</body>
</html>`;

/** Serves /one.html and /two.html (and /en.html: lang="en" without data-lang) on localhost. */
export async function startHostSite(options: { dataLang?: string | null } = {}): Promise<HostSite> {
  const site: HostSite = { origin: '', deskUrl: '', close: async () => undefined };
  const dataLang = options.dataLang === undefined ? 'nb' : options.dataLang;
  const pages: Record<string, () => string> = {
    '/one.html': () => page('Choosing a mailbox', '/two.html', site.deskUrl, 'nb', dataLang),
    '/two.html': () => page('Changing provider', '/one.html', site.deskUrl, 'nb', dataLang),
    '/en.html': () => page('Contacting the providers', '/one.html', site.deskUrl, 'en', null),
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host.invalid').pathname;
    if (path === '/host.css') return void response.writeHead(200, { 'content-type': 'text/css' }).end(HOST_CSS);
    const render = pages[path];
    if (!render) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': hostCsp(site.deskUrl) }).end(render());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost", not 127.0.0.1 (the desk's host): another site, not only another origin.
  site.origin = `http://localhost:${(server.address() as { port: number }).port}`;
  site.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return site;
}
