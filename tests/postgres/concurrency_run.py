"""Several processes on one database at once: certificates issued, one record edited.

Used by tests/postgres/test_concurrency.py (behaviour) and
benchmarks/bench_concurrency.py (figures). Each worker is a separate process
(``spawn``: nothing is shared but the database) that waits at a barrier so
all of them start together, then

* issues one 위촉장 at a time for its own share of the appointments, then,
  after a second barrier,
* edits the one shared institution again and again, each time reading it,
  pausing a moment like a person typing, and saving with the version it read
  (optimistic locking). A ConflictError is counted, its message kept, and the
  edit retried from a fresh read.

Afterwards the database is checked: duplicate serials, certificates per
appointment, lost updates (a save reported as successful that the record's
version history does not contain), the final value against the last
successful save, and the access log's hash chain.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import random
import time
from dataclasses import dataclass, field

ISSUED_ON = dt.date(2025, 6, 12)
BODY = "서초AICT 운영위원회"
SHARED = "서초구 공유 기관"


@dataclass
class Figures:
    processes: int
    certificates_requested: int
    certificates_issued: int = 0
    duplicates: int = 0
    appointments_with_two_certificates: int = 0
    issue_failures: int = 0
    edits_saved: int = 0
    conflicts: int = 0
    conflicts_with_clear_message: int = 0
    lost_updates: int = 0
    final_value_matches_last_save: bool = False
    access_log_intact: bool = False
    seconds: float = 0.0
    sample_conflict: str = ""
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"processes: {self.processes}",
            f"certificates requested: {self.certificates_requested}",
            f"certificates issued: {self.certificates_issued}",
            f"duplicates: {self.duplicates}",
            f"appointments with two certificates: {self.appointments_with_two_certificates}",
            f"edits saved: {self.edits_saved}",
            f"conflicts: {self.conflicts} (with a clear message: {self.conflicts_with_clear_message})",
            f"lost updates: {self.lost_updates}",
            f"final value = last successful save: {self.final_value_matches_last_save}",
            f"access log chain intact: {self.access_log_intact}",
            f"wall time: {self.seconds:.1f} s",
            f"sample conflict message: {self.sample_conflict}",
        ]


def prepare(target: str, processes: int, per_process: int) -> tuple[int, list[int], int]:
    """A body with one appointment per certificate to issue, and the shared institution."""
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    st = open_store(target, create=True)
    try:
        sv = Services(st)
        body = sv.bodies.create_body(name=BODY, kind="위원회", issuer="서울특별시 서초구청장")
        inst = sv.roster.create_institution(name=SHARED, sector="공공기관", note="처음 값")
        ids = []
        for i in range(processes * per_process):
            p = sv.roster.create_person(name=f"위원{i:03d}", institution_id=inst.id, position="위원")
            ids.append(sv.appointments.appoint(p.id, body.id, role="위원", term_start=dt.date(2025, 6, 1)).id)
        return body.id, ids, inst.id
    finally:
        st.dispose()


def _worker(n: int, target: str, body_id: int, appointment_ids: list[int], inst_id: int, edits: int,
            barrier, results, lang: str) -> None:
    from aict_desktop import i18n
    from aict_desktop.domain.errors import ConflictError, DomainError
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    i18n.install(lang)
    out = {"issued": [], "failures": [], "saves": [], "conflicts": []}
    st = open_store(target)
    sv = Services(st)
    rnd = random.Random(n)
    try:
        barrier.wait(timeout=120)
        for aid in appointment_ids:
            try:
                res = sv.certificates.issue(body_id, [aid], on=ISSUED_ON)
                out["issued"] += [r.serial for r in res.certificates]
            except DomainError as err:
                out["failures"].append(err.message)
        barrier.wait(timeout=600)  # then everybody edits the same record at once
        for k in range(edits):
            value = f"프로세스{n}-수정{k}"
            while True:
                inst = sv.roster.get_institution(inst_id)
                original = {"note": inst.note}
                time.sleep(rnd.uniform(0, 0.01))  # a person typing
                try:
                    saved = sv.roster.update_institution(inst_id, {"note": value}, expected_version=inst.version,
                                                         original=original)
                    out["saves"].append((saved.version, value))
                    break
                except ConflictError as err:
                    out["conflicts"].append(err.message)
    finally:
        st.dispose()
        results.put((n, out))


def run(target: str, *, processes: int = 4, per_process: int = 10, edits: int = 10, lang: str = "ko") -> Figures:
    """Run the workers against ``target`` (a prepared-from-empty database URL or file) and measure."""
    from sqlalchemy import func, select

    from aict_desktop.domain.models import Certificate, Institution
    from aict_desktop.store import open_store
    from aict_desktop.store.audit import verify_chain

    body_id, ids, inst_id = prepare(target, processes, per_process)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(processes)
    results = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(n, target, body_id, ids[n::processes], inst_id, edits, barrier,
                                                 results, lang)) for n in range(processes)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    outs = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    fig = Figures(processes=processes, certificates_requested=len(ids), seconds=time.perf_counter() - t0)
    fig.errors += [f"process exit code {p.exitcode}" for p in procs if p.exitcode != 0]

    issued = [s for _n, o in outs for s in o["issued"]]
    saves = [s for _n, o in outs for s in o["saves"]]
    conflicts = [c for _n, o in outs for c in o["conflicts"]]
    fig.issue_failures = sum(len(o["failures"]) for _n, o in outs)
    fig.errors += [f for _n, o in outs for f in o["failures"]]
    fig.edits_saved = len(saves)
    fig.conflicts = len(conflicts)
    fig.conflicts_with_clear_message = sum(1 for c in conflicts if _clear(c))
    fig.sample_conflict = conflicts[0] if conflicts else ""

    st = open_store(target)
    try:
        with st.session() as s:
            rows = s.execute(select(Certificate.body_id, Certificate.year, Certificate.seq, Certificate.serial,
                                    Certificate.appointment_id)).all()
            inst = s.get(Institution, inst_id)
            final_version, final_note = inst.version, inst.note
            fig.certificates_issued = s.execute(select(func.count()).select_from(Certificate)).scalar_one()
        keys = [(r.body_id, r.year, r.seq) for r in rows]
        fig.duplicates = (len(keys) - len(set(keys))) + (len(rows) - len({(r.body_id, r.serial) for r in rows}))
        fig.duplicates += len(issued) - len(set(issued))  # the same serial reported to two processes
        per_appt = [r.appointment_id for r in rows]
        fig.appointments_with_two_certificates = len(per_appt) - len(set(per_appt))
        # every successful save produced its own version: versions 2..final_version, none shared
        versions = [v for v, _value in saves]
        fig.lost_updates = len(saves) - len(set(versions)) + max(0, len(saves) - (final_version - 1))
        last = max(saves, default=(1, "처음 값"))
        fig.final_value_matches_last_save = final_note == last[1] and final_version == last[0]
        fig.access_log_intact = verify_chain(st) is None
    finally:
        st.dispose()
    return fig


def _clear(message: str) -> bool:
    """A conflict message says what happened and shows what the other person changed."""
    return bool(message) and "note" in message and "프로세스" in message and "\n" not in message.strip()
