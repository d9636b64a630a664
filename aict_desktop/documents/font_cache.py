"""A cache of the parsed font faces, so a process does not parse the Nanum TTFs again.

ReportLab reads a TrueType file with a pure-Python parser (~0.1 s for each 4 MB Nanum
face, on every start). What it computes — the character map, widths, glyph offsets and
metrics — depends only on the font file and the ReportLab version, so it is kept in the
user's cache folder (``config.cache_dir() / "fonts"``, ``AICT_CACHE_DIR`` overrides), one
file per face, written with ``marshal`` (plain numbers and strings, no code); the large tables
(character map, widths, glyph offsets, metrics) as packed arrays, so reading a face back builds
only the two dictionaries every print needs and leaves the per-glyph tables, which only the
subsetting at save time indexes, as arrays.

An entry is used only when its format, the ReportLab version and the SHA-256 of the font
file's bytes all match (the bytes are read anyway: the PDF embeds a subset of them), so a
changed font is parsed again and its entry rewritten. A cache file that cannot be read —
truncated, damaged, of another version — is ignored and rebuilt; a cache folder that
cannot be written only costs the parse. Only fonts are cached here, never personal data.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import marshal
import os
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

FORMAT = 2  # bump when what is stored changes
_log = logging.getLogger(__name__)
_NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # TTFNameBytes
_SKIP = frozenset({"_ttf_data", "_pdfScale"})


def cache_folder() -> Path:
    from aict_desktop.config import cache_dir

    return cache_dir() / "fonts"


def _entry_path(path: Path) -> Path:
    return cache_folder() / f"{path.stem}.face"


def _reportlab_version() -> str:
    from reportlab import Version

    return Version


def _pairs(d: dict[int, Any], key_type: str, value_type: str) -> tuple[bytes, bytes]:
    return array(key_type, d.keys()).tobytes(), array(value_type, d.values()).tobytes()


def _unpack(code: str, raw: bytes) -> array:
    out = array(code)
    out.frombytes(raw)
    return out


class _Metrics:
    """``hmetrics`` as ReportLab's subsetting reads it — ``aw, lsb = hmetrics[glyph]`` — over two arrays."""

    __slots__ = ("aw", "lsb")

    def __init__(self, aw: array, lsb: array) -> None:
        self.aw, self.lsb = aw, lsb

    def __getitem__(self, glyph: int) -> tuple[Any, Any]:
        return self.aw[glyph], self.lsb[glyph]

    def __len__(self) -> int:
        return len(self.aw)

    def __eq__(self, other: Any) -> bool:
        return len(self) == len(other) and all(self[i] == tuple(other[i]) for i in range(len(self)))


def _state(face: TTFontFace) -> dict[str, Any]:
    """The parsed face as plain data (the file's bytes and the scale function left out)."""
    state = {k: v for k, v in face.__dict__.items() if k not in _SKIP}
    for k in _NAME_FIELDS:
        if k in state:
            state[k] = (bytes(state[k]), state[k].ustr)
    state["charToGlyph"] = _pairs(face.charToGlyph, "q", "q")
    if all(type(w) is float for w in face.charWidths.values()):  # as ReportLab scales them: packed exactly
        state["charWidths"] = _pairs(face.charWidths, "q", "d")
    state["glyphPos"] = array("q", face.glyphPos).tobytes()
    state["hmetrics"] = (array("d", [m[0] for m in face.hmetrics]).tobytes(),
                         array("q", [m[1] for m in face.hmetrics]).tobytes())
    # in ReportLab's order (glyphToChar, which TTFontFile.extractInfo sets, is missing from types-reportlab)
    flat = [(g, ch) for g, chars in face.glyphToChar.items() for ch in chars]  # type: ignore[attr-defined]
    state["glyphToChar"] = (array("q", [g for g, _c in flat]).tobytes(), array("q", [c for _g, c in flat]).tobytes())
    return state


def _cached_face_class() -> type[TTFontFace]:
    from reportlab.pdfbase.ttfonts import TTFontFace

    class CachedFace(TTFontFace):
        """A face read back from the cache; ``glyphToChar`` (used only by HarfBuzz shaping) is built on first use."""

        def __getattr__(self, name: str) -> dict[int, list[int]]:
            if name != "glyphToChar":
                raise AttributeError(name)
            glyphs, chars = self.__dict__["_glyph_to_char"]
            table: dict[int, list[int]] = {}
            for g, ch in zip(_unpack("q", glyphs), _unpack("q", chars)):
                table.setdefault(g, []).append(ch)
            self.glyphToChar = table
            return table

    return CachedFace


