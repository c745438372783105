import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowedHostOrigin, frameAncestors } from './embed-origin';

const own = ['http://127.0.0.1:3000'];
const listed = ['https://www.digdir.no'];

describe('allowedHostOrigin', () => {
  it('takes the desk itself and a listed origin, exactly', () => {
    expect(allowedHostOrigin('http://127.0.0.1:3000', own, listed)).toBe('http://127.0.0.1:3000');
    expect(allowedHostOrigin('https://www.digdir.no', own, listed)).toBe('https://www.digdir.no');
  });

  it.each([['https://www.digdir.no/'], ['https://WWW.digdir.no'], ['https://www.digdir.no.evil.example'], ['null'], [''], [undefined], [['https://www.digdir.no']], [{}]])('refuses %p', (host) => {
    expect(allowedHostOrigin(host, own, listed)).toBeNull();
  });
});

describe('frameAncestors', () => {
  const directive = frameAncestors(listed);
  const forUrl = (url: string) => directive({ url } as IncomingMessage, {} as ServerResponse);

  it("lists 'self' and the host sites for the frame route only", () => {
    expect(forUrl('/widget/frame?host=https%3A%2F%2Fwww.digdir.no')).toBe("'self' https://www.digdir.no");
    for (const url of ['/', '/agent', '/widget.js', '/widget/frame/', '/widget/logged-in', '//widget/frame']) expect([url, forUrl(url)]).toEqual([url, "'none'"]);
  });
});
