"""Deciding, line by line, what is residue and of which kind.

Three kinds of evidence, strongest first:
1. phrases (rules/boilerplate/phrases/*.txt): the whole line is a known button,
   label or notice ("Share this", "Advertisement", "© 2024 ...");
2. neighbours (neighbours.py): the headline after "Next Article", the list under
   "Related stories", the caption above a photo credit;
3. context (context.py, weighed by the line model in model.py): where the line sits
   relative to the stretch of prose that holds the story, its shape, and how much
   known residue surrounds it. Lines found this way are `page-chrome`.
The first line of a document that looks like a headline is its title, and kept.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from dataclasses import dataclass

from ..document import Document
from .comments import comment_thread
from .context import chrome_context, line_vectors
from .features import Shape, headline_like, is_code, shape
from .lexicon import Lexicon, load_lexicon, normalize
from .lines import Line, split_lines
from .model import load_model
from .neighbours import drop_misplaced_bylines, from_neighbours, glyph_lines
from .region import main_region
from .story_lines import story_lines, teaser_blurb
from .structure import context_kind, load_context_rules

_STRETCH_MIN_DENSITY = 0.08  # share of known residue that makes a stretch before/after the story chrome
_LONG_STRETCH_MIN_DENSITY = 0.015  # the same for long menus and footers (4+ known lines)
_PAGE_STRETCH = 20  # a stretch this long with this many known lines and little code or
_PAGE_STRETCH_HITS = 2  # few figures is a whole page's menus and footers
_PAGE_STRETCH_MAX_TABULAR = 0.25
_MENU_LINES = 15  # this many lines above the story, no paragraph among them: a page's menus...
_MENU_ITEMS = 0.6  # ...when this share of them are short capitalised items...
_MENU_REPEATED = 0.3  # ...and fewer than this share come back in the story as subheadings
_MENU_BLURBS = 0.1  # a menu's items may carry blurbs: at most this share of its lines...
_MENU_BLURB_WORDS = 25  # ...each shorter than this (a longer line is a paragraph)
# Code and figures: an article's own code samples and tables.
_TABULAR = re.compile(r"[{}();=<>\[\]\d]|^\s*(//|#|\$ )")
_MAX_WORDS = 60  # longer lines are paragraphs: no phrase is tried
_SENTENCE_WORDS = 4  # a sentence this long is never taken by the context model...
_RUNNING_WORDS = 12  # ...and a sentence this long (running prose) is never taken at all
_NEAR = 4  # ...inside the story or this close to it (a closing line after a share bar)
# A rule line: a row of three or more of one mark ("___", "-----", "* * *").
_RULE_LINE = re.compile(r"([-_=*~•·])(?: ?\1){2,}")
_ARTICLE_CONTEXT = re.compile(r"(^|>)(article|main)(?=[.#>]|$)|[.#][\w-]*(article-?body|post-?content|"
                              r"entry-?content|story-?body|article-?content)", re.I)


@lru_cache(maxsize=8192)
def _article_context(context: str) -> bool:
    return _ARTICLE_CONTEXT.search(context) is not None


@dataclass(slots=True)
class ResidueLine:
    line: Line
    kind: str  # rule name after "boilerplate."
    why: str  # a few words for the message


@dataclass
class Analysis:
    lines: list[Line]
    findings: dict[int, ResidueLine]  # line index -> finding


@dataclass
class State:
    lines: list[Line]
    shapes: list[Shape]
    kinds: list[str | None]  # phrase kind per line
    weak: list[bool]  # the line matched a weak pattern
    span: tuple[int, int] | None  # the story's stretch of prose
    found: dict[int, ResidueLine]  # by phrases and neighbours so far


def analyse(doc: Document) -> Analysis:
    """The classification of `doc`, computed once and shared by every boilerplate rule."""
    cached = doc.cache.get("boilerplate.analysis")
    if cached is None:
        cached = doc.cache["boilerplate.analysis"] = classify(doc, load_lexicon())
    return cached


def classify(doc: Document, lexicon: Lexicon) -> Analysis:
    state = prepare(doc, lexicon)
    model = load_model()
    if model is not None:
        taken = [i for i, vector in candidates(state) if model.is_residue(vector)]
        for i in _within_prose_bound(taken, state):
            state.found[i] = ResidueLine(state.lines[i], "page-chrome", "position and neighbours")
    found = state.found
    if state.lines and 0 in found and found[0].kind == "page-chrome" and headline_like(state.shapes[0]):
        del found[0]  # the title
    return Analysis(state.lines, found)


# The most of a document's prose (in words, outside lines known by their words) that the
# line model may take: position alone never turns a story into chrome.
_MODEL_PROSE_SHARE = 0.1


def _within_prose_bound(taken: list[int], state: State) -> list[int]:
    """`taken` without its lines of prose when they would be more than the bound's share
    of the document's prose (the model then erred about the page, not about a line)."""
    shapes = state.shapes
    taken_prose = sum(shapes[i].words for i in taken if shapes[i].prose)
    if not taken_prose:
        return taken
    prose = sum(s.words for i, s in enumerate(shapes) if s.prose and i not in state.found)
    if taken_prose <= _MODEL_PROSE_SHARE * prose:
        return taken
    return [i for i in taken if not shapes[i].prose]


