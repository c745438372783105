import { inferTopic } from './infer-topic';

describe('topic of a mail', () => {
  it('names a topic only when the mail clearly points to one', () => {
    expect(inferTopic('Brev i Digipost', 'Jeg finner ikke brevet.')).toBe('digital-mailbox');
    expect(inferTopic('Hjelp', 'Hvordan bytter jeg til e-Boks?')).toBe('digital-mailbox');
    expect(inferTopic('Innlogging', 'Får feil i ID-porten med BankID.')).toBe('id-porten');
    expect(inferTopic('Spørsmål', 'Kan dere ringe meg?')).toBe('other');
    expect(inferTopic('Digipost', 'Kommer ikke inn med BankID.')).toBe('other');
  });
});
