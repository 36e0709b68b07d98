"""Wheel build step: precompile the spelling lexicon and word-pair model from the data
packages the build environment has (pyproject.toml's [build-system] requires them), so a
fresh install never builds them on its first run. lint/spelling/prebuilt.py names the files
by the data they came from; a run with other data installed ignores them and builds its own
cache, as it does when this step could not run (the data packages missing from a build
without isolation): the wheel is then built without them, with a warning.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "lint/spelling/data"


class PrebuiltSpellingData(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        root = Path(self.root)
        if version == "editable":
            # The package is imported from the source tree: the files go there (git ignores them).
            out = root / TARGET
        else:
            self._tmp = tempfile.mkdtemp(prefix="edlint-prebuilt-")
            out = Path(self._tmp)
        sys.path.insert(0, str(root))
        try:
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

    def finalize(self, version, build_data, artifact_path):
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
