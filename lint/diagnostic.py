"""Compatibility: the old name of lint.finding (third-party rule types import it from here)."""
from .finding import CATEGORIES, SEVERITIES, SEVERITY_RANK, Finding, Fix, TextEdit  # noqa: F401

Diagnostic = Finding  # the old name of Finding, kept for rule types written against it
