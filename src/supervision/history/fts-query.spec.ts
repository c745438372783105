import { buildFtsMatch, buildSearchQuery, buildTsQuery, indexedPrefix, SNIPPET_MARKERS, snippetToHtml, snippetToText, wordStem } from './fts-query';

describe('the history search query', () => {
  it('quotes every word so that no FTS5 syntax gets through', () => {
    expect(buildSearchQuery('"brevet" "skatt"').match).toBe('"brevet" AND "skatt"');
    expect(buildSearchQuery('a OR b NOT c').match).toBe('"a" AND "OR" AND "b" AND "NOT" AND "c"');
    expect(buildSearchQuery('col:x (y) ^z').match).toBe('"col:x" AND "(y)" AND "^z"');
    expect(buildSearchQuery('say "digital postkasse" now').match).toBe('"say" AND "digital postkasse" AND "now"');
    expect(buildSearchQuery('"unclosed phrase').match).toBe('"unclosed phrase"');
  });

  it('allows a prefix only on words with letters', () => {
    expect(buildSearchQuery('brev*').match).toBe('"brev"*');
    expect(buildSearchQuery('1785850006*').match).toBe('"1785850006"');
  });

  it('looks for a whole word of four or more letters by its stem, so that its inflections and compounds match', () => {
    for (const form of ['postkasse', 'postkassen', 'postkassa', 'postkasser', 'postkassene', 'Postkassen']) {
      expect(buildSearchQuery(form).terms).toEqual([{ text: 'postkass', prefix: true }]);
    }
    expect(buildSearchQuery('brevet skatt').match).toBe('"brev"* AND "skatt"*');
    expect(buildSearchQuery('innlogging').terms).toEqual([{ text: 'innlogging', prefix: true }]);
    expect(buildSearchQuery('brev').terms).toEqual([{ text: 'brev', prefix: true }]);
  });

  it('keeps a stem of at least four letters, and short words, digits and quoted words exact', () => {
    expect(wordStem('saken')).toBe('saken'); // `sak` would match sakte and saks too
    expect(wordStem('bilene')).toBe('bilene'); // not `bilen`, which would miss biler
    expect(wordStem('søknaden')).toBe('søknad');
    expect(wordStem('ane')).toBeNull();
    expect(buildSearchQuery('nav').terms).toEqual([{ text: 'nav', prefix: false }]);
    expect(buildSearchQuery('bankid2').terms).toEqual([{ text: 'bankid2', prefix: false }]);
    expect(buildSearchQuery('e-post').terms).toEqual([{ text: 'e-post', prefix: false }]);
    expect(buildSearchQuery('178585').terms).toEqual([{ text: '178585', prefix: false }]);
    expect(buildSearchQuery('"postkassen"').match).toBe('"postkassen"');
    expect(buildSearchQuery('"min postkasse"').match).toBe('"min postkasse"');
  });

  it('puts the index\'s whole terms in place of a prefix when the store found them, and leaves FTS5 syntax out', () => {
    const { terms } = buildSearchQuery('postkasse "digital post" skatt*');
    const expansions = new Map([
      [0, ['postkassa', 'postkasse', 'postkassen']],
      [2, ['skatt']],
    ]);
    expect(buildFtsMatch(terms, expansions)).toBe('("postkassa" OR "postkasse" OR "postkassen") AND "digital post" AND "skatt"');
    expect(buildFtsMatch(terms, new Map([[0, []]]))).toBe('"postkass"* AND "digital post" AND "skatt"*');
    expect(buildFtsMatch([{ text: 'a"b', prefix: true }], new Map([[0, ['a"b', 'a"bc']]]))).toBe('("a""b" OR "a""bc")');
    expect(buildFtsMatch([{ text: 'exact', prefix: false }], new Map([[0, ['exactly']]]))).toBe('"exact"');
  });

  it('folds a prefix as the index stores its terms, and expands only single tokens', () => {
    expect(indexedPrefix({ text: 'Får', prefix: true })).toBe('far');
    expect(indexedPrefix({ text: 'søppelpost', prefix: true })).toBe('søppelpost');
    expect(indexedPrefix({ text: 'Ærlig', prefix: true })).toBe('ærlig');
    expect(indexedPrefix({ text: 'café', prefix: true })).toBe('cafe');
    expect(indexedPrefix({ text: 'post-kass', prefix: true })).toBeNull();
    expect(indexedPrefix({ text: 'postkasse', prefix: false })).toBeNull();
  });

  it('puts the whole terms found for a prefix in its place, quoted like any word', () => {
    const terms = [{ text: 'postkass', prefix: true }, { text: 'brev', prefix: true }, { text: 'skatt', prefix: false }];
    expect(buildTsQuery(terms, new Map([[0, ['postkassa', 'postkassen']], [1, ["brev'et"]]]))).toBe("('postkassa' | 'postkassen') & 'brev''et' & 'skatt'");
    expect(buildTsQuery(terms, new Map([[1, ['brevet']]]))).toBe("'postkass':* & 'brevet' & 'skatt'");
  });

  it('masks a full national identity number before searching', () => {
    expect(buildSearchQuery('17858500060').match).toBe('"178585"');
    expect(buildSearchQuery('178585 00060').match).toBe('"178585"');
    expect(buildSearchQuery('178585*****').match).toBe('"178585"');
  });

  it('refuses a search without words', () => {
    expect(() => buildSearchQuery('*** " "')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => buildSearchQuery('a b c d e f g h i j k')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('escapes the text before marking the matches', () => {
    const { open, close } = SNIPPET_MARKERS;
    expect(snippetToHtml(`<b>${open}brevet${close}</b> & ${open}x`)).toBe('&lt;b&gt;<mark>brevet</mark>&lt;/b&gt; &amp; x');
    expect(snippetToText(`${open}brevet${close} 17858500060`)).toBe('brevet 178585*****');
  });
});

describe('the history search query for PostgreSQL (to_tsquery input)', () => {
  const ts = (raw: string) => buildSearchQuery(raw).tsquery;

  it('quotes every word and requires every term', () => {
    expect(ts('"brevet" "skatt"')).toBe("'brevet' & 'skatt'");
    expect(ts('a OR b NOT c')).toBe("'a' & 'OR' & 'b' & 'NOT' & 'c'");
    expect(ts('"Brevet"')).toBe("'Brevet'");
  });

  it('looks for a whole word by its stem as a prefix, as on SQLite', () => {
    expect(ts('postkassa')).toBe("'postkass':*");
    expect(ts('Brevet skatt')).toBe("'brev':* & 'skatt':*");
    expect(ts('nav 178585')).toBe("'nav' & '178585'");
  });

  it('keeps the words of a phrase next to each other', () => {
    expect(ts('say "digital postkasse" now')).toBe("'say' & ('digital' <-> 'postkasse') & 'now'");
    expect(ts('"unclosed   phrase')).toBe("('unclosed' <-> 'phrase')");
    expect(ts('"single"')).toBe("'single'");
  });

  it('asks for a prefix only on words with letters, never on digits', () => {
    expect(ts('brev*')).toBe("'brev':*");
    expect(ts('kvittering* "skatt"')).toBe("'kvittering':* & 'skatt'");
    expect(ts('1785850006*')).toBe("'1785850006'");
    expect(ts('"brev*"')).toBe("'brev'");
    expect(buildTsQuery([{ text: 'digital post', prefix: true }])).toBe("('digital' <-> 'post':*)");
  });

  it('puts the whole terms found for a prefix in its place, quoted like any word', () => {
    const terms = [{ text: 'postkass', prefix: true }, { text: 'brev', prefix: true }, { text: 'skatt', prefix: false }];
    expect(buildTsQuery(terms, new Map([[0, ['postkassa', 'postkassen']], [1, ["brev'et"]]]))).toBe("('postkassa' | 'postkassen') & 'brev''et' & 'skatt'");
    expect(buildTsQuery(terms, new Map([[1, ['brevet']]]))).toBe("'postkass':* & 'brevet' & 'skatt'");
  });

  it('masks a full national identity number before searching', () => {
    expect(ts('17858500060')).toBe("'178585'");
    expect(ts('178585 00060')).toBe("'178585'");
  });

  it('leaves no operator syntax to hostile input: quotes doubled, backslashes escaped, operators inside quotes', () => {
    expect(ts("it's")).toBe("'it''s'");
    expect(ts("a'")).toBe("'a'''");
    expect(ts("'a")).toBe("'''a'");
    expect(ts('a\\b')).toBe("'a\\\\b'");
    expect(ts('a\\')).toBe("'a\\\\'");
    expect(ts("x\\' & y")).toBe("'x\\\\''' & 'y'"); // a lone & has nothing searchable: no term
    expect(ts('&|!():*<>x')).toBe("('&|!():' <-> '<>x')"); // an inner * is a space, as for FTS5
    expect(ts('a & b | !c <-> (d) e:*')).toBe("'a' & 'b' & '!c' & '(d)' & 'e:':*");
    expect(ts("x':* | 'y")).toBe("'x'':':* & '''y'");
    expect(ts('col:x (y) ^z')).toBe("'col:x' & '(y)' & '^z'");
    expect(ts('"a\' | \\" b')).toBe("('a''' <-> '|' <-> '\\\\') & 'b'"); // the phrase ends at its closing quote
  });

  it('turns control characters (NUL, which PostgreSQL text cannot hold) into spaces', () => {
    expect(ts('a\u0000b')).toBe("'a b'");
    expect(buildTsQuery([{ text: 'x\u0007\u001f', prefix: false }])).toBe("'x  '");
  });

  it('always yields well-formed input, whatever is typed', () => {
    const operand = String.raw`'(?:[^'\\]|''|\\.)*'(?::\*)?`;
    const term = `(?:${operand}|\\(${operand}(?: <-> ${operand})+\\))`;
    const wellFormed = new RegExp(`^${term}(?: & ${term})*$`, 's');
    const alphabet = ['a', 'ø', '1', "'", '\\', '"', '*', ' ', '&', '|', '!', '(', ')', ':', '<', '>', '-', '\u0000'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let checked = 0;
    for (let n = 0; n < 3000; n += 1) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      let query: string;
      try {
        query = ts(raw);
      } catch {
        continue; // no words, or too many: refused before any database sees it
      }
      expect(query).toMatch(wellFormed);
      expect(query).not.toContain('\u0000');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('is empty for no terms, and a search without words is refused before that', () => {
    expect(buildTsQuery([])).toBe('');
    expect(buildTsQuery([{ text: '   ', prefix: false }])).toBe('');
    expect(() => buildSearchQuery('')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => buildSearchQuery(`*** " " ' & | !`)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
