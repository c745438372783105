import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MetricsModule } from '../supervision/metrics/metrics.module';
import { ErasureService } from './erasure.service';
import { PersonRecordsStore } from './person-records.store';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [AuditModule, MetricsModule],
  controllers: [PrivacyController],
  providers: [PersonRecordsStore, PrivacyService, ErasureService],
})
export class PrivacyModule {}
