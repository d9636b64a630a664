"""The import wizard: every bad row marked with its reason; a bad file changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aict_desktop.ui.dialogs.import_wizard import ImportWizard


def checked(qtbot, dlg) -> None:
    """Wait until the worker has checked the file and the wizard shows the result."""
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)


def test_bad_file_is_marked_and_changes_nothing(qtbot, demo_services, tmp_path):
    f = tmp_path / "기관.csv"
    f.write_text("기관명,구분,대표전화\n서초새기관,대학,02-111-2222\n<나쁜>기관&,없는분야,전화\n", encoding="utf-8")
    before = [r.name for r in demo_services.roster.list_institutions()]
    dlg = ImportWizard(demo_services, "institutions")
    qtbot.addWidget(dlg)
    dlg.set_file(f)
    checked(qtbot, dlg)
    assert dlg.model.rowCount() == 2
    bad = [r for r in dlg.model.rows() if r.problems]
    assert len(bad) == 1 and bad[0].row_number == 3
    problems_col = dlg.model.columnCount() - 1
    assert dlg.model.data(dlg.model.index(1, problems_col))  # the reason is shown in the row
    assert not dlg.import_button.isEnabled()
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)  # disabled: nothing runs
    assert dlg.job is None
    assert [r.name for r in demo_services.roster.list_institutions()] == before
    assert "2" in dlg.summary.text()


def test_good_file_imports_everything(qtbot, demo_services, tmp_path):
    f = tmp_path / "기관.csv"
    f.write_bytes("기관명,구분\n서초새기관,대학\n서초새회사,스타트업\n".encode("cp949"))
    dlg = ImportWizard(demo_services, "institutions")
    qtbot.addWidget(dlg)
    dlg.set_file(f)
    checked(qtbot, dlg)
    assert dlg.import_button.isEnabled()
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job.done, timeout=10_000)
    assert dlg.imported == 2
    names = {r.name for r in demo_services.roster.list_institutions()}
    assert {"서초새기관", "서초새회사"} <= names


def test_unreadable_file_says_why(qtbot, demo_services, tmp_path):
    f = tmp_path / "broken.xlsx"
    f.write_bytes(b"this is not a spreadsheet")
    dlg = ImportWizard(demo_services, "people")
    qtbot.addWidget(dlg)
    dlg.set_file(f)
    checked(qtbot, dlg)
    assert not dlg.import_button.isEnabled()
    assert "broken.xlsx" in dlg.summary.text()


def test_gender_cap_refused_until_a_reason_is_typed_then_recorded(qtbot, demo_services, tmp_path):
    from sqlmodel import select

    from aict_desktop.domain.models import CompositionException
    from tests.ui.user import type_text

    body = demo_services.bodies.create_body(name="성별 검토 위원회", issuer="서울특별시 서초구청장")
    f = tmp_path / "위원.csv"
    rows = [f"남{i},남" for i in range(7)] + [f"여{i},여" for i in range(3)]
    f.write_text("성명,성별\n" + "\n".join(rows) + "\n", encoding="utf-8")
    dlg = ImportWizard(demo_services, "people")
    qtbot.addWidget(dlg)
    dlg.body.setCurrentIndex(dlg.body.findData(body.id))
    dlg.set_file(f)
    checked(qtbot, dlg)
    assert not dlg.import_button.isEnabled() and "양성평등기본법" in dlg.summary.text()  # 7 of 10 men: refused
    dlg.exception_reason.setFocus()
    type_text(dlg.exception_reason, "해당 분야 여성 전문가 추천 부족")
    qtbot.keyClick(dlg.exception_reason, Qt.Key.Key_Return)  # editing finished: checked again
    checked(qtbot, dlg)
    assert dlg.import_button.isEnabled()
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job is not None and dlg.job.done, timeout=10_000)
    assert dlg.imported == 10
    with demo_services.store.session() as s:
        reasons = {e.reason for e in s.exec(select(CompositionException).where(CompositionException.body_id == body.id))}
    assert reasons == {"해당 분야 여성 전문가 추천 부족"}
