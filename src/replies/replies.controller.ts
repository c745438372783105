import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CreateReplyDto, ReadyReplyDto, ReadyReplyList, ReplyQueryDto, UpdateReplyDto } from './dto/ready-reply.dto';
import { RepliesService } from './replies.service';

@ApiTags('replies')
@Controller('api/replies')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Get()
  @RequirePermission('chat:handle')
  list(@Query() query: ReplyQueryDto): Promise<ReadyReplyList> {
    return this.replies.list(query);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('replies:manage')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateReplyDto): Promise<ReadyReplyDto> {
    return this.replies.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('replies:manage')
  update(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Body() body: UpdateReplyDto): Promise<ReadyReplyDto> {
    return this.replies.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('replies:manage')
  remove(@CurrentStaff() actor: StaffActor, @Param('id') id: string): Promise<void> {
    return this.replies.remove(actor, id);
  }
}
