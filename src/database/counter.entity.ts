import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Named counters advanced inside transactions (ticket references per year). */
@Entity({ name: 'counters' })
export class CounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'integer' })
  value: number;
}
