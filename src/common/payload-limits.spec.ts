import { MAX_PAYLOAD_DEPTH, payloadWithinLimits } from './payload-limits';

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

describe('payloadWithinLimits', () => {
  it.each([
    ['a scalar', 'text'],
    ['null', null],
    ['an empty object', {}],
    ['an object at the limit', nestedObject(MAX_PAYLOAD_DEPTH)],
    ['an array at the limit', nestedArray(MAX_PAYLOAD_DEPTH)],
    ['a wide array', Array.from({ length: 100_000 }, () => 0)],
    ['a wide object', Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, { v: i }]))],
  ])('accepts %s', (_name, value) => {
    expect(payloadWithinLimits(value)).toBe(true);
  });

  it.each([
    ['an object one level too deep', nestedObject(MAX_PAYLOAD_DEPTH + 1)],
    ['an array one level too deep', nestedArray(MAX_PAYLOAD_DEPTH + 1)],
    ['a chain 100,000 deep (no recursion in the check)', nestedObject(100_000)],
    ['a deep value beside shallow ones', { a: 1, b: [2, 3], c: { d: nestedArray(MAX_PAYLOAD_DEPTH) } }],
  ])('refuses %s', (_name, value) => {
    expect(payloadWithinLimits(value)).toBe(false);
  });
});
