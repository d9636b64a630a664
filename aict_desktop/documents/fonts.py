"""The bundled Nanum fonts, registered with ReportLab as embedded TrueType.

Two families, each with a bold face so ``<b>`` works in Paragraphs:
NanumMyeongjo (serif, for certificates and running text) and NanumGothic
(sans, for headings and tables). Fonts are registered on first use, one
family at a time, so a job that never needs a family never parses it; a face
parsed once is kept in the user's cache folder (``documents.font_cache``), so
later processes read it back instead of parsing the TTF again.

NanumMyeongjo has no hanja; NanumGothic has the KS X 1001 set. So every
face has a fallback chain: a character the first face lacks is printed in
the next face that has it, and only a character no face has is an error
(see ``documents.preflight``). A hanja in a Myeongjo line (a name such as
李舜臣) prints in the serif Baekmuk Batang (its 4,888 KS X 1001 hanja are
bundled, under the Baekmuk licence beside it), not in Gothic; Gothic stays
the last resort. ReportLab's CID fonts (not embedded) are never used.
"""

from __future__ import annotations

import functools
import threading

from aict_desktop.resources import resource

SERIF = "NanumMyeongjo"
SERIF_BOLD = "NanumMyeongjo-Bold"
SANS = "NanumGothic"
SANS_BOLD = "NanumGothic-Bold"
HANJA_SERIF = "BaekmukBatang"  # serif hanja only (one weight); the Myeongjo faces' first fallback

_FILES = {
    SERIF: "NanumMyeongjo.ttf",
    SERIF_BOLD: "NanumMyeongjoBold.ttf",
    SANS: "NanumGothic.ttf",
    SANS_BOLD: "NanumGothicBold.ttf",
    HANJA_SERIF: "BaekmukBatangHanja.ttf",
}
_FAMILY_OF = {SERIF: SERIF, SERIF_BOLD: SERIF, SANS: SANS, SANS_BOLD: SANS, HANJA_SERIF: HANJA_SERIF}
_BOLD_OF = {SERIF: SERIF_BOLD, SANS: SANS_BOLD, HANJA_SERIF: HANJA_SERIF}

# where a face looks for a character it lacks
FALLBACK = {
    SERIF: (SERIF, HANJA_SERIF, SANS),
    SERIF_BOLD: (SERIF_BOLD, HANJA_SERIF, SANS_BOLD),
    SANS: (SANS, SERIF),
    SANS_BOLD: (SANS_BOLD, SERIF_BOLD),
    HANJA_SERIF: (HANJA_SERIF, SERIF, SANS),
}

_lock = threading.Lock()
_registered: set[str] = set()
_coverage: dict[str, frozenset[int]] = {}


def font_path(name: str):
    return resource("fonts", _FILES[name])


def register_family(family: str) -> None:
    """Register a family's regular and bold faces (idempotent, thread-safe)."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics

    from aict_desktop.documents.font_cache import make_font

    rl_config.useA85 = 0  # binary compressed streams: smaller and faster than ASCII85 text
    family = _FAMILY_OF[family]
    with _lock:
        if family in _registered:
            return
        regular, bold = family, _BOLD_OF[family]
        for name in dict.fromkeys((regular, bold)):  # a one-weight family registers its face once
            font = make_font(name, font_path(name))  # subset-embedded TrueType, parsed once (font_cache)
            pdfmetrics.registerFont(font)
            _coverage[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFontFamily(family, normal=regular, bold=bold, italic=regular, boldItalic=bold)
        _registered.add(family)


def register_all() -> None:
    register_family(SERIF)
    register_family(SANS)


def ensure(name: str) -> str:
    """Make sure the face ``name`` is registered; returns it."""
    register_family(name)
    return name


def _cov(name: str) -> frozenset[int]:
    cov = _coverage.get(name)
    if cov is None:
        register_family(name)
        cov = _coverage[name]
    return cov


def covers(name: str, ch: str) -> bool:
    return ord(ch) in _cov(name)


def face_for(name: str, ch: str) -> str | None:
    """The first face in ``name``'s fallback chain that has ``ch`` (None: no face has it)."""
    for face in FALLBACK[name]:
        if covers(face, ch):
            return face
    return None


@functools.lru_cache(maxsize=4096)
def runs(text: str, name: str) -> tuple[tuple[str, str], ...]:
    """Split ``text`` into (face, piece) runs, each piece printable in its face.

    Spaces and line breaks print in ``name`` (a fallback face's space is
    often wider). Call after the preflight: a character no face has is kept
    in ``name`` here.
    """
    cov = _cov(name)
    if all(ord(ch) in cov for ch in text):  # the common case: one run in the first face
        return ((name, text),) if text else ()
    out: list[tuple[str, str]] = []
    cur_face, buf = name, list[str]()
    for ch in text:
        if ch in " \n\t" and ord(ch) in cov:
            face = name
        else:
            face = face_for(name, ch) or name  # back to the first face as soon as it can
        if face != cur_face and buf:
            out.append((cur_face, "".join(buf)))
            buf = []
        cur_face = face
        buf.append(ch)
    if buf:
        out.append((cur_face, "".join(buf)))
    return tuple(out)


@functools.lru_cache(maxsize=8192)
def string_width(text: str, name: str, size: float) -> float:
    """Width of ``text`` printed with fallback (each run in its own face)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, face, size) for face, piece in runs(text, name))
