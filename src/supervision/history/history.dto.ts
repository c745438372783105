import type { HistoryChatRow, SnippetRow } from './history-search.store';
import { maskNationalIdsInText } from '../../common/national-id-in-text';
import { snippetToHtml } from './fts-query';

export interface HistorySnippetDto {
  source: 'message' | 'note';
  author?: string;
  authorName?: string;
  seq?: number;
  createdAt: string;
  // HTML-escaped, matched words in <mark>.
  text: string;
}

export interface HistoryItemDto {
  chatId: string;
  reference: string;
  topic: HistoryChatRow['topic'];
  status: HistoryChatRow['status'];
  channel: HistoryChatRow['channel'];
  agent: { id: string; displayName: string } | null;
  outcome: HistoryChatRow['outcome'];
  referredProvider: HistoryChatRow['referredProvider'];
  rating: number | null;
  verified: boolean;
  createdAt: string;
  closedAt: string | null;
  preview: string;
  snippets: HistorySnippetDto[];
}

export interface HistoryPage {
  items: HistoryItemDto[];
  nextCursor: string | null;
}

export const mapSnippet = (s: SnippetRow): HistorySnippetDto => ({
  source: s.source,
  ...(s.author ? { author: s.author } : {}),
  ...(s.authorName ? { authorName: s.authorName } : {}),
  ...(s.seq !== null ? { seq: s.seq } : {}),
  createdAt: s.createdAt.toISOString(),
  text: snippetToHtml(s.marked),
});

export const mapHistoryItem = (row: HistoryChatRow, snippets: SnippetRow[] = []): HistoryItemDto => ({
  chatId: row.id,
  reference: row.reference,
  topic: row.topic,
  status: row.status,
  channel: row.channel,
  agent: row.agent,
  outcome: row.outcome,
  referredProvider: row.referredProvider,
  rating: row.rating,
  verified: row.verified,
  createdAt: row.createdAt.toISOString(),
  closedAt: row.closedAt ? row.closedAt.toISOString() : null,
  preview: maskNationalIdsInText(row.preview),
  snippets: snippets.map(mapSnippet),
});
