import { LANGUAGES } from '../../tickets/ticket.types';
import { acknowledgementText } from './acknowledgement-texts';

describe('acknowledgement texts', () => {
  it.each(LANGUAGES)('in %s: the reference, the phone number and the chat hours', (language) => {
    const text = acknowledgementText(language, 'DS-2026-000123');
    expect(text).toContain('DS-2026-000123');
    expect(text).toContain('(+47) 800 30 300');
    expect(text).toMatch(/09[.:]00–15[.:]00/);
  });

  it('is written in each language of its own', () => {
    expect(acknowledgementText('nb', 'DS-2026-000001')).toContain('Vi har mottatt den');
    expect(acknowledgementText('nn', 'DS-2026-000001')).toContain('Vi har fått han');
    expect(acknowledgementText('en', 'DS-2026-000001')).toContain('We have received it');
  });
});
