import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'counters' })
export class CounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'integer' })
  value: number;
}
