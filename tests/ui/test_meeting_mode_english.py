"""Issue 15 item 9: meeting mode in the English UI shows no Korean of its own.

The demo data is Korean (people, institutions, bodies, agenda titles, places, typed reasons): those are
the user's data and stay as they are. Every other visible word — labels, buttons, headers, attendance
statuses, roles, agenda kinds, 가결/부결, dates, amounts — must be English. The check is exact about what
is data: every text the data file holds for this meeting (each name, institution, title, place, presenter,
reason, decision text, action item) is cut out of a widget's text first; whatever is left is the
program's own words and must hold no Hangul.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from aict_desktop import i18n
from aict_desktop.domain.enums import AgendaKind, MeetingStatus

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
BODY = "서초AICT 운영위원회"
REASON = "소속 기관이 공모에 신청함"
DECISION = "원안 가결"


def data_texts(services, meeting_id: int) -> list[str]:
    """Every text of the data file that the meeting windows show: cut out before looking for Hangul."""
    from aict_desktop.services.meeting_tools import meeting_tools

    tools = meeting_tools(services)
    m = services.meetings.get(meeting_id)
    texts = [m.title, m.place, m.minutes_summary, BODY, REASON, DECISION]
    texts += [b.name for b in services.bodies.list_bodies()]
    texts += [p.name for p in services.roster.list_people()]
    texts += [i.name for i in services.roster.list_institutions()]
    for r in services.meetings.attendance_rows(meeting_id):
        texts += [r.name, r.affiliation, r.proxy_name or ""]
    for it in services.meetings.items(meeting_id):
        texts += [it.title, it.presenter, it.description, it.notes]
    for a in tools.actions.for_meeting(meeting_id):
        texts += [a.title, a.owner, a.agenda_title]
    for o in tools.prep.open_items(m.body_id, meeting_id):
        texts += [o.title, o.owner]  # not o.meeting: "제2차" is the program's wording, shown translated
    for _pid, label in tools.actions.owner_choices(meeting_id):
        texts.append(label)
    return sorted({t for t in texts if t}, key=len, reverse=True)


def shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible label, button, group title, tab, placeholder, combo item, item view
    header and cell in a window."""
    out = [("window title", top.windowTitle())]

    def visible(w: QWidget) -> bool:
        return w is top or w.isVisibleTo(top)

    for w in top.findChildren(QLabel):
        if visible(w):
            out.append((f"label {w.objectName()}", w.text()))
    for w in top.findChildren(QAbstractButton):
        if visible(w):
            out.append((f"button {w.objectName()}", w.text()))
    for w in top.findChildren(QGroupBox):
        if visible(w):
            out.append(("group", w.title()))
    for w in top.findChildren(QTabWidget):
        if visible(w):
            out += [("tab", w.tabText(i)) for i in range(w.count())]
    for w in [*top.findChildren(QLineEdit), *top.findChildren(QPlainTextEdit)]:
        if visible(w):
            out.append(("placeholder", w.placeholderText()))
    for w in top.findChildren(QComboBox):
        if visible(w):
            out += [("combo", w.itemText(i)) for i in range(w.count())]
    for view in top.findChildren(QAbstractItemView):
        if not visible(view) or view.model() is None or isinstance(view.parent(), QComboBox):
            continue
        model = view.model()
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list's model (QAbstractListModel keeps columnCount private): one column
            columns = 1
        for c in range(columns):
            out.append(("header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")))
        for r in range(model.rowCount(root)):
            for c in range(columns):
                out.append((f"cell {r},{c}", str(model.index(r, c).data() or "")))
    return out


def korean_left(top: QWidget, data: list[str]) -> list[tuple[str, str]]:
    bad = []
    for where, text in shown_texts(top):
        rest = text
        for d in data:
            rest = rest.replace(d, "")
        if HANGUL.search(rest):
            bad.append((where, text))
    return bad


def column(view, col: int) -> set[str]:
    """The texts of one column of a table (a QTableView over a row model, or a QTableWidget)."""
    model = view.model()
    return {model.data(model.index(r, col)) for r in range(model.rowCount())}


