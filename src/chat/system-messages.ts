import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { citizenMayLeaveContact } from '../tickets/ticket-access';
import type { Language } from '../tickets/ticket.types';

type Texts = Record<Language, (args: Record<string, string>) => string>;

const SYSTEM_MESSAGES = {
  joined: {
    nb: (a) => `${a.agent} har tatt imot samtalen.`,
    nn: (a) => `${a.agent} har teke imot samtalen.`,
    en: (a) => `${a.agent} has joined the chat.`,
  },
  transferred: {
    nb: (a) => `Samtalen er sendt videre til ${a.agent}.`,
    nn: (a) => `Samtalen er send vidare til ${a.agent}.`,
    en: (a) => `The chat has been transferred to ${a.agent}.`,
  },
  requeued: {
    nb: () => 'Rådgiveren din måtte gå. Du står i kø på samme plass som før, og neste ledige rådgiver tar over.',
    nn: () => 'Rådgjevaren din måtte gå. Du står i kø på same plass som før, og neste ledige rådgjevar tek over.',
    en: () => 'Your adviser had to leave. You are back in the queue at your old place, and the next free adviser will take over.',
  },
  closedByAgent: {
    nb: () => 'Rådgiveren har avsluttet samtalen. Takk for at du tok kontakt!',
    nn: () => 'Rådgjevaren har avslutta samtalen. Takk for at du tok kontakt!',
    en: () => 'The adviser has ended the chat. Thank you for contacting us!',
  },
  endedByCitizen: {
    nb: () => 'Innbyggeren avsluttet samtalen.',
    nn: () => 'Innbyggjaren avslutta samtalen.',
    en: () => 'The citizen ended the chat.',
  },
  idleWarning: {
    nb: (a) => `Vi har ikke hørt fra deg på en stund. Samtalen avsluttes om ${a.minutes} minutter hvis du ikke svarer.`,
    nn: (a) => `Vi har ikkje høyrt frå deg på ei stund. Samtalen blir avslutta om ${a.minutes} minutt om du ikkje svarar.`,
    en: (a) => `We have not heard from you for a while. The chat will close in ${a.minutes} minutes unless you answer.`,
  },
  abandoned: {
    nb: () => 'Samtalen er avsluttet fordi vi ikke har hørt fra deg. Du kan fortsatt laste ned samtalen, og du er velkommen til å starte en ny.',
    nn: () => 'Samtalen er avslutta fordi vi ikkje har høyrt frå deg. Du kan framleis laste ned samtalen, og du er velkomen til å starte ein ny.',
    en: () => 'The chat has been closed because we have not heard from you. You can still download the transcript, and you are welcome to start a new chat.',
  },
  convertedToTicket: {
    nb: (a) => `Chatten har stengt for i dag. Meldingen din er lagret som sak ${a.reference}, og vi svarer deg så snart vi kan. Du kan også ringe (+47) 800 30 300 eller sende e-post til brukerstotte@digdir.no.`,
    nn: (a) => `Chatten har stengt for i dag. Meldinga di er lagra som sak ${a.reference}, og vi svarar deg så snart vi kan. Du kan òg ringje (+47) 800 30 300 eller sende e-post til brukerstotte@digdir.no.`,
    en: (a) => `The chat has closed for today. Your message is saved as case ${a.reference}, and we will answer as soon as we can. You can also call (+47) 800 30 300 or e-mail brukerstotte@digdir.no.`,
  },
  convertedByAgent: {
    nb: (a) => `${a.agent} har gjort spørsmålet ditt til sak ${a.reference}, og vi svarer deg så snart vi kan. Chatten er avsluttet.`,
    nn: (a) => `${a.agent} har gjort spørsmålet ditt til sak ${a.reference}, og vi svarar deg så snart vi kan. Chatten er avslutta.`,
    en: (a) => `${a.agent} has made your question case ${a.reference}, and we will answer as soon as we can. The chat has ended.`,
  },
  askContact: {
    nb: () => 'Hvordan vil du ha svaret vårt? Skriv e-postadressen eller telefonnummeret ditt i skjemaet under chatten. Det er frivillig, men uten det kan vi ikke svare deg.',
    nn: () => 'Korleis vil du ha svaret vårt? Skriv e-postadressa eller telefonnummeret ditt i skjemaet under chatten. Det er frivillig, men utan det kan vi ikkje svare deg.',
    en: () => 'How do you want our answer? Give your e-mail address or phone number in the form below the chat. It is optional, but without it we cannot answer you.',
  },
  contactLeftEmail: {
    nb: () => 'Takk! Vi svarer deg på e-post.',
    nn: () => 'Takk! Vi svarar deg på e-post.',
    en: () => 'Thank you! We will answer you by e-mail.',
  },
  contactLeftPhone: {
    nb: () => 'Takk! Vi ringer deg med svaret.',
    nn: () => 'Takk! Vi ringjer deg med svaret.',
    en: () => 'Thank you! We will call you with the answer.',
  },
} satisfies Record<string, Texts>;

export type SystemMessage = keyof typeof SYSTEM_MESSAGES;

export function systemText(key: SystemMessage, language: Language, args: Record<string, string> = {}): string {
  return SYSTEM_MESSAGES[key][language](args);
}

/** What the citizen is told when their chat becomes a ticket, with the question of how to answer while there is no way back. */
export function becameTicketText(chat: TicketEntity, agent?: string): string {
  const told = agent ? systemText('convertedByAgent', chat.language, { agent, reference: chat.reference }) : systemText('convertedToTicket', chat.language, { reference: chat.reference });
  return citizenMayLeaveContact(chat) ? `${told} ${systemText('askContact', chat.language)}` : told;
}
