"""The cache of parsed font faces (documents.font_cache): used when it matches, rebuilt when not.

The faces are real bundled TTFs, parsed by ReportLab; the cache lives in ``AICT_CACHE_DIR``
(a folder of the test). The PDF a process prints from cached faces is byte for byte the one
it prints from parsed faces.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from aict_desktop.documents import font_cache, fonts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("AICT_CACHE_DIR", str(folder))
    return folder / "fonts"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The font files ReportLab really parsed (its own parser runs; we only note each call)."""
    seen: list[str] = []
    real = TTFontFile.extractInfo

    def noting(self, *args, **kwargs):
        seen.append(self.filename)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(TTFontFile, "extractInfo", noting)
    return seen


def a_font(tmp_path: Path, name: str = fonts.HANJA_SERIF) -> Path:
    """A copy of a bundled face (the hanja one: the smallest) under a folder of the test."""
    out = tmp_path / "fonts" / "Face.ttf"
    out.parent.mkdir(exist_ok=True)
    shutil.copy(fonts.font_path(name), out)
    return out


def same_face(a, b) -> None:
    for attr in ("charToGlyph", "charWidths", "glyphToChar", "bbox", "ascent", "descent", "capHeight", "flags",
                 "italicAngle", "stemV", "defaultWidth", "unitsPerEm", "numGlyphs", "table", "tables"):
        assert getattr(a, attr) == getattr(b, attr), attr
    for attr in ("glyphPos", "hmetrics"):  # per-glyph tables, indexed by the subsetting (arrays when cached)
        x, y = getattr(a, attr), getattr(b, attr)
        assert len(x) == len(y) and all(x[i] == y[i] for i in range(len(x))), attr
    assert bytes(a.name) == bytes(b.name) and a.name.ustr == b.name.ustr
    assert a._ttf_data == b._ttf_data
    assert a._pdfScale(1024) == b._pdfScale(1024)


def test_a_font_whose_tables_cannot_be_packed_is_still_printed(tmp_path, cache, parses, monkeypatch):
    """An entry that would not read back as the parsed face is never written (the face is used as parsed)."""
    path = a_font(tmp_path)
    def differs(cached, parsed):
        raise ValueError("charWidths does not read back as parsed")

    monkeypatch.setattr(font_cache, "_same", differs)
    face = font_cache.load_face(path)
    assert ord("李") in face.charToGlyph and not (cache / "Face.face").exists()


def test_the_second_load_reads_the_cache_instead_of_parsing(tmp_path, cache, parses):
    path = a_font(tmp_path)
    first = font_cache.load_face(path)
    assert parses == [str(path)]
    assert (cache / "Face.face").is_file()
    second = font_cache.load_face(path)
    assert parses == [str(path)]  # not parsed again
    same_face(first, second)
    assert second.filename == str(path)


def test_a_changed_font_is_parsed_again_and_its_entry_rewritten(tmp_path, cache, parses):
    path = a_font(tmp_path)
    before = font_cache.load_face(path)
    entry = (cache / "Face.face").read_bytes()
    shutil.copy(fonts.font_path(fonts.SERIF), path)  # another font under the same name (size and bytes differ)
    after = font_cache.load_face(path)
    assert len(parses) == 2
    assert after.name.ustr != before.name.ustr and ord("가") in after.charToGlyph
    assert (cache / "Face.face").read_bytes() != entry
    font_cache.load_face(path)
    assert len(parses) == 2  # the new entry is used


def test_the_same_size_and_time_with_other_bytes_is_a_change_too(tmp_path, cache, parses):
    path = a_font(tmp_path)
    font_cache.load_face(path)
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # one byte of the last table: same size
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    font_cache.load_face(path)
    assert len(parses) == 2


@pytest.mark.parametrize("damage", [b"", b"not a marshal stream", None])
def test_a_broken_cache_file_is_ignored_and_rebuilt(tmp_path, cache, parses, damage):
    path = a_font(tmp_path)
    good = font_cache.load_face(path)
    entry = cache / "Face.face"
    raw = entry.read_bytes()
    entry.write_bytes(raw[: len(raw) // 2] if damage is None else damage)  # None: cut in the middle
    again = font_cache.load_face(path)
    assert len(parses) == 2
    same_face(good, again)
    assert entry.read_bytes() == raw  # rebuilt whole
    font_cache.load_face(path)
    assert len(parses) == 2


def test_an_entry_of_another_reportlab_version_is_not_used(tmp_path, cache, parses, monkeypatch):
    path = a_font(tmp_path)
    font_cache.load_face(path)
    monkeypatch.setattr(font_cache, "_reportlab_version", lambda: "0.0-other")
    font_cache.load_face(path)
    assert len(parses) == 2


def test_a_cache_folder_that_cannot_be_written_only_costs_the_parse(tmp_path, monkeypatch, parses):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("AICT_CACHE_DIR", str(blocker))
    path = a_font(tmp_path)
    face = font_cache.load_face(path)
    assert ord("李") in face.charToGlyph
    font_cache.load_face(path)
    assert len(parses) == 2
    assert blocker.read_text() == "x"


def test_only_font_data_is_kept(tmp_path, cache):
    """The cache holds the font's tables as plain data: no personal data, no code."""
    import marshal

    path = a_font(tmp_path)
    font_cache.load_face(path)
    entry = marshal.loads((cache / "Face.face").read_bytes())
    assert set(entry) == {"format", "reportlab", "sha256", "face"}
    assert "_ttf_data" not in entry["face"] and "_pdfScale" not in entry["face"]


RENDER = """
import sys
from reportlab import rl_config
rl_config.invariant = 1
sys.path.insert(0, {root!r})
from tests.unit.test_font_cache import sample_pdf
sys.stdout.buffer.write(sample_pdf())
"""


def sample_pdf() -> bytes:
    import datetime as dt

    from aict_desktop.documents import certificate
    from aict_desktop.documents.data import CertificateData

    d = dict(institution_name="서초 AI 혁신 네트워크", position_title="교수", body_name="서초AICT 운영위원회",
             role_label="위원", term_start=dt.date(2025, 6, 12), term_end=dt.date(2027, 6, 11),
             issued_on=dt.date(2025, 6, 12), issuer="서울특별시 서초구청장")
    return certificate.render([
        CertificateData(serial="제2025-001호", person_name="李舜臣", **d),  # a hanja: the Baekmuk face too
        CertificateData(serial="제2025-002호", person_name="김민준", seal_png=certificate.sample_seal_png(), **d),
    ])


def test_a_pdf_from_cached_faces_is_the_pdf_from_parsed_faces(tmp_path):
    env = {**os.environ, "AICT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    code = RENDER.format(root=str(ROOT))

    def run() -> bytes:
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout

    parsed = run()  # an empty cache: every face parsed, and kept
    kept = sorted(p.name for p in (tmp_path / "cache" / "fonts").iterdir())
    assert {"NanumMyeongjo.face", "NanumMyeongjoBold.face", "BaekmukBatangHanja.face"} <= set(kept)
    cached = run()
    assert parsed.startswith(b"%PDF") and cached == parsed
