import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (every module, route and socket handler) drowns the one line that matters. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestApplication']);

export class DeskLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
