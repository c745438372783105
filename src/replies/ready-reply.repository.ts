import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Language } from '../tickets/ticket.types';
import { ReadyReplyEntity } from './ready-reply.entity';

export type NewReadyReply = Omit<ReadyReplyEntity, 'id' | 'creator'>;

@Injectable()
export class ReadyReplyRepository {
  constructor(@InjectRepository(ReadyReplyEntity) private readonly replies: Repository<ReadyReplyEntity>) {}

  // Not in SQL: SQLite's LIKE and LOWER ignore case for ASCII only (not Æ, Ø, Å); the list is a few dozen rows.
  async search(filter: { q?: string; language?: Language }): Promise<ReadyReplyEntity[]> {
    const rows = await this.replies.find({
      where: filter.language ? { language: filter.language } : {},
      order: { language: 'ASC', title: 'ASC' },
    });
    if (!filter.q) return rows;
    const needle = fold(filter.q);
    return rows.filter((reply) => fold(reply.title).includes(needle) || fold(reply.body).includes(needle));
  }

  findById(id: string): Promise<ReadyReplyEntity | null> {
    return this.replies.findOneBy({ id });
  }

  add(db: EntityManager, reply: NewReadyReply): Promise<ReadyReplyEntity> {
    const repository = db.getRepository(ReadyReplyEntity);
    return repository.save(repository.create(reply));
  }

  async update(db: EntityManager, id: string, change: Partial<NewReadyReply>): Promise<boolean> {
    const result = await db.getRepository(ReadyReplyEntity).update({ id }, change);
    return (result.affected ?? 0) > 0;
  }

  async remove(db: EntityManager, id: string): Promise<boolean> {
    const result = await db.getRepository(ReadyReplyEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}

const fold = (text: string) => text.toLocaleLowerCase('nb');
