"""``aict export task-report --body B [--from --to] [--format pdf|xlsx] --out FILE`` end to end."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from pypdf import PdfReader

from aict_desktop.cli import main
from tests.groups_sample import build, fixed_services


def _db(store):
    services = fixed_services(store)
    build(services)
    return str(store.path) if store.path else store.url


def test_network_report_pdf_covers_each_group(store, tmp_path, capsys):
    db = _db(store)
    out = tmp_path / "review.pdf"
    rc = main(["--db", db, "export", "task-report", "--body", "서초 AI 혁신 네트워크", "--from", "2025-07-01",
               "--to", "2025-09-30", "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert "성과점검보고서" in text and "AI인재양성분과" in text and "AI실증플랫폼분과" in text
    assert "점검기간:2025.7.1.~2025.9.30." in text


def test_group_report_xlsx(store, tmp_path):
    db = _db(store)
    out = tmp_path / "review.xlsx"
    assert main(["--db", db, "export", "task-report", "--body", "AI 인재양성 분과", "--format", "xlsx",
                 "--out", str(out)]) == 0
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    assert [r[0] for r in wb["요약"].iter_rows(min_row=7, values_only=True)] == ["AI 인재양성 분과"]


def test_bad_date_wrong_format_and_unknown_body_exit_1_and_write_nothing(store, tmp_path, capsys):
    db = _db(store)
    out = tmp_path / "x.pdf"
    base = ["--db", db, "export", "task-report", "--out", str(out)]
    assert main([*base, "--body", "AI 인재양성 분과", "--from", "2025-13-01"]) == 1
    assert "2025-13-01" in capsys.readouterr().err
    assert main([*base, "--body", "AI 인재양성 분과", "--from", "2025-09-30", "--to", "2025-07-01"]) == 1
    assert main([*base, "--body", "AI 인재양성 분과", "--format", "docx"]) == 1
    assert main([*base, "--body", "없는 분과"]) == 1
    assert main([*base]) == 1  # no --body
    assert not out.exists()
