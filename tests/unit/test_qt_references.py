"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 dropped one reference to ``True`` per
``Signal.emit()`` and one to ``None`` per call returning nothing, until Python aborted (bool_dealloc)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()


def test_emitting_and_void_calls_keep_true_and_none(qapp):
    obj = _Emitter()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(300):  # few enough that a leaking binding fails here instead of aborting Python
        obj.happened.emit()
        obj.setObjectName("x")
    assert sys.getrefcount(True) >= true_before - 20, "Signal.emit() loses references to True"
    assert sys.getrefcount(None) >= none_before - 20, "calls returning nothing lose references to None"
