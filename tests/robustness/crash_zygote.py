"""A process that imports the program once and forks writers and checkers on request.

Forking from a warm process makes 100 SIGKILL runs affordable (a fresh Python
start with SQLAlchemy and ReportLab is about a second). Protocol: one JSON
command per line on stdin, one JSON reply per line on stdout.

  {"op": "run", "db": P, "seed": N, "run": R, "out": F}  → {"pid": PID}   fork a writer
  {"op": "wait", "pid": PID}                              → {"status": S}
  {"op": "check", "db": P, "out": F}                      → {"rc": RC}    fork `aict check`

The writer loops over committed writes (save minutes notes, appoint a new
person, set an encrypted 주민등록번호, create a task, issue a 위촉장, import a
CSV of people) and after
each one returns it appends one JSON line to ``out`` with os.write — the
record of what was confirmed — until it is killed.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("AICT_LANG", "ko")

import keyring  # noqa: E402
from keyring.backends.fail import Keyring as NoKeyring  # noqa: E402

from aict_desktop.cli import main as cli_main  # noqa: E402
from aict_desktop.documents import certificate  # noqa: E402,F401  (warm: fonts, ReportLab)
from aict_desktop.i18n import install  # noqa: E402
from aict_desktop.services.container import Services  # noqa: E402
from aict_desktop.services.importing import ImportService  # noqa: E402
from aict_desktop.store import open_store  # noqa: E402

PASSPHRASE = "crash-test passphrase"
FILLER = "김민준 위원장: 상반기 사업 추진 현황 보고를 받겠습니다. 간사: 교육과정 3개 운영, 수료생 124명.\n"


def rrn_for(serial: int) -> str:
    return f"800101-1{serial:06d}"


def writer(db: str, seed: int, run: int, out: str) -> None:
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    rng = random.Random(seed)
    services = Services(open_store(db, upgrade=False))
    services.keys.set_passphrase_provider(lambda new: PASSPHRASE)
    meta = json.loads(Path(db + ".meta.json").read_text())
    ops = ["notes", "notes", "appoint", "rrn", "task", "certificate", "import"]
    importer = ImportService(services)
    k = 0
    while True:
        k += 1
        if k >= 1000:  # serials are run*1000+k (six digits fit the 주민등록번호 tail); wait to be killed
            time.sleep(3600)
        serial = run * 1000 + k
        op = rng.choice(ops)
        if op == "notes":
            item = rng.choice(meta["items"])
            services.meetings.save_notes(item, f"[{serial}] " + FILLER * rng.randint(1, 200))
            rec = {"op": op, "item": item, "serial": serial}
        elif op == "appoint":
            with services.store.write() as s:
                p = services.roster.create_person(session=s, name=f"위원{serial}", institution_id=meta["inst"])
                a = services.appointments.appoint(p.id, meta["body"], session=s)
                rec = {"op": op, "person": p.id, "appt": a.id, "name": p.name}
        elif op == "rrn":
            person = rng.choice(meta["people"])
            services.personal.set_rrn(person, rrn_for(serial))
            rec = {"op": op, "person": person, "serial": serial}
        elif op == "task":
            t = services.tasks.create(title=f"과제 {serial}", body_id=meta["body"])
            rec = {"op": op, "task": t.id, "title": t.title}
        elif op == "import":
            names = [f"가져온위원{serial}-{i}" for i in range(rng.randint(1, 30))]
            csv_path = Path(out).with_name(f"import-{serial}.csv")
            csv_path.write_text("성명,소속기관,직위\n" + "".join(f"{n},서초구청,위원\n" for n in names),
                                encoding="utf-8")
            # the intent first: whatever happens, these names must be all there or all absent
            os.write(fd, (json.dumps({"op": "import-start", "names": names}, ensure_ascii=False) + "\n").encode())
            result = importer.run("people", csv_path)
            if result.problems:
                raise RuntimeError(result.problems[0].describe())
            rec = {"op": op, "names": names}
        else:
            pending = services.certificates.pending(meta["body"])
            if not pending:
                continue
            result = services.certificates.issue(meta["body"], [pending[0].id])
            rec = {"op": op, "serial_no": result.certificates[0].serial, "appt": pending[0].id}
        os.write(fd, (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))


def checker(db: str, out: str) -> int:
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    sys.stdout = os.fdopen(1, "w", encoding="utf-8", buffering=1)
    sys.stderr = sys.stdout
    return cli_main(["--db", db, "check"])


def child(fn, *args) -> None:
    try:
        code = fn(*args)
    except BaseException as exc:  # the writer never returns; report how a child died
        sys.stderr.write(f"child error: {exc!r}\n")
        code = 3
    os._exit(int(code or 0))


def warm_up() -> None:
    """Load the fonts once here (seconds), not in every forked writer."""
    import datetime as dt

    from aict_desktop.documents.data import CertificateData

    day = dt.date.today()
    certificate.render([CertificateData("제2025-001호", "김민준", "서초구청", "위원", "서초AICT 운영위원회", "위원",
                                        day, day, day, "서울특별시 서초구청장")])


def main() -> None:
    keyring.set_keyring(NoKeyring())  # a headless PC: the passphrase path
    install("ko")
    warm_up()
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "run":
            pid = os.fork()
            if pid == 0:
                devnull = os.open(os.devnull, os.O_RDWR)
                os.dup2(devnull, 0)
                os.dup2(devnull, 1)
                child(writer, cmd["db"], cmd["seed"], cmd["run"], cmd["out"])
            reply = {"pid": pid}
        elif cmd["op"] == "wait":
            _, status = os.waitpid(cmd["pid"], 0)
            reply = {"status": status}
        elif cmd["op"] == "check":
            pid = os.fork()
            if pid == 0:
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                child(checker, cmd["db"], cmd["out"])
            _, status = os.waitpid(pid, 0)
            reply = {"rc": os.waitstatus_to_exitcode(status)}
        else:
            break
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
