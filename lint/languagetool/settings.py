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

MODES = ("off", "auto", "local")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


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
        raw = dict(raw or {})
        kw: dict = {}
        for key, value in raw.items():
            name = key.replace("-", "_")
            if name not in cls.__dataclass_fields__:
                raise ValueError(f"languagetool: unknown setting {key!r}")
            kw[name] = _coerce(key, name, value)
        s = cls(**kw)
        if s.mode not in MODES and not is_url(s.mode):
            raise ValueError(f"languagetool: mode {s.mode!r} must be off, auto, local or an http(s):// URL")
        if s.url and not is_url(s.url):
            raise ValueError(f"languagetool: url {s.url!r} must start with http:// or https://")
        if s.level not in ("default", "picky"):
            raise ValueError(f"languagetool: level {s.level!r} must be default or picky")
        return s

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


def _coerce(key: str, name: str, value):
    default = LTSettings.__dataclass_fields__[name].default
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(f"languagetool: {key} must be true or false")
        return value
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [v for v in value.split(",") if v.strip()]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"languagetool: {key} must be a list of strings")
        return tuple(v.strip() for v in value)
    if isinstance(default, (int, float)):
        least = 0 if name == "retries" else 1e-9
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < least:
            raise ValueError(f"languagetool: {key} must be a {'non-negative' if least == 0 else 'positive'} number")
        return type(default)(value)
    if not isinstance(value, str):
        raise ValueError(f"languagetool: {key} must be a string")
    return value.strip()
