import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { Language } from '../tickets/ticket.types';
import { composeReferralMessage } from './referral-texts';
import { PROVIDERS, readProvidersFile, type DeskContact, type Provider, type ProviderContact, type ProvidersFile } from './providers-file';

export { PROVIDERS, ProvidersFileError } from './providers-file';
export type { DeskContact, Provider, ProviderContact } from './providers-file';

export interface ReferralCard {
  name: string;
  phone: string;
  email?: string;
  contactForm?: string;
  web: string;
}

// A broken file stops the start rather than failing at the first referral in front of a citizen.
@Injectable()
export class ProviderDirectory {
  private readonly file: ProvidersFile;

  constructor(config: AppConfig) {
    this.file = readProvidersFile(config.providersFile);
  }

  get(provider: Provider): ProviderContact {
    const contact = this.file.providers[provider];
    if (!contact) throw new Error(`Unknown mailbox provider "${String(provider)}" (known: ${PROVIDERS.join(', ')})`);
    return contact;
  }

  referralMessage(provider: Provider, language: Language): string {
    return composeReferralMessage(this.get(provider), language);
  }

  referralCard(provider: Provider, language: Language): ReferralCard {
    const { name, phone, email, contactForm, web } = this.get(provider);
    return { name, phone, ...(email ? { email } : {}), ...(contactForm ? { contactForm } : {}), web: web[language] };
  }

  changeMailboxUrl(): string {
    return this.file.changeMailboxUrl;
  }

  desk(): DeskContact {
    return this.file.desk;
  }
}
