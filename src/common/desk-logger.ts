import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestApplication']);

// Controls that let a logged value forge or hide log lines, including bidi controls that reorder a terminal.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// util.inspect escapes C0 and C1 controls itself, but not these.
const UNICODE_CONTROLS = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControlCharacters(text: string, which = CONTROL_CHARACTERS): string {
  return text.replace(which, (character) => {
    const code = character.charCodeAt(0);
    return SHORT_ESCAPES[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

// Escaping here, once, keeps every message one line whatever a logged value holds.
export class DeskLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, context);
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    if (typeof message === 'string') return super.stringifyMessage(escapeControlCharacters(message), logLevel);
    // An object's own layout keeps its line breaks; the values inside are escaped by inspect.
    return escapeControlCharacters(super.stringifyMessage(message, logLevel), UNICODE_CONTROLS);
  }
}