def _scale(units_per_em: int) -> Callable[[float], float]:
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _face_from(state: dict[str, Any], data: bytes) -> TTFontFace:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    cls = _cached_face_class()
    face = cls.__new__(cls)
    values = dict(state)
    for k in _NAME_FIELDS:
        if k in values:
            raw, text = values[k]
            name = TTFNameBytes(raw)
            name.ustr = text
            values[k] = name
    keys, glyphs = values.pop("charToGlyph")
    values["charToGlyph"] = dict(zip(_unpack("q", keys).tolist(), _unpack("q", glyphs).tolist()))
    if isinstance(values["charWidths"], tuple):
        keys, widths = values.pop("charWidths")
        values["charWidths"] = dict(zip(_unpack("q", keys).tolist(), _unpack("d", widths).tolist()))
    values["glyphPos"] = _unpack("q", values["glyphPos"])
    aw, lsb = values.pop("hmetrics")
    values["hmetrics"] = _Metrics(_unpack("d", aw), _unpack("q", lsb))
    values["_glyph_to_char"] = values.pop("glyphToChar")
    face.__dict__.update(values)
    # two attributes TTFontFile sets that types-reportlab does not declare
    face._ttf_data = data  # type: ignore[attr-defined]
    face._pdfScale = _scale(face.unitsPerEm)  # type: ignore[attr-defined]
    return face


def _read_entry(entry: Path, digest: str) -> dict[str, Any] | None:
    """The cached state for a file with this digest, or None (missing, stale or unreadable)."""
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    try:
        cached = marshal.loads(raw)
        if (isinstance(cached, dict) and cached.get("format") == FORMAT
                and cached.get("reportlab") == _reportlab_version() and cached.get("sha256") == digest
                and isinstance(cached.get("face"), dict)):
            return cached["face"]
    except Exception:  # a damaged cache file is only a cache miss  # noqa: BLE001
        _log.info("font cache %s unreadable; rebuilding it", entry)
    return None


def _write_entry(entry: Path, digest: str, state: dict[str, Any]) -> None:
    blob = marshal.dumps({"format": FORMAT, "reportlab": _reportlab_version(), "sha256": digest, "face": state})
    part = entry.with_name(f".{entry.name}.{os.getpid()}.part")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(blob)
        os.replace(part, entry)  # a reader sees the old entry or the new one, never half of one
    except OSError as exc:  # a read-only or full cache folder: parse next time too
        _log.info("font cache %s not written: %s", entry, exc)
        with contextlib.suppress(OSError):
            part.unlink()


def _same(cached: TTFontFace, parsed: TTFontFace) -> None:
    for attr in ("charToGlyph", "charWidths", "hmetrics", "glyphToChar", "defaultWidth", "bbox", "ascent",
                 "descent", "capHeight", "flags", "italicAngle", "stemV", "name", "table"):
        if getattr(cached, attr) != getattr(parsed, attr):
            raise ValueError(f"{attr} does not read back as parsed")
    if list(cached.glyphPos) != parsed.glyphPos:
        raise ValueError("glyphPos does not read back as parsed")


def load_face(path: Path) -> TTFontFace:
    """The ReportLab ``TTFontFace`` of ``path``: from the cache when it matches the file, else parsed (and kept)."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    entry = _entry_path(Path(path))
    state = _read_entry(entry, digest)
    if state is not None:
        try:
            face = _face_from(state, data)
            face.filename = str(path)
            return face
        except Exception:  # noqa: BLE001 - an entry of an unexpected shape: parse instead
            _log.info("font cache %s does not fit; rebuilding it", entry)
    stream = io.BytesIO(data)
    stream.name = str(path)
    face = TTFontFace(stream)
    face.filename = str(path)
    try:
        state = _state(face)
        marshal.dumps(state)  # only plain data goes to the cache
        _same(_face_from(state, data), face)  # and only what reads back as the parsed face
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        _log.info("font %s not cached: %s", path, exc)
        return face
    _write_entry(entry, digest, state)
    return face


def make_font(name: str, path: Path) -> TTFont:
    """A ReportLab ``TTFont`` (subset-embedded TrueType) named ``name``, its face from ``load_face``."""
    from weakref import WeakKeyDictionary

    from fnmatch import fnmatch

    from reportlab import rl_config
    from reportlab.pdfbase import ttfonts

    font = ttfonts.TTFont.__new__(ttfonts.TTFont)  # what TTFont.__init__ sets, without its parse
    font.fontName = name
    font.face = load_face(path)
    font.encoding = ttfonts.TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable  # type: ignore[attr-defined]  # private; not in types-reportlab
    # the list TTFont.__init__ reads (ttfonts' own import of it: types-reportlab does not re-export it)
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)  # type: ignore[attr-defined]
    return font
