"""운영현황 보고서 from the 회의 page: the PDF in the preview, with 한글(HWPX) and Excel beside PDF로 저장.

The same year and body as the PDF shown; each file is made in the background
(``services.annual.export``) and written where the user chooses, as the page's
other documents are (``ui.documents.DocumentActions.save_file``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error
from aict_desktop.ui.worker import run_in_background

FORMATS = (("hwpx", "HWPX"), ("xlsx", "Excel"))


def report_name(year: int) -> str:
    return f"{year}년 운영현황 보고서"


def preview_annual(page, year: int, body_id: int | None) -> None:
    """Make the PDF off the GUI thread, show it, and add the HWPX and Excel save buttons to the preview."""
    annual, docs, name = page.services.annual, page.documents, report_name(year)

    def shown(data: bytes) -> None:
        from aict_desktop.ui.preview import PreviewDialog

        dlg = PreviewDialog.show_pdf(data, name, f"{name}.pdf", page)
        if dlg is not None:
            add_save_buttons(dlg, page, year, body_id)

    docs.last_job = run_in_background(page, lambda: annual.export(year, body_id, "pdf"), on_success=shown,
                                      on_failure=lambda e: show_error(page, e),
                                      label=_("Preparing {title}…").format(title=name))


def _row_of(dlg, widget: QWidget) -> QBoxLayout | None:
    """The button row of the preview (the layout holding its PDF save button)."""
    top = dlg.layout()
    for i in range(top.count()):
        lay = top.itemAt(i).layout()
        if isinstance(lay, QBoxLayout) and lay.indexOf(widget) >= 0:
            return lay
    return None


def add_save_buttons(dlg, page, year: int, body_id: int | None) -> dict[str, QPushButton]:
    """``HWPX로 저장…`` and ``Excel로 저장…`` after ``PDF로 저장…``; kept on the dialog as ``annual_buttons``."""
    annual, docs, name = page.services.annual, page.documents, report_name(year)
    row = _row_of(dlg, dlg.save_button)
    buttons: dict[str, QPushButton] = {}
    for k, (fmt, label) in enumerate(FORMATS, start=1):
        b = QPushButton(_("Save as {format}…").format(format=label), objectName=f"annual_{fmt}")
        b.setToolTip(_("Save this report as a {format} file, to edit or to hand on").format(format=label))
        b.clicked.connect(lambda _c=False, f=fmt: docs.save_file(lambda: annual.export(year, body_id, f),
                                                                f"{name}.{f}"))
        if row is not None:
            row.insertWidget(row.indexOf(dlg.save_button) + k, b)
        buttons[fmt] = b
    dlg.annual_buttons = buttons
    return buttons
