import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, errorBody, ErrorCode, httpStatusFor } from './errors';

const statusToCode: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'VALIDATION',
  415: 'VALIDATION',
  429: 'RATE_LIMITED',
};

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = toDomainError(exception);
    if (error.code === 'INTERNAL') {
      this.logger.error(`${request.method} ${request.path}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (response.headersSent) return;

    if (isPageRequest(request)) {
      if (error.code === 'UNAUTHENTICATED') {
        response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
        return;
      }
      if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
        response.redirect(303, '/password');
        return;
      }
      response.status(httpStatusFor(error.code)).render('error', { code: error.code, message: error.message, status: httpStatusFor(error.code) });
      return;
    }
    response.status(httpStatusFor(error.code)).json(errorBody(error));
  }
}

export function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = statusToCode[status] ?? (status < 500 ? 'VALIDATION' : 'INTERNAL');
    return new DomainError(code, code === 'INTERNAL' ? 'Something went wrong on our side' : exception.message);
  }
  const status = (exception as { status?: number; statusCode?: number })?.status ?? (exception as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new DomainError(statusToCode[status] ?? 'VALIDATION', (exception as Error).message || 'Bad request');
  }
  return new DomainError('INTERNAL', 'Something went wrong on our side');
}

function isPageRequest(request: Request): boolean {
  if (request.method !== 'GET') return false;
  // A browser tab opening an API address (the CSV export link) gets a readable page, not JSON.
  if (request.path.startsWith('/api/')) return request.headers['sec-fetch-mode'] === 'navigate';
  return request.accepts(['html', 'json']) === 'html';
}
