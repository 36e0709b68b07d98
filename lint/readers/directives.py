"""Suppression comments: `<!-- edlint-disable RULE[, RULE] -->`, `-enable`, `-disable-next-line`."""
from __future__ import annotations

import re

from ..document import Directive

_DIRECTIVE = re.compile(
    r"^\s*edlint-(disable-next-line|disable|enable)\b(?P<rules>[^>]*?)\s*$")


def parse_directive(comment_body: str, start: int, end: int) -> Directive | None:
    """`comment_body` is the text between `<!--` and `-->`; start/end span the whole comment."""
    m = _DIRECTIVE.match(comment_body)
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group("rules")) if r)
    return Directive(m.group(1), rules, start, end)
