"""How long the 성과 점검 보고서 takes on a busy network: 4 분과 × N tasks with logs, milestones, programmes.

    python benchmarks/bench_task_report.py [N]      (default 500 tasks per group)

Prints the time to assemble the review, render the PDF and the .xlsx, the
page count and the file sizes, and the time of the group summaries the
dashboard shows.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("AICT_DATA_DIR", tempfile.mkdtemp())


def main(n: int) -> None:
    from pypdf import PdfReader

    from aict_desktop import i18n
    from aict_desktop.domain.enums import BodyKind, ProgramKind, TaskStatus
    from aict_desktop.domain.models import Body, Milestone, Program, Task, TaskUpdate
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    i18n.install("ko")
    store = open_store(Path(tempfile.mkdtemp()) / "bench.sqlite", create=True)
    sv = Services(store)
    statuses = list(TaskStatus)
    with store.write() as s:
        net = Body(name="서초 AI 혁신 네트워크", kind=BodyKind.NETWORK)
        s.add(net)
        s.flush()
        for g in range(4):
            body = Body(name=f"AI 분과 {g + 1}", kind=BodyKind.WORKING_GROUP, parent_id=net.id,
                        goals="주민 AI 교육 1,000명\n" * 3, plan="3분기: 설계\n4분기: 운영\n")
            s.add(body)
            s.flush()
            for m in range(6):
                s.add(Milestone(body_id=body.id, title=f"마일스톤 {m + 1}", period=f"2025 {m % 4 + 1}분기",
                                due_on=dt.date(2025, 3 * (m % 4) + 1, 28), position=m))
            for p in range(10):
                s.add(Program(body_id=body.id, kind=list(ProgramKind)[p % 5], title=f"프로그램 {p + 1}",
                              held_on=dt.date(2025, p % 12 + 1, 10), place="엘타워", participants=50 + p))
            for t in range(n):
                st = statuses[t % 4]
                task = Task(title=f"과제 {g + 1}-{t + 1} 실증 협의", body_id=body.id, status=st,
                            progress=100 if st is TaskStatus.DONE else (t * 7) % 100,
                            due_on=dt.date(2025, t % 12 + 1, t % 28 + 1),
                            completed_on=dt.date(2025, t % 12 + 1, 28) if st is TaskStatus.DONE else None)
                s.add(task)
                s.flush()
                s.add(TaskUpdate(task_id=task.id, author="간사", change="등록"))
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)

    t0 = time.perf_counter()
    review = sv.reports.review(net.id, start, end)
    t1 = time.perf_counter()
    pdf = sv.reports.task_report_pdf(net.id, start, end)
    t2 = time.perf_counter()
    xlsx = sv.reports.task_report_xlsx(net.id, start, end)
    t3 = time.perf_counter()
    sv.groups.summaries()
    t4 = time.perf_counter()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    tasks = sum(len(g.done) + len(g.open) + len(g.on_hold) for g in review.groups)
    print(f"groups: {len(review.groups)}, tasks in review: {tasks}")
    print(f"review data: {(t1 - t0) * 1000:.0f} ms")
    print(f"PDF (incl. data): {(t2 - t1) * 1000:.0f} ms, {pages} pages, {len(pdf) / 1024:.0f} KiB")
    print(f"XLSX (incl. data): {(t3 - t2) * 1000:.0f} ms, {len(xlsx) / 1024:.0f} KiB")
    print(f"dashboard group summaries: {(t4 - t3) * 1000:.0f} ms")
    store.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
