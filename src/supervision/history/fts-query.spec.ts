import { buildSearchQuery, SNIPPET_MARKERS, snippetToHtml, snippetToText } from './fts-query';

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
