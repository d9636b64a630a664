"""The import wizard names the columns a file needs and saves a template the wizard then accepts."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from aict_desktop.services.import_columns import expected_columns
from aict_desktop.ui.dialogs.import_columns_hint import hint_text
from aict_desktop.ui.dialogs.import_wizard import ImportWizard

WIZARD = "aict_desktop.ui.dialogs.import_wizard"


def open_wizard(qtbot, services, kind="institutions"):
    dlg = ImportWizard(services, kind)
    qtbot.addWidget(dlg)
    dlg.resize(900, 560)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_columns_line_follows_the_kind_and_the_body(qtbot, demo_services):
    dlg = open_wizard(qtbot, demo_services)
    label = dlg.columns_hint.label
    assert label.text() == hint_text("institutions", appointing=False)
    assert "기관명" in label.text() and "대표전화" in label.text() and "성명" not in label.text()
    dlg.kind.setFocus()
    qtbot.keyClick(dlg.kind, Qt.Key.Key_Down)  # 인물
    assert dlg.kind.currentData() == "people"
    assert label.text() == hint_text("people", appointing=False)
    assert "성명" in label.text() and "대표전화" not in label.text()
    body_index = next(i for i in range(dlg.body.count()) if dlg.body.itemData(i) is not None)
    dlg.body.setFocus()
    for _i in range(body_index):
        qtbot.keyClick(dlg.body, Qt.Key.Key_Down)
    assert dlg.body.currentData() is not None
    assert label.text() == hint_text("people", appointing=True) != hint_text("people", appointing=False)
    qtbot.keyClick(dlg.kind, Qt.Key.Key_Up)  # back to 기관
    assert label.text() == hint_text("institutions", appointing=True)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10_000)


def test_saved_template_has_the_columns_and_is_accepted(qtbot, demo_services, tmp_path, monkeypatch):
    target = tmp_path / "위원 양식.xlsx"
    asked = []
    monkeypatch.setattr(f"{WIZARD}.ask_save_path", lambda _parent, suggested, *_a: asked.append(suggested)
                        or str(target))
    dlg = open_wizard(qtbot, demo_services, "people")
    body_id = demo_services.bodies.list_bodies()[0].id
    dlg.body.setCurrentIndex(dlg.body.findData(body_id))
    qtbot.mouseClick(dlg.columns_hint.save_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(".xlsx")
    ws = openpyxl.load_workbook(target).active
    assert [c.value for c in ws[1]] == [c.header for c in expected_columns("people", appointing=True)]
    assert ws[2][0].value == "홍길동" and ws.freeze_panes == "A2"
    assert {str(v.sqref)[0] for v in ws.data_validations.dataValidation} == {"G", "J", "K"}  # 성별, 직책, 위촉구분
    assert str(target) in dlg.summary.text()
    dlg.set_file(target)  # the user chooses the template they saved
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert dlg.preview_result.ok and dlg.model.rowCount() == 1
    assert dlg.import_button.isEnabled()


def test_template_that_cannot_be_written_says_why(qtbot, demo_services, tmp_path, monkeypatch):
    target = tmp_path / "없는 폴더" / "기관 양식.xlsx"
    monkeypatch.setattr(f"{WIZARD}.ask_save_path", lambda *_a: str(target))
    dlg = open_wizard(qtbot, demo_services)
    qtbot.mouseClick(dlg.columns_hint.save_button, Qt.MouseButton.LeftButton)
    assert not target.exists() and not target.parent.exists()
    assert str(target) in dlg.summary.text()


def test_cancelled_save_writes_nothing(qtbot, demo_services, tmp_path, monkeypatch):
    monkeypatch.setattr(f"{WIZARD}.ask_save_path", lambda *_a: None)
    dlg = open_wizard(qtbot, demo_services)
    before = dlg.summary.text()
    qtbot.mouseClick(dlg.columns_hint.save_button, Qt.MouseButton.LeftButton)
    assert dlg.summary.text() == before and list(tmp_path.glob("*.xlsx")) == []
