"""`edlint languagetool status` and `download` (argument handling only: no download here)."""
from __future__ import annotations

from click.testing import CliRunner

from lint.cli import main

from .fake_server import closed_port_url


def invoke(*args, env=None):
    return CliRunner().invoke(main, ["languagetool", *args], env=env or {}, catch_exceptions=False)


def test_status_of_a_server_that_answers(lt):
    r = invoke("status", "--languagetool", lt.url)
    assert r.exit_code == 0, r.output
    assert f"server: {lt.url}/v2: LanguageTool 6.8-test, 4 languages" in r.output
    assert r.output.startswith(f"mode: {lt.url}\n")


def test_status_of_a_server_that_is_down():
    url = closed_port_url()
    r = invoke("status", env={"EDLINT_LANGUAGETOOL": url})
    assert r.exit_code == 3
    assert f"server: {url}/v2: not reachable (connection refused)" in r.output


def test_status_with_nothing_configured(tmp_path):
    r = invoke("status", "--languagetool", "auto")
    assert r.exit_code == 3
    assert f"local installation: none (no LanguageTool installation in {tmp_path / 'no-languagetool-here'})" \
        in r.output
    assert "grammar checks: skipped (no server configured, nothing installed)" in r.output


def test_status_rejects_a_bad_mode():
    r = invoke("status", "--languagetool", "sometimes")
    assert r.exit_code == 2
    assert "must be off, auto, local or an http(s):// URL, not 'sometimes'" in r.output


def test_download_dry_run_names_source_and_destination(tmp_path):
    r = invoke("download", "--version", "6.8", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "Downloading LanguageTool 6.8 from https://" in r.output
    assert "LanguageTool-6.8.zip" in r.output
    assert f"into {tmp_path / 'no-languagetool-here'}" in r.output
    assert not (tmp_path / "no-languagetool-here").exists()


def test_download_rejects_an_unknown_version():
    r = invoke("download", "--version", "six", "--dry-run")
    assert r.exit_code == 2
    assert "Invalid value for --version: Unknown LanguageTool version name: six" in r.output


def test_download_rejects_a_version_too_old():
    r = invoke("download", "--version", "3.9", "--dry-run")
    assert r.exit_code == 2
    assert "versions below 4.0 are no longer supported" in r.output


def test_download_when_already_installed(tmp_path, monkeypatch):
    (tmp_path / "lt" / "LanguageTool-6.8").mkdir(parents=True)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    r = invoke("download", "--version", "6.8")
    assert r.exit_code == 0
    assert f"LanguageTool 6.8 is already installed in {tmp_path / 'lt'}" in r.output


def test_download_refuses_when_ltp_jar_dir_path_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path))
    r = invoke("download", "--dry-run")
    assert r.exit_code == 2
    assert "LTP_JAR_DIR_PATH is set" in r.output


def test_check_reports_languagetool_rules_in_sarif(lt, tmp_path):
    import json

    article = tmp_path / "vote.txt"
    article.write_text("The council approved a increase.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--format", "sarif", "--languagetool", lt.url, str(article)],
                           catch_exceptions=False)
    run = json.loads(r.output)["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["grammar.en-a-vs-an"]["shortDescription"] == {"text": "Use of 'a' vs. 'an'"}
    (result,) = [x for x in run["results"] if x["ruleId"] == "grammar.en-a-vs-an"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 22, 23)
