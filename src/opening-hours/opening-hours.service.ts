import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { OpeningHours, OpeningStatus } from './opening-hours';

@Injectable()
export class OpeningHoursService {
  constructor(
    private readonly hours: OpeningHours,
    private readonly clock: Clock,
  ) {}

  status(): OpeningStatus {
    return this.hours.status(this.clock.now());
  }

  statusAt(instant: Date): OpeningStatus {
    return this.hours.status(instant);
  }

  isOpen(): boolean {
    return this.status().open;
  }
}
