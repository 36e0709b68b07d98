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
