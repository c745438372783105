import { MAX_PAYLOAD_DEPTH, MAX_PAYLOAD_VALUES, payloadWithinLimits } from './payload-limits';

const nestedObject = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
};
const nestedArray = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};
const wideArray = (items: number) => Array.from({ length: items }, () => 0);
const wideObject = (keys: number) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

describe('payloadWithinLimits', () => {
  it.each([
    ['a scalar', 'text'],
    ['null', null],
    ['an empty object', {}],
    ['an object at the depth limit', nestedObject(MAX_PAYLOAD_DEPTH)],
    ['an array at the depth limit', nestedArray(MAX_PAYLOAD_DEPTH)],
    ['an array at the width limit', wideArray(MAX_PAYLOAD_VALUES)],
    ['an object at the width limit', wideObject(MAX_PAYLOAD_VALUES)],
    ['a chat message', { chatId: 'c1', clientId: 'x', body: 'Hei!'.repeat(1000) }],
  ])('accepts %s', (_name, value) => {
    expect(payloadWithinLimits(value)).toBe(true);
  });

  it.each([
    ['an object one level too deep', nestedObject(MAX_PAYLOAD_DEPTH + 1)],
    ['an array one level too deep', nestedArray(MAX_PAYLOAD_DEPTH + 1)],
    ['a chain 100,000 deep (no recursion in the check)', nestedObject(100_000)],
    ['a deep value beside shallow ones', { a: 1, b: [2, 3], c: { d: nestedArray(MAX_PAYLOAD_DEPTH) } }],
    ['an array one item too wide', wideArray(MAX_PAYLOAD_VALUES + 1)],
    ['an object one key too wide', wideObject(MAX_PAYLOAD_VALUES + 1)],
    ['100,000 array items', wideArray(100_000)],
    ['a NUL in a string', { message: 'a\u0000b' }],
    ['a NUL in a nested array', { a: [['ok', '\u0000']] }],
    ['a NUL in a key', { 'a\u0000': 1 }],
    ['a NUL in a top-level string', '\u0000'],
    ['values spread over nested objects', { a: wideObject(MAX_PAYLOAD_VALUES / 2), b: wideObject(MAX_PAYLOAD_VALUES / 2) }],
  ])('refuses %s', (_name, value) => {
    expect(payloadWithinLimits(value)).toBe(false);
  });
});
