"""Certificates page: preview in the program, issue (serials in the register), reprint, void."""

from __future__ import annotations

import io

from pypdf import PdfReader

from aict_desktop.ui.preview import PreviewDialog
from tests.ui.user import answer_next_input


def open_page(main_window, demo_services):
    page = main_window.show_page("certificates")
    for i in range(page.body.count()):
        if demo_services.certificates.pending(page.body.itemData(i)):
            page.body.setCurrentIndex(i)
            break
    return page


def test_issue_from_the_page_writes_the_register(main_window, demo_services, qtbot):
    page = open_page(main_window, demo_services)
    waiting = page.pending.rowCount()
    assert waiting > 0 and len(page.chosen_ids()) == waiting  # all chosen by default
    page.pending_view.clearSelection()
    page.pending_view.selectRow(0)
    ids = page.chosen_ids()
    assert len(ids) == 1
    page.issue(confirmed=True)
    qtbot.waitUntil(lambda: page.job.done, timeout=20_000)
    assert page.pending.rowCount() == waiting - 1
    rows = page.register.all_rows()
    assert len(rows) == 1 and rows[0].serial.startswith("제") and rows[0].appointment_id == ids[0]
    dialogs = PreviewDialog.open_dialogs()
    assert dialogs and dialogs[-1].document.pageCount() == 1
    dialogs[-1].close()


def test_preview_records_nothing_then_reprint_and_void(main_window, demo_services, qtbot, tmp_path):
    page = open_page(main_window, demo_services)
    body_id = page.body.currentData()
    page.preview()
    qtbot.waitUntil(lambda: page.job.done, timeout=20_000)
    assert demo_services.certificates.list(body_id) == []
    dlg = PreviewDialog.open_dialogs()[-1]
    saved = dlg.save_pdf(str(tmp_path / "미리보기.pdf"))
    text = PdfReader(saved).pages[0].extract_text()
    assert "위" in text and "촉" in text
    dlg.close()

    demo_services.certificates.issue(body_id)
    page.refresh_lists()
    page.register_view.selectRow(0)
    serial = page.selected_certificate().serial
    page.reprint()
    qtbot.waitUntil(lambda: page.job.done, timeout=20_000)
    assert page.register.row(0).prints == 2
    page.register_view.selectRow(0)
    from aict_desktop.ui import feedback

    assert not page.void("")  # a reason is required
    assert "사유" in feedback.shown[-1]
    assert page.void("오기로 재발급 필요")
    row = next(r for r in page.register.all_rows() if r.serial == serial)
    assert row.status == "폐기" and row.void_reason == "오기로 재발급 필요"


def test_print_renders_every_page(qtbot, demo_services, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    body = demo_services.bodies.list_bodies()[0]
    pdf = demo_services.exports.roster_pdf(body.id)
    dlg = PreviewDialog(pdf, "명단", "명단.pdf")
    qtbot.addWidget(dlg)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = dlg.print_to(printer)
    assert pages == dlg.document.pageCount() == len(PdfReader(io.BytesIO(pdf)).pages)
    assert len(PdfReader(out).pages) == pages


def test_not_a_pdf_is_refused_with_a_message(qtbot):
    import pytest

    from aict_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        PreviewDialog(b"not a pdf", "x", "x.pdf")


def test_void_button_asks_for_the_reason_and_can_be_cancelled(main_window, demo_services, qtbot):
    from PySide6.QtCore import Qt

    page = open_page(main_window, demo_services)
    body_id = page.body.currentData()
    demo_services.certificates.issue(body_id)
    page.refresh_lists()
    page.register_view.selectRow(0)
    serial = page.selected_certificate().serial
    answer_next_input(None)  # 취소: nothing happens
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    assert next(r for r in page.register.all_rows() if r.serial == serial).status == "유효"
    page.register_view.selectRow(0)
    answer_next_input("오기로 재발급 필요")
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    row = next(r for r in page.register.all_rows() if r.serial == serial)
    assert row.status == "폐기" and row.void_reason == "오기로 재발급 필요"  # never "False"
