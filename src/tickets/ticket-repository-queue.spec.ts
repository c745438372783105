import type { DataSource, Repository } from 'typeorm';
import { openReaderFixture, type ReaderFixture } from '../../test/support/reader-fixture';
import { Sql } from '../database/sql';
import type { TicketEntity } from './entities/ticket.entity';
import { TicketRepository } from './ticket.repository';

// Only the columns the queue reads, on a file database so that the reader thread has something to open.
describe('TicketRepository: the queue read off the main thread, and its summary', () => {
  let fixture: ReaderFixture;
  let dataSource: DataSource;
  let tickets: TicketRepository;

  beforeEach(async () => {
    fixture = await openReaderFixture('queue-read', 'CREATE TABLE tickets (id varchar PRIMARY KEY, reference varchar NOT NULL, status varchar NOT NULL, queued_at datetime)');
    dataSource = fixture.dataSource;
    tickets = new TicketRepository({} as Repository<TicketEntity>, new Sql(dataSource), fixture.reader);
  });

  afterEach(() => fixture.close());

  const insert = (id: string, reference: string, status: string, queuedAt: string | null) =>
    dataSource.query('INSERT INTO tickets (id, reference, status, queued_at) VALUES (?, ?, ?, ?)', [id, reference, status, queuedAt]);

  it('reads the waiting chats in queue order in the reader thread, a commit made just before included', async () => {
    await insert('b', 'K-0002', 'queued', '2026-12-06 10:01:00.000');
    await insert('a', 'K-0001', 'queued', '2026-12-06 10:00:00.000');
    await insert('c', 'K-0003', 'active', null);
    const read = jest.spyOn(fixture.reader, 'query');
    expect(await tickets.findQueuedIds()).toEqual(['a', 'b']);
    expect(read).toHaveBeenCalledTimes(1);

    await dataSource.query("UPDATE tickets SET status = 'active' WHERE id = 'a'");
    expect(await tickets.findQueuedIds()).toEqual(['b']);
  });

  it('counts the queue and finds its first chat without reading every waiting chat', async () => {
    expect(await tickets.queueSummary()).toEqual({ length: 0, oldestQueuedAt: null });
    await insert('later', 'K-0002', 'queued', '2026-12-06 10:05:00.000');
    await insert('first', 'K-0001', 'queued', '2026-12-06 10:07:00.000');
    await insert('done', 'K-0000', 'closed', '2026-12-06 09:00:00.000');
    expect(await tickets.queueSummary()).toEqual({ length: 2, oldestQueuedAt: new Date('2026-12-06T10:07:00.000Z') });
  });
});
