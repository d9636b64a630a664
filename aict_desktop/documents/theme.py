"""The one page theme every document shares: A4, margins, styles, tables, markup.

User text always goes through ``markup()`` before it reaches a Paragraph:
``<``, ``>`` and ``&`` print as themselves, line breaks become ``<br/>``,
and characters the face lacks (hanja in Myeongjo) are wrapped in the
fallback face. Korean wraps at spaces (no ``wordWrap='CJK'``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from aict_desktop.documents import fonts

PAGE = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.black
RULE = colors.Color(0.25, 0.25, 0.25)
HEADER_FILL = colors.Color(0.90, 0.92, 0.95)
DRAFT_INK = colors.Color(0.85, 0.2, 0.2, alpha=0.22)


def markup(text: str | None, face: str = fonts.SERIF) -> str:
    """Escape user text for a Paragraph, with per-character font fallback."""
    out = []
    for run_face, piece in fonts.runs(text or "", face):
        esc = escape(piece).replace("\n", "<br/>")
        if run_face != face:
            esc = f'<font face="{run_face}">{esc}</font>'
        out.append(esc)
    return "".join(out)


def _style(name: str, face: str, size: float, leading: float, align=TA_LEFT, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=face, fontSize=size, leading=leading, alignment=align, textColor=INK, **kw)


class Styles:
    """Paragraph styles (built after the fonts are registered)."""

    def __init__(self):
        fonts.register_all()
        self.title = _style("title", fonts.SANS_BOLD, 20, 28, TA_CENTER, spaceAfter=4 * mm)
        self.subtitle = _style("subtitle", fonts.SANS, 11, 16, TA_CENTER, spaceAfter=6 * mm)
        self.heading = _style("heading", fonts.SANS_BOLD, 12.5, 18, spaceBefore=5 * mm, spaceAfter=2 * mm)
        self.body = _style("body", fonts.SERIF, 11, 17.5)
        self.body_indent = _style("body_indent", fonts.SERIF, 11, 17.5, leftIndent=5 * mm, spaceAfter=1.5 * mm)
        self.center = _style("center", fonts.SERIF, 12, 18, TA_CENTER)
        self.right = _style("right", fonts.SERIF, 11, 16, TA_RIGHT)
        self.cell = _style("cell", fonts.SANS, 9.5, 13)
        self.cell_center = _style("cell_center", fonts.SANS, 9.5, 13, TA_CENTER)
        self.cell_right = _style("cell_right", fonts.SANS, 9.5, 13, TA_RIGHT)
        self.cell_small = _style("cell_small", fonts.SANS, 8.5, 12, TA_CENTER)
        self.cell_head = _style("cell_head", fonts.SANS_BOLD, 9.5, 13, TA_CENTER)
        self.label = _style("label", fonts.SANS_BOLD, 10, 14, TA_CENTER)
        self.small = _style("small", fonts.SANS, 8.5, 12)
        self.sender = _style("sender", fonts.SERIF_BOLD, 16, 22, TA_CENTER)


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of user text (escaped, with fallback)."""
    return Paragraph(markup(text, style.fontName), style)


def meta_line(pieces: Sequence[str], style: ParagraphStyle) -> Paragraph:
    """``일시: …   장소: …`` — pieces of user text kept apart by fixed spaces."""
    gap = "&nbsp;" * 4
    return Paragraph(gap.join(markup(p, style.fontName) for p in pieces if p), style)


def grid(data: Sequence[list[Any] | tuple[Any, ...]], widths: Sequence[float], *, header_rows: int = 1,
         extra: Sequence[tuple] = (), row_height: float | Sequence[float | None] | None = None) -> Table:
    """A ruled table whose header row(s) repeat on every page."""
    t = Table(list(data), colWidths=list(widths), repeatRows=header_rows, rowHeights=row_height)
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),  # plain-string cells too: never Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 1.0, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        cmds += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
                 ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1.0, INK)]
    cmds += list(extra)
    t.setStyle(TableStyle(cmds))
    return t


def head_row(labels: Sequence[str]) -> list[Paragraph]:
    st = styles()
    return [Paragraph(escape(label), st.cell_head) for label in labels]


def _footer(draft: bool) -> Callable:
    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.SANS, 8.5)
        canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
        canvas.drawCentredString(PAGE[0] / 2, 10 * mm, f"- {doc.page} -")
        if draft:
            draw_draft_mark(canvas)
        canvas.restoreState()

    return on_page


def draw_draft_mark(canvas) -> None:
    """A large diagonal 초안 across the page, and a boxed 초안 at the top right."""
    canvas.saveState()
    canvas.setFillColor(DRAFT_INK)
    canvas.setFont(fonts.SANS_BOLD, 130)
    canvas.translate(PAGE[0] / 2, PAGE[1] / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -40, "초안")
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(colors.Color(0.8, 0.1, 0.1))
    canvas.setFillColor(colors.Color(0.8, 0.1, 0.1))
    canvas.setLineWidth(1.2)
    x, y, w, h = PAGE[0] - MARGIN_RIGHT - 18 * mm, PAGE[1] - 14 * mm, 18 * mm, 7.5 * mm
    canvas.rect(x, y, w, h)
    canvas.setFont(fonts.SANS_BOLD, 11)
    canvas.drawCentredString(x + w / 2, y + 2.2 * mm, "초 안")
    canvas.restoreState()


def build(story: list, *, title: str, draft: bool = False) -> bytes:
    """Lay out ``story`` on A4 pages with the shared margins and footer."""
    fonts.register_all()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=PAGE, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author="AICT 사무국",
        creator="AICT Secretariat Desktop", pageCompression=1,
        initialFontName=fonts.SERIF,  # the canvas's first font: never a non-embedded Helvetica
    )
    footer = _footer(draft)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
