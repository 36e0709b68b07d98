"""Charts as hand-written SVG: a few kilobytes each, no dependency, no script, and
every mark carries its number (`data-value`) so a test can read the chart back."""
from __future__ import annotations

from html import escape

PALETTE = {"spelling": "#4e79a7", "boilerplate": "#e15759", "readability": "#f28e2b",
           "grammar": "#76b7b2", "style": "#59a14f", "typography": "#b07aa1"}
DEFAULT = "#4e79a7"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _num(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _opening(width: int, height: int, title: str) -> str:
    """A chart's <svg> tag and its title (what a screen reader and a tooltip show)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" {FONT}><title>{escape(title)}</title>')


def bar_chart(rows: list[tuple[str, float, str]], *, title: str, width: int = 640) -> str:
    """Horizontal bars: (label, value, colour) per row, longest first as given."""
    if not rows:
        return ""
    bar_h, gap, left = 18, 6, 210
    height = len(rows) * (bar_h + gap) + 10
    top = max(v for _, v, _ in rows) or 1
    span = width - left - 60
    out = [_opening(width, height, title)]
    for i, (name, value, colour) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        w = max(1.0, span * value / top) if value else 0
        out.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(name)}</text>'
                   f'<rect class="bar" x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}" '
                   f'data-label="{escape(name)}" data-value="{_num(value)}"><title>{escape(name)}: '
                   f'{_num(value)}</title></rect>'
                   f'<text x="{left + w + 4:.1f}" y="{y + 13}">{_num(value)}</text>')
    out.append("</svg>")
    return "".join(out)


def histogram(bins: list[dict], *, title: str, marker: float | None = None, marker_label: str = "",
              unit: str = "", width: int = 640, height: int = 220) -> str:
    """Vertical bars over [from, to) bins ({"from", "to", "documents"}), a dashed line at `marker`."""
    if not bins:
        return ""
    left, right, top_pad, bottom = 40, 10, 18, 34
    lo, hi = bins[0]["from"], bins[-1]["to"]
    if marker is not None:
        lo, hi = min(lo, marker), max(hi, marker)
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    peak = max(b["documents"] for b in bins) or 1

    def x(v):
        return left + plot_w * (v - lo) / ((hi - lo) or 1)

    out = [_opening(width, height, title),
           f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - right}" y2="{top_pad + plot_h}" stroke="#888"/>',
           f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end">{peak}</text>']
    step = max(1, len(bins) // 12)
    for i, b in enumerate(bins):
        x0, x1 = x(b["from"]), x(b["to"])
        h = plot_h * b["documents"] / peak
        out.append(f'<rect class="bin" x="{x0 + 1:.1f}" y="{top_pad + plot_h - h:.1f}" width="{max(1.0, x1 - x0 - 2):.1f}" '
                   f'height="{h:.1f}" fill="{DEFAULT}" data-from="{_num(b["from"])}" data-to="{_num(b["to"])}" '
                   f'data-value="{b["documents"]}"><title>{_num(b["from"])}–{_num(b["to"])}{unit}: '
                   f'{b["documents"]} articles</title></rect>')
        if i % step == 0:
            out.append(f'<text x="{x0:.1f}" y="{height - bottom + 16}" text-anchor="middle">{_num(b["from"])}</text>')
    if marker is not None:
        mx = x(marker)
        out.append(f'<line class="marker" x1="{mx:.1f}" y1="{top_pad - 6}" x2="{mx:.1f}" y2="{top_pad + plot_h}" '
                   f'stroke="#c00" stroke-width="2" stroke-dasharray="5 3" data-value="{_num(marker)}"/>'
                   f'<text x="{mx + 4:.1f}" y="{top_pad + 4}" fill="#c00">{escape(marker_label)}</text>')
    out.append(f'<text x="{width - right}" y="{height - 4}" text-anchor="end">{escape(unit.strip())}</text></svg>')
    return "".join(out)


def line_chart(xs: list[str], series: dict[str, list[float]], *, title: str, width: int = 640,
               height: int = 240) -> str:
    """One line per series over the categories `xs` (months, sections), with a legend."""
    if not xs or not series:
        return ""
    left, right, top_pad, bottom = 44, 120, 14, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    peak = max((v for vals in series.values() for v in vals), default=0) or 1

    def x(i):
        return left + (plot_w * i / (len(xs) - 1) if len(xs) > 1 else plot_w / 2)

    def y(v):
        return top_pad + plot_h - plot_h * v / peak

    out = [_opening(width, height, title),
           f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" stroke="#888"/>',
           f'<text x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{_num(round(peak, 2))}</text>']
    step = max(1, len(xs) // 8)
    for i, name in enumerate(xs):
        if i % step == 0:
            out.append(f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle">{escape(name)}</text>')
    for n, (name, vals) in enumerate(series.items()):
        colour = PALETTE.get(name, DEFAULT)
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vals))
        out.append(f'<polyline class="series" fill="none" stroke="{colour}" stroke-width="2" points="{points}" '
                   f'data-label="{escape(name)}" data-values="{" ".join(_num(v) for v in vals)}"/>')
        for i, v in enumerate(vals):
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}">'
                       f'<title>{escape(name)} {escape(xs[i])}: {_num(v)}</title></circle>')
        ly = top_pad + 14 * n + 6
        out.append(f'<rect x="{left + plot_w + 12}" y="{ly - 8}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{left + plot_w + 26}" y="{ly + 1}">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)
