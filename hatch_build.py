"""Wheel build step: precompile the spelling lexicon and word-pair model from the data
packages the build environment has (pyproject.toml's [build-system] requires them), so a
fresh install never builds them on its first run. lint/spelling/prebuilt.py names the files
by the data they came from; a run with other data installed ignores them and builds its own
cache, as it does when this step could not run (the data packages missing from a build
without isolation): the wheel is then built without them, with a warning.

Also the bundled phrase patterns' regex-analysis facts (lint/boilerplate/pattern_facts.py)
and compiled code (lint/boilerplate/prebuilt_regex.py), and the bundled rule files parsed
(lint/rule_snapshot.py), so that a cold check only reads them: they need nothing but the
standard library. And the readability dictionaries' whole tables (lint/readability/prebuilt.py),
which a pool's parent reads before it forks instead of building them while a core idles.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "lint/spelling/data"
FACTS_TARGET = "lint/boilerplate/data"
RULES_TARGET = "lint/data"
READABILITY_TARGET = "lint/readability/data"


class PrebuiltSpellingData(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        root = Path(self.root)
        if version == "editable":
            # The package is imported from the source tree: the files go there (git ignores them).
            out, facts_out, rules_out = root / TARGET, root / FACTS_TARGET, root / RULES_TARGET
            readability_out = root / READABILITY_TARGET
        else:
            self._tmp = tempfile.mkdtemp(prefix="edlint-prebuilt-")
            out, facts_out, rules_out, readability_out = (
                Path(self._tmp) / name for name in ("spelling", "facts", "rules", "readability"))
        sys.path.insert(0, str(root))
        try:
            self._pattern_facts(facts_out, version, build_data)
            self._rule_snapshot(rules_out, version, build_data)
            self._readability_tables(readability_out, version, build_data)
            from lint.spelling import prebuilt

            written = prebuilt.write(out)
        except (ImportError, OSError) as e:
            self.app.display_warning(f"edlint: spelling data not precompiled ({e}); "
                                     "the first run will build it")
            return
        finally:
            sys.path.remove(str(root))
        self.app.display_info(f"edlint: precompiled {', '.join(p.name for p in written)}")
        if version != "editable":
            for p in written:  # NOTICE.md beside them is an ordinary package file
                build_data["force_include"][str(p)] = f"{TARGET}/{p.name}"

    def _pattern_facts(self, out, version, build_data):
        def build():
            from lint.boilerplate import pattern_facts, prebuilt_regex

            return [pattern_facts.write(out, pattern_facts.bundled_patterns()),
                    prebuilt_regex.write(out, prebuilt_regex.bundled_patterns())]

        # Without them a check works the facts out as it goes.
        self._precompile("phrase patterns", build, FACTS_TARGET, version, build_data)

    def _rule_snapshot(self, out, version, build_data):
        def build():
            from lint import rule_snapshot

            return [rule_snapshot.write(out, rule_snapshot.bundled_files())]

        # Without it a check parses the rule files as it goes.
        self._precompile("rule files", build, RULES_TARGET, version, build_data)

    def _readability_tables(self, out, version, build_data):
        def build():
            from lint.readability import prebuilt

            return prebuilt.write(out)

        # Without them a pool's parent builds the tables before it forks.
        self._precompile("readability tables", build, READABILITY_TARGET, version, build_data)

    def _precompile(self, what, build, target, version, build_data):
        """Run `build()` (the files it wrote); in a wheel, ship them under `target`."""
        try:
            written = build()
        except (ImportError, OSError, ValueError) as e:
            self.app.display_warning(f"edlint: {what} not precompiled ({e})")
            return
        self.app.display_info(f"edlint: precompiled {', '.join(p.name for p in written)}")
        if version != "editable":
            for p in written:
                build_data["force_include"][str(p)] = f"{target}/{p.name}"

    def finalize(self, version, build_data, artifact_path):
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
