"""The import wizard off the GUI thread: a 3,000-row file checked and imported with a progress bar while the
window keeps answering, 취소 for the check and the import, cells pasted from Excel (button and Ctrl+V) going
through the same check, and a DRM-protected file refused plainly."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from sqlmodel import func, select

from aict_desktop.domain.models import Person
from aict_desktop.i18n import _
from aict_desktop.services.import_readers import drm_message
from aict_desktop.ui.dialogs.import_wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton


def people_csv(path: Path, n: int) -> Path:
    rows = "".join(f"위원{i:05d},서초기관{i % 40:02d},책임연구원,p{i}@example.com,{'남' if i % 2 else '여'}\n"
                   for i in range(n))
    path.write_text("성명,소속기관,직위,이메일,성별\n" + rows, encoding="utf-8")
    return path


def people_count(services) -> int:
    with services.store.session() as s:
        return s.exec(select(func.count()).select_from(Person)).one()


def answer_open_dialog(path: Path) -> None:
    """Pick ``path`` in the next file dialog and click 열기."""
    def answer():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        dlg.selectFile(str(path))
        QTest.mouseClick(dlg.findChild(QDialogButtonBox, "buttonBox").buttons()[0], LEFT)
    QTimer.singleShot(0, answer)


def open_wizard(qtbot, services, kind="people") -> ImportWizard:
    dlg = ImportWizard(services, kind)
    qtbot.addWidget(dlg)
    dlg.resize(1366, 768)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()  # the user's window: focus and shortcuts go to it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    return dlg


def choose(qtbot, dlg, path: Path) -> None:
    answer_open_dialog(path)
    qtbot.mouseClick(dlg.browse_button, LEFT)


def progress_seen(dlg) -> list[tuple[str, int, int]]:
    seen = []
    dlg.progress.bar.valueChanged.connect(
        lambda v: seen.append((dlg.progress.label.text(), v, dlg.progress.bar.maximum())))
    return seen


class Heartbeat:
    """Ticks of a 10 ms timer on the GUI thread while the wizard is busy (a frozen window has none), and the
    progress line shown at each."""

    def __init__(self, dlg):
        self.dlg, self.ticks, self.last, self.shown = dlg, [], None, []
        self.was_busy = False
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = time.monotonic()
        if self.dlg.busy:
            if self.was_busy:  # the first busy tick's interval began before the work did (the click itself)
                self.ticks.append(now - self.last if self.last is not None else 0.0)
            self.was_busy = True
            bar = self.dlg.progress.bar
            self.shown.append((self.dlg.progress.label.text(), bar.value(), bar.maximum()))
        else:
            self.was_busy = False
        self.last = now

    def stop(self):
        self.timer.stop()


def test_a_3000_row_file_is_checked_and_imported_in_the_worker_with_progress(qtbot, services, tmp_path):
    f = people_csv(tmp_path / "위원 3000명.csv", 3_000)
    dlg = open_wizard(qtbot, services)
    seen = progress_seen(dlg)
    beat = Heartbeat(dlg)
    choose(qtbot, dlg, f)
    assert dlg.check_job is not None  # the click returned while the worker checks
    qtbot.waitUntil(lambda: not dlg.busy, timeout=60_000)
    beat.stop()
    assert len(beat.ticks) >= 3 and max(beat.ticks) < 0.5, beat.ticks  # the window kept answering
    checking = _("Checking rows: {done} of {total}").split("{")[0]
    assert any(text.startswith((checking, _("Reading the file…"))) for text, _v, _m in beat.shown), beat.shown
    assert (_("Checking rows: {done} of {total}").format(done="3,000", total="3,000"), 3_000, 3_000) in seen
    assert not dlg.progress.isVisible()
    assert dlg.model.rowCount() == 3_000 and dlg.import_button.isEnabled()
    assert _("{n} rows are ready to import.").format(n=3000) in dlg.summary.text()

    seen.clear()
    dlg.activateWindow()  # back from the file dialog
    dlg.path.setFocus()  # the click takes the focus from the file field: that must not start a new check
    qtbot.waitUntil(dlg.path.hasFocus)
    qtbot.mouseClick(dlg.import_button, LEFT)
    assert dlg.progress.isVisible() and not dlg.close_button.isEnabled()
    assert dlg.check_job is None and dlg.busy_importing and not dlg.import_button.isEnabled()
    qtbot.waitUntil(lambda: dlg.job.done, timeout=60_000)
    writes = [v for text, v, m in seen if text == _("Importing rows: {done} of {total}").format(
        done=f"{v:,}", total="3,000")]
    assert writes and writes[-1] == 3_000 and writes == sorted(writes), seen
    assert dlg.imported == 3_000 and people_count(services) == 3_000
    assert dlg.result() == ImportWizard.DialogCode.Accepted


def test_cancel_stops_the_check_and_the_import_and_nothing_changes(qtbot, services, tmp_path):
    f = people_csv(tmp_path / "위원.csv", 20_000)
    dlg = open_wizard(qtbot, services)
    choose(qtbot, dlg, f)
    qtbot.waitUntil(lambda: dlg.progress.bar.value() > 0, timeout=60_000)
    qtbot.mouseClick(dlg.progress.cancel_button, LEFT)
    assert not dlg.busy and not dlg.progress.isVisible() and not dlg.import_button.isEnabled()
    assert dlg.summary.text() == _("Check cancelled. Nothing was changed.")

    qtbot.mouseClick(dlg.check_button, LEFT)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=90_000)
    assert dlg.import_button.isEnabled()
    writing = _("Importing rows: {done} of {total}").split("{")[0]
    qtbot.mouseClick(dlg.import_button, LEFT)
    qtbot.waitUntil(lambda: dlg.progress.label.text().startswith(writing) and dlg.progress.bar.value() > 0,
                    timeout=90_000)
    qtbot.mouseClick(dlg.progress.cancel_button, LEFT)
    assert dlg.progress.cancel_button.text() == _("Cancelling…")
    qtbot.waitUntil(lambda: dlg.job.done, timeout=60_000)
    assert dlg.summary.text() == _("Import cancelled. Nothing was imported.")
    assert people_count(services) == 0 and dlg.imported == 0
    assert dlg.import_button.isEnabled() and dlg.isVisible()  # the user may import it after all


def test_cells_pasted_from_excel_by_button_and_ctrl_v_are_checked_and_imported(qtbot, services):
    clipboard = QApplication.clipboard()
    dlg = open_wizard(qtbot, services)
    clipboard.setText("이름\t소속\t휴대폰\r\n김서연\t누리대학교\t01012345678\r\n김서연\t누리대학교\t010-1\r\n")
    qtbot.mouseClick(dlg.paste_button, LEFT)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert [r.row_number for r in dlg.model.rows() if r.problems] == [3]  # the same rules as a file
    assert dlg.model.rows()[0].values == {"이름": "김서연", "소속": "누리대학교", "휴대폰": "01012345678"}
    assert not dlg.import_button.isEnabled()

    clipboard.setText("성명\t소속기관\t직위\n김서연\t누리대학교\t교수\n박지훈\t서초구청\t주무관\n이하늘\t서초구청\t\n")
    dlg.table.setFocus()
    qtbot.keyClick(dlg.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dlg.busy and dlg.model.rowCount() == 3, timeout=20_000)
    assert dlg.import_button.isEnabled()
    qtbot.mouseClick(dlg.import_button, LEFT)
    qtbot.waitUntil(lambda: dlg.job.done, timeout=20_000)
    assert dlg.imported == 3
    assert {p.name for p in services.roster.list_people()} == {"김서연", "박지훈", "이하늘"}


def test_ctrl_v_in_the_path_field_pastes_text_into_the_field(qtbot, services, tmp_path):
    dlg = open_wizard(qtbot, services)
    QApplication.clipboard().setText(str(tmp_path / "명단.csv"))
    dlg.path.setFocus()
    qtbot.keyClick(dlg.path, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dlg.path.text() == str(tmp_path / "명단.csv") and dlg.pasted is None


def test_a_drm_file_says_so_and_pasting_its_cells_works(qtbot, services, tmp_path):
    f = tmp_path / "위원명단(보안).xlsx"
    f.write_bytes(b"<## FSN 3.0 ##>" + bytes(range(256)) * 4)
    dlg = open_wizard(qtbot, services)
    choose(qtbot, dlg, f)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert drm_message() in dlg.summary.text() and not dlg.import_button.isEnabled()
    assert people_count(services) == 0
    QApplication.clipboard().setText("성명\t소속기관\n김서연\t누리대학교\n")
    qtbot.mouseClick(dlg.paste_button, LEFT)
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert dlg.import_button.isEnabled() and dlg.model.rowCount() == 1
