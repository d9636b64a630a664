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


def answer_next_box(seen: list[str], button: str) -> None:
    """Read the next message box and press the button labelled ``button`` (as a user clicks it)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        (chosen,) = [b for b in box.buttons() if b.text() == button]
        QTest.mouseClick(chosen, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_issue_button_warns_of_a_body_without_a_seal(main_window, demo_services, qtbot):
    from PySide6.QtCore import Qt

    page = open_page(main_window, demo_services)
    body_id = page.body.currentData()
    demo_services.bodies.update_body(body_id, {"seal_png": None})
    page.pending_view.clearSelection()
    page.pending_view.selectRow(0)
    seen: list[str] = []
    answer_next_box(seen, "취소")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert "직인" in seen[-1] and ("손으로" in seen[-1] or "by hand" in seen[-1])
    assert demo_services.certificates.list(body_id) == []  # cancelled: nothing issued
    answer_next_box(seen, "발급")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job is not None and page.job.done, timeout=20_000)
    assert len(demo_services.certificates.list(body_id)) == 1
    dlg = PreviewDialog.open_dialogs()[-1]
    reader = PdfReader(io.BytesIO(dlg.data))
    assert not reader.pages[0]["/Resources"].get("/XObject")  # no sample seal printed
    dlg.close()


def test_preview_button_shows_a_marked_page_without_serial(main_window, demo_services, qtbot):
    from PySide6.QtCore import Qt

    page = open_page(main_window, demo_services)
    body_id = page.body.currentData()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job is not None and page.job.done, timeout=20_000)
    dlg = PreviewDialog.open_dialogs()[-1]
    text = PdfReader(io.BytesIO(dlg.data)).pages[0].extract_text()
    assert "미리보기 — 발급되지 않음" in text and "-    호" in text
    assert demo_services.certificates.list(body_id) == []
    dlg.close()


def test_preview_window_fits_a_laptop_screen(qtbot, demo_services, monkeypatch):
    from PySide6.QtCore import QRect

    body = demo_services.bodies.list_bodies()[0]
    pdf = demo_services.exports.roster_pdf(body.id)
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel task bar
    monkeypatch.setattr(PreviewDialog, "_available", staticmethod(lambda _parent: laptop))
    dlg = PreviewDialog.show_pdf(pdf, "명단", "명단.pdf")
    qtbot.waitExposed(dlg)
    frame = dlg.frameGeometry()
    assert frame.height() <= laptop.height() and frame.width() <= laptop.width()
    assert laptop.contains(dlg.geometry())
    for button in (dlg.print_button, dlg.save_button, dlg.close_button):
        assert button.isVisible()
        corner = button.mapTo(dlg, button.rect().bottomRight())
        assert dlg.rect().contains(corner)  # inside the window, so on the screen
    dlg.close()


def test_settings_show_which_seal_prints_and_set_the_serial_prefix(main_window, demo_services, qtbot):
    from PySide6.QtCore import Qt

    from aict_desktop.documents.certificate import sample_seal_png
    from aict_desktop.domain.rules import rules_of
    from tests.ui.user import type_text

    page = main_window.show_page("settings")
    body_id = page.body_form.fields["body_id"].currentData()
    demo_services.bodies.update_body(body_id, {"seal_png": sample_seal_png()})
    page.load_body()
    assert "견본" in page.seal_state.text()
    qtbot.mouseClick(page.clear_seal_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_body_button, Qt.MouseButton.LeftButton)
    assert demo_services.bodies.get_body(body_id).seal_png is None  # removed: nothing, not the sample
    assert page.seal_preview.text() == "(없음)"
    assert "직인" in page.seal_state.text() and ("손으로" in page.seal_state.text() or "by hand" in page.seal_state.text())
    assert not page.clear_seal_button.isEnabled()
    qtbot.mouseClick(page.sample_seal_button, Qt.MouseButton.LeftButton)
    assert "견본" in page.seal_state.text()
    prefix = page.rules_form.fields["certificate_serial_prefix"]
    assert prefix.toolTip()  # the rule's source, as every rule has
    prefix.setFocus()
    type_text(prefix, "운영위")
    qtbot.mouseClick(page.save_body_button, Qt.MouseButton.LeftButton)
    body = demo_services.bodies.get_body(body_id)
    assert body.seal_png == sample_seal_png() and rules_of(body).certificate_serial_prefix == "운영위"
    pending = [r.id for r in demo_services.certificates.pending(body_id)]
    if pending:
        result = demo_services.certificates.issue(body_id, pending[:1])
        assert result.certificates[0].serial.startswith("운영위 제")
    # a prefix the rule refuses shows beside the field and saves nothing
    prefix.clear()
    type_text(prefix, "운영위원회 사무국 발급번호")
    qtbot.mouseClick(page.save_body_button, Qt.MouseButton.LeftButton)
    assert page.rules_form.errors["certificate_serial_prefix"].text()
    assert rules_of(demo_services.bodies.get_body(body_id)).certificate_serial_prefix == "운영위"


def test_saving_the_issued_pdf_onto_a_full_disk_leaves_no_partial_file(main_window, demo_services, qtbot, tmp_path):
    from aict_desktop.ui import feedback
    from tests.robustness.test_full_disk import tiny_disk

    page = open_page(main_window, demo_services)
    page.issue(confirmed=True)
    qtbot.waitUntil(lambda: page.job.done, timeout=20_000)
    dlg = PreviewDialog.open_dialogs()[-1]
    assert len(dlg.data) > 16_000
    with tiny_disk(tmp_path / "disk", size="16k") as disk:
        assert dlg.save_pdf(str(disk / "위촉장.pdf")) is None
        assert "위촉장.pdf" in feedback.shown[-1]
        assert list(disk.iterdir()) == []  # neither a truncated PDF nor its .tmp
    saved = dlg.save_pdf(str(tmp_path / "위촉장.pdf"))  # the PDF is still in the window: save it elsewhere
    assert PdfReader(saved).pages
    dlg.close()
