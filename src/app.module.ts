import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { CitizensModule } from './citizens/citizens.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { OpeningHoursModule } from './opening-hours/opening-hours.module';
import { PagesModule } from './pages/pages.module';
import { RepliesModule } from './replies/replies.module';
import { StaffModule } from './staff/staff.module';
import { LiveBoardModule } from './supervision/live-board/live-board.module';
import { HistoryModule } from './supervision/history/history.module';
import { MetricsModule } from './supervision/metrics/metrics.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RetentionModule } from './retention/retention.module';
import { ScalingModule } from './scaling/scaling.module';
import { TicketsModule } from './tickets/tickets.module';
import { WidgetModule } from './widget/widget.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        ScalingModule,
        HealthModule,
        OpeningHoursModule,
        StaffModule,
        AuthModule,
        TicketsModule,
        MailModule,
        AuditModule,
        CitizensModule,
        RepliesModule,
        ChatModule,
        LiveBoardModule,
        HistoryModule,
        MetricsModule,
        RetentionModule,
        PrivacyModule,
        PagesModule,
        WidgetModule,
      ],
    };
  }
}
