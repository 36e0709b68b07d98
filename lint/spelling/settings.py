"""The `[spelling]` settings table: key -> typed parameter (read by lint/config_keys.py)."""
from __future__ import annotations

from ..params import Param

SCHEMA: dict[str, Param] = {
    "min-length": Param("int", 3, "Shorter words are not spell-checked.", minimum=1),
    "check-names": Param("bool", False, "Spell-check capitalised names too."),
    "suggestions": Param("int", 5, "Suggestions shown per unknown word.", minimum=0),
    "report-repeats": Param("bool", False, "Report every use of an unknown word, not only its first "
                            "in an article (edlint vocab does, to count uses)."),
    "max-unknown-words": Param("int", 5000, "Words outside the lexicon (each use) a document may have before "
                               "spelling stops there with one finding (not prose); 0: no limit.", minimum=0),
}
