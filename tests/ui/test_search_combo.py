"""The institution field narrows as the user types (초성 too) and never keeps a name that is not in the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.user import type_text


def institution_field(main_window, qtbot):
    with qtbot.waitActive(main_window):  # focus moves with Tab only in the active window
        main_window.activateWindow()
    page = main_window.show_page("people")
    people = page.people
    people.new_record()
    combo = people.form.fields["institution_id"]
    combo.lineEdit().setFocus()
    combo.lineEdit().selectAll()
    return people, combo


def test_typing_narrows_the_list_and_a_click_picks(main_window, demo_services, qtbot):
    people, combo = institution_field(main_window, qtbot)
    type_text(combo.lineEdit(), "서울")
    shown = [combo.narrow.index(r, 0).data() for r in range(combo.narrow.rowCount())]
    assert shown and all("서울" in s for s in shown) and "서울대학교" in shown
    popup = combo.completer().popup()
    assert popup.isVisible()
    row = shown.index("서울대학교")
    rect = popup.visualRect(popup.model().index(row, 0))
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert combo.currentText() == "서울대학교"
    type_into_name(people, "문새봄")
    assert people.save_record()
    saved = people._current
    assert demo_services.roster.get_institution(saved.institution_id).name == "서울대학교"


def type_into_name(people, name: str) -> None:
    field = people.form.fields["name"]
    field.setFocus()
    type_text(field, name)


def test_chosung_and_leaving_the_field_pick_the_one_match(main_window, demo_services, qtbot):
    _people, combo = institution_field(main_window, qtbot)
    type_text(combo.lineEdit(), "ㅅㅊㄱㅊ")  # 서초구청
    assert combo.narrow.rowCount() == 1
    QTest.keyClick(combo.completer().popup(), Qt.Key.Key_Tab)  # the open list has the keyboard
    assert combo.currentText() == "서초구청" and combo.lineEdit().text() == "서초구청"


def test_a_name_not_in_the_list_goes_back(main_window, demo_services, qtbot):
    _people, combo = institution_field(main_window, qtbot)
    before = combo.currentText()
    type_text(combo.lineEdit(), "없는기관<&>")
    assert combo.narrow.rowCount() == 0
    QTest.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)
    assert combo.lineEdit().text() == before == combo.currentText()
