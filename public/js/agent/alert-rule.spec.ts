import { looksAt, messageAlerts, newInQueue, titleWithCount, type ViewState } from './alert-rule.js';

const view = (change: Partial<ViewState> = {}): ViewState => ({ status: 'available', selectedChatId: 'a', pageVisible: true, pageFocused: true, ...change });
const waiting = (...ids: string[]) => ids.map((chatId) => ({ chatId, reference: `DS-2026-${chatId}`, topic: 'other', waitingSince: '2026-11-24T10:00:00Z' }) as any);
const message = (chatId: string, author: string) => ({ chatId, author });

describe('the agent alert rule', () => {
  describe('a chat entering the queue', () => {
    it('alerts an available agent for each chat not in the last list', () => {
      expect(newInQueue(new Set(['x']), waiting('x', 'y', 'z'), view()).map((w) => w.chatId)).toEqual(['y', 'z']);
    });

    it('does not alert for the chats already waiting when the first list comes (page load, becoming available)', () => {
      expect(newInQueue(null, waiting('x', 'y'), view())).toEqual([]);
    });

    it('does not alert an agent who is away (or whose status is not known yet)', () => {
      expect(newInQueue(new Set(), waiting('y'), view({ status: 'away' }))).toEqual([]);
      expect(newInQueue(new Set(), waiting('y'), view({ status: null }))).toEqual([]);
    });

    it('does not alert when chats only leave the queue', () => {
      expect(newInQueue(new Set(['x', 'y']), waiting('y'), view())).toEqual([]);
    });

    it('alerts even while the agent looks at the console', () => {
      expect(newInQueue(new Set(), waiting('y'), view({ selectedChatId: null }))).toHaveLength(1);
    });
  });

  describe("a message in one of the agent's chats", () => {
    it('does not alert in the selected chat of a visible, focused page', () => {
      expect(messageAlerts(message('a', 'citizen'), true, view())).toBe(false);
    });

    it('alerts in another chat than the selected one, or with no chat selected', () => {
      expect(messageAlerts(message('b', 'citizen'), true, view())).toBe(true);
      expect(messageAlerts(message('a', 'citizen'), true, view({ selectedChatId: null }))).toBe(true);
    });

    it('alerts in the selected chat when the page is hidden or not focused', () => {
      expect(messageAlerts(message('a', 'citizen'), true, view({ pageVisible: false }))).toBe(true);
      expect(messageAlerts(message('a', 'citizen'), true, view({ pageFocused: false }))).toBe(true);
    });

    it("alerts for the citizen's messages only: not the agents' own, not system messages", () => {
      expect(messageAlerts(message('b', 'agent'), true, view())).toBe(false);
      expect(messageAlerts(message('b', 'system'), true, view())).toBe(false);
    });

    it('does not alert for a chat not on the console; an away agent still hears of their own chats', () => {
      expect(messageAlerts(message('b', 'citizen'), false, view())).toBe(false);
      expect(messageAlerts(message('b', 'citizen'), true, view({ status: 'away' }))).toBe(true);
    });

    it('knows when the agent looks at a chat', () => {
      expect(looksAt(view(), 'a')).toBe(true);
      expect(looksAt(view(), 'b')).toBe(false);
    });
  });

  it('puts the count before the title, and nothing at 0', () => {
    expect(titleWithCount('Chat console – Support desk', 3)).toBe('(3) Chat console – Support desk');
    expect(titleWithCount('Chat console – Support desk', 0)).toBe('Chat console – Support desk');
  });
});
