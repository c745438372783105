import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { unauthenticated } from '../common/errors';
import type { AuthedRequest } from './access.guard';

export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});
