import type { QueryRunner } from 'typeorm';
import { ReadyMadeReplies1764300000000 } from '../database/migrations/1764300000000-ready-made-replies';
import { mapReply, MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from './dto/ready-reply.dto';
import type { ReadyReplyEntity } from './ready-reply.entity';

type Seed = { title: string; body: string; language: string; topic: string };

async function seededReplies(): Promise<Seed[]> {
  const seeds: Seed[] = [];
  const db = {
    query: (sql: string, params?: unknown[]) => {
      if (sql.startsWith('INSERT') && params) {
        const [, title, body, language, topic] = params as string[];
        seeds.push({ title, body, language, topic });
      }
      return Promise.resolve();
    },
  } as unknown as QueryRunner;
  await new ReadyMadeReplies1764300000000().up(db);
  return seeds;
}

describe('the standard ready-made replies', () => {
  it('come in bokmål, nynorsk and English, six each, within the limits the API enforces', async () => {
    const seeds = await seededReplies();
    expect(seeds).toHaveLength(18);
    for (const language of ['nb', 'nn', 'en']) {
      const own = seeds.filter((s) => s.language === language);
      expect(own).toHaveLength(6);
      expect(new Set(own.map((s) => s.title)).size).toBe(6);
    }
    for (const seed of seeds) {
      expect(seed.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(seed.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
      expect(['digital-mailbox', 'id-porten', 'other']).toContain(seed.topic);
    }
  });

  it('point to norge.no for changing provider and give the desk its real contact points', async () => {
    const seeds = await seededReplies();
    const change = seeds.filter((s) => s.body.includes('https://www.norge.no/nb/digital-borger/oppdater-kontaktinformasjon'));
    expect(change.map((s) => s.language).sort()).toEqual(['en', 'nb', 'nn']);
    const desk = seeds.filter((s) => s.body.includes('brukerstotte@digdir.no'));
    expect(desk).toHaveLength(3);
    for (const seed of desk) expect(seed.body).toContain('800 30 300');
  });

  it('keep nynorsk as nynorsk', async () => {
    const nynorsk = (await seededReplies()).filter((s) => s.language === 'nn').map((s) => `${s.title} ${s.body}`);
    for (const text of nynorsk) expect(text).not.toMatch(/\b(ikke|hvis|fra|velger|mandag|postkassen din|glemt)\b/i);
  });
});

describe('mapReply', () => {
  it('gives the response shape, never the entity', () => {
    const at = new Date('2026-11-24T10:00:00Z');
    const entity: ReadyReplyEntity = { id: 'r1', title: 'T', body: 'B', language: 'nn', topic: null, createdBy: null, creator: null, createdAt: at, updatedAt: at };
    expect(mapReply(entity)).toEqual({ id: 'r1', title: 'T', body: 'B', language: 'nn', topic: null, createdBy: null, createdAt: at.toISOString(), updatedAt: at.toISOString() });
  });
});
