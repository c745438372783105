import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { toDomainError } from './http-exception.filter';

@Catch()
export class WsAckExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Socket');

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toDomainError(exception);
    if (error.code === 'INTERNAL') this.logger.error((exception as Error)?.stack ?? String(exception));
    const args = host.getArgs();
    const ack = [...args].reverse().find((arg): arg is (response: unknown) => void => typeof arg === 'function');
    ack?.({ ok: false, error: { code: error.code, message: error.message, ...(error.details.length ? { details: error.details } : {}) } });
  }
}
