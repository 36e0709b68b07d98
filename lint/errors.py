"""Errors that reach the user as one clear line naming the file, never a traceback."""


class EdlintError(Exception):
    """Base of the errors edlint reports and exits 2 on."""


class InputError(EdlintError):
    """A file that can't be read or parsed: binary, undecodable, malformed."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ConfigError(EdlintError):
    """A configuration file with a syntax error, an unknown key or a bad value."""


def internal_error(e: BaseException) -> str:
    """The one line for an error in edlint itself, not in the input (the traceback is kept apart)."""
    detail = " ".join(str(e).split())
    if len(detail) > 200:
        detail = detail[:200] + "…"
    return f"internal error ({type(e).__name__}{': ' + detail if detail else ''})"
