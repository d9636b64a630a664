"""Saving a paper as Windows users meet it (issue 21 items 3 and 5): the dialog's folder, a file held open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget

from aict_desktop.ui import feedback
from aict_desktop.ui.documents import DocumentActions, remember_folder
from aict_desktop.ui.file_dialogs import get_save_file_name


def answer_next_file_dialog(seen: list[str], name: str | None) -> None:
    """Look at the next file dialog's folder; give ``name`` and click 저장, or cancel when None."""
    def answer():
        dlg = QApplication.activeModalWidget()  # the dialog the user faces, not one left over elsewhere
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dlg.directory().absolutePath())
        if name is None:
            dlg.reject()
            return
        dlg.selectFile(name if Path(name).is_absolute() else dlg.directory().absoluteFilePath(name))  # as typed
        save = dlg.findChild(QDialogButtonBox, "buttonBox").buttons()[0]  # 저장
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, answer)


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_a_bare_file_name_opens_in_the_folder_used_last_not_the_program_folder(parent, tmp_path, monkeypatch):
    program = tmp_path / "Program Files" / "AICT Secretariat"
    program.mkdir(parents=True)
    monkeypatch.chdir(program)  # a shortcut starts the program in its own folder
    papers = tmp_path / "문서" / "위원회"
    papers.mkdir(parents=True)
    remember_folder(str(papers / "지난번.pdf"))
    seen: list[str] = []
    answer_next_file_dialog(seen, None)
    get_save_file_name(parent, "저장", "제3차 회의 개최 알림.pdf", "PDF (*.pdf)")
    assert seen == [str(papers)]


def test_a_file_held_open_by_excel_is_named_and_another_name_is_offered(parent, tmp_path, monkeypatch, qtbot):
    from aict_desktop.ui.file_dialogs import default_folder

    held = tmp_path / "위원 명단.xlsx"
    held.write_bytes(b"the version open in Excel")
    real_replace = Path.replace

    def replace(self, target):  # Windows refuses to replace a file another program has open
        if Path(target) == held:
            raise PermissionError(13, "액세스가 거부되었습니다")
        return real_replace(self, target)

    asked: list[tuple[str, Path]] = []

    def choose_another_name(_parent, suggested, caption=None):  # the save dialog, answered with a new name
        asked.append((suggested, default_folder()))
        return str(tmp_path / "새 위원 명단.xlsx")

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr("aict_desktop.ui.documents.ask_save_path", choose_another_name)
    actions = DocumentActions(parent, services=None)
    actions.save_file(lambda: b"new roster", "위원 명단.xlsx", path=str(held))
    qtbot.waitUntil(lambda: (tmp_path / "새 위원 명단.xlsx").exists(), timeout=10_000)
    assert any("Excel" in m and "위원 명단.xlsx" in m for m in feedback.shown)
    assert asked == [("위원 명단.xlsx", tmp_path)]  # offered in the folder of the refused file
    assert held.read_bytes() == b"the version open in Excel"
    assert (tmp_path / "새 위원 명단.xlsx").read_bytes() == b"new roster"
    assert not list(tmp_path.glob("*.tmp"))  # no 위원 명단.xlsx.tmp left behind
