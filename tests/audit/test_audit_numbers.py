"""`edlint audit`: its numbers are the engine's findings, counted."""
from __future__ import annotations

import json
from collections import Counter

from click.testing import CliRunner

from lint.audit.aggregate import FINDINGS_KEPT, TOP, Tally
from lint.cli import main
from lint.finding import Finding

from .conftest import run_audit


def _check_json(archive):
    result = CliRunner().invoke(main, ["check", "--format", "json", "--languagetool", "off", str(archive)])
    return json.loads(result.stdout)


def test_totals_and_rules_equal_the_findings_of_check(audited, archive):
    code, data, _, _ = audited
    check = _check_json(archive)
    rules = Counter(d["rule"] for d in check["diagnostics"])
    assert code == 1
    assert data["totals"]["documents"] == len(check["documents"]) == 8
    assert data["totals"]["files"] == 6
    assert data["totals"]["findings"] == len(check["diagnostics"])
    assert {r["rule"]: r["findings"] for r in data["rules"]} == dict(rules)
    with_findings = {(d["path"], d.get("record")) for d in check["diagnostics"]}
    assert data["totals"]["clean"] == 8 - len(with_findings)
    assert data["totals"]["clean_share"] == round(data["totals"]["clean"] / 8, 4)
    for level in ("error", "warning", "info"):
        assert data["totals"][level] == sum(1 for d in check["diagnostics"] if d["severity"] == level)
    cats = Counter(d["category"] for d in check["diagnostics"])
    assert {c: n for c, n in data["categories"].items() if n} == dict(cats)


def test_spelling_is_the_vocab_ranking(audited, archive):
    _, data, _, _ = audited
    result = CliRunner().invoke(main, ["vocab", "--format", "json", str(archive)])
    assert data["spelling"]["words"] == json.loads(result.stdout)["words"]
    # "zorblat" is in three articles: a.txt, feature.md and the feed's third record.
    assert data["spelling"]["words"][0]["word"] == "zorblat"
    assert data["spelling"]["words"][0]["articles"] == 3


def test_readability_hardest_article_and_target(audited):
    _, data, _, _ = audited
    r = data["readability"]
    from lint.readability.presets import audience

    target = audience({}).target_grade  # the default audience's target
    assert r["target_grade"] == target
    assert r["hardest"][0]["article"].endswith("hard.txt")
    assert r["hardest"][0]["grade"] > target
    assert sum(b["documents"] for b in r["grade_histogram"]) == r["scored"] == r["grade"]["documents"]
    assert r["over_target"] >= 1


def test_boilerplate_by_kind_source_and_template_lines(audited):
    _, data, _, _ = audited
    b = data["boilerplate"]
    kinds = {k["kind"]: k["findings"] for k in b["by_kind"]}
    assert kinds.get("share") == 2 and kinds.get("subscribe") == 2
    # The app line closes every story but the hard one; in the two with a share bar it is
    # page chrome (reported under that kind), so it is template text in the other five.
    assert kinds.get("page-chrome") == 2
    assert b["templates"][0]["articles"] == 5
    assert "valley courier" in b["templates"][0]["line"].lower()
    assert b["templates"][1]["articles"] == 3  # the typo sentence, in three stories
    sources = {s["source"]: s for s in b["by_source"]}
    assert sources["news.example.org"]["documents"] == 2  # from the records' URLs
    assert sources["sport.example.net"]["documents"] == 1
    assert sources["desk"]["documents"] == 4  # text files: their folder
    assert sum(s["documents"] for s in b["by_source"]) == 8
    assert b["most_residue"][0]["findings"] >= 3


def test_dates_and_sections_from_fields_and_front_matter(audited):
    _, data, _, _ = audited
    months = {r["month"]: r["documents"] for r in data["over_time"]}
    # Two records with a date field, one dated only by its URL, and the front matter.
    assert months == {"2024-01": 1, "2024-02": 2, "2024-03": 1}
    sections = {r["section"]: r for r in data["sections"]}
    assert {k: v["documents"] for k, v in sections.items()} == {"politics": 2, "sport": 1, "travel": 1}
    assert sections["sport"]["spelling"] > 0  # the typo record


