import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { AuditRecordEntity } from './audit-record.entity';

export interface AuditFilter {
  ticketId?: string;
  actorId?: string;
  subjectHash?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: { createdAt: Date; id: string };
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>) {}

  // The id breaks ties between records of the same millisecond.
  findNewestFirst(filter: AuditFilter): Promise<AuditRecordEntity[]> {
    const query = this.records.createQueryBuilder('a');
    if (filter.ticketId) query.andWhere('a.ticket_id = :ticketId', { ticketId: filter.ticketId });
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.subjectHash) query.andWhere('a.subject_hash = :subjectHash', { subjectHash: filter.subjectHash });
    if (filter.from) query.andWhere('a.created_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.created_at <= :to', { to: filter.to });
    if (filter.cursor) {
      query.andWhere('(a.created_at < :cAt OR (a.created_at = :cAt AND a.id < :cId))', { cAt: filter.cursor.createdAt, cId: filter.cursor.id });
    }
    return query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(filter.limit).getMany();
  }

  /** The records about one person (their number's hash, or one of their tickets), oldest first, at most `limit`. */
  findAbout(subjectHash: string | null, ticketIds: string[], limit: number): Promise<AuditRecordEntity[]> {
    if (!subjectHash && ticketIds.length === 0) return Promise.resolve([]);
    const about = new Brackets((where) => {
      if (subjectHash) where.orWhere('a.subject_hash = :subjectHash', { subjectHash });
      if (ticketIds.length > 0) where.orWhere('a.ticket_id IN (:...ticketIds)', { ticketIds });
    });
    return this.records.createQueryBuilder('a').where(about).orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').take(limit).getMany();
  }

  append(db: EntityManager, record: Omit<AuditRecordEntity, 'id'>): Promise<AuditRecordEntity> {
    const repository = db.getRepository(AuditRecordEntity);
    return repository.save(repository.create(record));
  }
}
