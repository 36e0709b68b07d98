"""`edlint languagetool status` and `edlint languagetool download`.

`download` is the only place edlint ever downloads LanguageTool; a check never does.
"""
from __future__ import annotations

import os
import sys

import click

from .common import EXIT_ERROR, EXIT_INCOMPLETE, config_option, fail, guard


@click.group()
def languagetool():
    """Grammar checks through LanguageTool: see what edlint would use, or install it."""


@languagetool.command()
@config_option
@click.option("--languagetool", "mode", metavar="MODE", envvar="EDLINT_LANGUAGETOOL",
              help="off, auto, local, or a server URL (as for `edlint check`).")
@guard
def status(config_file, mode):
    """Show the server or installation a check would use, and whether it answers.
    Exits 0 when LanguageTool is usable, 3 when it is not."""
    from ..config import ConfigResolver
    from ..languagetool.local import find_install
    from ..languagetool.settings import LTSettings

    cfg = ConfigResolver(config_file).for_path(".")
    raw = dict(cfg.settings_map().get("languagetool", {}))
    if mode:
        raw["mode"] = mode
    try:
        settings = LTSettings.from_dict(raw)
    except ValueError as e:
        fail(str(e))
    click.echo(f"mode: {settings.mode}")
    install, reason = find_install()
    click.echo(f"local installation: {install.describe() if install else 'none (' + reason + ')'}")
    if settings.mode == "off":
        click.echo("grammar checks: off")
        return
    url = settings.server_url
    if url:
        ok = _probe(url, settings.timeout)
        sys.exit(0 if ok else EXIT_INCOMPLETE)
    if install is not None:
        click.echo("grammar checks: a local server will be started for each run")
        return
    click.echo("grammar checks: skipped (no server configured, nothing installed)")
    sys.exit(EXIT_INCOMPLETE)


def _probe(url: str, timeout: float) -> bool:
    from ..languagetool.client import Client, ServerFailure

    client = Client(url, timeout=timeout, retries=0)
    try:
        languages = client.languages()
        version = client.version()
    except ServerFailure as e:
        click.echo(f"server: {client.url}: {e}")
        return False
    finally:
        client.close()
    click.echo(f"server: {client.url}: LanguageTool {version}, {len(languages)} languages")
    return True


@languagetool.command()
@click.option("--version", "version", metavar="VERSION",
              help="A release (6.8) or a snapshot (20250101, latest); default: language-tool-python's.")
@click.option("--dry-run", is_flag=True, help="Say what would be downloaded and where, then stop.")
@guard
def download(version, dry_run):
    """Download LanguageTool (a few hundred MB) for `languagetool = "local"`, with progress.
    Needs internet and, to run it, Java. Installs into LTP_PATH (default
    ~/.cache/language_tool_python), where checks will find it."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    from language_tool_python.exceptions import LanguageToolError

    from ..languagetool.local import download_dir

    version = version or LTP_DOWNLOAD_VERSION
    try:
        lt = LocalLanguageTool.from_version_name(version)
        url = lt.download_url
    except (ValueError, LanguageToolError) as e:
        raise click.BadParameter(str(e), param_hint="--version") from None
    if os.environ.get("LTP_JAR_DIR_PATH"):
        fail("LTP_JAR_DIR_PATH is set, so that installation is used and nothing is downloaded; "
             "unset it to download into LTP_PATH")
    dest = download_dir()
    if (dest / f"LanguageTool-{lt.version_name}").is_dir():
        click.echo(f"LanguageTool {lt.version_name} is already installed in {dest}")
        return
    click.echo(f"Downloading LanguageTool {lt.version_name} from {url}\n  into {dest}", err=True)
    if dry_run:
        return
    try:
        lt.download()  # language-tool-python shows a progress bar and checks the archive's hash
    except (LanguageToolError, OSError, ValueError) as e:
        fail(f"download failed: {e}")
    except Exception as e:  # requests' errors, a corrupt zip: one line, not a traceback
        click.echo(f"edlint: error: download failed: {type(e).__name__}: {e}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"Installed LanguageTool {lt.version_name} in {dest}", err=True)


@languagetool.command()
@click.option("--from-maven", is_flag=True,
              help="Fetch LanguageTool's jars from Maven Central with `mvn` (needs Maven and Java 17).")
@click.option("--version", "version", metavar="VERSION",
              help="With --from-maven: a LanguageTool release (default 6.7); else as for `download`.")
@click.option("--dry-run", is_flag=True, help="Say what would be fetched and where, then stop.")
@click.pass_context
@guard
def install(ctx, from_maven, version, dry_run):
    """Install LanguageTool for `languagetool = "local"`: through language-tool-python's
    download (as `download`), or with --from-maven through Maven, into its cache (~/.m2), the
    class path kept in LTP_PATH/edlint-maven-VERSION. Maven's progress goes to stderr."""
    if not from_maven:
        ctx.invoke(download, version=version, dry_run=dry_run)
        return
    from ..languagetool import maven

    version = version or maven.DEFAULT_VERSION
    dest = maven.install_dir(version)
    click.echo(f"Fetching LanguageTool {version} (languagetool-server, language-en) with Maven\n"
               f"  project {maven.pom_path()}\n  class path into {dest / 'classpath.txt'}", err=True)
    if dry_run:
        return
    try:
        maven.install(version)
    except maven.MavenError as e:
        fail(str(e))
    click.echo(f"Installed LanguageTool {version} from Maven; `languagetool = \"local\"` will use it", err=True)