def test_meeting_mode_in_english_shows_only_english_besides_the_data(english, qtbot, demo_services):
    from aict_desktop.ui.meetings.allowances_dialog import AllowancesDialog
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow
    from aict_desktop.ui.meetings.named_votes import NamedVotesDialog
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog

    services = demo_services
    body = services.bodies.find_body(BODY)
    meeting = next(m for m in services.meetings.list(body_id=body.id) if m.status == MeetingStatus.PLANNED)
    items = services.meetings.items(meeting.id)
    resolution = next(it for it in items if it.kind is AgendaKind.RESOLUTION)
    members = [r for r in services.meetings.attendance_rows(meeting.id) if r.is_member]
    services.meetings.set_recusal(resolution.id, members[-2].person_id, "회피", REASON)

    prep = MeetingPrepDialog(services, meeting_id=meeting.id)
    qtbot.addWidget(prep)
    prep.resize(1366, 768)
    prep.show()
    data = data_texts(services, meeting.id)
    for tab in range(prep.tabs.count()):  # agenda, invitees, open action items
        prep.tabs.setCurrentIndex(tab)
        assert korean_left(prep, data) == [], prep.tabs.tabText(tab)
    assert prep.number.prefix() == "No. " and prep.kind.currentText() == "Regular"
    assert prep.open_items.count() and all("No. " in prep.open_items.item(i).text()
                                           for i in range(prep.open_items.count()))
    prep.close()

    w = MeetingModeWindow(services, meeting.id)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    table = w.attendance.table
    table.setFocus()
    table.selectRow(0)
    for key in [Qt.Key.Key_1] * (len(members) - 3) + [Qt.Key.Key_2, Qt.Key.Key_5]:
        qtbot.keyClick(table, key)  # present, … then one absent and one online
    assert {"Present", "Absent", "Online"} <= column(table, 3) and column(table, 2) <= {
        "Chair", "Vice chair", "Member", "Secretary"}
    assert "(" in w.subtitle.text() and re.search(r"\((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)", w.subtitle.text())
    data = data_texts(services, meeting.id)
    assert korean_left(w, data) == []

    w.agenda.setCurrentRow([it.id for it in w.items].index(resolution.id))
    assert w.item_panel.vote_box.isVisible()
    present = services.meetings.counts(meeting.id)[1]
    w.item_panel.yes.setValue(present - 2)
    w.item_panel.no.setValue(1)
    w.item_panel.decision_text.setText(DECISION)
    qtbot.mouseClick(w.item_panel.record_button, Qt.MouseButton.LeftButton)
    assert w.item_panel.result.text().startswith("Passed")
    assert "✔ Passed" in w.agenda.currentItem().text() and "[Resolution]" in w.agenda.currentItem().text()
    assert "Withdrew" in w.item_panel.vote_box.recusal_list.item(0).text()
    w.actions_panel.title.setText("교육과정 세부 계획 수립")  # data: an action item typed in the meeting
    qtbot.keyClick(w.actions_panel.title, Qt.Key.Key_Return)
    data = data_texts(services, meeting.id)
    assert korean_left(w, data) == []

    qtbot.mouseClick(w.item_panel.vote_box.named_button, Qt.MouseButton.LeftButton)
    named = w.findChild(NamedVotesDialog)
    assert named is not None and named.isVisible()
    assert korean_left(named, data) == []
    assert "Withdrew" in column(named.table, 2)
    named.reject()

    qtbot.mouseClick(w.allowances_button, Qt.MouseButton.LeftButton)
    allowances = w.findChild(AllowancesDialog)
    assert allowances is not None and allowances.isVisible()
    assert korean_left(allowances, data) == []
    assert allowances.total.text().startswith("Total: ₩") and "₩150,000" in column(allowances.table, 4)
    assert {"Appointed", "Ex officio"} & column(allowances.table, 2)
    allowances.reject()
    w.close()


def test_the_korean_ui_keeps_the_office_terms(qtbot, demo_services):
    """The same screens in the default language: the terms are the Korean ones the papers print."""
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    assert i18n.language() == "ko"  # the fixture above gave the language back
    services = demo_services
    body = services.bodies.find_body(BODY)
    meeting = next(m for m in services.meetings.list(body_id=body.id) if m.status == MeetingStatus.PLANNED)
    w = MeetingModeWindow(services, meeting.id)
    qtbot.addWidget(w)
    w.show()
    assert w.attendance.buttons and [b.text() for b in w.attendance.buttons.values()] == [
        "1 출석", "2 불참", "3 대리출석", "4 서면", "5 온라인"]
    assert "[보고]" in w.agenda.item(0).text() and re.search(r"\.\([월화수목금토일]\)", w.subtitle.text())
    w.close()
