import { DomainError } from '../../common/errors';

export class SearchBudget {
  readonly deadline: number;

  constructor(readonly ms: number) {
    this.deadline = Date.now() + ms;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  check(): void {
    if (Date.now() >= this.deadline) throw queryTooBroad(this);
  }
}

export function queryTooBroad(budget: SearchBudget): DomainError {
  const seconds = budget.ms >= 1000 ? `${Math.round(budget.ms / 100) / 10} s` : `${budget.ms} ms`;
  return new DomainError(
    'QUERY_TOO_BROAD',
    `This search matches too much to finish within ${seconds}. Narrow it: type longer word beginnings before * (or whole words), add words, or choose a shorter period with the dates.`,
    [{ field: 'q', message: 'use longer word beginnings, more words or a shorter period' }],
  );
}
