"""Tasks the Dask tests send to workers (importable there by name)."""
from __future__ import annotations

import os

from lint.audit.run import audit_batch


def die_once(marker: str, files, resolver):
    """The first run of the batch that holds the marked file kills its worker process
    mid-task, as a machine lost during a run; Dask runs the batch again elsewhere."""
    if any(getattr(f, "path", f).endswith("hard.txt") for f in files) and not os.path.exists(marker):
        with open(marker, "w") as f:
            f.write(str(os.getpid()))
        os._exit(1)
    return audit_batch(files, resolver)


def which_rules(files, resolver):
    """(worker process, identity of the compiled rule set it used) after checking a batch."""
    from lint.engine import ruleset_for

    audit_batch(files, resolver)
    return os.getpid(), id(ruleset_for(resolver.for_path(getattr(files[0], "path", files[0]))))


def report_housekeeping(marker: str, files, resolver):
    """audit_batch, noting in `marker` whether this worker runs Dask's profiler."""
    import json

    import dask
    from distributed import get_worker

    worker = get_worker()
    with open(marker, "w") as f:
        json.dump({"profile": dask.config.get("distributed.worker.profile.enabled"),
                   "samples": len(worker.profile_history)}, f)
    return audit_batch(files, resolver)
