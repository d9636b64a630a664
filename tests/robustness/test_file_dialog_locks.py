"""Issue 14 item 1: a file dialog must not drop the program's SQLite locks (Linux, POSIX locks).

Qt's file dialog asks the MIME database for the type of every file it lists, which opens and
closes the file; on POSIX closing *any* descriptor of a file releases every lock the process
holds on it. Another process then believes it is alone, checkpoints and deletes the -wal and
-shm, and what is typed afterwards goes into a deleted file. Each file dialog of the program is
shown offscreen on the data folder (and on its parent) while the program holds its locks as it
does in use; a separate process then checks with F_GETLK that the locks are still held.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QWidget

from tests.e2e.cli_helpers import aict, aict_json
from tests.robustness.lock_probe import holds_locks, lock_holders, locks_listing

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX lock semantics, /proc")

ROOT = Path(__file__).resolve().parents[2]
LOADED_WAIT_MS = 600  # after the folder is listed: Qt gathers the types and icons in a thread


class DialogDriver:
    """Answers the next file dialog like a user: looks at the folder until it is listed, then cancels."""

    def __init__(self):
        self.seen: list[dict] = []

    def arm(self) -> None:
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dlg is None:
            QTimer.singleShot(25, self._poll)
            return
        model = dlg.findChild(QFileSystemModel)
        root = model.index(dlg.directory().absolutePath()) if model is not None else None

        def listed(tries: int = 0) -> None:  # a filter may leave nothing to show: wait a second at most
            if root is not None and model.rowCount(root) == 0 and tries < 40:
                QTimer.singleShot(25, lambda: listed(tries + 1))
                return
            QTimer.singleShot(LOADED_WAIT_MS, lambda: self._close(dlg, model, root))

        listed()

    def _close(self, dlg, model, root) -> None:
        names = [model.fileName(model.index(r, 0, root)) for r in range(model.rowCount(root))] if root else []
        self.seen.append({"folder": dlg.directory().absolutePath(), "names": names,
                          "native": not dlg.testOption(QFileDialog.Option.DontUseNativeDialog)})
        dlg.reject()


@pytest.fixture
def data(tmp_path, monkeypatch):
    """The program's data file in its own folder, open and used (a read and a write) as in meeting mode."""
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store
    from aict_desktop.ui.documents import remember_folder
    from tests.meeting_sample import build

    folder = tmp_path / "사무국 자료"
    folder.mkdir()
    db = folder / "aict.sqlite"
    store = open_store(db, create=True)
    services = Services(store)
    sample = build(services)
    services.meetings.save_notes(sample.report, "회의 중 입력")
    services.bodies.list_bodies()
    (folder / "참고자료.pdf").write_bytes(b"%PDF-1.4 test")
    remember_folder(str(folder / "x"))  # the program's remembered folder is the data folder
    monkeypatch.chdir(folder)  # bare file names start in the working folder
    assert holds_locks(db), locks_listing()
    yield services, sample, db
    store.dispose()


def _program_dialogs(services, sample, folder: Path, parent: QWidget):
    """Every file dialog of the program, opened the way a user opens it."""
    from aict_desktop.config import Settings
    from aict_desktop.ui.dialogs.backup import BackupDialog
    from aict_desktop.ui.dialogs.import_wizard import ImportWizard
    from aict_desktop.ui.documents import ask_save_path
    from aict_desktop.ui.meetings.allowances_dialog import AllowancesDialog
    from aict_desktop.ui.meetings.minutes_bar import MinutesBar
    from aict_desktop.ui.privacy.access_log_dialog import AccessLogDialog

    yield "page: save as", lambda: ask_save_path(parent, "위원 명단.pdf")
    yield "backup", lambda: BackupDialog.ask(services, Settings(backup_dir=str(folder)), parent)
    bar = MinutesBar(services, sample.meeting, parent)
    yield "minutes export", lambda: bar.export("pdf")
    allowances = AllowancesDialog(services, sample.meeting, parent)
    yield "allowances", lambda: allowances.save("pdf")
    wizard = ImportWizard(services, "people", parent)
    yield "import", wizard.choose_file
    log = AccessLogDialog(services.store, parent)
    yield "access log export", log.export


