"""`edlint lsp`: the language server (stdio, or TCP on 127.0.0.1 for debugging)."""
from __future__ import annotations

import click


@click.command()
@click.option("--tcp", "tcp_port", type=click.IntRange(1, 65535), metavar="PORT",
              help="Listen on 127.0.0.1:PORT instead of standard input and output.")
@click.option("--stdio", is_flag=True, help="Speak LSP on standard input and output (the default).")
def lsp(tcp_port, stdio):
    """Run the edlint language server for editors (diagnostics, quick fixes, hover)."""
    # The engine starts loading first, in a forked check worker (lint/lsp/worker.py; in a
    # thread where processes can't be forked, lint/lsp/warmup.py), while pygls and
    # lsprotocol are imported and the editor handshakes; lsprotocol's classes come with their
    # compiled methods from a cache (lint/lsp/fastimport.py).
    from ..lsp.fastimport import import_lsprotocol_types
    from ..lsp.warmup import WarmUp
    from ..lsp.worker import CheckWorker

    fast = CheckWorker.fork()  # first: no thread may exist yet when the process forks
    warm = WarmUp() if fast is not None else WarmUp().start()  # the grammar pass's checker, loaded when used
    import_lsprotocol_types()
    from ..lsp.server import serve

    serve(None if stdio else tcp_port, warm, fast)
