"""The crash campaign: SIGKILL writers at random moments, then check every file and every confirmation.

Used by tests/robustness/test_crash.py and benchmarks/crash_kill.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZYGOTE = Path(__file__).with_name("crash_zygote.py")


@dataclass
class Summary:
    runs: int = 0
    files: int = 0
    confirmed: int = 0  # writes the children reported committed
    by_op: dict = field(default_factory=dict)
    check_failures: list = field(default_factory=list)
    lost: list = field(default_factory=list)
    child_errors: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return len(self.check_failures) + len(self.lost) + len(self.child_errors)

    def line(self) -> str:
        return (f"crash test: {self.runs} SIGKILL runs on {self.files} files, {self.confirmed} confirmed writes "
                f"{self.by_op}, failures: {self.failures} ({len(self.check_failures)} check, {len(self.lost)} lost, "
                f"{len(self.child_errors)} child errors), {self.seconds:.0f} s")


def make_template(path: Path, passphrase: str) -> dict:
    """A data file with a committee, a meeting with three agenda items, people, and an unlocked key."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        store = open_store(path, create=True)
        sv = Services(store)
        sv.keys.set_passphrase_provider(lambda new: passphrase)
        body = sv.bodies.create_body(name="서초AICT 운영위원회", issuer="서울특별시 서초구청장")
        inst = sv.roster.create_institution(name="서초구청")
        people = []
        for n in ("김민준", "이서연", "박지훈"):
            p = sv.roster.create_person(name=n, institution_id=inst.id)
            sv.appointments.appoint(p.id, body.id, term_start=dt.date.today())
            people.append(p.id)
        m = sv.meetings.create(body.id, starts_at=dt.datetime.now().replace(microsecond=0, second=0))
        items = [sv.meetings.add_item(m.id, f"안건 {i}").id for i in range(1, 4)]
        sv.personal.set_rrn(people[0], "800101-1000000")  # makes the key (passphrase mode)
        store.dispose()
    finally:
        keyring.set_keyring(previous)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"body": body.id, "inst": inst.id, "people": people, "items": items}


