import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { NoteEntity } from './entities/note.entity';

@Injectable()
export class NoteRepository {
  constructor(@InjectRepository(NoteEntity) private readonly notes: Repository<NoteEntity>) {}

  listFor(ticketId: string): Promise<NoteEntity[]> {
    return this.notes.find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  add(db: EntityManager, note: Omit<NoteEntity, 'id'>): Promise<NoteEntity> {
    const repository = db.getRepository(NoteEntity);
    return repository.save(repository.create(note));
  }
}
