"""The spelling category's machinery: an offline, news-aware spell checker.

- `tokens`: which stretches of prose are words to check (numbers, units, URLs,
  handles, file names and the like are not);
- `lexicon`: known words, frequencies, known misspellings, US/British pairs,
  merged from packaged data and cached compactly;
- `words`: words the lexicon builds (compounds, plurals);
- `names`: evidence, over one article, that a word is a name;
- `suggest` and `context`: ranked corrections, using the neighbouring words;
- `checker`: one pass per document, shared by the rules in
  `lint/rule_types/spelling.py`.
"""
