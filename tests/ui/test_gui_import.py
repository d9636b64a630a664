"""The import wizard: every bad row marked with its reason; a bad file changes nothing."""

from __future__ import annotations

from aict_desktop.ui.dialogs.import_wizard import ImportWizard


def test_bad_file_is_marked_and_changes_nothing(qtbot, demo_services, tmp_path):
    f = tmp_path / "기관.csv"
    f.write_text("기관명,구분,대표전화\n서초새기관,대학,02-111-2222\n<나쁜>기관&,없는분야,전화\n", encoding="utf-8")
    before = [r.name for r in demo_services.roster.list_institutions()]
    dlg = ImportWizard(demo_services, "institutions")
    qtbot.addWidget(dlg)
    dlg.set_file(f)
    assert dlg.model.rowCount() == 2
    bad = [r for r in dlg.model.rows() if r.problems]
    assert len(bad) == 1 and bad[0].row_number == 3
    problems_col = dlg.model.columnCount() - 1
    assert dlg.model.data(dlg.model.index(1, problems_col))  # the reason is shown in the row
    assert not dlg.import_button.isEnabled()
    dlg.start_import()  # refused: nothing runs
    assert [r.name for r in demo_services.roster.list_institutions()] == before
    assert "2" in dlg.summary.text()


def test_good_file_imports_everything(qtbot, demo_services, tmp_path):
    f = tmp_path / "기관.csv"
    f.write_bytes("기관명,구분\n서초새기관,대학\n서초새회사,스타트업\n".encode("cp949"))
    dlg = ImportWizard(demo_services, "institutions")
    qtbot.addWidget(dlg)
    dlg.set_file(f)
    assert dlg.import_button.isEnabled()
    dlg.start_import()
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
    assert not dlg.import_button.isEnabled()
    assert dlg.summary.text()
