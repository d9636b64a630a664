"""A new 주무관's first day, by clicks and keys at 1366×768 on an empty data folder: create a body, import
the 31 institutions (CP949 CSV), import the people, appoint them — asserting what the window shows.
Screenshots of each step go to /tmp/aict_journey (look at them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from tests.ui.test_gui_trust import click_nav, click_row
from tests.ui.user import type_text

SHOTS = Path("/tmp/aict_journey")
SECTORS = ["대학", "연구기관", "대기업", "중소기업", "스타트업", "공공기관"]


def shot(window, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    window.grab().save(str(SHOTS / f"{name}.png"))


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(widget, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


def drive_wizard(qtbot, path: Path, body: str | None, done: list) -> None:
    """When the import wizard is up: choose the body, type the file's path, Tab, then click 가져오기.

    (Tab, not Enter: Enter in the path field presses the dialog's first button, 파일 선택…, and opens a file
    dialog — reported to the wizard's owner.)"""
    from aict_desktop.ui.dialogs.import_wizard import ImportWizard

    def start():
        wiz = QApplication.activeModalWidget()
        if not isinstance(wiz, ImportWizard):
            QTimer.singleShot(20, start)
            return
        if body is not None:
            combo = wiz.body
            combo.setFocus()
            combo.setCurrentIndex(combo.findText(body, Qt.MatchFlag.MatchContains))
        type_into(wiz.path, str(path))
        QTest.keyClick(wiz.path, Qt.Key.Key_Tab)
        if not wiz.import_button.isEnabled():  # offscreen, the dialog may not be the active window: no focus-out
            click(wiz.check_button)
        QTimer.singleShot(0, lambda: import_when_ready(wiz))

    def import_when_ready(wiz):
        if not wiz.import_button.isEnabled():
            QTimer.singleShot(20, lambda: import_when_ready(wiz))
            return
        done.append(wiz.summary.text())
        wiz.grab().save(str(SHOTS / f"wizard_{path.stem}.png"))
        click(wiz.import_button)

    QTimer.singleShot(0, start)


def test_first_day_by_clicks_and_keys(qtbot, services, tmp_path):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(), services)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    assert win.current_page() is win.pages["dashboard"]
    assert win.pages["dashboard"].tile_labels["bodies"].text() == "0"
    shot(win, "01_dashboard_empty")

    # 1. a body: 기구 → 새로 만들기 → name, appointing authority → 저장
    click_nav(win, "bodies")
    bodies = win.current_page()
    click(bodies.new_button)
    type_into(bodies.form.fields["name"], "서초구 AI 혁신 협의체")
    type_into(bodies.form.fields["issuer"], "서울특별시 서초구청장")
    click(bodies.save_button)
    assert [r.name for r in bodies.model.rows()] == ["서초구 AI 혁신 협의체"]
    assert bodies.form.error_text() == "저장했습니다." or "저장" in bodies.form.error_text()
    shot(win, "02_body_saved")

    # 2. the 31 institutions from a CP949 CSV (as Excel on Korean Windows writes it)
    institutions = [(f"서초{n:02d}기관", SECTORS[n % len(SECTORS)]) for n in range(1, 32)]
    inst_file = tmp_path / "기관목록.csv"
    inst_file.write_bytes(("기관명,구분\r\n" + "".join(f"{a},{b}\r\n" for a, b in institutions)).encode("cp949"))
    click_nav(win, "institutions")
    insts = win.current_page()
    seen: list[str] = []
    drive_wizard(qtbot, inst_file, "서초구 AI 혁신 협의체", seen)
    click(insts.import_button)
    assert seen, "the wizard never offered to import"
    assert insts.model.rowCount() == 31
    assert "31" in insts.count_label.text()
    assert insts.table.columnWidth(0) >= insts.table.fontMetrics().horizontalAdvance("서초01기관")  # not 서초…
    shot(win, "03_institutions_imported")

    # 3. the people (CP949 too), with their institutions
    people = [(f"{family}{given}", "남" if n % 2 else "여", institutions[n][0])
              for n, (family, given) in enumerate(zip("김이박최정강조윤", ["민준", "서연", "도윤", "하은", "시우",
                                                                      "지우", "주원", "서윤"]))]
    people_file = tmp_path / "위원명단.csv"
    people_file.write_bytes(("성명,성별,소속기관\r\n" + "".join(f"{a},{b},{c}\r\n" for a, b, c in people))
                            .encode("cp949"))
    click_nav(win, "people")
    page = win.current_page()
    tab = page.people
    seen.clear()
    drive_wizard(qtbot, people_file, None, seen)
    click(tab.import_button)
    assert tab.model.rowCount() == len(people)
    shot(win, "04_people_imported")

    # 4. select everyone (click, then Ctrl+A in the table) and 위촉…
    click_row(tab.table, 0)
    QTest.keyClick(tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.selected_rows()) == len(people)
    from aict_desktop.ui.dialogs.appoint import AppointDialog

    appointed: list[str] = []

    def appoint():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, AppointDialog):
            QTimer.singleShot(20, appoint)
            return
        combo: QComboBox = dlg.form.fields["body_id"]
        combo.setCurrentIndex(combo.findText("서초구 AI 혁신 협의체", Qt.MatchFlag.MatchContains))
        appointed.append(dlg.term_hint.text())
        dlg.grab().save(str(SHOTS / "05_appoint_dialog.png"))
        click(dlg.buttons.button(dlg.buttons.StandardButton.Ok))

    QTimer.singleShot(0, appoint)
    click(tab.appoint_button)
    assert appointed and "24" in appointed[0]  # the body's default term, proposed
    serving = services.appointments.list(current_only=True)
    assert len(serving) == len(people)

    bar = page.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.current() is page.appointments
    shown = {r.person for r in page.appointments.model.rows()}
    assert shown == {name for name, _g, _i in people}
    shot(win, "06_appointments")
    click_nav(win, "dashboard")
    assert win.pages["dashboard"].tile_labels["members"].text() == str(len(people))
    assert win.pages["dashboard"].tile_labels["institutions"].text() == "31"
    shot(win, "07_dashboard_after")
    for child in win.findChildren(QLineEdit):
        assert child.window() is win or not child.isVisible()
