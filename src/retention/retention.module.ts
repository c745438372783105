import { Module } from '@nestjs/common';
import { MetricsModule } from '../supervision/metrics/metrics.module';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  imports: [MetricsModule],
  providers: [RetentionService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
