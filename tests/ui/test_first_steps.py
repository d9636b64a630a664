"""처음 할 일 on the dashboard: on an empty data file the five first-day steps, each with its state and a button
that takes the user there; done steps follow the data, the panel goes when all are done (or for good on
"Don't show again"), and a file already set up never shows it — not at the first paint either."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea

from aict_desktop.domain.rules.first_steps import STEP_KEYS
from aict_desktop.i18n import _
from tests.ui.test_gui_trust import click_nav


def window(qtbot, services):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(), services)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def states(panel) -> list[str]:
    return [panel.cards[k].state.text() for k in STEP_KEYS]


def shown(win) -> str:
    return next(k for k, p in win.pages.items() if p is win.current_page())


def test_an_empty_file_lists_five_steps_to_do_and_each_done_step_shows(qtbot, services):
    win = window(qtbot, services)
    page = win.pages["dashboard"]
    panel = page.first_steps
    assert win.current_page() is page and panel.isVisible()
    assert states(panel) == [_("To do")] * 5
    assert panel.progress.text() == _("{done} of {total} done").format(done=0, total=5)
    assert [panel.cards[k].button.property("primary") for k in STEP_KEYS] == [True, False, False, False, False]
    QApplication.processEvents()
    scroll = page.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() == 0  # at 1366×768 the whole dashboard fits, panel included
    assert panel.height() >= panel.layout().totalHeightForWidth(panel.width())  # no wrapped text cut off
    win.grab().save("/tmp/aict_first_steps_empty.png")

    # 1. 위원회·협의체 만들기 → the bodies page, a blank form to fill
    click(qtbot, panel.cards["body"].button)
    assert shown(win) == "bodies" and win.pages["bodies"]._current is None
    services.bodies.create_body(name="서초구 AI 혁신 협의체", kind="협의회")
    click_nav(win, "dashboard")
    assert win.current_page() is page and panel.isVisible()
    assert states(panel) == [_("✓ Done")] + [_("To do")] * 4
    assert panel.cards["body"].button.text() == _("Open")
    assert panel.cards["institutions"].button.property("primary") is True  # the next step now

    # 2. 참여기관 가져오기 → the institutions page and its import wizard (closed here unused)
    seen: list[str] = []

    def answer():
        from aict_desktop.ui.dialogs.import_wizard import ImportWizard

        wiz = QApplication.activeModalWidget()
        if not isinstance(wiz, ImportWizard):
            QTimer.singleShot(20, answer)
            return
        seen.append(wiz.kind.currentData())
        wiz.reject()

    QTimer.singleShot(0, answer)
    click(qtbot, panel.cards["institutions"].button)
    assert seen == ["institutions"] and shown(win) == "institutions"
    click_nav(win, "dashboard")
    QTimer.singleShot(0, answer)
    click(qtbot, panel.cards["people"].button)  # 3. 위원 명단 가져오기: the same wizard, for people
    assert seen == ["institutions", "people"] and shown(win) == "people"

    body = services.bodies.list_bodies()[0]
    inst = services.roster.create_institution(name="서초01기관", sector="대학")
    person = services.roster.create_person(name="김민준", institution_id=inst.id)
    click_nav(win, "dashboard")
    assert states(panel) == [_("✓ Done")] * 3 + [_("To do")] * 2

    # 4. 위원 위촉 → the people tab, where 위촉… is
    click(qtbot, panel.cards["appointment"].button)
    people_page = win.pages["people"]
    assert shown(win) == "people" and people_page.current() is people_page.people
    services.appointments.appoint(person.id, body.id, term_start=dt.date.today())
    click_nav(win, "dashboard")
    assert states(panel) == [_("✓ Done")] * 4 + [_("To do")]
    assert panel.progress.text() == _("{done} of {total} done").format(done=4, total=5)

    # 5. 첫 회의 준비 → the meetings page with a new meeting's form; once one exists the panel goes
    click(qtbot, panel.cards["meeting"].button)
    assert shown(win) == "meetings" and win.pages["meetings"]._current is None
    services.meetings.create(body.id, starts_at=dt.datetime.combine(dt.date.today(), dt.time(14)) + dt.timedelta(7))
    click_nav(win, "dashboard")
    assert not panel.isVisible()


def test_a_file_set_up_never_shows_the_panel(main_window):
    page = main_window.pages["dashboard"]
    assert not page.first_steps.isVisible()
    tiles = page.tile_labels["bodies"].parentWidget()
    assert tiles.y() == 0  # the tiles on top, where they were: no room kept for the panel


def test_dont_show_again_is_remembered(qtbot, services):
    win = window(qtbot, services)
    panel = win.pages["dashboard"].first_steps
    assert panel.isVisible()
    click(qtbot, panel.hide_button)
    assert not panel.isVisible()
    click_nav(win, "bodies")
    click_nav(win, "dashboard")  # a refresh: still hidden
    assert not panel.isVisible()
    win.close()
    again = window(qtbot, services)  # the next start, same data folder
    assert not again.pages["dashboard"].first_steps.isVisible()


def make_file(path, *, appointed: bool):
    """A data file with a body, an institution and a person (appointed or not), closed (no -wal beside it)."""
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    store = open_store(path, create=True)
    try:
        s = Services(store)
        body = s.bodies.create_body(name="서초구 AI 혁신 협의체", kind="협의회")
        inst = s.roster.create_institution(name="서초01기관", sector="대학")
        people = [s.roster.create_person(name=n, institution_id=inst.id if n != "이서연" else None)
                  for n in ("김민준", "이서연")]
        if appointed:
            s.appointments.appoint(people[0].id, body.id, term_start=dt.date.today())
    finally:
        store.dispose()


def test_the_first_paint_shows_the_steps_as_the_services_do(qtbot, tmp_path):
    """The quick read counts the people as the services do (when no one is appointed), so the panel painted
    before the services load is the one they show: same steps, same place."""
    from aict_desktop.app import open_data, paint_dashboard
    from aict_desktop.config import Settings
    from aict_desktop.services.first_paint import read_dashboard
    from aict_desktop.ui.main_window import MainWindow

    db = tmp_path / "aict.sqlite"
    make_file(db, appointed=False)
    snap = read_dashboard(str(db))
    assert snap is not None
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert paint_dashboard(win, str(db))
    page = win.pages["dashboard"]
    panel = page.first_steps
    qtbot.waitUntil(lambda: page.chart_view is not None)  # the chart is drawn after the page is on screen
    QApplication.processEvents()
    first = (states(panel), panel.isVisible(), panel.geometry(), page.meetings_panel.geometry())
    assert first[:2] == ([_("✓ Done")] * 3 + [_("To do")] * 2, True)
    opened = open_data(str(db))
    try:
        fields = ("id", "name", "institution", "position", "institution_id")
        assert [[getattr(r, f) for f in fields] for r in snap.roster.list_people()] == \
            [[getattr(r, f) for f in fields] for r in opened.services.roster.list_people()]
        win.attach_services(opened.services)
        QApplication.processEvents()
        assert win.pages["dashboard"] is page
        assert (states(panel), panel.isVisible(), panel.geometry(), page.meetings_panel.geometry()) == first
    finally:
        opened.close()


def test_a_file_with_appointments_is_painted_without_reading_the_people(qtbot, tmp_path):
    import pytest

    from aict_desktop.services.first_paint import read_dashboard

    db = tmp_path / "aict.sqlite"
    make_file(db, appointed=True)
    snap = read_dashboard(str(db))
    assert snap is not None and snap.roster.rows.people is None
    with pytest.raises(LookupError):
        snap.roster.list_people()  # never asked by the dashboard: an appointment says people are there
    from aict_desktop.ui.pages.dashboard import DashboardPage

    page = DashboardPage(snap)
    qtbot.addWidget(page)
    page.refresh()  # would raise if it asked
    assert states(page.first_steps) == [_("✓ Done")] * 4 + [_("To do")]
