import { telHref } from './demo-host-page-models';

describe('telHref', () => {
  it('keeps the digits and the leading plus of a phone number as written in the providers file', () => {
    expect(telHref('(+47) 800 30 300')).toBe('tel:+4780030300');
    expect(telHref('+47 22 03 00 00')).toBe('tel:+4722030000');
    expect(telHref('22-89-85-04')).toBe('tel:22898504');
  });
});
