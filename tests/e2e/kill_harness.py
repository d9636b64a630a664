"""Run the typist, SIGKILL it at a random moment, and check what the data file kept."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAMPLE_TEXT = (
    "김민준 위원장: 상반기 사업 추진 현황 보고를 받겠습니다.\n"
    "간사: AI 교육과정 3개 운영, 수료생 124명 (목표 대비 103%). 만족도 4.6/5.0.\n"
    "이서연 위원: 교육 장소 <서초구민회관> & 온라인 병행 여부를 확인해 주십시오.\n"
    "박지훈 위원: 실증 플랫폼 참여 기업이 12개로 늘었으나, 중소기업 비중이 낮습니다.\n"
    "- 조치: 간사가 9월 회의 전까지 참여 기업 명단과 지원 계획을 보고.\n"
) * 4


@dataclass
class KillRun:
    typed: int  # characters reported typed before the kill
    saved: int  # characters found in the data file afterwards
    prefix_ok: bool  # the saved text is exactly the start of what was typed
    required: int  # characters typed at least 1 s before the kill
    lost_seconds: float  # how long before the kill the first unsaved character was typed (0 if none)
    kill_after: float

    @property
    def ok(self) -> bool:
        return self.prefix_ok and self.saved >= self.required


def prepare(db: Path):
    """A data file with the demo committee's meeting; returns (meeting id, item id)."""
    sys.path.insert(0, str(ROOT))
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store
    from tests.meeting_sample import build, mark_present

    store = open_store(db, create=True)
    try:
        services = Services(store)
        s = build(services)
        mark_present(services, s.meeting, 10)
        return s.meeting, s.report
    finally:
        store.dispose()


def saved_notes(db: Path, item_id: int) -> str:
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    store = open_store(db)
    try:
        return Services(store).meetings.item(item_id).notes
    finally:
        store.dispose()


def run_once(db: Path, meeting_id: int, item_id: int, *, rng: random.Random, text: str = SAMPLE_TEXT,
             interval_ms: int = 50, kill_window: tuple[float, float] = (0.3, 4.0), timeout: float = 90.0,
             file_dialog_first: bool = False) -> KillRun:
    """Type, kill at a random moment after typing started, and compare.

    ``file_dialog_first``: the typist first looks at a save dialog on the data folder, and while it types
    another process reads the file (``aict list bodies``), which is what deleted the -wal when a dialog had
    dropped the program's locks."""
    before = saved_notes(db, item_id)
    text_file = db.with_suffix(".typed.txt")
    text_file.write_text(text, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "AICT_LANG": "ko"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.meeting_typist", str(db), str(meeting_id), str(item_id), str(text_file),
         "--interval-ms", str(interval_ms)] + (["--file-dialog-first"] if file_dialog_first else []),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env, cwd=ROOT)
    events: list[tuple[int, float]] = []
    first = threading.Event()
    ready = threading.Event()

    def reader() -> None:
        for line in proc.stdout:
            parts = line.split()
            if parts and parts[0] == "READY":
                ready.set()
            elif len(parts) == 2 and parts[0].isdigit():
                events.append((int(parts[0]), float(parts[1])))
                first.set()
        first.set()  # the typist ended (or died) without typing

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    try:
        if not first.wait(timeout) or not events:
            proc.kill()
            raise RuntimeError("the typist did not start typing: " + (proc.stderr.read() if proc.stderr else ""))
        kill_after = rng.uniform(*kill_window)
        started = time.time()
        if file_dialog_first:  # another reader of the file while the program types
            subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), "list", "bodies"], env=env,
                           capture_output=True, timeout=60, cwd=ROOT)
        time.sleep(max(0.0, kill_after - (time.time() - started)))
        kill_time = time.time()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        t.join(timeout=10)
    assert proc.returncode == -signal.SIGKILL, proc.returncode
    typed_events = [e for e in events if e[1] <= kill_time]
    saved = saved_notes(db, item_id)
    new = saved[len(before):] if saved.startswith(before) else None
    prefix_ok = new is not None and text.startswith(new)
    n_saved = len(new) if new is not None else 0
    required = sum(1 for _i, at in typed_events if at <= kill_time - 1.0)
    unsaved = [at for i, at in typed_events if i >= n_saved]
    lost = kill_time - min(unsaved) if unsaved else 0.0
    return KillRun(typed=len(typed_events), saved=n_saved, prefix_ok=prefix_ok, required=required,
                   lost_seconds=lost, kill_after=kill_after)
