import type { Language } from '../../tickets/ticket.types';

// docs/domain.md §5.
const TEXTS: Record<Language, (reference: string) => string> = {
  nb: (reference) =>
    [
      'Hei,',
      '',
      `takk for e-posten din. Vi har mottatt den og gitt saken referansen ${reference}.`,
      'Vi svarer deg så snart vi kan, vanligvis innen to virkedager. Svar på denne e-posten hvis du vil legge til noe; behold referansen i emnefeltet.',
      '',
      'Du kan også ringe oss på (+47) 800 30 300 eller chatte med oss mandag–fredag kl. 09.00–15.00.',
      'Ikke send fødselsnummer eller andre sensitive opplysninger på e-post.',
      '',
      'Dette er et automatisk svar.',
      '',
      'Med vennlig hilsen',
      'Brukerstøtte, Digitaliseringsdirektoratet',
    ].join('\n'),
  nn: (reference) =>
    [
      'Hei,',
      '',
      `takk for e-posten din. Vi har fått han og gitt saka referansen ${reference}.`,
      'Vi svarer deg så snart vi kan, vanlegvis innan to yrkedagar. Svar på denne e-posten om du vil leggje til noko; behald referansen i emnefeltet.',
      '',
      'Du kan òg ringje oss på (+47) 800 30 300 eller chatte med oss måndag–fredag kl. 09.00–15.00.',
      'Ikkje send fødselsnummer eller andre sensitive opplysningar på e-post.',
      '',
      'Dette er eit automatisk svar.',
      '',
      'Med venleg helsing',
      'Brukarstøtte, Digitaliseringsdirektoratet',
    ].join('\n'),
  en: (reference) =>
    [
      'Hello,',
      '',
      `thank you for your e-mail. We have received it and given your case the reference ${reference}.`,
      'We will answer you as soon as we can, usually within two working days. Reply to this e-mail if you want to add something; keep the reference in the subject.',
      '',
      'You can also call us on (+47) 800 30 300 or chat with us Monday–Friday 09:00–15:00 (Norwegian time).',
      'Please do not send national identity numbers or other sensitive details by e-mail.',
      '',
      'This is an automatic reply.',
      '',
      'Kind regards',
      'User support, the Norwegian Digitalisation Agency',
    ].join('\n'),
};

export const acknowledgementText = (language: Language, reference: string): string => TEXTS[language](reference);
