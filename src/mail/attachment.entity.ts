import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BYTES, TIMESTAMP } from '../config/database-kind';

@Entity({ name: 'attachments' })
export class AttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'message_id', type: 'varchar', length: 36 })
  messageId: string;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: BYTES, select: false })
  content: Buffer;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
