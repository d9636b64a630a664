"""Printing puts the page on the paper at 100 %, centred, at the printer's resolution (a 위촉장 on pre-printed
paper): printed to a PDF printer with its default margins and read back."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def _mul(a, b):
    """The PDF matrix product a × b of [a b c d e f] matrices."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def image_boxes(path) -> list[tuple[float, float, float, float]]:
    """(x0, y0, x1, y1) in points of every image drawn on the first page."""
    reader = PdfReader(path)
    page = reader.pages[0]
    ctm, stack, boxes = [1, 0, 0, 1, 0, 0], [], []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"Do":
            xs = [ctm[4], ctm[0] + ctm[4], ctm[2] + ctm[4], ctm[0] + ctm[2] + ctm[4]]
            ys = [ctm[5], ctm[1] + ctm[5], ctm[3] + ctm[5], ctm[1] + ctm[3] + ctm[5]]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def test_a4_page_fills_the_a4_paper_at_full_size(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from aict_desktop.ui.preview import PreviewDialog

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawString(100, 700, "위촉장")
    c.showPage()
    c.save()
    dlg = PreviewDialog(buf.getvalue(), "위촉장", "위촉장.pdf")
    qtbot.addWidget(dlg)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the default margins a driver would give
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dlg.print_to(printer) == 1
    page = PdfReader(out).pages[0]
    assert abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1
    (x0, y0, x1, y1), = image_boxes(out)
    assert abs((x1 - x0) - A4[0]) < 1 and abs((y1 - y0) - A4[1]) < 1  # 100 %: not shrunk into the margins
    assert abs(x0) < 1 and abs(y0) < 1  # centred on the sheet, not pushed to a corner
