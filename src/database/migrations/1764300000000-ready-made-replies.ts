import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

export type SeedLanguage = 'nb' | 'nn' | 'en';
export type SeedTopic = 'digital-mailbox' | 'id-porten' | 'other';

export interface SeedReply {
  topic: SeedTopic;
  texts: Record<SeedLanguage, { title: string; body: string }>;
}

const CHANGE_MAILBOX_URL = 'https://www.norge.no/nb/digital-borger/oppdater-kontaktinformasjon';

// Copied rather than imported, so this migration gives the same result whatever the application becomes.
export const STANDARD_REPLIES: SeedReply[] = [
  {
    topic: 'digital-mailbox',
    texts: {
      nb: {
        title: 'Velge digital postkasse',
        body:
          'Du velger digital postkasse via norge.no: velg Digipost eller e-Boks, og følg stegene for å opprette postkassen. ' +
          'Du logger inn med ID-porten. Begge er gratis. Når du har valgt, kommer post fra det offentlige dit i stedet for ' +
          'som brev på papir. Du kan bare ha én digital postkasse for offentlig post om gangen.',
      },
      nn: {
        title: 'Velje digital postkasse',
        body:
          'Du vel digital postkasse via norge.no: vel Digipost eller e-Boks, og følg stega for å opprette postkassa. ' +
          'Du loggar inn med ID-porten. Begge er gratis. Når du har valt, kjem post frå det offentlege dit i staden for ' +
          'som brev på papir. Du kan berre ha éi digital postkasse for offentleg post om gongen.',
      },
      en: {
        title: 'Choosing a digital mailbox',
        body:
          'You choose your digital mailbox through norge.no: pick Digipost or e-Boks, and follow the steps to set it up. ' +
          'You log in with ID-porten. Both are free. Once you have chosen, mail from public agencies arrives there instead ' +
          'of as letters on paper. You can have only one digital mailbox for public mail at a time.',
      },
    },
  },
  {
    topic: 'digital-mailbox',
    texts: {
      nb: {
        title: 'Bytte leverandør av digital postkasse',
        body:
          `Du bytter postkasse på norge.no: Gå til ${CHANGE_MAILBOX_URL} («Oppdater kontaktinformasjon») og logg inn med ` +
          'ID-porten. Trykk på blyantikonet ved siden av postkassen din, og velg den nye leverandøren. Fra da av kommer ny ' +
          'post fra det offentlige i den nye postkassen.',
      },
      nn: {
        title: 'Byte leverandør av digital postkasse',
        body:
          `Du byter postkasse på norge.no: Gå til ${CHANGE_MAILBOX_URL} («Oppdater kontaktinformasjon») og logg inn med ` +
          'ID-porten. Trykk på blyantikonet ved sida av postkassa di, og vel den nye leverandøren. Frå då av kjem ny post ' +
          'frå det offentlege i den nye postkassa.',
      },
      en: {
        title: 'Changing digital mailbox provider',
        body:
          `You change mailbox on norge.no: go to ${CHANGE_MAILBOX_URL} ("Update contact information") and log in with ` +
          'ID-porten. Select the pencil icon beside your mailbox, and choose the new provider. From then on, new mail from ' +
          'public agencies arrives in the new mailbox.',
      },
    },
  },
  {
    topic: 'digital-mailbox',
    texts: {
      nb: {
        title: 'Flytte post til ny postkasse',
        body:
          'Når du bytter postkasse på norge.no, kan du velge å flytte posten du har fått fra det offentlige, fra den gamle ' +
          'postkassen til den nye. Vent med å avslutte den gamle postkassen til posten er flyttet. Trenger du hjelp med ' +
          'flyttingen, kan du kontakte kundeservice hos Digipost eller e-Boks.',
      },
      nn: {
        title: 'Flytte post til ny postkasse',
        body:
          'Når du byter postkasse på norge.no, kan du velje å flytte posten du har fått frå det offentlege, frå den gamle ' +
          'postkassa til den nye. Vent med å avslutte den gamle postkassa til posten er flytta. Treng du hjelp med ' +
          'flyttinga, kan du kontakte kundeservice hos Digipost eller e-Boks.',
      },
      en: {
        title: 'Moving mail to a new mailbox',
        body:
          'When you change mailbox on norge.no, you can choose to move the mail you have received from public agencies ' +
          'from the old mailbox to the new one. Keep the old mailbox until the mail has been moved. If you need help with ' +
          'the move, contact Digipost or e-Boks customer service.',
      },
    },
  },
  {
    topic: 'other',
    texts: {
      nb: {
        title: 'Kontakt brukerstøtten',
        body:
          'Du når brukerstøtten for digital postkasse og ID-porten på telefon (+47) 800 30 300, på e-post til ' +
          'brukerstotte@digdir.no eller i chatten. Vi har åpent mandag–fredag kl. 09.00–15.00, men ikke på helligdager.',
      },
      nn: {
        title: 'Kontakt brukarstøtta',
        body:
          'Du når brukarstøtta for digital postkasse og ID-porten på telefon (+47) 800 30 300, på e-post til ' +
          'brukerstotte@digdir.no eller i chatten. Vi har ope måndag–fredag kl. 09.00–15.00, men ikkje på heilagdagar.',
      },
      en: {
        title: 'Contacting user support',
        body:
          'You can reach user support for the digital mailbox and ID-porten by phone on (+47) 800 30 300, by e-mail at ' +
          'brukerstotte@digdir.no, or in the chat. We are open Monday–Friday 09:00–15:00 (Norwegian time), except on ' +
          'public holidays.',
      },
    },
  },
  {
    topic: 'id-porten',
    texts: {
      nb: {
        title: 'Problemer med å logge inn med MinID',
        body:
          'Prøv dette først: Har du glemt passordet, velger du «Glemt passord» når du logger inn, og får en kode på SMS. ' +
          'Har du ikke lenger PIN-kodene, kan du bestille et nytt PIN-kodebrev. Det sendes til adressen din i ' +
          'Folkeregisteret. Med MinID-appen kan du logge inn uten kode på SMS eller PIN-kode.',
      },
      nn: {
        title: 'Problem med å logge inn med MinID',
        body:
          'Prøv dette først: Har du gløymt passordet, vel du «Gløymt passord» når du loggar inn, og får ein kode på SMS. ' +
          'Har du ikkje lenger PIN-kodane, kan du bestille eit nytt PIN-kodebrev. Det blir sendt til adressa di i ' +
          'Folkeregisteret. Med MinID-appen kan du logge inn utan kode på SMS eller PIN-kode.',
      },
      en: {
        title: 'Trouble logging in with MinID',
        body:
          'Try this first: if you have forgotten your password, choose "Forgotten password" when you log in, and you will ' +
          'get a code by SMS. If you no longer have your PIN codes, you can order a new PIN code letter. It is sent to your ' +
          'address in the National Population Register. With the MinID app you can log in without an SMS code or PIN code.',
      },
    },
  },
  {
    topic: 'id-porten',
    texts: {
      nb: {
        title: 'Problemer med BankID',
        body:
          'BankID får du fra banken din, og det er banken som kan hjelpe hvis BankID ikke virker, er sperret eller må ' +
          'fornyes. Kontakt banken din, for eksempel via nettsidene eller nettbanken. Vi kan ikke se eller endre BankID-en din.',
      },
      nn: {
        title: 'Problem med BankID',
        body:
          'BankID får du frå banken din, og det er banken som kan hjelpe om BankID ikkje verkar, er sperra eller må ' +
          'fornyast. Kontakt banken din, til dømes via nettsidene eller nettbanken. Vi kan ikkje sjå eller endre BankID-en din.',
      },
      en: {
        title: 'Trouble with BankID',
        body:
          'BankID is issued by your bank, so your bank is the one to help if BankID does not work, is blocked or needs ' +
          'renewing. Contact your bank, for example through its website or online banking. We cannot see or change your BankID.',
      },
    },
  },
];

export class ReadyMadeReplies1764300000000 implements MigrationInterface {
  name = 'ReadyMadeReplies1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE ready_replies (
      id varchar(36) PRIMARY KEY NOT NULL,
      title varchar(120) NOT NULL,
      body text NOT NULL,
      language varchar(2) NOT NULL,
      topic varchar(32),
      created_by varchar(36) REFERENCES staff_users(id) ON DELETE SET NULL,
      created_at datetime NOT NULL,
      updated_at datetime NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_ready_replies_language_title ON ready_replies (language, title)`);

    // TypeORM's own format for SQLite datetime columns (UTC, no zone letter).
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const reply of STANDARD_REPLIES) {
      for (const language of ['nb', 'nn', 'en'] as const) {
        const { title, body } = reply.texts[language];
        await db.query(
          `INSERT INTO ready_replies (id, title, body, language, topic, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
          [randomUUID(), title, body, language, reply.topic, now, now],
        );
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_ready_replies_language_title`);
    await db.query(`DROP TABLE ready_replies`);
  }
}
