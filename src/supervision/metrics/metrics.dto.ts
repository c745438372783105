export interface DurationStats {
  /** Chats with this duration in the period, including those already removed by retention. */
  count: number;
  /** Median and 90th percentile (linear interpolation, like PostgreSQL percentile_cont) over the chats still kept. */
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
    /** Local days of the period, every day listed (zero when quiet). */
    perDay: { date: string; chats: number }[];
    /** Hour of the local day, 0–23, summed over the period. */
    perHour: { hour: number; chats: number }[];
  };
  waitSeconds: DurationStats;
  handlingSeconds: DurationStats;
  /** Closed chats by outcome; `abandoned`: closed by the desk when the citizen went; `none`: closed without one (by the citizen or at closing time). */
  outcomes: { resolved: number; referred: number; 'no-response': number; other: number; abandoned: number; none: number };
  referrals: { digipost: number; 'e-boks': number };
  ratings: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  /** Messages left with the contact form. */
  offlineTickets: number;
  ticketsByChannel: { chat: number; 'web-form': number; phone: number; email: number };
  /** Tickets in the period that retention has removed: counted above through their anonymous counts. */
  archivedTickets: number;
}
