import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's start-up chatter (every module, route and socket handler) drowns the one line that matters. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestApplication']);

/**
 * Characters that let a logged value forge or hide log lines: C0 controls (newline, carriage return,
 * ANSI escape), DEL, C1 controls (NEL), the Unicode line and paragraph separators, and the bidi
 * controls that reorder what a terminal shows.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** util.inspect (objects, errors) escapes C0 and C1 controls itself, but not these. */
const UNICODE_CONTROLS = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\x1b`, `\u2028`: visible in the log, never a line break or a terminal command. */
export function escapeControlCharacters(text: string, which = CONTROL_CHARACTERS): string {
  return text.replace(which, (character) => {
    const code = character.charCodeAt(0);
    return SHORT_ESCAPES[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/**
 * The desk's logger. Every message is one line whatever a logged value holds (a user name typed at
 * log-in, a chat topic): escaping here, once, covers every call site.
 */
export class DeskLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, context);
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    if (typeof message === 'string') return super.stringifyMessage(escapeControlCharacters(message), logLevel);
    // An object's own layout keeps its line breaks (and colours); the values inside are escaped by inspect.
    return escapeControlCharacters(super.stringifyMessage(message, logLevel), UNICODE_CONTROLS);
  }
}
