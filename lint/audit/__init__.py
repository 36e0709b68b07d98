"""The archive audit (`edlint audit`): one engine run per batch of files, each
batch's results folded into a small mergeable `Tally` (aggregate.py), the tallies
merged into plain numbers (audit.json) and drawn as one self-contained HTML page.

metadata.py   dates, sections and sources of documents (JSON fields, front matter, URL)
aggregate.py  per-document results -> a Tally; Tally.merge; Tally.summary() -> audit.json
compare.py    what got better or worse against an older audit.json
svg.py        the charts, hand-written SVG (small, no dependency, testable)
html.py       the page
run.py        batches over the local engine
dask_engine.py the same batches as tasks on a Dask cluster
"""
