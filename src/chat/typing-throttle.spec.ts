import { TypingThrottle } from './typing-throttle';

describe('TypingThrottle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('passes the first event at once, holds the rest of the interval, then sends only the latest', () => {
    const throttle = new TypingThrottle();
    const socket = {};
    const sent: boolean[] = [];
    for (let i = 0; i < 1000; i += 1) throttle.forward(socket, 'chat', i % 2 === 0, (typing) => sent.push(typing));
    expect(sent).toEqual([true]);
    jest.advanceTimersByTime(300);
    expect(sent).toEqual([true, false]);
    jest.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, false]);
  });

  it('sends nothing more when the latest held state is the one already sent', () => {
    const throttle = new TypingThrottle();
    const socket = {};
    const sent: boolean[] = [];
    ['true', 'false', 'true'].forEach((t) => throttle.forward(socket, 'chat', t === 'true', (typing) => sent.push(typing)));
    jest.advanceTimersByTime(300);
    expect(sent).toEqual([true]);
  });

  it('keeps sockets and chats apart', () => {
    const throttle = new TypingThrottle();
    const sent: string[] = [];
    const agent = {};
    throttle.forward(agent, 'one', true, () => sent.push('agent one'));
    throttle.forward(agent, 'two', true, () => sent.push('agent two'));
    throttle.forward({}, 'one', true, () => sent.push('citizen one'));
    expect(sent).toEqual(['agent one', 'agent two', 'citizen one']);
  });
});