def prepare(doc: Document, lexicon: Lexicon) -> State:
    """Everything short of the line model: phrases, the story's region, neighbours."""
    lines = split_lines(doc)
    shapes, norms, kinds, weak = _line_facts(lines, lexicon)
    _mark_menu_bars(lines, kinds)
    span = _end_at_notice(main_region(shapes, _costs(lines, kinds)), kinds, shapes)
    span = _end_at_comments(norms, shapes, kinds, span)
    span = _end_at_residue_block(kinds, shapes, span)
    drop_misplaced_bylines(lines, kinds, span)
    found = {i: ResidueLine(lines[i], kind, _WHY.get(kind, "a known phrase")) for i, kind in enumerate(kinds)
             if kind is not None}
    if any(ln.context for ln in lines):
        _from_markup(lines, kinds, found)
    for i, (kind, why) in from_neighbours(lines, shapes, kinds).items():
        found.setdefault(i, ResidueLine(lines[i], kind, why))
    for i, kind in glyph_lines(lines, norms, {i: r.kind for i, r in found.items()}).items():
        found[i] = ResidueLine(lines[i], kind, "a mark alone beside residue")
    return State(lines, shapes, kinds, weak, span, found)


def _line_facts(lines, lexicon: Lexicon) -> tuple[list, list[str], list[str | None], list[bool]]:
    """Each line's shape, normalised text (what the phrase patterns see) and phrase kind
    (and whether its pattern is weak), worked out once per distinct text in one pass: a
    page repeats its template's lines (menus, share bars), and all of them depend on the
    text alone (a Shape is never changed once made, so it is shared)."""
    shapes, norms, kinds, weak = [], [], [], []
    seen: dict[str, tuple] = {}
    match = lexicon.match
    for ln in lines:
        text = ln.text
        known = seen.get(text)
        if known is None:
            s, norm = shape(text), normalize(text)
            kind, is_weak = None, False
            if s.words <= _MAX_WORDS and not _code_to_phrases(text):
                # Items between bars are a bar, not a sentence, whatever the last one ends with
                # ("Share this: Digg | Furl | reddit | What's this?").
                kind, is_weak = match(norm or text, s.prose and text.count("|") < 2)
            known = seen[text] = s, norm, kind, is_weak
        shapes.append(known[0])
        norms.append(known[1])
        kinds.append(known[2])
        weak.append(known[3])
    _drop_lone_weak(kinds, weak)
    return shapes, norms, kinds, weak


# What a finding says of its evidence when it is not a phrase of its own.
_WHY = {"comments": "in the comment thread under the story"}

# Kinds that close a story: nothing after a copyright notice is the article's text.
_STORY_END_KINDS = frozenset({"legal"})


def _end_at_notice(span, kinds, shapes):
    """The story's stretch, cut at a closing notice ("© 2019 ... All rights reserved")
    found in its second half: on a whole page the stretch of prose can run on into the
    teasers and comments that follow the story."""
    return _cut_story(span, shapes, lambda a, b: next((i for i in range(a, b) if kinds[i] in _STORY_END_KINDS),
                                                      None))


# A run of this many known residue lines (a share bar, "Previous/Next", a related list)
# below half of the story's prose ends the story.
_RESIDUE_BLOCK = 3


def _end_at_residue_block(kinds, shapes, span):
    """The story's stretch, cut where a block of known residue follows at least half of
    its prose: on a whole page the stretch runs on past the share bar into teasers,
    author boxes and sidebars, whose sentences would otherwise count as the story's."""
    if span is None:
        return None
    last = span[1]
    known = bytes(kind is not None for kind in kinds)  # searched for the block in one call

    def block_after(a: int, b: int) -> int | None:
        # The block opens at j = i + 1 and ends within the stretch (i + _RESIDUE_BLOCK <= last).
        j = known.find(b"\x01" * _RESIDUE_BLOCK, a + 1, last + 1)
        return j - 1 if j != -1 and j - 1 < b else None

    return _cut_story(span, shapes, block_after)


def _cut_story(span, shapes, first_end):
    """`span` cut after its first line i, among those below half of its prose words,
    that ends the story (`first_end(a, b)`: the first such line in range(a, b), or None);
    `span` itself when there is none."""
    if span is None:
        return None
    first, last = span
    words = [s.words if s.prose else 0 for s in shapes[first:last + 1]]
    total = sum(words) or 1
    # Line i is below half of the prose once the words up to it reach half (the running
    # sum only grows): only lines from there on are asked.
    i = first_end(first + bisect_left(list(accumulate(words[:-1])), 0.5 * total), last)
    return span if i is None else (first, i)


