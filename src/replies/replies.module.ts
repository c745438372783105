import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReadyReplyEntity } from './ready-reply.entity';
import { ReadyReplyRepository } from './ready-reply.repository';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReadyReplyEntity])],
  controllers: [RepliesController],
  providers: [RepliesService, ReadyReplyRepository],
  exports: [RepliesService],
})
export class RepliesModule {}
