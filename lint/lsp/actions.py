"""Code actions from the findings an editor sends back: the rule's fix, each suggestion,
accepting a word (project or file), disabling a rule for a line, and fixing every safe
finding of the document."""
from __future__ import annotations

from lsprotocol import types

from .convert import WORD_RULES

CMD_ACCEPT = "edlint.acceptWord"
CMD_ACCEPT_IN_FILE = "edlint.acceptWordInFile"
CMD_FIX_ALL = "edlint.fixAll"
COMMANDS = (CMD_ACCEPT, CMD_ACCEPT_IN_FILE, CMD_FIX_ALL)
FIX_ALL_KIND = types.CodeActionKind.SourceFixAll + ".edlint"
# Formats whose readers understand `<!-- edlint-disable-next-line RULE -->`.
DIRECTIVE_FORMATS = ("markdown", "html", "text")


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _text_edit(e: dict) -> types.TextEdit:
    r = e["range"]
    return types.TextEdit(range=types.Range(start=types.Position(**r["start"]), end=types.Position(**r["end"])),
                          new_text=e["newText"])


def for_diagnostic(uri: str, d: types.Diagnostic, fmt: str, line_text: str) -> list[types.CodeAction]:
    data = d.data if isinstance(d.data, dict) else {}
    rule = data.get("rule") or str(d.code or "")
    return [*_fix_and_suggestions(uri, d, data), *_vocabulary(uri, d, data, rule),
            *_disable_for_line(uri, d, fmt, line_text, rule)]


def _quick_fix(title: str, d: types.Diagnostic, **action) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[d], **action)


def _fix_and_suggestions(uri: str, d: types.Diagnostic, data: dict) -> list[types.CodeAction]:
    """The rule's fix (when safe, or when there is nothing else to offer), then each
    suggestion it does not already make."""
    actions: list[types.CodeAction] = []
    fix = data.get("fix")
    if fix and (fix.get("safe") or not data.get("suggestions")):
        actions.append(_quick_fix(fix["title"], d, is_preferred=bool(fix.get("safe")),
                                  edit=_edit(uri, [_text_edit(e) for e in fix["edits"]])))
    safe_fix = bool(fix and fix.get("safe"))
    for i, s in enumerate(data.get("suggestions", [])):
        if safe_fix and len(fix["edits"]) == 1 and fix["edits"][0]["newText"] == s:
            continue  # the fix already offers it
        actions.append(_quick_fix(
            f"Replace with “{s}”", d,
            # The first suggestion is preferred unless a safe fix is.
            is_preferred=(i == 0 and not safe_fix),
            edit=_edit(uri, [types.TextEdit(range=d.range, new_text=s)])))
    return actions


def _vocabulary(uri: str, d: types.Diagnostic, data: dict, rule: str) -> list[types.CodeAction]:
    """Accepting the flagged word, for the project or this file (word rules, one-line words)."""
    word = data.get("text", "")
    if rule not in WORD_RULES or not word or "\n" in word:
        return []
    return [
        _quick_fix(f"Add “{word}” to the project vocabulary", d,
                   command=types.Command(title="Add to vocabulary", command=CMD_ACCEPT, arguments=[uri, word])),
        _quick_fix(f"Ignore “{word}” in this file", d,
                   command=types.Command(title="Ignore in file", command=CMD_ACCEPT_IN_FILE, arguments=[uri, word])),
    ]


def _disable_for_line(uri: str, d: types.Diagnostic, fmt: str, line_text: str, rule: str) -> list[types.CodeAction]:
    """A directive above the line, in formats whose readers understand one."""
    if not rule or fmt not in DIRECTIVE_FORMATS:
        return []
    indent = line_text[:len(line_text) - len(line_text.lstrip(" \t"))]
    directive = f"{indent}<!-- edlint-disable-next-line {rule} -->\n"
    at = types.Position(line=d.range.start.line, character=0)
    return [_quick_fix(f"Disable {rule} for this line", d,
                       edit=_edit(uri, [types.TextEdit(range=types.Range(start=at, end=at), new_text=directive)]))]


def fix_all(uri: str, safe_edits: list[types.TextEdit]) -> types.CodeAction | None:
    if not safe_edits:
        return None
    return types.CodeAction(title="Fix all safe edlint findings", kind=FIX_ALL_KIND, edit=_edit(uri, safe_edits))