def _end_at_comments(norms, shapes, kinds, span):
    """Mark the reader comments under the story, and end the story's stretch where they
    begin: each comment is prose, and would otherwise count as the story's."""
    thread = comment_thread(norms, shapes)
    if thread is None:
        return span
    start, end = thread
    for i in range(start, end + 1):
        kinds[i] = "comments"
    if span is not None and span[0] < start <= span[1]:
        return span[0], start - 1
    return span


def _from_markup(lines, kinds, found) -> None:
    """HTML: a block inside <nav>, <footer> or a div.share is residue by its markup."""
    rules = load_context_rules()
    for i, ln in enumerate(lines):
        kind = context_kind(ln.context, rules)
        if kind is not None:  # the markup is more specific than a phrase ("Start" in a <nav>)
            kinds[i] = kind
            found[i] = ResidueLine(ln, kind, f"inside {_element(ln.context)}")


def _element(context: str) -> str:
    """The innermost telling element of a chain, for the message: "aside.related"."""
    for rule_kind, rx in load_context_rules():
        m = rx.search(context)
        if m:
            start = context.rfind(">", 0, m.start() + 1) + 1
            end = context.find(">", m.end())
            return context[start:end if end != -1 else len(context)] or context
    return context


def candidates(state: State) -> Iterator[tuple[int, list[float]]]:
    """(line, context vector) of the lines the line model decides: those without phrase or
    neighbour evidence, and, before or after the story, only in a stretch that holds
    known residue (otherwise it is the article's own opening table or closing list) and
    not the article's own (story_lines.py)."""
    n = len(state.lines)
    first, last = state.span if state.span is not None else (0, n - 1)
    chrome_before = _chrome_stretch(state.kinds, range(0, first), state) or _menu_stretch(range(0, first), state)
    chrome_after = _chrome_stretch(state.kinds, range(last + 1, n), state) or _footer_stretch(range(last + 1, n), state)
    hit = [i in state.found for i in range(n)]
    cont = story_lines(state, hit, first, last)
    wanted = [i for i in range(n)
              if not hit[i] and i not in cont
              and (first <= i <= last or (chrome_before if i < first else chrome_after))
              and not _protected(state.lines[i], state.shapes[i],
                                 first - _NEAR <= i <= last + _NEAR, lambda: teaser_blurb(i, state))]
    return line_vectors(state.lines, state.shapes, hit, state.weak, state.span, wanted)


def _protected(line: Line, s: Shape, near_story: bool = True, teaser=lambda: False) -> bool:
    """Lines the context model never takes: a sentence in or near the story (its prose;
    residue there that is a sentence must be known by its words; far from the story, in
    a stretch of chrome, a short sentence is a menu's or a footer's line), a paragraph of
    running prose anywhere unless it has a teaser card's shape (position alone never
    makes an article's paragraph chrome), the document's
    title or main heading, and, in HTML, anything inside the <article> or <main>
    element (there the markup has spoken already)."""
    if near_story and s.sentence and s.words >= _SENTENCE_WORDS and not s.title_case:
        return True
    if near_story and _RULE_LINE.fullmatch(line.text):
        return True  # the story's own section break ("___" under an agency story's last paragraph)
    if s.sentence and s.words >= _RUNNING_WORDS and not s.title_case and not teaser():
        return True
    if line.kind == "title" or (line.kind == "heading" and line.level == 1):
        return True
    return bool(line.context) and _article_context(line.context)


# Square brackets that open after a space or at the line's start, hold words and close
# before a space or a stop: an editor's bracket ("[Video]", "[Read more: X]", a caption's
# "... [+]"), not an index ("a[0]") or a type ("[Tag!]!").
_PROSE_BRACKETS = re.compile(r"(?:^|(?<=\s))\[[^\[\]{}=;!]*\](?=$|[\s.,:)])")
# A semicolon between two words ("(Reporting by Jane Roe; Editing by John Doe)", the
# credit under every wire story): a statement's ends with the line or an operator.
_PROSE_SEMICOLON = re.compile(r"(?<=[^\W_]);(?= [^\W\d_])")


def _code_to_phrases(text: str) -> bool:
    """A line of code, which no phrase is tried on; brackets and semicolons of prose do
    not make one."""
    if "[" in text:
        text = _PROSE_BRACKETS.sub(" ", text)
    if ";" in text:
        text = _PROSE_SEMICOLON.sub(",", text)
    return is_code(text)


