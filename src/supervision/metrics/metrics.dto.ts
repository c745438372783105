export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export interface MetricsSummary {
  period: { from: string; to: string; timezone: string };
  chats: {
    total: number;
    answered: number;
    unanswered: number;
    perDay: { date: string; chats: number }[];
    perHour: { hour: number; chats: number }[];
  };
  waitSeconds: DurationStats;
  handlingSeconds: DurationStats;
  // abandoned: closed by the desk when the citizen went; none: closed without one (by the citizen or at closing time).
  outcomes: { resolved: number; referred: number; 'no-response': number; other: number; abandoned: number; none: number };
  referrals: { digipost: number; 'e-boks': number };
  ratings: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  offlineTickets: number;
  ticketsByChannel: { chat: number; 'web-form': number; phone: number; email: number };
  archivedTickets: number;
}
