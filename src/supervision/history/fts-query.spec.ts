import { buildSearchQuery, buildTsQuery, SNIPPET_MARKERS, snippetToHtml, snippetToText } from './fts-query';

describe('the history search query', () => {
  it('quotes every word so that no FTS5 syntax gets through', () => {
    expect(buildSearchQuery('brevet skatt').match).toBe('"brevet" "skatt"');
    expect(buildSearchQuery('a OR b NOT c').match).toBe('"a" "OR" "b" "NOT" "c"');
    expect(buildSearchQuery('col:x (y) ^z').match).toBe('"col:x" "(y)" "^z"');
    expect(buildSearchQuery('say "digital postkasse" now').match).toBe('"say" "digital postkasse" "now"');
    expect(buildSearchQuery('"unclosed phrase').match).toBe('"unclosed phrase"');
  });

  it('allows a prefix only on words with letters', () => {
    expect(buildSearchQuery('brev*').match).toBe('"brev"*');
    expect(buildSearchQuery('1785850006*').match).toBe('"1785850006"');
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
    expect(ts('brevet skatt')).toBe("'brevet' & 'skatt'");
    expect(ts('a OR b NOT c')).toBe("'a' & 'OR' & 'b' & 'NOT' & 'c'");
    expect(ts('Brevet')).toBe("'Brevet'");
  });

  it('keeps the words of a phrase next to each other', () => {
    expect(ts('say "digital postkasse" now')).toBe("'say' & ('digital' <-> 'postkasse') & 'now'");
    expect(ts('"unclosed   phrase')).toBe("('unclosed' <-> 'phrase')");
    expect(ts('"single"')).toBe("'single'");
  });

  it('asks for a prefix only on words with letters, never on digits', () => {
    expect(ts('brev*')).toBe("'brev':*");
    expect(ts('kvittering* skatt')).toBe("'kvittering':* & 'skatt'");
    expect(ts('1785850006*')).toBe("'1785850006'");
    expect(ts('"brev*"')).toBe("'brev'");
    expect(buildTsQuery([{ text: 'digital post', prefix: true }])).toBe("('digital' <-> 'post':*)");
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
