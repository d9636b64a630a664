"""The 운영현황 보고서 preview on the 회의 page saves the same report as HWPX and as Excel: clicked, not called."""

from __future__ import annotations

import datetime as dt
import zipfile

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from aict_desktop.i18n import _
from aict_desktop.ui.preview import PreviewDialog
from tests.ui.test_gui_tax_budget import pick_combo
from tests.ui.user import answer_next_input


def test_preview_saves_hwpx_and_xlsx_of_the_chosen_body_and_year(main_window, demo_services, qtbot, tmp_path,
                                                                   monkeypatch):
    page = main_window.show_page("meetings")
    body = demo_services.bodies.find_body("서초AICT 운영위원회")
    pick_combo(qtbot, page.filters.combos["body"], body.id)
    for dlg in PreviewDialog.open_dialogs():
        dlg.close()
    year = dt.date.today().year
    answer_next_input(str(year), replace=True)
    qtbot.mouseClick(page.annual_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.documents.last_job is not None and page.documents.last_job.done, timeout=30_000)
    dlg = PreviewDialog.open_dialogs()[-1]
    assert dlg.filename == f"{year}년 운영현황 보고서.pdf"
    hwpx_button, xlsx_button = dlg.annual_buttons["hwpx"], dlg.annual_buttons["xlsx"]
    assert hwpx_button.text() == _("Save as {format}…").format(format="HWPX")
    # buttons added to a dialog already on screen show on a later turn of the event loop
    qtbot.waitUntil(lambda: hwpx_button.isVisible() and xlsx_button.isVisible(), timeout=5_000)
    assert (hwpx_button.geometry().top() == dlg.save_button.geometry().top()  # right after PDF로 저장, in its row
            and hwpx_button.geometry().left() > dlg.save_button.geometry().left()
            and xlsx_button.geometry().left() > hwpx_button.geometry().left()
            and dlg.close_button.geometry().left() > xlsx_button.geometry().left())
    dlg.resize(1366 - 16, 768 - 48)
    qtbot.wait(800)  # QPdfView draws its pages a moment later
    dlg.grab().save(str(tmp_path / "annual_preview.png"))

    asked = []
    for fmt, button in (("hwpx", hwpx_button), ("xlsx", xlsx_button)):
        target = tmp_path / f"운영현황.{fmt}"
        monkeypatch.setattr("aict_desktop.ui.documents.ask_save_path",
                            lambda _parent, suggested, *_a, t=target, **_k: asked.append(suggested) or str(t))
        before = page.documents.last_job
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda b=before: page.documents.last_job is not b and page.documents.last_job.done,
                        timeout=30_000)
        qtbot.waitUntil(target.exists, timeout=5_000)
    assert asked == [f"{year}년 운영현황 보고서.hwpx", f"{year}년 운영현황 보고서.xlsx"]
    section = zipfile.ZipFile(tmp_path / "운영현황.hwpx").read("Contents/section0.xml").decode("utf-8")
    assert f"{year}년 위원회 운영현황" in section and body.name in section
    assert "서초 AI 혁신 네트워크" not in section  # the chosen body's report, as the preview shows
    ws = load_workbook(tmp_path / "운영현황.xlsx")["총괄"]
    assert ws["B4"].value == body.name and ws.max_row == 4
    dlg.close()
