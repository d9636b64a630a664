"""The kill test's typist: the real meeting-mode window, typing into the minutes notes.

Run as a separate process (offscreen Qt):
    python -m tests.e2e.meeting_typist DB MEETING_ID ITEM_ID TEXT_FILE [--interval-ms 50]

It opens the data file the way the program does (instance lock, store,
services), opens meeting mode on the meeting, selects the agenda item, and
types TEXT_FILE into the 발언 요지 field through Qt key events at a steady
pace. After each character has been handled by the widget it prints
``<index> <unix time>`` on stdout, so a test that SIGKILLs it at a random
moment knows what had been typed and when.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("meeting_id", type=int)
    ap.add_argument("item_id", type=int)
    ap.add_argument("text_file")
    ap.add_argument("--interval-ms", type=int, default=50)
    ap.add_argument("--file-dialog-first", action="store_true",
                    help="first open the program's save dialog on the data file's folder, as a user saving a paper")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from aict_desktop import i18n
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store
    from aict_desktop.store.instance_lock import InstanceLock
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    i18n.install("ko")
    text = Path(args.text_file).read_text(encoding="utf-8")
    app = QApplication([])
    lock = InstanceLock(Path(args.db)).acquire()  # as the program does; the OS frees it on SIGKILL
    store = open_store(args.db)
    services = Services(store)
    window = MeetingModeWindow(services, args.meeting_id)
    window.show()
    row = [it.id for it in window.items].index(args.item_id)
    window.agenda.setCurrentRow(row)
    if args.file_dialog_first:
        _look_at_a_file_dialog(window, Path(args.db).parent)
    notes = window.item_panel.notes
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    typed = len(notes.toPlainText())
    print(f"READY {typed}", flush=True)
    pos = 0

    def type_next() -> None:
        nonlocal pos
        if pos >= len(text):
            timer.stop()
            print("DONE", flush=True)
            return
        ch = text[pos]
        if ch == "\n":
            QTest.keyClick(notes, Qt.Key.Key_Return)
        else:  # any character, Hangul included: a key event carrying the text, as an IME commit does
            key = ord(ch.upper()) if ch.isascii() else 0
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(notes, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        print(f"{pos} {time.time():.4f}", flush=True)
        pos += 1

    timer = QTimer(interval=args.interval_ms)
    timer.timeout.connect(type_next)
    timer.start()
    code = app.exec()
    window.close()
    lock.release()
    return code


def _look_at_a_file_dialog(window, folder: Path) -> None:
    """The program's save dialog on the data folder, listed for half a second, then cancelled: the moment
    that once dropped SQLite's locks (a dialog sniffing the data file's type)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    from aict_desktop.ui.file_dialogs import get_save_file_name

    def cancel_when_shown() -> None:
        dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dlg is None:
            QTimer.singleShot(25, cancel_when_shown)
            return
        QTimer.singleShot(500, dlg.reject)

    QTimer.singleShot(0, cancel_when_shown)
    get_save_file_name(window, "저장", str(folder / "회의록.pdf"), "PDF (*.pdf)")


if __name__ == "__main__":
    sys.exit(main())
