"""Run a service call off the GUI thread; call back on the GUI thread.

Anki's ``CollectionOp(...).success(cb).failure(cb)`` habit: the work runs in
the thread pool, the callbacks run on the GUI thread, and anything that takes
longer than half a second shows a progress dialog. Cancelling stops waiting
and discards the result; work that writes is started with ``cancellable=False``
(a write either finishes or changes nothing, it cannot be abandoned halfway).
The work function may accept a ``cancelled`` keyword (a callable returning
True once the user pressed Cancel) to stop early between steps, and a
``progress`` keyword (a callable taking ``(stage, done, total)``, safe to call
from the worker): the progress dialog's bar follows it, and ``on_progress``
gets it on the GUI thread. Progress is handed over through an attribute the GUI
thread polls (``PROGRESS_POLL_MS``), not one signal per report: a big import
reports hundreds of times, and the bar needs only the latest count. (PySide6
6.12.0 on Python 3.11 also drops a reference to ``True`` at every Python-side
``emit()``.)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from aict_desktop.i18n import _

PROGRESS_DELAY_MS = 500
PROGRESS_POLL_MS = 50
_running: set[Job] = set()


class _Signals(QObject):
    finished = Signal(object, object)  # result, error


class _Runnable(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        job = self.job
        kwargs = {}
        if job.wants_cancel:
            kwargs["cancelled"] = lambda: job.cancelled
        if job.wants_progress:
            kwargs["progress"] = job.report
        try:
            result = job.fn(**kwargs)
        except Exception as exc:  # noqa: BLE001 — handed to the failure callback on the GUI thread
            job.signals.finished.emit(None, exc)
        else:
            job.signals.finished.emit(result, None)


class Job:
    """One background call; keeps itself alive until its callback has run."""

    def __init__(self, parent: QWidget | None, fn: Callable[..., Any], on_success, on_failure, label: str,
                 cancellable: bool, show_progress: bool, on_progress=None):
        self.fn = fn
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_progress = on_progress
        self.cancelled = False
        self.done = False
        params = inspect.signature(fn).parameters
        self.wants_cancel = "cancelled" in params
        self.wants_progress = "progress" in params
        self.signals = _Signals()
        self.signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._latest: tuple[str, int, int] | None = None  # set by the worker, read by the GUI thread
        self._shown: tuple[str, int, int] | None = None
        self._poll = None
        if self.wants_progress:
            self._poll = QTimer(interval=PROGRESS_POLL_MS)
            self._poll.timeout.connect(self._deliver)
            self._poll.start()
        self.progress: QProgressDialog | None = None
        if show_progress:
            p = QProgressDialog(label or _("Working…"), _("Cancel") if cancellable else None, 0, 0, parent)
            p.setWindowTitle(_("Please wait"))
            p.setWindowModality(Qt.WindowModality.WindowModal)
            p.setMinimumDuration(PROGRESS_DELAY_MS)
            p.setAutoClose(False)
            p.setAutoReset(False)
            if cancellable:
                p.canceled.connect(self.cancel)
            p.setValue(0)
            self.progress = p

    def cancel(self) -> None:
        self.cancelled = True

    def report(self, stage: str, done: int, total: int) -> None:
        """Called by the work function, on the worker thread."""
        self._latest = (stage, done, total)

    def _deliver(self) -> None:
        latest = self._latest
        if latest is None or latest == self._shown or self.cancelled:
            return
        self._shown = latest
        stage, done, total = latest
        if self.progress is not None:
            self.progress.setMaximum(max(total, 0))
            self.progress.setValue(min(done, total) if total else 0)
        if self.on_progress is not None:
            self.on_progress(stage, done, total)

    def _finished(self, result, error) -> None:
        if self._poll is not None:
            self._deliver()  # the last count before the result
            self._poll.stop()
            self._poll = None
        self.done = True
        _running.discard(self)
        if self.progress is not None:
            self.progress.blockSignals(True)  # closing a QProgressDialog emits canceled()
            self.progress.reset()  # stops its show timer: else it pops up, modal, after the job is done
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.cancelled:
            return
        if error is not None:
            if self.on_failure is not None:
                self.on_failure(error)
            else:
                from aict_desktop.ui.feedback import show_error

                show_error(None, error)
        elif self.on_success is not None:
            self.on_success(result)


def run_in_background(parent: QWidget | None, fn: Callable[..., Any], *, on_success=None, on_failure=None,
                      label: str = "", cancellable: bool = True, show_progress: bool = True,
                      on_progress=None) -> Job:
    """Start ``fn()`` in the thread pool; returns the job (tests wait on ``job.done``)."""
    job = Job(parent, fn, on_success, on_failure, label, cancellable, show_progress, on_progress)
    _running.add(job)
    QThreadPool.globalInstance().start(_Runnable(job))
    return job