class Zygote:
    def __init__(self, env: dict):
        self.proc = subprocess.Popen([sys.executable, str(ZYGOTE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, encoding="utf-8", env=env, cwd=ROOT)

    def ask(self, **cmd) -> dict:
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the crash zygote died")
        return json.loads(line)

    def close(self) -> None:
        try:
            self.proc.stdin.close()  # the zygote ends at end of input
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


class Ledger:
    """What the children confirmed for one file, and the checks against the file."""

    def __init__(self):
        self.notes: dict[int, int] = {}  # item -> highest confirmed serial
        self.appts: dict[int, str] = {}
        self.rrn: dict[int, int] = {}  # person -> highest confirmed serial
        self.rrn_sets = 0
        self.tasks: dict[int, str] = {}
        self.certs: dict[str, int] = {}
        self.imports_started: list[list[str]] = []
        self.imports: list[list[str]] = []

    def add(self, rec: dict) -> None:
        op = rec["op"]
        if op == "notes":
            self.notes[rec["item"]] = max(self.notes.get(rec["item"], 0), rec["serial"])
        elif op == "appoint":
            self.appts[rec["appt"]] = rec["name"]
        elif op == "rrn":
            self.rrn[rec["person"]] = max(self.rrn.get(rec["person"], 0), rec["serial"])
            self.rrn_sets += 1
        elif op == "task":
            self.tasks[rec["task"]] = rec["title"]
        elif op == "certificate":
            self.certs[rec["serial_no"]] = rec["appt"]
        elif op == "import-start":
            self.imports_started.append(rec["names"])
        elif op == "import":
            self.imports.append(rec["names"])

    def verify(self, db: Path, services) -> list[str]:
        from aict_desktop.security import fields

        lost = []
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            for item, serial in self.notes.items():
                notes = conn.execute("SELECT notes FROM agendaitem WHERE id=?", (item,)).fetchone()[0]
                got = int(notes[1:notes.index("]")]) if notes.startswith("[") else 0
                if got < serial:
                    lost.append(f"{db.name}: notes of item {item} are from write {got}, confirmed {serial}")
            for appt, name in self.appts.items():
                row = conn.execute("SELECT p.name FROM appointment a JOIN person p ON p.id=a.person_id "
                                   "WHERE a.id=?", (appt,)).fetchone()
                if row is None or row[0] != name:
                    lost.append(f"{db.name}: appointment {appt} of {name} is missing")
            for task, title in self.tasks.items():
                row = conn.execute("SELECT title FROM task WHERE id=?", (task,)).fetchone()
                if row is None or row[0] != title:
                    lost.append(f"{db.name}: task {task} ({title}) is missing")
            for serial, appt in self.certs.items():
                rows = conn.execute("SELECT appointment_id, status FROM certificate WHERE serial=?", (serial,)).fetchall()
                if len(rows) != 1 or rows[0][0] != appt:
                    lost.append(f"{db.name}: certificate {serial} is missing or not unique: {rows}")
                if not conn.execute("SELECT 1 FROM accesslog WHERE action='certificate.issue' AND target=?",
                                    (serial,)).fetchone():
                    lost.append(f"{db.name}: the access log has no entry for certificate {serial}")
            for names in self.imports_started:  # all or nothing, confirmed or not
                marks = ",".join("?" * len(names))
                found = conn.execute(f"SELECT count(*) FROM person WHERE name IN ({marks})", names).fetchone()[0]
                if found not in (0, len(names)) or (names in self.imports and found != len(names)):
                    lost.append(f"{db.name}: import of {len(names)} people left {found} of them")
            logged = conn.execute("SELECT count(*) FROM accesslog WHERE action='personal.set_rrn'").fetchone()[0]
            if logged < self.rrn_sets + 1:
                lost.append(f"{db.name}: {self.rrn_sets} 주민등록번호 writes confirmed, {logged - 1} logged")
            for pid, serial in self.rrn.items():
                (token,) = conn.execute("SELECT rrn_enc FROM person WHERE id=?", (pid,)).fetchone()
                if token is None or "1234" in token:
                    lost.append(f"{db.name}: person {pid} lost the encrypted 주민등록번호")
                    continue
                got = int(fields.decrypt(services.keys.key(), token, pid, fields.RRN)[-6:])  # not logged
                if got < serial:
                    lost.append(f"{db.name}: 주민등록번호 of person {pid} is from write {got}, confirmed {serial}")
        return lost


def _wait_for_first_write(out: Path, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if out.exists() and out.stat().st_size > 0:
            return
        time.sleep(0.01)


def campaign(workdir: Path, *, runs: int = 100, files: int = 10, seed: int = 20250605,
             min_delay: float = 0.0, max_delay: float = 0.6, final_subprocess_check: bool = True) -> Summary:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    from tests.robustness.crash_zygote import PASSPHRASE

    started = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    template = workdir / "template.sqlite"
    meta = make_template(template, PASSPHRASE)
    dbs = []
    for i in range(files):
        db = workdir / f"crash{i:02d}.sqlite"
        shutil.copyfile(template, db)
        Path(str(db) + ".meta.json").write_text(json.dumps(meta))
        dbs.append(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AICT_LANG": "ko", "AICT_DATA_DIR": str(workdir / "data")}
    env.pop("AICT_DB", None)
    rng = random.Random(seed)
    summary = Summary(files=files)
    ledgers = {db: Ledger() for db in dbs}
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    readers = {}
    zygote = Zygote(env)
    try:
        for db in dbs:
            sv = Services(open_store(db, upgrade=False))
            sv.keys.set_passphrase_provider(lambda new: PASSPHRASE)
            readers[db] = sv
        for run in range(1, runs + 1):
            db = dbs[(run - 1) % files]
            out = workdir / f"run{run:03d}.jsonl"
            pid = zygote.ask(op="run", db=str(db), seed=rng.randrange(2**31), run=run, out=str(out))["pid"]
            _wait_for_first_write(out, timeout=20)  # a loaded machine may be slow to start the writer
            time.sleep(rng.uniform(min_delay, max_delay))
            os.kill(pid, signal.SIGKILL)
            status = zygote.ask(op="wait", pid=pid)["status"]
            summary.runs += 1
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                summary.child_errors.append(f"run {run}: the writer ended by itself (status {status})")
            records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()] \
                if out.exists() else []
            for rec in records:
                ledgers[db].add(rec)
                if not rec["op"].endswith("-start"):  # an intent, not a confirmation
                    summary.by_op[rec["op"]] = summary.by_op.get(rec["op"], 0) + 1
                    summary.confirmed += 1
            check_out = workdir / f"check{run:03d}.txt"
            rc = zygote.ask(op="check", db=str(db), out=str(check_out))["rc"]
            if rc != 0:
                summary.check_failures.append(f"run {run} {db.name}: {check_out.read_text(encoding='utf-8')}")
            summary.lost += ledgers[db].verify(db, readers[db])
        if final_subprocess_check:
            for db in dbs:
                r = subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), "check"],
                                   capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
                if r.returncode != 0:
                    summary.check_failures.append(f"final {db.name}: {r.stdout}{r.stderr}")
    finally:
        zygote.close()
        for sv in readers.values():
            sv.store.dispose()
        keyring.set_keyring(previous)
    summary.seconds = time.monotonic() - started
    return summary
