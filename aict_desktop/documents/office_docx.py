"""Shared helpers for the Word (DOCX) papers: a Korean A4 document python-docx does not give by default.

python-docx's blank template is US English (en-US), spaces Hangul from
digits (autoSpaceDE/DN), has no page numbers and says "python-docx" 2013 in
its properties. :func:`new_document` fixes all of that: ko-KR everywhere,
autoSpaceDE/DN off, 나눔명조/나눔고딕 with 바탕/맑은 고딕 as the alternative
Word and LibreOffice use on office PCs without Nanum, a centred "- PAGE -"
footer, and core properties (title, "AICT 사무국", created now).
:func:`table` makes a fixed-layout grid with real column widths, shaded label
cells and optional row heights.
"""

from __future__ import annotations

import datetime as dt
import re

AUTHOR = "AICT 사무국"
SERIF, SANS = "나눔명조", "나눔고딕"
# the Korean faces every Windows office PC has, used when Nanum is not installed
ALT = {SERIF: "바탕", SANS: "맑은 고딕"}
LABEL_FILL = "E9EDF2"
TEXT_WIDTH_MM = 170


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _set(parent, tag: str, **attrs):
    """The child ``tag`` of ``parent`` (created if missing) with ``w:``-attributes set."""
    el = parent.find(_w(tag))
    if el is None:
        from docx.oxml import OxmlElement

        el = OxmlElement(tag)
        parent.append(el)
    for k, v in attrs.items():
        el.set(_w(f"w:{k}"), v)
    return el


def font(run, size: float | None = None, bold: bool = False, face: str = SERIF) -> None:
    from docx.shared import Pt

    run.font.name = face
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(_w("w:eastAsia"), face)
    rfonts.set(_w("w:hAnsi"), face)
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def new_document(title: str, *, margins_mm: tuple[float, float, float, float] = (22, 20, 20, 20)):
    """An A4 Korean document: language, spacing, fonts, footer page numbers and properties set."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, right, bottom, left = margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    _defaults(doc)
    _font_table(doc)
    page_number_footer(section)
    props = doc.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title, props.author, props.last_modified_by = title, AUTHOR, AUTHOR
    props.created = props.modified = now
    for el in props._element.findall("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted"):
        props._element.remove(el)
    props.revision, props.language = 1, "ko-KR"
    props.comments = props.keywords = props.subject = ""
    return doc


def _defaults(doc) -> None:
    """ko-KR, 나눔명조 and no automatic Hangul/Latin/digit spacing in docDefaults and Normal."""
    styles = doc.styles.element
    defaults = styles.find(_w("w:docDefaults"))
    rpr = defaults.find(_w("w:rPrDefault")).find(_w("w:rPr"))
    for child in list(rpr.findall(_w("w:rFonts"))):
        rpr.remove(child)
    from docx.oxml import OxmlElement

    rfonts = OxmlElement("w:rFonts")
    for k in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(_w(f"w:{k}"), SERIF)
    rpr.insert(0, rfonts)
    _set(rpr, "w:lang", val="ko-KR", eastAsia="ko-KR", bidi="ar-SA")
    ppr = defaults.find(_w("w:pPrDefault")).find(_w("w:pPr"))
    no_autospace(ppr)
    _set(ppr, "w:spacing", after="60", line="300", lineRule="auto")
    normal = doc.styles["Normal"].element
    no_autospace(normal.get_or_add_pPr())
    settings = doc.settings.element
    _set(settings, "w:themeFontLang", val="ko-KR", eastAsia="ko-KR")


_AFTER_AUTOSPACE = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                    "w:pPrChange")


def no_autospace(ppr) -> None:
    """autoSpaceDE/DN off (no space added between Hangul and Latin or digits), in schema order."""
    from docx.oxml import OxmlElement

    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = ppr.find(_w(tag))
        if el is None:
            el = OxmlElement(tag)
            after = next((ppr.find(_w(t)) for t in _AFTER_AUTOSPACE if ppr.find(_w(t)) is not None), None)
            if after is not None:
                after.addprevious(el)
            else:
                ppr.append(el)
        el.set(_w("w:val"), "0")


_FONT_XML = ('<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="81"/>'
             '<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')


def _font_table(doc) -> None:
    """Declare Nanum with 바탕/맑은 고딕 as altName (Hangul charset) in fontTable.xml."""
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    xml = part.blob.decode("utf-8")
    entries = "".join(_FONT_XML.format(name=name, alt=alt, family="roman" if name == SERIF else "swiss")
                      for name, alt in ALT.items())
    entries += "".join(f'<w:font w:name="{alt}"><w:charset w:val="81"/><w:family w:val="'
                       f'{"roman" if name == SERIF else "swiss"}"/><w:pitch w:val="variable"/></w:font>'
                       for name, alt in ALT.items())
    xml = re.sub(r"</w:fonts>\s*$", entries + "</w:fonts>", xml)
    part._blob = xml.encode("utf-8")


def page_number_footer(section, size: float = 9) -> None:
    """A centred ``- N -`` page number (a PAGE field) in the section's footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run("- "), size)
    run = p.add_run()
    font(run, size)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("t", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = text
        elif kind == "t":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(_w("w:fldCharType"), kind)
        run._element.append(el)
    font(p.add_run(" -"), size)


def shade(cell, fill: str = LABEL_FILL) -> None:
    tcpr = cell._element.get_or_add_tcPr()
    _set(tcpr, "w:shd", val="clear", color="auto", fill=fill)


def table(doc, rows: list[list[str]], widths_mm: list[float], *, label_cols: tuple[int, ...] = (0,),
          size: float = 10, row_height_mm: float | None = None, center_cols: tuple[int, ...] = ()):
    """A fixed-layout grid with these column widths; label columns bold, shaded and centred."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    t = doc.add_table(rows=len(rows), cols=len(widths_mm))
    t.style = "Table Grid"
    t.autofit = False
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = t._tbl.tblPr
    _set(tblpr, "w:tblW", w=str(round(Mm(sum(widths_mm)).twips)), type="dxa")
    layout = _set(tblpr, "w:tblLayout", type="fixed")
    margins = _set(tblpr, "w:tblCellMar")
    layout.addnext(margins)  # schema order: tblLayout, tblCellMar, tblLook
    for side, twips in (("top", 45), ("left", 110), ("bottom", 45), ("right", 110)):
        _set(margins, f"w:{side}", w=str(twips), type="dxa")
    for col, gc in zip(widths_mm, t._tbl.tblGrid.findall(_w("w:gridCol"))):
        gc.set(_w("w:w"), str(round(Mm(col).twips)))
    for r, values in enumerate(rows):
        row = t.rows[r]
        if row_height_mm:
            row.height, row.height_rule = Mm(row_height_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = Mm(widths_mm[c])
            label = c in label_cols
            if label:
                shade(cell)  # before vAlign: tcPr keeps schema order (tcW, shd, vAlign)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            for i, line in enumerate(value.split("\n")):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.paragraph_format.space_after = Mm(0)
                if label or c in center_cols:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                font(p.add_run(line), size, bold=label, face=SANS if label else SERIF)
    return t


def save(doc) -> bytes:
    """The file, every paragraph carrying autoSpaceDE/DN off itself (LibreOffice ignores docDefaults)."""
    import io

    for part in [doc.part] + [s.footer.part for s in doc.sections]:
        for p in part.element.iter(_w("w:p")):
            no_autospace(p.get_or_add_pPr())
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
