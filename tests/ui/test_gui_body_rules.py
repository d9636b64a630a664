"""설정 → 기구별 설정: a body's rules edited by clicking and typing; the wheel; 당연직 on the 위촉장 page;
the "expiring" colour from the program setting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from aict_desktop.domain.enums import AttendanceStatus
from aict_desktop.domain.rules import SOURCES
from aict_desktop.i18n import _
from aict_desktop.ui.models.base import ALERT

S = AttendanceStatus


def click_check(qtbot, box) -> None:
    """Click a check box on its indicator (the widget may be wider than what it draws)."""
    opt = QStyleOptionButton()
    opt.initFrom(box)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=rect.center())


def type_number(qtbot, spin, text: str) -> None:
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(8, spin.height() // 2))
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)


def pick_second_body(qtbot, page) -> int:
    combo = page.body_form.fields["body_id"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == 1
    return combo.currentData()


def wheel(widget, steps: int = 1) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    ev = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_rules_are_edited_by_clicking_and_typing_and_saved(main_window, demo_services, qtbot):
    page = main_window.show_page("settings")
    body_id = pick_second_body(qtbot, page)
    rules = page.rules_form
    assert rules.labels["notice_days"].toolTip() == dict((i.key, i.source) for i in SOURCES)["notice_days"]
    assert "시행령 제4조③" in rules.fields["quorum_statuses"].toolTip()
    assert set(rules.fields) == {i.key for i in SOURCES}  # one field per rule
    checks = rules.status_checks["quorum_statuses"].boxes
    assert checks[S.PRESENT].isChecked() and checks[S.ONLINE].isChecked() and not checks[S.PROXY].isChecked()
    click_check(qtbot, checks[S.PROXY])  # this 조례 counts 대리출석 for 의사정족수
    click_check(qtbot, checks[S.ONLINE])  # and not 화상
    type_number(qtbot, rules.fields["notice_days"], "10")
    assert rules.fields["notice_days"].value() == 10
    qtbot.mouseClick(page.save_body_button, Qt.MouseButton.LeftButton)
    saved = demo_services.bodies.rules(body_id)
    assert saved.quorum_statuses == {S.PRESENT, S.PROXY} and saved.notice_days == 10
    assert saved.vote_statuses == {S.PRESENT, S.ONLINE}  # untouched
    assert page.body_form.message.text() == _("Saved.")


def test_a_refused_rule_is_shown_beside_its_field_and_nothing_is_saved(main_window, demo_services, qtbot):
    page = main_window.show_page("settings")
    body_id = pick_second_body(qtbot, page)
    before = demo_services.bodies.get_body(body_id)
    page.body_form.fields["issuer"].setFocus()
    qtbot.keyClicks(page.body_form.fields["issuer"], " X")
    checks = page.rules_form.status_checks["vote_statuses"].boxes
    for st in (S.PRESENT, S.ONLINE):
        click_check(qtbot, checks[st])  # nobody could ever vote
    qtbot.mouseClick(page.save_body_button, Qt.MouseButton.LeftButton)
    assert page.rules_form.error_text("vote_statuses")
    after = demo_services.bodies.get_body(body_id)
    assert (after.version, after.issuer, after.rules) == (before.version, before.issuer, before.rules)


def test_the_wheel_does_not_change_an_unfocused_spin_box_or_combo(main_window, qtbot):
    page = main_window.show_page("settings")
    main_window.activateWindow()
    spin = page.rules_form.fields["notice_days"]
    combo = page.rules_form.fields["open_quorum"]
    page.body_form.fields["issuer"].setFocus()
    qtbot.waitUntil(lambda: page.body_form.fields["issuer"].hasFocus())
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    value, index = spin.value(), combo.currentIndex()
    wheel(spin)
    wheel(combo, -1)
    assert spin.value() == value and combo.currentIndex() == index
    assert not spin.hasFocus()  # the wheel did not take the focus either
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin)  # focused: the wheel steps it, as in any program
    assert spin.value() == value + 1
    allowance = page.body_form.fields["allowance_rate"]  # the page's other spin boxes alike
    before = allowance.value()
    wheel(allowance)
    assert allowance.value() == before


def test_certificates_page_lists_ex_officio_members_only_when_asked(main_window, demo_services, qtbot):
    page = main_window.show_page("certificates")
    ex_officio = None
    for i in range(page.body.count()):
        rows = demo_services.certificates.pending(page.body.itemData(i), include_ex_officio=True)
        if any(r.kind == "당연직" for r in rows):
            page.body.setCurrentIndex(i)
            ex_officio = [r.id for r in rows if r.kind == "당연직"]
            break
    assert ex_officio
    shown = lambda: [r.id for r in page.pending.rows()]  # noqa: E731
    assert not set(ex_officio) & set(shown())
    click_check(qtbot, page.include_ex_officio)
    assert set(ex_officio) <= set(shown())
    page.pending_view.clearSelection()
    page.pending_view.selectRow(shown().index(ex_officio[0]))
    page.issue(confirmed=True)
    qtbot.waitUntil(lambda: page.job.done, timeout=20_000)
    assert [r.appointment_id for r in page.register.all_rows()] == [ex_officio[0]]
    from aict_desktop.ui.preview import PreviewDialog

    for dlg in PreviewDialog.open_dialogs():
        dlg.close()


def test_the_expiring_colour_follows_the_program_setting(main_window, demo_services):
    from aict_desktop.ui.models.appointments import AppointmentTableModel

    rows = [r for r in demo_services.appointments.list() if r.status == "재임" and r.days_left is not None]
    assert rows
    far = max(r.days_left for r in rows)
    main_window.settings.expiring_days = far
    dash = main_window.show_page("dashboard")
    dash.refresh()
    assert dash.expiring.rowCount() == len(rows)
    assert all(dash.expiring.colour(r) == ALERT for r in dash.expiring.rows())
    assert str(far) in dash.expiring_panel.title_label.text()
    model = AppointmentTableModel(expiring_days=0)
    assert model.colour(rows[0]) != ALERT or rows[0].days_left == 0
    ends = [r.term_end for r in dash.expiring.rows()]
    assert ends == sorted(ends)
    assert isinstance(ends[0], dt.date)
