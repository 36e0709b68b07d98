"""`languagetool`: LanguageTool's grammar and style checks as `grammar.*` findings.

A corpus rule, so that one server serves the whole run: `collect()` turns each
document into the prose LanguageTool should see (picklable, worker-safe) and
`finish()` sends it all in batched, parallel requests, then maps every match
back to its document's source. Settings come from the `[languagetool]` table
(see lint/languagetool/settings.py); problems become run notices, never errors.

Parameters:
    requires   "languagetool": the rule's examples only fire with a server
               (the examples meta-test runs them against tests/languagetool's stub)
    severity   LanguageTool issue type -> edlint severity, over the defaults in
               lint/languagetool/findings.py; unknown types get the rule's severity
"""
from __future__ import annotations

from ..finding import SEVERITIES
from ..document import Document
from ..params import Param
from .base import CheckContext, CorpusRule


def _merge(findings):
    if not any(d.category == "grammar" for d in findings):
        return findings
    from ..languagetool.merge import merge_spelling
    return merge_spelling(findings)


class LanguageTool(CorpusRule):
    dynamic_ids = True  # grammar.<LanguageTool's rule>
    postprocess = staticmethod(_merge)  # one finding where LanguageTool and an edlint rule agree
    PARAMS = {
        "requires": Param("string", "languagetool", "What must run for the rule to work."),
        "severity": Param("string-table", {}, "LanguageTool issue type -> severity.", choices=SEVERITIES),
    }

    def setup(self) -> None:
        severity = self.params["severity"]
        if not isinstance(severity, dict) or not all(v in SEVERITIES for v in severity.values()):
            raise ValueError(f"rule {self.id}: severity must map LanguageTool issue types to "
                             f"{', '.join(SEVERITIES)}")

    def collect(self, doc: Document, ctx: CheckContext):
        if not self._may_run(ctx):
            return None  # finish() still says why grammar is skipped
        from ..languagetool.prose import build_prose
        return build_prose(doc)

    def _may_run(self, ctx: CheckContext) -> bool:
        """False when no server could answer (off; or auto with none configured or installed),
        so that no document's text is prepared for nothing. Asked once per run (finish() forgets it)."""
        may = getattr(self, "_may", None)
        if may is None:
            may = self._may = _server_possible(ctx)
        return may

    def finish(self, collected, ctx: CheckContext):
        settings = _settings(ctx)
        if settings is not None and settings.mode == "off":
            return []  # what service.run answers when off: without importing the client (cold start)
        findings, notices, incomplete = [], [], False
        try:
            if not self._may_run(ctx):
                # auto, nothing configured or installed: service.run's answer, without importing it
                from ..languagetool.install import nothing_to_ask
                notices = [nothing_to_ask()]
            else:
                from ..languagetool import service
                outcome = service.run(collected, ctx.settings.get("languagetool", {}), ctx.language,
                                      severity=self.params["severity"], default_severity=self.spec.severity)
                findings, notices, incomplete = outcome.findings, outcome.notices, outcome.incomplete
        except Exception as e:  # a bug or an odd environment must not cost the other rules' findings
            from ..languagetool.install import SOURCE
            from ..result import Notice
            notices = [Notice("warning", f"LanguageTool: unexpected error ({type(e).__name__}: {e}); "
                                         "grammar checks skipped", SOURCE)]
            incomplete = True
        finally:
            self._may = None  # the next run (an editor's next check) looks again
            self.close()
        ctx.notices.extend(notices)
        if incomplete and "languagetool" not in ctx.incomplete:
            ctx.incomplete.append("languagetool")
        return findings

    def close(self) -> None:
        """Stop a local server this run started (idempotent; also registered with atexit)."""
        import sys
        local = sys.modules.get("lint.languagetool.local")
        if local is not None:
            local.stop_all()


def _settings(ctx: CheckContext):
    """The run's LanguageTool settings, or None when they are invalid (finish() lets
    service.run report that)."""
    from ..languagetool.settings import LTSettings
    try:
        return LTSettings.from_dict(ctx.settings.get("languagetool") or {})
    except ValueError:
        return None


def _server_possible(ctx: CheckContext) -> bool:
    settings = _settings(ctx)
    if settings is None:
        return True  # finish() reports the bad setting
    if settings.mode == "off":
        return False
    if settings.server_url or settings.mode != "auto" or settings.require:
        return True  # a server to ask, or a failure finish() must report
    from ..languagetool import install
    try:
        return install.find_install()[0] is not None
    except Exception:  # e.g. a home directory it may not read: finish() asks again and reports it
        return True
