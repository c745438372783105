import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { AuditRecordEntity } from '../audit/audit-record.entity';
import { ReadyReplyEntity } from '../replies/ready-reply.entity';
import { SessionEntity } from '../auth/session.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { MessageEntity } from '../tickets/entities/message.entity';
import { NoteEntity } from '../tickets/entities/note.entity';
import { TicketEventEntity } from '../tickets/entities/ticket-event.entity';
import { TicketEntity } from '../tickets/entities/ticket.entity';
import { applySqliteSettings } from './sqlite-settings';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { CitizenIdentityAndReferral1764100000000 } from './migrations/1764100000000-citizen-identity-and-referral';
import { AuditLog1764200000000 } from './migrations/1764200000000-audit-log';
import { ReadyMadeReplies1764300000000 } from './migrations/1764300000000-ready-made-replies';
import { HistorySearch1764400000000 } from './migrations/1764400000000-history-search';
import { QueueOrder1764500000000 } from './migrations/1764500000000-queue-order';
import { SearchIndexMergeSteps1764600000000 } from './migrations/1764600000000-search-index-merge-steps';
import { StaffSessionControl1764700000000 } from './migrations/1764700000000-staff-session-control';
import { RemaskFreeText1764800000000 } from './migrations/1764800000000-remask-free-text';
import { MailChannel1764900000000, MailChannelPostgres1764900000000 } from './migrations/1764900000000-mail-channel';
import { CitizenPresence1765000000000, CitizenPresencePostgres1765000000000 } from './migrations/1765000000000-citizen-presence';
import { AgentAlertPreferences1765100000000, AgentAlertPreferencesPostgres1765100000000 } from './migrations/1765100000000-agent-alert-preferences';
import { HistoryPrefixSearch1765200000000 } from './migrations/1765200000000-history-prefix-search';
import { NationalIdHash1765300000000 } from './migrations/1765300000000-national-id-hash';
import { SearchVocabulary1765400000000 } from './migrations/1765400000000-search-vocabulary';
import { HistoryFilterIndex1765500000000 } from './migrations/1765500000000-history-filter-index';
import { AttachmentEntity } from '../mail/attachment.entity';
import { MailEntity } from '../mail/mail.entity';
import { MetricsDailyEntity } from '../supervision/metrics/metrics-daily.entity';
import { InitialSchemaPostgres1764000000000 } from './migrations/postgres/1764000000000-initial-schema';
import { CitizenIdentityAndReferralPostgres1764100000000 } from './migrations/postgres/1764100000000-citizen-identity-and-referral';
import { AuditLogPostgres1764200000000 } from './migrations/postgres/1764200000000-audit-log';
import { ReadyMadeRepliesPostgres1764300000000 } from './migrations/postgres/1764300000000-ready-made-replies';
import { HistorySearchPostgres1764400000000 } from './migrations/postgres/1764400000000-history-search';
import { StaffSessionControlPostgres1764700000000 } from './migrations/postgres/1764700000000-staff-session-control';

const ENTITIES = [StaffUserEntity, TicketEntity, MessageEntity, NoteEntity, TicketEventEntity, SessionEntity, AuditRecordEntity, ReadyReplyEntity, MetricsDailyEntity, MailEntity, AttachmentEntity];
// The n-th migration of each list has the same name and effect.
export const SQLITE_MIGRATIONS = [InitialSchema1764000000000, CitizenIdentityAndReferral1764100000000, AuditLog1764200000000, ReadyMadeReplies1764300000000, HistorySearch1764400000000, QueueOrder1764500000000, SearchIndexMergeSteps1764600000000, StaffSessionControl1764700000000, RemaskFreeText1764800000000, MailChannel1764900000000, CitizenPresence1765000000000, AgentAlertPreferences1765100000000, HistoryPrefixSearch1765200000000, NationalIdHash1765300000000, SearchVocabulary1765400000000, HistoryFilterIndex1765500000000];
export const POSTGRES_MIGRATIONS = [
  InitialSchemaPostgres1764000000000,
  CitizenIdentityAndReferralPostgres1764100000000,
  AuditLogPostgres1764200000000,
  ReadyMadeRepliesPostgres1764300000000,
  HistorySearchPostgres1764400000000,
  QueueOrder1764500000000,
  SearchIndexMergeSteps1764600000000,
  StaffSessionControlPostgres1764700000000,
  RemaskFreeText1764800000000,
  MailChannelPostgres1764900000000,
  CitizenPresencePostgres1765000000000,
  AgentAlertPreferencesPostgres1765100000000,
  HistoryPrefixSearch1765200000000,
  NationalIdHash1765300000000,
  SearchVocabulary1765400000000,
  HistoryFilterIndex1765500000000,
];

/** How the desk's connections are named in pg_stat_activity. */
export const APPLICATION_NAME = 'support-desk';

export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.type === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      entities: ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      // openDataSource runs them under a lock: several instances may start at once.
      migrationsRun: false,
      migrationsTransactionMode: 'all',
      synchronize: false,
      extra: { max: database.poolSize, application_name: APPLICATION_NAME },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    prepareDatabase: applySqliteSettings,
  };
}
