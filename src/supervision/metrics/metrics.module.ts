import { Module } from '@nestjs/common';
import { MetricsArchive } from './metrics-archive';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsRepository, MetricsArchive],
  exports: [MetricsArchive],
})
export class MetricsModule {}