# A bar of this many short items or more ("News: ePaper | Front Page | National | ..."):
# a template's menu, whatever its words. Each item is a few words holding a real word and
# most open in capitals (a table's row of figures, a shell pipeline's lower-case commands
# and a Markdown table's row, which opens with its bar, are no menu).
_BAR_ITEMS = 4
_BAR_ITEM_WORDS = 3
_BAR_ITEM_CHARS = 30
_BAR_CAPITALISED = 0.75
_BAR_WORD = re.compile(r"[^\W\d_]{2}")


def _mark_menu_bars(lines, kinds) -> None:
    for i, ln in enumerate(lines):
        if kinds[i] is None and ln.text.count("|") >= _BAR_ITEMS - 1 and _menu_bar(ln.text):
            kinds[i] = "navigation"


def _menu_bar(text: str) -> bool:
    text = text.strip()
    if text.startswith("|"):
        return False
    items = [item.strip() for item in text.rstrip("|").split("|")]
    if len(items) < _BAR_ITEMS or not all(
            item and len(item) <= _BAR_ITEM_CHARS and len(item.split()) <= _BAR_ITEM_WORDS
            and _BAR_WORD.search(item) for item in items):
        return False
    return sum(1 for item in items if item[0].isupper()) >= _BAR_CAPITALISED * len(items)


def _drop_lone_weak(kinds, weak) -> None:
    """A weak match ("Facebook" alone) counts only beside other residue."""
    n = len(kinds)
    for i in [i for i, w in enumerate(weak) if w]:
        strong_near = any(kinds[j] is not None and not weak[j] for j in range(max(0, i - 2), min(n, i + 3)) if j != i)
        weak_beside = any(weak[j] for j in (i - 1, i + 1) if 0 <= j < n)
        if not (strong_near or weak_beside):
            kinds[i] = None


def _costs(lines, kinds) -> list[float]:
    """What a non-prose line costs the story's region: known residue and HTML chrome more."""
    costs = []
    for ln, kind in zip(lines, kinds):
        cost = 4.0 if kind is not None else 1.0
        if ln.context and chrome_context(ln.context):
            cost += 4.0
        if ln.link_ratio > 0.5:
            cost += 3.0
        costs.append(cost)
    return costs


def _menu_stretch(stretch: range, state) -> bool:
    """A long stretch above the story that reads like a menu: mostly short capitalised
    items, never a paragraph, at most a few one-line blurbs under the items (a mega-menu's
    "Explore our guides to ...", and then only beside a known residue line such as "Log
    in"), and few of the items repeated in the story as its own subheadings (an opening
    list of ingredients or a table of contents is not chrome; the same items again in the
    page's footer are the menu's second copy, not subheadings)."""
    if len(stretch) < _MENU_LINES:
        return False
    blurbs = [state.shapes[i] for i in stretch if state.shapes[i].prose]
    if blurbs and (len(blurbs) > _MENU_BLURBS * len(stretch) or any(s.words >= _MENU_BLURB_WORDS for s in blurbs)
                   or not any(state.kinds[i] is not None for i in stretch)):
        return False
    items = [i for i in stretch if _menu_item(state.lines[i].text, state.shapes[i])]
    if len(items) < _MENU_ITEMS * len(stretch):
        return False
    last = state.span[1] if state.span is not None else len(state.lines) - 1
    story = {ln.text.lower() for ln in state.lines[stretch.stop:last + 1]}
    return sum(1 for i in items if state.lines[i].text.lower() in story) < _MENU_REPEATED * len(items)


def _menu_item(text: str, s: Shape) -> bool:
    return 1 <= s.words <= 6 and text[:1].isupper() and not s.sentence


# A stretch after the story this long, with one known line of residue in words, is the
# page's footer and sidebars: the line model decides its lines (the article's own tables,
# lists and closing lines after the story are kept by story_lines.py whatever it says).
_FOOTER_LINES = 10
_WORDED = re.compile(r"[A-Za-z]{2}")  # an icon alone ("â", "★") says little of the lines around it


def _footer_stretch(stretch: range, state) -> bool:
    if len(stretch) < _FOOTER_LINES:
        return False
    return any(state.kinds[i] is not None and _WORDED.search(state.lines[i].text) for i in stretch)


def _chrome_stretch(kinds, stretch: range, state) -> bool:
    if not stretch:
        return False
    hits = sum(1 for i in stretch if kinds[i] is not None)
    density = hits / len(stretch)
    if hits >= 2 and (density >= _STRETCH_MIN_DENSITY or hits >= 4 and density >= _LONG_STRETCH_MIN_DENSITY):
        return True
    if hits >= _PAGE_STRETCH_HITS and len(stretch) >= _PAGE_STRETCH:
        tabular = sum(1 for i in stretch if _TABULAR.search(state.lines[i].text))
        return tabular < _PAGE_STRETCH_MAX_TABULAR * len(stretch)
    return False
