import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MailboxReader } from './mailbox-reader';
import { MailImporter } from './mail-importer';

@Injectable()
export class MailFetcher implements OnApplicationBootstrap, OnModuleDestroy {
  private reader: MailboxReader | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly importer: MailImporter,
  ) {}

  onApplicationBootstrap(): void {
    const imap = this.config.mail.imap;
    if (!imap) return;
    this.reader = new MailboxReader(imap, {
      pollSeconds: this.config.mail.pollSeconds,
      maxMailBytes: this.config.mail.maxMailBytes,
      importMail: (source, fetched) => this.importer.import(source, fetched),
    });
    this.reader.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.reader?.stop();
    this.reader = null;
  }
}
