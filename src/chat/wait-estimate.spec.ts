import { DEFAULT_HANDLING_SECONDS, estimateWaitSeconds, typicalHandlingSeconds } from './wait-estimate';

describe('typicalHandlingSeconds', () => {
  it('is the default with no history', () => {
    expect(typicalHandlingSeconds([])).toBe(DEFAULT_HANDLING_SECONDS);
  });

  it('is the median of odd and even counts, ignoring nonsense', () => {
    expect(typicalHandlingSeconds([600, 100, 200])).toBe(200);
    expect(typicalHandlingSeconds([100, 200, 300, 400])).toBe(250);
    expect(typicalHandlingSeconds([NaN, -5, 0, 120])).toBe(120);
  });
});

describe('estimateWaitSeconds', () => {
  it('grows with the position and shrinks with more agents', () => {
    expect(estimateWaitSeconds(1, 1, 1, 300)).toBe(300);
    expect(estimateWaitSeconds(2, 1, 1, 300)).toBe(600);
    expect(estimateWaitSeconds(2, 2, 1, 300)).toBe(300);
    expect(estimateWaitSeconds(3, 1, 3, 300)).toBe(300);
  });

  it('assumes one agent when none is available', () => {
    expect(estimateWaitSeconds(1, 0, 1, 240)).toBe(240);
  });

  it('is zero for a chat that is not waiting', () => {
    expect(estimateWaitSeconds(0, 3, 3, 300)).toBe(0);
  });
});