def test_every_file_dialog_of_the_program_keeps_the_locks(qtbot, data):
    services, sample, db = data
    parent = QWidget()
    qtbot.addWidget(parent)
    driver = DialogDriver()
    lost = []
    for name, open_dialog in _program_dialogs(services, sample, db.parent, parent):
        driver.arm()
        open_dialog()
        assert driver.seen and driver.seen[-1]["folder"] == str(db.parent), (name, driver.seen[-1:])
        if not holds_locks(db):
            lost.append((name, lock_holders(db), locks_listing()))
    assert not lost, lost


@pytest.mark.parametrize("where", ["folder", "parent"])
@pytest.mark.parametrize("kind", ["save", "open", "folder"])
def test_the_file_dialog_helper_keeps_the_locks(qtbot, data, kind, where):
    from aict_desktop.ui import file_dialogs

    _services, _sample, db = data
    start = db.parent if where == "folder" else db.parent.parent
    parent = QWidget()
    qtbot.addWidget(parent)
    driver = DialogDriver()
    driver.arm()
    if kind == "save":
        result = file_dialogs.get_save_file_name(parent, "저장", str(start / "명단.pdf"), "PDF (*.pdf)")
    elif kind == "open":
        result = file_dialogs.get_open_file_name(parent, "열기", str(start), "All (*)")
    else:
        result = file_dialogs.get_existing_directory(parent, "폴더", str(start))
    assert result in (("", ""), "")  # cancelled
    assert driver.seen[-1]["folder"] == str(start)
    assert not driver.seen[-1]["native"]  # Qt's own dialog: the platform's may sniff files in this process too
    assert holds_locks(db), locks_listing()


def test_after_a_file_dialog_another_reader_cannot_delete_what_is_typed_next(qtbot, data):
    """The failure as it happened: dialog, then `aict list`, then typing — the typing must be on disk."""
    from aict_desktop.ui.documents import ask_save_path

    services, sample, db = data
    parent = QWidget()
    qtbot.addWidget(parent)
    driver = DialogDriver()
    driver.arm()
    ask_save_path(parent, "회의록.pdf")
    r = aict("list", "bodies", db=db)  # a reader that believes it is alone would delete the -wal on exit
    assert r.returncode == 0, r.stderr
    assert (Path(str(db) + "-wal")).exists(), "the -wal was deleted under the running program"
    services.meetings.save_notes(sample.report, "대화상자 이후에 입력한 발언 요지")
    meetings = aict_json("list", "meetings", db=db)  # a fresh process sees what was typed
    assert meetings
    check = aict("check", db=db)
    assert check.returncode == 0, check.stdout + check.stderr
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        notes = conn.execute("SELECT notes FROM agendaitem WHERE id = ?", (sample.report,)).fetchone()[0]
    finally:
        conn.close()
    assert notes == "대화상자 이후에 입력한 발언 요지"


def test_no_part_of_the_program_opens_a_qt_file_dialog_directly():
    """Every file dialog goes through ui/file_dialogs.py (the one that never reads file contents)."""
    offenders = []
    for path in (ROOT / "aict_desktop").rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), start=1):
            if re.search(r"QFileDialog\s*\(|QFileDialog\.get\w+\s*\(", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_a_document_saved_over_the_open_data_file_is_refused(data):
    """Choosing the data file itself as the PDF's name must not replace the minutes with a PDF."""
    from aict_desktop.app import open_data
    from aict_desktop.ui.documents import write_bytes

    services, sample, db = data
    services.store.dispose()
    opened = open_data(str(db))  # as the program holds it: with its instance lock
    try:
        with pytest.raises(OSError) as err:
            write_bytes(str(db), b"%PDF-1.4 not the minutes")
        assert "aict.sqlite" in err.value.strerror
        assert opened.services.meetings.item(sample.report).notes == "회의 중 입력"
    finally:
        opened.close()


def test_opening_the_data_file_keeps_the_locks(tmp_path):
    """The program's own start opened the data file to see whether it may write (``read_only_reason``) after
    SQLite had opened it, and closing that descriptor released every lock: each start ran unlocked until the
    watchdog's next check took them back. It now asks before SQLite opens the file."""
    from aict_desktop.app import open_data

    db = tmp_path / "aict.sqlite"
    open_data(str(db)).close()  # created
    opened = open_data(str(db))  # opened again, as at every start
    try:
        opened.services.bodies.list_bodies()
        assert opened.read_only is None
        assert holds_locks(db), (lock_holders(db), locks_listing())
        assert opened.services.store.watchdog.recoveries == 0
    finally:
        opened.close()
