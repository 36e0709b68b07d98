"""The `[languagetool]` table of the configuration.

    mode                "auto" (default) | "off" | "local" | a server URL
    url                 the server `auto` uses when one is configured
    language            LanguageTool language code; default: the run's language
    mother-tongue       for LanguageTool's false-friend rules
    level               "default" | "picky"
    timeout             seconds to wait for any one answer (default 10)
    start-timeout       seconds to wait for a local server to come up (default 60)
    retries             extra attempts after a refused connection or a 5xx/429 answer (default 1)
    max-concurrency     requests in flight at once (default 2)
    max-request-chars   UTF-16 units per request, within the server's maxTextLength (default 20000)
    disabled-rules      LanguageTool rule ids ("EN_A_VS_AN") or edlint ids ("grammar.en-a-vs-an")
    disabled-categories LanguageTool category ids ("TYPOS", "STYLE")
    enabled-rules       LanguageTool rules that are off by default, to turn on
    require             true: LanguageTool not running is an error, not a warning
"""
from __future__ import annotations

from dataclasses import dataclass

from ..params import Param

MODES = ("off", "auto", "local")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _server_problem(value: str) -> str | None:
    """What is wrong with a server URL (no host, a port out of range), or None: refused
    when the config is read, not met as an "unexpected error" when the check runs."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port out of range or not a number)
    except ValueError as e:
        return f"is not a usable server URL ({e}): {value!r}"
    if not parts.hostname:
        return f"is not a usable server URL (no host): {value!r}"
    return None


def _mode_problem(value: str) -> str | None:
    value = value.strip()
    if value in MODES:
        return None
    if is_url(value):
        return _server_problem(value)
    return f"must be off, auto, local or an http(s):// URL, not {value!r}"


def _url_problem(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    return _server_problem(value) if is_url(value) else f"must start with http:// or https://, not {value!r}"


def _positive(value) -> str | None:
    return None if value > 0 else f"must be a positive number, not {value!r}"


# The `[languagetool]` keys, each validated once when the config is read.
SCHEMA: dict[str, Param] = {
    "mode": Param("string", "auto", "off, auto, local or a server URL.", check=_mode_problem),
    "url": Param("string", "", "The server `auto` uses.", check=_url_problem),
    "language": Param("string", "", "LanguageTool language code (default: the run's language)."),
    "mother-tongue": Param("string", "", "For LanguageTool's false-friend rules."),
    "level": Param("string", "default", "LanguageTool's level.", choices=("default", "picky")),
    "timeout": Param("number", 10.0, "Seconds a request may take.", check=_positive),
    "start-timeout": Param("number", 60.0, "Seconds a local server may take to start.", check=_positive),
    "retries": Param("int", 1, "Extra attempts after a refused connection or a 5xx/429 answer.", minimum=0),
    "max-concurrency": Param("int", 2, "Requests in flight at once.", minimum=1),
    "max-request-chars": Param("int", 20000, "UTF-16 units per request.", minimum=1),
    "disabled-rules": Param("strings", [], "LanguageTool or edlint rule ids to turn off."),
    "disabled-categories": Param("strings", [], "LanguageTool category ids to turn off."),
    "enabled-rules": Param("strings", [], "LanguageTool rules that are off by default, to turn on."),
    "require": Param("bool", False, "LanguageTool not running is an error, not a warning."),
}


def server_url_of(key: str, value) -> str:
    """The server a `[languagetool]` setting points at ("" when none): checked before
    an untrusted config may send articles anywhere."""
    if key in ("mode", "url") and isinstance(value, str) and is_url(value.strip()):
        return value.strip()
    return ""


def lt_rule_id(name: str) -> str:
    """"grammar.en-a-vs-an" or "EN_A_VS_AN" -> "EN_A_VS_AN" (LanguageTool's own ids)."""
    if name.startswith("grammar."):
        return name[len("grammar."):].upper().replace("-", "_")
    return name


@dataclass(frozen=True)
class LTSettings:
    mode: str = "auto"
    url: str = ""
    language: str = ""
    mother_tongue: str = ""
    level: str = "default"
    timeout: float = 10.0
    start_timeout: float = 60.0
    retries: int = 1
    max_concurrency: int = 2
    max_request_chars: int = 20000
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    require: bool = False

    @classmethod
    def from_dict(cls, raw: dict | None) -> "LTSettings":
        """Raises ValueError naming the key when a value can't be used."""
        kw: dict = {}
        for key, value in dict(raw or {}).items():
            if key not in SCHEMA:
                raise ValueError(f"languagetool: unknown setting {key!r}")
            param = SCHEMA[key]
            if param.kind == "strings" and isinstance(value, str):  # "A,B" as on a command line
                value = [v for v in value.split(",") if v.strip()]
            if isinstance(value, tuple):
                value = list(value)
            problem = param.problem(value)
            if problem:
                raise ValueError(f"languagetool: {key} {problem}")
            kw[key.replace("-", "_")] = _coerce(param, value)
        return cls(**kw)

    @property
    def server_url(self) -> str:
        """The server to use, if any: a URL mode wins over `url`; "local" ignores `url`."""
        if is_url(self.mode):
            return self.mode
        return self.url if self.mode == "auto" else ""

    def request_params(self, language: str) -> dict[str, str]:
        """The form fields LanguageTool's /v2/check takes, besides `text`."""
        params = {"language": self.language or language or "en-US"}
        if self.mother_tongue:
            params["motherTongue"] = self.mother_tongue
        if self.disabled_rules:
            params["disabledRules"] = ",".join(lt_rule_id(r) for r in self.disabled_rules)
        if self.disabled_categories:
            params["disabledCategories"] = ",".join(self.disabled_categories)
        if self.enabled_rules:
            params["enabledRules"] = ",".join(lt_rule_id(r) for r in self.enabled_rules)
        if self.level == "picky":
            params["level"] = "picky"
        return params


def _coerce(param: Param, value):
    if param.kind == "strings":
        return tuple(v.strip() for v in value)
    if param.kind == "number":
        return float(value)
    return value.strip() if isinstance(value, str) else value
