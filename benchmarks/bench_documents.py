"""Figures for Korean print: 위촉장 for 31 and 1,000 appointees.

Prints seconds in-process (fonts already registered), the whole
``aict certificates issue`` process for 31 (wall clock, a fresh process),
and PDF bytes per page beyond the shared font subsets and seal. Beside the
whole process it times processes that only import the fixed stack
(SQLAlchemy, SQLModel, the schema's table classes): the floor under it.

    python benchmarks/bench_documents.py
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_package  # benchmarks/ is on sys.path when a benchmark is run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aict_desktop.documents import certificate, fonts  # noqa: E402
from aict_desktop.documents.data import CertificateData  # noqa: E402

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ["민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "시우", "서윤", "주원", "하린"]


def items(n: int) -> list[CertificateData]:
    return [
        CertificateData(
            serial=f"제2025-{i + 1:03d}호", person_name=SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)],
            institution_name=f"서초 AI 혁신 네트워크 참여기관 {i % 31 + 1}", position_title="책임연구원",
            body_name="서초AICT 운영위원회", role_label="위원", term_start=dt.date(2025, 6, 12),
            term_end=dt.date(2027, 6, 11), issued_on=dt.date(2025, 6, 12), issuer="서울특별시 서초구청장",
        )
        for i in range(n)
    ]


def shared_bytes(pdf: bytes) -> int:
    """Bytes of the streams every page shares: font programs and images (the seal)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    total = 0
    for page in reader.pages[:1]:
        res = page["/Resources"]
        for ref in res.get("/Font", {}).values():
            desc = ref.get_object().get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                total += len(desc.get_object()["/FontFile2"].get_object()._data)
        for ref in res.get("/XObject", {}).values():
            form = ref.get_object()
            for img in form.get("/Resources", {}).get("/XObject", {}).values():
                obj = img.get_object()
                total += len(obj._data)
                if "/SMask" in obj:
                    total += len(obj["/SMask"].get_object()._data)
    return total


def in_process(n: int) -> tuple[float, int]:
    data = items(n)
    t = time.perf_counter()
    pdf = certificate.render(data)
    return time.perf_counter() - t, len(pdf), pdf


def cli_31() -> tuple[float, dict[str, float]]:
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        store = open_store(db, create=True)
        sv = Services(store)
        body = sv.bodies.create_body(name="서초AICT 운영위원회", issuer="서울특별시 서초구청장")
        inst = sv.roster.create_institution(name="서초구청", sector="공공기관")
        for d in items(31):
            p = sv.roster.create_person(name=d.person_name, institution_id=inst.id, position=d.position_title)
            sv.appointments.appoint(p.id, body.id, term_start=dt.date.today() - dt.timedelta(days=1))
        store.dispose()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "AICT_DATA_DIR": tmp}
        cmd = [sys.executable, "-m", "aict_desktop.cli", "--db", str(db), "certificates", "issue", "--body", "1",
               "--out", str(Path(tmp) / "out.pdf")]
        runs = []
        for _ in range(5):  # a fresh register each time: every run issues the same 31
            shutil.copy(db, Path(tmp) / "run.sqlite")
            cmd[cmd.index("--db") + 1] = str(Path(tmp) / "run.sqlite")
            t = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True, text=True)
            runs.append(time.perf_counter() - t)
            if r.returncode != 0:
                raise SystemExit(r.stderr)

        def process(code: str) -> float:
            times = []
            for _ in range(5):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-c", code], env=env, check=True)
                times.append(time.perf_counter() - t)
            return statistics.median(times)

        floor = {code: process(code) for code in ("pass", "import sqlalchemy", "import sqlmodel",
                                                  "import aict_desktop.domain.models", "import aict_desktop.cli.common")}
        return statistics.median(runs), floor


def main() -> None:
    compile_package()  # timed as installed: bytecode, not source (see bytecode.py)
    fonts.register_family(fonts.SERIF)
    certificate.render(items(1))  # warm up: fonts parsed, seal decoded
    print("위촉장 (certificates), A4, one page each")
    for n in (31, 1000):
        secs, size, pdf = in_process(n)
        shared = shared_bytes(pdf)
        per_page = (size - shared) / n
        print(f"  {n:>5} in-process: {secs:6.3f} s   {size / 1024:8.1f} KB total, shared fonts+seal "
              f"{shared / 1024:6.1f} KB, {per_page / 1024:5.2f} KB per page beyond them")
    whole, floor = cli_31()
    print(f"     31 whole `aict certificates issue` process (wall clock, median of 5): {whole:.3f} s")
    print("        a process doing no more than (median of 5):")
    for code, secs in floor.items():
        print(f"          python -c {code!r:40} {secs:.3f} s")

if __name__ == "__main__":
    main()
