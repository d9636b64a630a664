"""Shared helpers for the 한글 (HWPX) papers: explicit styles, tables sized in mm, real metadata.

python-hwpx's ``add_paragraph`` inherits the previous paragraph's style unless
told otherwise, and its blank template carries a fixture author and an empty
preview. Every paragraph written through :class:`HwpxWriter` gets its own
character and paragraph style (regular body unless asked), tables get column
widths in mm, shaded label cells and row heights, and :meth:`HwpxWriter.finish`
writes the title, "AICT 사무국" as author and lastsaveby, today's dates, a
PrvText of the document's text and a PrvImage thumbnail of it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hwpx.oxml import HwpxOxmlParagraph

AUTHOR = "AICT 사무국"
HWPUNIT_PER_MM = 7200 / 25.4
PAGE_W, MARGIN = 210, 20
TEXT_WIDTH_MM = PAGE_W - 2 * MARGIN
LABEL_FILL = "#E9EDF2"
BODY_PT = 11


def hu(mm: float) -> int:
    """Millimetres in HWPUNIT (1/7200 inch)."""
    return round(mm * HWPUNIT_PER_MM)


class HwpxWriter:
    """One HWPX document built paragraph by paragraph with explicit styles."""

    def __init__(self) -> None:
        from hwpx import HwpxDocument

        self.doc = HwpxDocument.new()
        self.doc.page.setup(paper_size="A4", orientation="PORTRAIT", margin_left_mm=MARGIN,
                                margin_right_mm=MARGIN, margin_top_mm=22, margin_bottom_mm=20)
        run = self.doc.styles.ensure_run
        self.char = {
            "body": run(bold=False, size=BODY_PT, color="#000000"),
            "bold": run(bold=True, size=BODY_PT, color="#000000"),
            "heading": run(bold=True, size=12, color="#000000"),
            "title": run(bold=True, size=20, color="#000000"),
            "draft": run(bold=True, size=BODY_PT, color="#C02020"),
            "cell": run(bold=False, size=10, color="#000000"),
            "label": run(bold=True, size=10, color="#000000"),
        }
        self._formats: dict[tuple, list] = {}  # (align, indent, before, keep) -> paragraphs
        self._text: list[str] = []

    # -- paragraphs --------------------------------------------------------
    def para(self, text: str = "", style: str = "body", *, align: str = "JUSTIFY", indent_mm: float = 0,
             before_pt: float = 0, keep_with_next: bool = False) -> HwpxOxmlParagraph:
        p = self.doc.add_paragraph(text, char_pr_id_ref=self.char[style], inherit_style=False)
        self._formats.setdefault((align, indent_mm, before_pt, keep_with_next), []).append(p)
        self._text.append(text)
        return p

    def lines(self, text: str, style: str = "body", **kw) -> None:
        for line in text.splitlines() or [""]:
            self.para(line, style, **kw)

    # -- tables ------------------------------------------------------------
    def table(self, rows: list[list[str]], widths_mm: list[float], *, label_cols: tuple[int, ...] = (0,),
              row_height_mm: float | None = None, center_cols: tuple[int, ...] = ()):
        """A grid: label columns shaded and bold; a cell's lines become paragraphs."""
        t = self.doc.add_table(rows=len(rows), cols=len(widths_mm), width=hu(sum(widths_mm)), inherit_style=False)
        t.set_column_widths(widths_mm)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                t.set_cell_text(r, c, value, split_paragraphs=True)
                cell = t.cell(r, c)
                cell.set_size(width=hu(widths_mm[c]), height=hu(row_height_mm) if row_height_mm else None)
                style = "label" if c in label_cols else "cell"
                align = "CENTER" if c in label_cols or c in center_cols else "LEFT"
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.element.set("charPrIDRef", str(self.char[style]))
                    self._formats.setdefault((align, 0, 0, False), []).append(p)
                if c in label_cols:
                    t.set_cell_shading(r, c, LABEL_FILL)
            self._text.append("\t".join(v.replace("\n", " ") for v in row))
        return t

    # -- the file ----------------------------------------------------------
    def finish(self, title: str, *, page_numbers: bool = True) -> bytes:
        for (align, indent, before, keep), paras in self._formats.items():
            self.doc.styles.apply_paragraph_format(
                paragraphs=paras, alignment=align, indent_left_mm=indent or None,
                spacing_before_pt=before or None, keep_with_next=keep or None)
        if page_numbers:
            self.doc.page.set_page_number(format="page", prefix="- ", suffix=" -")
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.doc.package.set_document_metadata(title=title, creator=AUTHOR, created_date=now, modified_date=now)
        preview = "\r\n".join(self._text)
        return _repack(self.doc.to_bytes(), title, preview)


def _repack(raw: bytes, title: str, preview: str) -> bytes:
    """Rewrite lastsaveby/date the library leaves alone, PrvText and PrvImage (mimetype first, stored)."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "Contents/content.hpf":
                data = _metadata(data.decode("utf-8"), title).encode("utf-8")
            elif info.filename == "Preview/PrvText.txt":
                data = preview[:1024].encode("utf-8")
            elif info.filename == "Preview/PrvImage.png":
                data = preview_png(title, preview) or data
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=info.date_time), data, compress_type=method)
    return out.getvalue()


def _metadata(xml: str, title: str) -> str:
    from xml.sax.saxutils import escape

    today = dt.date.today()
    xml = re.sub(r'(<opf:meta name="lastsaveby" content="text")(?:/>|>[^<]*</opf:meta>)',
                 rf"\1>{escape(AUTHOR)}</opf:meta>", xml)
    xml = re.sub(r'(<opf:meta name="date" content="text")(?:/>|>[^<]*</opf:meta>)',
                 rf"\1>{today.year}년 {today.month}월 {today.day}일</opf:meta>", xml)
    return xml


def preview_png(title: str, text: str, scale: float = 1.0) -> bytes | None:
    """A page thumbnail (the title and the first lines, wrapped to the page) for file browsers; None without
    Pillow. ``scale`` 1 is the 210×297 px PrvImage; a larger one shows the same layout bigger."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with ReportLab
        return None
    from aict_desktop.documents import fonts

    w, h, margin = round(210 * scale), round(297 * scale), round(16 * scale)
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    size = 14 * scale
    big = ImageFont.truetype(str(fonts.font_path(fonts.SANS_BOLD)), round(size))
    while draw.textlength(title, font=big) > w - 2 * margin and size > 7 * scale:  # a long title fits the width
        size -= scale
        big = ImageFont.truetype(str(fonts.font_path(fonts.SANS_BOLD)), round(size))
    small = ImageFont.truetype(str(fonts.font_path(fonts.SANS)), round(7 * scale))
    tw = draw.textlength(title, font=big)
    draw.text(((w - tw) / 2, 18 * scale), title, fill="black", font=big)
    y, step = 44 * scale, 10 * scale
    for line in text.splitlines()[1:]:
        for piece in _wrap(line.replace("\t", "  "), lambda t: draw.textlength(t, font=small), w - 2 * margin):
            if y > h - 16 * scale:
                break
            draw.text((margin, y), piece, fill="#333333", font=small)
            y += step
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _wrap(line: str, width_of, width: float) -> list[str]:
    """The line cut into pieces no wider than ``width`` (at a space where there is one)."""
    pieces, rest = [], line
    while rest and width_of(rest) > width:
        cut = len(rest)
        while cut > 1 and width_of(rest[:cut]) > width:
            cut -= 1
        space = rest.rfind(" ", 0, cut)
        cut = space if space > cut // 2 else cut
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return pieces + ([rest] if rest or not pieces else [])
