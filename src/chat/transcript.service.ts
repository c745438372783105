import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { StaffActor } from '../auth/actor';
import { DomainError, forbidden } from '../common/errors';
import { AppConfig } from '../config/app-config';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { requireTicketAccess } from '../tickets/ticket-access';
import { MessageStore } from '../tickets/message-store/message-store';
import type { Language } from '../tickets/ticket.types';
import { ChatAccess } from './chat-access.service';
import { hashChatToken } from './chat-token';

const LABELS: Record<Language, { title: string; topic: string; started: string; you: string; adviser: string; desk: string; topics: Record<string, string> }> = {
  nb: { title: 'Samtale med Digdir brukerstøtte', topic: 'Tema', started: 'Startet', you: 'Du', adviser: 'rådgiver', desk: 'Brukerstøtte', topics: { 'digital-mailbox': 'Digital postkasse', 'id-porten': 'ID-porten', other: 'Annet' } },
  nn: { title: 'Samtale med Digdir brukarstøtte', topic: 'Tema', started: 'Starta', you: 'Du', adviser: 'rådgjevar', desk: 'Brukarstøtte', topics: { 'digital-mailbox': 'Digital postkasse', 'id-porten': 'ID-porten', other: 'Anna' } },
  en: { title: 'Conversation with Digdir user support', topic: 'Topic', started: 'Started', you: 'You', adviser: 'adviser', desk: 'User support', topics: { 'digital-mailbox': 'Digital mailbox', 'id-porten': 'ID-porten', other: 'Other' } },
};

export interface TranscriptLine {
  time: string;
  speaker: string;
  body: string;
  kind: string;
}

export interface Transcript {
  reference: string;
  language: Language;
  title: string;
  heading: { label: string; value: string }[];
  lines: TranscriptLine[];
}

@Injectable()
export class TranscriptService {
  constructor(
    private readonly access: ChatAccess,
    private readonly messages: MessageStore,
    private readonly config: AppConfig,
  ) {}

  async forRequest(chatId: string, token: string | undefined, actor: StaffActor | undefined): Promise<Transcript> {
    if (!token && !actor) throw new DomainError('UNAUTHENTICATED', 'Give the chat token in x-chat-token, or log in');
    const chat = await this.access.chatById(chatId);
    const tokenOwns = typeof token === 'string' && chat.tokenHash === hashChatToken(token);
    if (!tokenOwns) {
      if (!actor) throw forbidden('This token does not belong to this chat');
      requireTicketAccess(actor, chat, 'read');
    }
    return this.build(chat);
  }

  async build(chat: TicketEntity): Promise<Transcript> {
    const labels = LABELS[chat.language];
    const zone = this.config.openingHours.timezone;
    const format = (date: Date, pattern: string) => DateTime.fromJSDate(date, { zone }).toFormat(pattern);
    const messages = await this.messages.listAfter(chat.id, 0);
    return {
      reference: chat.reference,
      language: chat.language,
      title: `${labels.title} ${chat.reference}`,
      heading: [
        { label: labels.topic, value: labels.topics[chat.topic] ?? chat.topic },
        { label: labels.started, value: `${format(chat.createdAt, 'yyyy-MM-dd HH:mm')} (${zone})` },
      ],
      lines: messages.map((m) => ({
        time: format(m.createdAt, 'HH:mm'),
        speaker: m.author === 'citizen' ? labels.you : m.author === 'agent' ? `${m.authorName ?? ''} (${labels.adviser})` : labels.desk,
        body: m.body,
        kind: m.kind,
      })),
    };
  }
}

export function transcriptAsText(transcript: Transcript): string {
  const head = [transcript.title, ...transcript.heading.map((h) => `${h.label}: ${h.value}`), ''];
  const lines = transcript.lines.map((l) => `[${l.time}] ${l.speaker}: ${l.body}`);
  return [...head, ...lines, ''].join('\n');
}
