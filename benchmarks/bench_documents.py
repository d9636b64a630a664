"""Figures for Korean print: 위촉장 for 31 and 1,000 appointees, and ours beside LibreOffice.

Prints seconds in-process (fonts already registered) and PDF bytes per page beyond the
shared font subsets and seal; then, side by side in one run, the whole
``aict certificates issue`` process for 31 appointees and LibreOffice converting the same
31 certificates (a DOCX, one page each, the same text in the same Nanum fonts) with
``soffice --headless --convert-to pdf``: fresh processes, wall clock, median of 7, taken
in turn so both see the same machine, and the ratio (goal, issue #19: ours ≥ 1.4× faster).
Both run warm: LibreOffice on a user profile made by a first, untimed run; ours with the
font cache (``documents.font_cache``) its first, untimed run filled (that first run is
printed too). Without ``soffice`` on PATH it says so and prints ours only. Beside the
whole process it times processes that only import the fixed stack: the floor under it.

    python benchmarks/bench_documents.py [--runs 7]
"""

from __future__ import annotations

import argparse
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


def in_process(n: int) -> tuple[float, int, bytes]:
    data = items(n)
    t = time.perf_counter()
    pdf = certificate.render(data)
    return time.perf_counter() - t, len(pdf), pdf


def docx_31(path: Path) -> None:
    """The 31 certificates as a Word file LibreOffice converts: one page each, the same lines and fonts."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm

    from aict_desktop.documents import office_docx as od
    from aict_desktop.i18n import fmt_date_long

    doc = od.new_document("위촉장", margins_mm=(25, 30, 20, 30))
    centre = WD_ALIGN_PARAGRAPH.CENTER

    def line(text: str, size: float, bold: bool = False, align=None, before: float = 0, spacing: float = 0):
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Mm(before)
        if align is not None:
            p.alignment = align
        run = p.add_run(text)
        od.font(run, size, bold)
        if spacing:
            od._set(run._element.get_or_add_rPr(), "w:spacing", val=str(int(spacing * 20)))
        return p

    borders = od._set(doc.sections[0]._sectPr, "w:pgBorders", offsetFrom="page")  # the double border
    for side in ("top", "left", "bottom", "right"):
        od._set(borders, f"w:{side}", val="double", sz="12", space="34", color="73541F")
    data = items(31)
    for i, d in enumerate(data):
        line(d.serial, certificate.SERIAL_SIZE)
        line(certificate.TITLE, certificate.TITLE_SIZE, True, centre, before=20, spacing=certificate.TITLE_SPACING)
        for label, value in (("성    명", d.person_name), ("소    속", d.institution_name), ("직    위", d.position_title)):
            line(f"{label} :  {value}", certificate.FIELD_SIZE, before=4)
        line(certificate.sentence(d), certificate.SENTENCE_SIZE, align=centre, before=20)
        line(certificate.term_line(d), certificate.TERM_SIZE, align=centre, before=6)
        line(fmt_date_long(d.issued_on), certificate.DATE_SIZE, align=centre, before=40)
        p = line(d.issuer, certificate.ISSUER_SIZE, True, centre, before=12, spacing=certificate.ISSUER_SPACING)
        if i < len(data) - 1:
            p.add_run().add_break(WD_BREAK.PAGE)
    path.write_bytes(od.save(doc))


def _fonts_conf(tmp: Path) -> Path:
    """A fontconfig file adding the bundled fonts, so LibreOffice embeds the same Nanum faces."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f'<dir>{fonts.font_path(fonts.SERIF).parent}</dir><cachedir>{tmp / "fccache"}</cachedir></fontconfig>',
        encoding="utf-8")
    return conf


CPU: list[tuple[str, float]] = []  # (command, CPU seconds of its process tree), beside the wall clock


def _timed(cmd: list[str], env: dict, before=None) -> float:
    import resource

    if before is not None:
        before()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    secs = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((cmd[0], after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime))
    if r.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {r.stderr[-2000:]}")
    return secs


def _cpu_median(program: str, last: int) -> float:
    return statistics.median([c for p, c in CPU if p == program][-last:])


def side_by_side(runs: int) -> None:
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "bench.sqlite"
        store = open_store(db, create=True)
        sv = Services(store)
        body = sv.bodies.create_body(name="서초AICT 운영위원회", issuer="서울특별시 서초구청장")
        inst = sv.roster.create_institution(name="서초구청", sector="공공기관")
        for d in items(31):
            p = sv.roster.create_person(name=d.person_name, institution_id=inst.id, position=d.position_title)
            sv.appointments.appoint(p.id, body.id, term_start=dt.date.today() - dt.timedelta(days=1))
        store.dispose()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "AICT_DATA_DIR": str(tmp), "AICT_CACHE_DIR": str(tmp / "cache")}
        run_db = tmp / "run.sqlite"
        ours = [sys.executable, "-m", "aict_desktop.cli", "--db", str(run_db), "certificates", "issue", "--body", "1",
                "--out", str(tmp / "out.pdf")]

        def fresh_register() -> None:  # every run issues the same 31
            shutil.copy(db, run_db)

        soffice = shutil.which("soffice")
        lo = lo_env = None
        if soffice:
            docx_31(tmp / "certs.docx")
            lo = [soffice, "--headless", f"-env:UserInstallation=file://{tmp / 'lo-profile'}", "--convert-to", "pdf",
                  "--outdir", str(tmp / "lo"), str(tmp / "certs.docx")]
            lo_env = {**os.environ, "FONTCONFIG_FILE": str(_fonts_conf(tmp))}
            _timed(lo, lo_env)  # untimed: makes the profile and the font cache
        cold = _timed(ours, env, fresh_register)  # untimed in the median: fills the font cache
        mine, theirs = [], []
        for _ in range(runs):  # in turn: both see the same machine
            mine.append(_timed(ours, env, fresh_register))
            if lo:
                theirs.append(_timed(lo, lo_env))
        ours_s, ours_cpu = statistics.median(mine), _cpu_median(sys.executable, runs)
        print(f"  31 certificates, whole processes, median of {runs} (wall clock; CPU time of the process tree):")
        print(f"     ours  `aict certificates issue`         {ours_s:6.3f} s   CPU {ours_cpu:6.3f} s   "
              f"(first run, empty font cache: {cold:.3f} s)")
        if lo:
            lo_s, lo_cpu = statistics.median(theirs), _cpu_median(soffice, runs)
            from pypdf import PdfReader

            pages = len(PdfReader(str(tmp / "lo" / "certs.pdf")).pages)
            print(f"     LibreOffice `soffice --convert-to pdf`   {lo_s:6.3f} s   CPU {lo_cpu:6.3f} s   "
                  f"({pages} pages from a DOCX)")
            print(f"     ratio: ours is {lo_s / ours_s:.2f}x as fast as LibreOffice by the clock, "
                  f"{lo_cpu / ours_cpu:.2f}x by CPU time (goal ≥ 1.4x)")
        else:
            print("     LibreOffice: soffice is not on PATH, so no comparison "
                  "(apt-get install libreoffice-writer-nogui); ours only")
        floor = {code: statistics.median(_timed([sys.executable, "-c", code], env) for _ in range(5))
                 for code in ("pass", "import sqlalchemy", "import sqlmodel", "import aict_desktop.domain.models",
                              "import reportlab.pdfgen.canvas")}
        print("     a process doing no more than (median of 5):")
        for code, secs in floor.items():
            print(f"          python -c {code!r:40} {secs:.3f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
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
    side_by_side(args.runs)


if __name__ == "__main__":
    main()