def test_worst_articles_keep_their_findings(audited, archive):
    _, data, html, _ = audited
    worst = data["worst"]
    scores = [w["score"] for w in worst]
    assert scores == sorted(scores, reverse=True)
    first = worst[0]
    check = _check_json(archive)
    mine = [d for d in check["diagnostics"] if d["path"] == first["path"] and d.get("record") == first["record"]]
    assert first["findings"] == len(mine)
    assert [(f["line"], f["rule"]) for f in first["shown"]] == sorted((d["line"], d["rule"]) for d in mine)
    assert 'href="#article-0"' in html and 'id="article-0"' in html
    assert f'{first["path"]}:{first["shown"][0]["line"]}:' in html


def test_compare_marks_better_and_worse(tmp_path, archive):
    _, before, _, _ = run_audit(tmp_path, archive, name="old")
    (archive / "desk" / "b.txt").write_text((archive / "desk" / "c.txt").read_text())  # residue removed
    (archive / "desk" / "c.txt").write_text("Ferry news\n\nThe ferry was recieved and teh crowd cheered.\n")
    code, after, html, _ = run_audit(tmp_path, archive, "--compare", tmp_path / "old.json")
    rows = {r["metric"]: r for r in after["compare"]}
    assert rows["boilerplate findings per article"]["verdict"] == "better"
    assert rows["boilerplate findings per article"]["old"] > rows["boilerplate findings per article"]["new"]
    assert rows["articles with boilerplate residue (share)"]["verdict"] == "better"
    assert rows["unknown words"]["old"] == before["spelling"]["unknown_words"]
    assert rows["spelling findings per article"]["verdict"] == "worse"
    assert 'data-verdict="better"' in html and 'data-verdict="worse"' in html


def test_bad_compare_file_is_one_clear_error(tmp_path, archive):
    (tmp_path / "old.json").write_text("{not json")
    code, _, _, err = run_audit(tmp_path, archive, "--compare", tmp_path / "old.json")
    assert code == 2
    assert "old.json: not an audit.json (invalid JSON at line 1" in err
    assert "Traceback" not in err


def test_unreadable_file_is_reported_and_the_rest_audited(tmp_path, archive):
    (archive / "broken.json").write_text('{"title": "x", ')
    code, data, html, err = run_audit(tmp_path, archive)
    assert code == 2
    assert data["totals"]["documents"] == 8
    assert data["errors"][0]["path"].endswith("broken.json")
    assert "invalid JSON" in data["errors"][0]["message"]
    assert "broken.json" in err and "broken.json" in html


def test_configuration_and_version_recorded(audited):
    import lint

    _, data, _, _ = audited
    assert data["run"]["edlint"] == lint.__version__
    assert data["run"]["config"]["select"] == ["all"]
    assert data["run"]["options"]["languagetool"] == "off"


def test_a_tally_stays_small_however_many_articles():
    t = Tally()
    for n in range(3000):
        findings = [Finding(f"typography.rule-{k % 7}", f"message {n} {k}", k, k + 1, "warning",
                            path=f"a{n}.txt", line=k + 1, column=1, text="x") for k in range(n % 90)]
        t.add_document(f"a{n}.txt", None, {"grade": n % 17, "reading_time_s": n % 400, "target_grade": 10},
                       findings, {"source": "s", "date": f"2020-{n % 12 + 1:02d}"})
    assert len(t.worst.items) <= 2 * TOP
    assert all(len(p["kept"]) <= FINDINGS_KEPT for _, _, p in t.worst.items)
    assert len(t.grades) <= 17 and len(t.reading) <= 400 and len(t.by_month) == 12
    s = t.summary()
    assert s["totals"]["documents"] == 3000
    assert s["totals"]["findings"] == sum(n % 90 for n in range(3000))
    assert s["worst"][0]["findings"] == 89


def test_merging_tallies_in_any_order_gives_the_same_summary(tmp_path, archive):
    from lint.audit.run import audit_batch, plan
    from lint.config import ConfigResolver

    resolver = ConfigResolver(None, {"languagetool": "off"})
    p = plan([str(archive)], resolver, batch_size=2)
    parts = [audit_batch(files, resolver)[0] for files in p.batches]
    forward, backward = Tally(), Tally()
    for t in parts:
        forward.merge(t)
    for t in reversed(parts):
        backward.merge(t)
    assert json.dumps(forward.summary(), sort_keys=True) == json.dumps(backward.summary(), sort_keys=True)
    assert forward.summary()["totals"]["documents"] == 8
