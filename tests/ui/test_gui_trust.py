"""Issue 15: the program does what a click says — typed changes are never dropped silently, the window
fits a 1366×768 laptop, columns fit real rows, Tab leaves tables, an unexpected error is shown and logged,
a read-only data file opens read-only, dates can be typed. Driven by clicks and keys on real widgets."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea

from tests.ui.user import type_text

ANSWERS = {"save": "save_changes", "discard": "discard_changes", "cancel": "cancel_changes"}


def answer_next_message(button: str, seen: list | None = None) -> None:
    """Click the button named ``button`` on the next message box (as the user does)."""

    def answer():
        box = QApplication.activeModalWidget()
        target = box.findChild(QPushButton, button) if isinstance(box, QMessageBox) else None
        if target is None:
            QTimer.singleShot(20, answer)
            return
        if seen is not None:
            seen.append(box.text())
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def click_row(view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def click_nav(window, key: str) -> None:
    from aict_desktop.ui.main_window import PAGES

    item = window.nav.item(next(i for i, s in enumerate(PAGES) if s.key == key))
    QTest.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center())


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_End)
    type_text(widget, text)


# --- 1. typed changes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_clicking_another_row_asks_about_typed_changes(main_window, demo_services, qtbot, answer):
    page = main_window.show_page("institutions")
    click_row(page.table, 0)
    first = page._current
    before = demo_services.roster.get_institution(first.id).note
    type_into(qtbot, page.form.fields["note"], " 고침")
    assert page.has_unsaved_changes()
    seen: list[str] = []
    answer_next_message(ANSWERS[answer], seen)
    second_id = page.model.row(1).id
    click_row(page.table, 1)
    qtbot.waitUntil(lambda: bool(seen) and not page._asking, timeout=5000)
    assert first.name in seen[0]  # the question names the record
    saved = demo_services.roster.get_institution(first.id).note
    if answer == "cancel":
        assert page._current.id == first.id and page.form.fields["note"].toPlainText().endswith(" 고침")
        assert [r.id for r in page.selected_rows()] == [first.id]  # the row stays selected
        assert saved == before
    else:
        assert page._current.id == second_id and [r.id for r in page.selected_rows()] == [second_id]
        assert not page.has_unsaved_changes()
        assert saved == ((before or "") + " 고침" if answer == "save" else before)


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_going_to_another_page_asks_about_typed_changes(main_window, demo_services, qtbot, answer):
    page = main_window.show_page("bodies")
    click_row(page.table, 0)
    body = page._current
    type_into(qtbot, page.form.fields["contact"], "02-111-2222")
    answer_next_message(ANSWERS[answer])
    click_nav(main_window, "tasks")
    saved = demo_services.bodies.get_body(body.id).contact
    if answer == "cancel":
        assert main_window.current_page() is page and main_window.nav.currentRow() == 1
        assert page.form.fields["contact"].text().endswith("02-111-2222")
        assert saved == body.contact
    else:
        assert main_window.current_page() is main_window.pages["tasks"]
        assert saved == (body.contact + "02-111-2222" if answer == "save" else body.contact)


def test_a_new_record_typed_and_left_is_asked_about(main_window, demo_services, qtbot):
    page = main_window.show_page("institutions")
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.fields["name"], "새로운기관")
    answer_next_message(ANSWERS["save"])
    click_nav(main_window, "dashboard")
    assert "새로운기관" in [i.name for i in demo_services.roster.list_institutions()]


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_quitting_asks_about_typed_changes(main_window, demo_services, qtbot, answer):
    page = main_window.show_page("institutions")
    click_row(page.table, 0)
    inst = page._current
    type_into(qtbot, page.form.fields["address"], " 2층")
    answer_next_message(ANSWERS[answer])
    main_window.registry["quit"].trigger()  # 파일 → 끝내기
    saved = demo_services.roster.get_institution(inst.id).address
    assert main_window.isVisible() == (answer == "cancel")
    assert saved == ((inst.address + " 2층").strip() if answer == "save" else inst.address)


def test_switching_tabs_asks_and_cancel_stays(main_window, demo_services, qtbot):
    page = main_window.show_page("people")
    tab = page.people
    click_row(tab.table, 0)
    type_into(qtbot, tab.form.fields["department"], "과")
    answer_next_message(ANSWERS["cancel"])
    bar = page.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.current() is tab and tab.has_unsaved_changes()
    answer_next_message(ANSWERS["discard"])
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.current() is page.appointments


@pytest.mark.parametrize("answer", ["discard", "cancel"])
def test_closing_a_dialog_with_typed_changes_asks(qtbot, demo_services, answer):
    from aict_desktop.ui.dialogs.end_appointment import EndAppointmentDialog

    appt = demo_services.appointments.list(current_only=True)[0]
    dlg = EndAppointmentDialog(demo_services, appt.id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    type_into(qtbot, dlg.form.fields["note"], "개인 사정")
    answer_next_message(ANSWERS[answer])
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.isVisible() == (answer == "cancel")
    assert not demo_services.appointments.get(appt.id).end_reason


def test_a_dialog_closed_untouched_does_not_ask(qtbot, demo_services):
    from aict_desktop.ui.dialogs.end_appointment import EndAppointmentDialog

    dlg = EndAppointmentDialog(demo_services, demo_services.appointments.list(current_only=True)[0].id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


# --- 2. the window on a 1366×768 laptop -------------------------------------------------------------------

def test_the_main_window_opens_within_a_1366x768_screen_and_remembers_maximised(qtbot, demo_services, monkeypatch):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    laptop = QRect(0, 0, 1366, 728)  # 768 less the task bar
    monkeypatch.setattr(MainWindow, "_available", lambda self: laptop)
    win = MainWindow(Settings(), demo_services)
    qtbot.addWidget(win)
    win.show()
    frame = win.frameGeometry()
    assert win.height() + 40 <= laptop.height() and win.width() <= laptop.width()
    assert laptop.contains(QRect(frame.topLeft(), win.size()))
    win.showMaximized()
    qtbot.waitUntil(win.isMaximized)
    win.close()
    again = MainWindow(Settings(), demo_services)
    qtbot.addWidget(again)
    assert again.isMaximized() or bool(again.windowState() & Qt.WindowState.WindowMaximized)


# --- 3. columns on a fresh install -------------------------------------------------------------------------

def test_columns_fit_the_rows_when_they_first_appear_never_the_empty_headers(qtbot, services):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow
    from aict_desktop.ui.state import ui_settings

    win = MainWindow(Settings(), services)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("institutions")
    assert page.model.rowCount() == 0
    page.save_state()
    assert ui_settings().value("institutions/columns") is None  # widths of an empty table are not kept
    long_name = "한국과학기술정보연구원 국가슈퍼컴퓨팅본부"
    services.roster.create_institution(name=long_name)
    click_nav(win, "dashboard")
    click_nav(win, "institutions")
    assert page.model.rowCount() == 1
    needed = page.table.fontMetrics().horizontalAdvance(long_name)
    assert page.table.columnWidth(0) >= min(needed, 260)
    page.save_state()
    assert ui_settings().value("institutions/columns") is not None


# --- 4. Tab leaves a table ---------------------------------------------------------------------------------

def test_tab_leaves_the_table(main_window, qtbot):
    page = main_window.show_page("institutions")
    click_row(page.table, 0)
    page.table.setFocus()
    current = page._current.id
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()
    assert page._current.id == current


# --- 5. the last line of defence ---------------------------------------------------------------------------

@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_report_and_is_logged_without_personal_data(qtbot, monkeypatch):
    from aict_desktop.ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install()
    button = QPushButton("위촉")
    qtbot.addWidget(button)
    typed = {"name": "홍길동", "mobile": "010-1234-5678"}  # what the user typed ends up in the message

    def broken():
        raise ValueError(f"{typed['name']} {typed['mobile']}")

    button.clicked.connect(broken)
    button.show()
    before = len(crash.shown)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(crash.shown) > before, timeout=5000)
    dlg = crash.shown[-1]
    report = dlg.findChild(QPlainTextEdit, "crash_report_text").toPlainText()
    assert dlg.isVisible() and "ValueError" in report and "broken" in report
    assert "홍길동" not in report and "010-1234" not in report
    QTest.mouseClick(dlg.findChild(QPushButton, "copy_report"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == report
    log = crash.log_path().read_text(encoding="utf-8")
    assert "ValueError" in log and "홍길동" not in log and "010-1234" not in log
    dlg.close()


# --- 6. a read-only data file --------------------------------------------------------------------------------

def test_a_read_only_data_file_opens_read_only_with_a_banner(qtbot, tmp_path):
    import subprocess

    from aict_desktop.app import open_data
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    db = tmp_path / "ro.sqlite"
    opened = open_data(str(db))
    opened.services.bodies.create_body(name="읽기전용위원회")
    opened.close()
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        opened = open_data(str(db))
        assert opened.read_only and str(db) in opened.read_only
        win = MainWindow(Settings(), opened.services)
        qtbot.addWidget(win)
        win.show()
        win.set_read_only(opened.read_only)
        assert win.read_only_banner.isVisible() and win.read_only_banner.text() == opened.read_only
        assert not win.registry["save"].isEnabled()
        page = win.show_page("bodies")
        assert [r.name for r in page.model.rows()] == ["읽기전용위원회"]  # the data shows
        opened.close()
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=False)


def test_an_unreachable_data_file_keeps_the_window_open_saying_why(qtbot):
    from aict_desktop.config import Settings
    from aict_desktop.domain.errors import StoreError
    from aict_desktop.ui import feedback
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    win.fail(StoreError("\\\\server\\share\\aict.sqlite 에 연결할 수 없습니다."))
    assert win.isVisible() and win.store_banner.isVisible() and "연결할 수 없습니다" in win.store_banner.text()
    assert "연결할 수 없습니다" in feedback.shown[-1]


# --- 7. dates ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["2026. 12. 22.", "2026-12-22", "20261222"])
def test_an_optional_date_takes_typed_dates_over_none(qtbot, typed):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from aict_desktop.ui.widgets.date_edit import DateEdit

    box = QWidget()
    lay = QVBoxLayout(box)
    date, after = DateEdit(optional=True), QLineEdit()
    lay.addWidget(date)
    lay.addWidget(after)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    date.setFocus()
    assert date.value() is None and date.text() == "(없음)"
    QTest.keyClicks(date, typed)
    QTest.keyClick(date, Qt.Key.Key_Tab)
    assert date.value() == dt.date(2026, 12, 22)
    assert date.text() == "2026. 12. 22."


def test_an_empty_optional_date_opens_its_calendar_at_today(qtbot):
    from aict_desktop.ui.widgets.date_edit import DateEdit

    date = DateEdit(optional=True)
    qtbot.addWidget(date)
    date.show()
    qtbot.waitExposed(date)
    opt_rect = date.rect()
    QTest.mouseClick(date, Qt.MouseButton.LeftButton, pos=QPoint(opt_rect.right() - 6, opt_rect.center().y()))
    cal = date.calendarWidget()
    qtbot.waitUntil(cal.isVisible, timeout=3000)
    today = dt.date.today()
    assert (cal.yearShown(), cal.monthShown()) == (today.year, today.month)
    assert date.value() is None  # opening the calendar chose nothing
    cal.window().close()


# --- 9. where a 주무관 looks -----------------------------------------------------------------------------------

def test_double_clicking_a_dashboard_row_opens_the_record(main_window, demo_services, qtbot):
    page = main_window.show_page("dashboard")
    for view, key in ((page.overdue_view, "tasks"), (page.expiring_view, "people"), (page.meetings_view, "meetings")):
        main_window.show_page("dashboard")
        assert view.model().rowCount() > 0, key
        wanted = view.model().row(0).id
        index = view.model().index(0, 1)
        page.findChild(QScrollArea).ensureWidgetVisible(view)
        pos = view.visualRect(index).center()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # a double-click's first press
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        target = main_window.current_page()
        assert target is main_window.pages[key]
        editor = target.appointments if key == "people" else target
        assert editor._current is not None and editor._current.id == wanted


def test_serving_members_counts_people_not_appointments(main_window, demo_services):
    serving = demo_services.appointments.list(current_only=True)
    people = {a.person_id for a in serving}
    body = next(b for b in demo_services.bodies.list_bodies()
                if b.id not in {a.body_id for a in serving if a.person_id == serving[0].person_id})
    demo_services.appointments.appoint(serving[0].person_id, body.id, term_start=dt.date.today(),
                                       exception_reason="시험")  # one person, two bodies
    page = main_window.show_page("dashboard")
    page.refresh()
    assert page.tile_labels["members"].text() == f"{len(people):,}"


def test_the_help_menu_opens_the_guide(main_window, qtbot):
    from aict_desktop.ui.help import HelpDialog

    act = main_window.registry["help"]
    assert act in main_window.menuBar().actions()[-1].menu().actions()
    assert act.shortcut().toString() == "F1"
    act.trigger()
    dlg = HelpDialog._open
    assert dlg is not None and dlg.isVisible()
    text = dlg.text.toPlainText()
    for section in ("First steps", "Meeting mode keys", "Certificates", "Backups"):
        from aict_desktop.i18n import _

        assert _(section) in text
    assert "F2" in text
    dlg.close()


def test_the_demo_offer_defaults_to_starting_empty(qtbot, services):
    from aict_desktop.app import offer_demo

    seen = []

    def press_enter():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_enter)
            return
        seen.append(box.defaultButton().objectName())
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert offer_demo(None, services) is False
    assert seen == ["start_empty"] and not services.bodies.list_bodies()


def test_the_program_opens_aict_db_as_aict_does(monkeypatch, tmp_path):
    from aict_desktop.app import choose_target
    from aict_desktop.config import Settings

    monkeypatch.setenv("AICT_DB", str(tmp_path / "from_env.sqlite"))
    assert choose_target(None, Settings()) == str(tmp_path / "from_env.sqlite")
    assert choose_target("given.sqlite", Settings()) == "given.sqlite"
    monkeypatch.delenv("AICT_DB")
    assert choose_target(None, Settings()) == Settings().database_target()
