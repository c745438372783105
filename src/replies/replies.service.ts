import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { notFound, validationError } from '../common/errors';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { Transactions } from '../database/transactions';
import { CreateReplyDto, mapReply, ReadyReplyDto, ReadyReplyList, ReplyQueryDto, UpdateReplyDto } from './dto/ready-reply.dto';
import { NewReadyReply, ReadyReplyRepository } from './ready-reply.repository';

// Staff-written, yet masked like every other stored free text.
@Injectable()
export class RepliesService {
  constructor(
    private readonly replies: ReadyReplyRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(query: ReplyQueryDto): Promise<ReadyReplyList> {
    const rows = await this.replies.search({ q: query.q, language: query.language });
    return { items: rows.map(mapReply) };
  }

  async get(id: string): Promise<ReadyReplyDto> {
    return mapReply(await this.require(id));
  }

  async create(actor: StaffActor, input: CreateReplyDto): Promise<ReadyReplyDto> {
    const at = this.clock.now();
    const reply = await this.transactions.run((db) =>
      this.replies.add(db, {
        title: maskNationalIdsInText(input.title),
        body: maskNationalIdsInText(input.body),
        language: input.language,
        topic: input.topic ?? null,
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      }),
    );
    return mapReply(reply);
  }

  async update(_actor: StaffActor, id: string, input: UpdateReplyDto): Promise<ReadyReplyDto> {
    // Optional fields with a @Transform come back as present-but-undefined, so count values, not keys.
    if (Object.values(input).every((value) => value === undefined)) throw validationError('Nothing to change: give title, body, language or topic');
    const change: Partial<NewReadyReply> = { updatedAt: this.clock.now() };
    if (input.title !== undefined) change.title = maskNationalIdsInText(input.title);
    if (input.body !== undefined) change.body = maskNationalIdsInText(input.body);
    if (input.language !== undefined) change.language = input.language;
    if (input.topic !== undefined) change.topic = input.topic;
    const found = isUuid(id) && (await this.transactions.run((db) => this.replies.update(db, id, change)));
    if (!found) throw notFound('Ready-made reply');
    return this.get(id);
  }

  async remove(_actor: StaffActor, id: string): Promise<void> {
    const found = isUuid(id) && (await this.transactions.run((db) => this.replies.remove(db, id)));
    if (!found) throw notFound('Ready-made reply');
  }

  private async require(id: string) {
    const reply = isUuid(id) ? await this.replies.findById(id) : null;
    if (!reply) throw notFound('Ready-made reply');
    return reply;
  }
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
