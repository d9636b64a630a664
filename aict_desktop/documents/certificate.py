"""위촉장 (appointment certificate): one A4 page per appointee, drawn on the canvas.

Layout (DESIGN §5): serial top-left, "위 촉 장" large and spaced, 성명/소속/직위
with letter-spaced labels, the body sentence, 위촉기간, the date spelled
out and centred, the issuer large and spaced with the seal (직인) centred on
the issuer's last character, and an optional double border.

A body without its own seal prints none (the 직인 is stamped by hand); the
bundled sample seal prints only when chosen, and then the page carries a
diagonal "견본". A preview carries "미리보기 — 발급되지 않음" and no serial.

One layout rule for the text: 성명/소속/직위 values keep the field size and
wrap at spaces under the value's start; the body sentence is centred line by
line, wrapped into lines of even width when it does not fit on one.

``issuer_layout()`` returns where each issuer character and the seal go;
the renderer draws exactly that, and the tests check it numerically.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from aict_desktop.documents import fonts
from aict_desktop.documents.data import CertificateData
from aict_desktop.documents.preflight import Field, check
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.hangul import particle_euro
from aict_desktop.i18n import _, fmt_date, fmt_date_long
from aict_desktop.resources import resource

PAGE = A4  # as documents.theme, without importing its Platypus (a certificate is drawn on the canvas)
W, H = PAGE
TITLE = "위 촉 장"
DEFAULT_WORDING = "위 사람을 {body} {role_euro} 위촉합니다."

SERIAL_SIZE = 12
TITLE_SIZE = 42
TITLE_SPACING = 10
FIELD_SIZE = 15
LABEL_WIDTH = 24 * mm
SENTENCE_SIZE = 16.5
SENTENCE_LEADING = 30
TERM_SIZE = 14
DATE_SIZE = 16
ISSUER_SIZE = 25
ISSUER_SPACING = 7
SEAL_SIZE = 25 * mm
FIELD_LEADING = FIELD_SIZE * 1.35
PREVIEW_MARK = "미리보기 — 발급되지 않음"
SAMPLE_MARK = "견 본"
MARK_INK = colors.Color(0.8, 0.1, 0.1, alpha=0.22)
GLYPH_MIDDLE = 0.36  # a Hangul glyph's visual middle, in em above the baseline (Nanum Myeongjo)

TEXT_LEFT = 32 * mm
TEXT_RIGHT = W - 32 * mm
Y_SERIAL = H - 30 * mm
Y_TITLE = H - 72 * mm
Y_FIELDS = H - 108 * mm
FIELD_GAP = 12 * mm
Y_SENTENCE = H - 160 * mm
Y_DATE = H - 222 * mm
Y_ISSUER = H - 250 * mm


def sentence(d: CertificateData) -> str:
    """The body sentence: the default, or the body's wording with {body}/{role}/{name}/{role_euro}."""
    wording = d.wording.strip() or DEFAULT_WORDING
    values = {
        "body": d.body_name,
        "role": d.role_label,
        "name": d.person_name,
        "role_euro": f"{d.role_label}{particle_euro(d.role_label)}",
        "euro": particle_euro(d.role_label),
    }
    try:
        return wording.format_map(values)
    except (KeyError, ValueError, IndexError) as exc:
        raise ValidationError(
            _("The certificate wording '{wording}' has an unknown field ({problem}); use {fields}.").format(
                wording=wording, problem=exc, fields="{body}, {role}, {name}, {role_euro}")
        ) from None


@functools.lru_cache(maxsize=256)
def _date(d: dt.date) -> str:
    return fmt_date(d)


@functools.lru_cache(maxsize=64)
def _date_long(d: dt.date) -> str:
    return fmt_date_long(d)


def term_line(d: CertificateData) -> str:
    """``위촉기간: 2025. 6. 12.~2027. 6. 11.``; a term without an end (a 당연직 serving while in office)
    reads ``위촉기간: 2026. 2. 12.부터``.

    A 구청 prints the start even then: the paper must say when the 위촉 took effect, and the
    발급대장 keeps that date. What it never prints is a range with nothing after "~", which reads
    as a blank someone forgot to fill in; "…부터" is how 공문서 state a period open at the end.
    """
    if d.term_start is None:
        return ""
    if d.term_end is None:
        return f"위촉기간: {_date(d.term_start)}부터"
    return f"위촉기간: {_date(d.term_start)}~{_date(d.term_end)}"


def preflight(items: Sequence[CertificateData]) -> None:
    """Every printed character of every certificate, before anything is recorded."""
    fields = []
    for d in items:
        who = d.person_name
        fields += [
            Field("", _("certificate serial"), d.serial),
            Field(who, _("name"), d.person_name),
            Field(who, _("institution"), d.institution_name),
            Field(who, _("position"), d.position_title),
            Field(who, _("role"), d.role_label),
            Field(who, _("certificate sentence"), sentence(d)),
            Field(who, _("appointing authority"), d.issuer, fonts.SERIF_BOLD),
        ]
    check(fields)


@dataclass(frozen=True)
class IssuerLayout:
    """Where the issuer line and the seal are printed (points, origin bottom-left)."""

    x0: float  # where the first character starts
    baseline: float
    size: float
    spacing: float
    char_x: tuple[float, ...]  # left edge of each character
    char_w: tuple[float, ...]
    seal_center: tuple[float, float]
    seal_size: float

    @property
    def last_char_center(self) -> tuple[float, float]:
        return self.char_x[-1] + self.char_w[-1] / 2, self.baseline + GLYPH_MIDDLE * self.size


def issuer_layout(issuer: str, *, size: float = ISSUER_SIZE, spacing: float = ISSUER_SPACING,
                  baseline: float = Y_ISSUER, seal_size: float = SEAL_SIZE) -> IssuerLayout:
    """Centre the letter-spaced issuer on the page and put the seal on its last character."""
    text = issuer.strip() or " "
    widths = [fonts.string_width(ch, fonts.SERIF_BOLD, size) for ch in text]
    total = sum(widths) + spacing * (len(text) - 1)
    x0 = (W - total) / 2
    xs, x = [], x0
    for w in widths:
        xs.append(x)
        x += w + spacing
    cx = xs[-1] + widths[-1] / 2
    cy = baseline + GLYPH_MIDDLE * size
    return IssuerLayout(x0, baseline, size, spacing, tuple(xs), tuple(widths), (cx, cy), seal_size)


def _draw(c: Canvas, x: float, y: float, text: str, face: str, size: float, spacing: float = 0.0) -> float:
    """Draw ``text`` from x with fallback faces; returns the x after it."""
    for run_face, piece in fonts.runs(text, face):
        c.setFont(run_face, size)
        c.drawString(x, y, piece, charSpace=spacing)
        x += fonts.string_width(piece, run_face, size) + spacing * len(piece)
    return x


def _draw_centred(c: Canvas, y: float, text: str, face: str, size: float, spacing: float = 0.0) -> None:
    width = fonts.string_width(text, face, size) + spacing * max(len(text) - 1, 0)
    _draw(c, (W - width) / 2, y, text, face, size, spacing)


def wrap(text: str, face: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces (a word longer than the line breaks between characters)."""
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):
        trial = f"{cur} {word}" if cur else word
        if fonts.string_width(trial, face, size) <= width:
            cur = trial
            continue
        if cur:
            lines.append(cur)
        cur = ""
        for ch in word:
            if fonts.string_width(cur + ch, face, size) > width and cur:
                lines.append(cur)
                cur = ""
            cur += ch
    if cur or not lines:
        lines.append(cur)
    return lines


def _spaced_label(c: Canvas, x: float, y: float, label: str, size: float) -> None:
    """A label spread evenly across LABEL_WIDTH (성    명)."""
    c.setFont(fonts.SERIF, size)
    if len(label) == 1:
        c.drawString(x, y, label)
        return
    widths = [fonts.string_width(ch, fonts.SERIF, size) for ch in label]
    gap = (LABEL_WIDTH - sum(widths)) / (len(label) - 1)
    for ch, w in zip(label, widths):
        c.drawString(x, y, ch)
        x += w + gap


X_VALUE = TEXT_LEFT + 8 * mm + LABEL_WIDTH + 9 * mm


def field_lines(value: str) -> list[str]:
    """A 성명/소속/직위 value at the field size, wrapped at spaces to the value column (never shrunk)."""
    return wrap(value, fonts.SERIF, FIELD_SIZE, TEXT_RIGHT - X_VALUE)


def _field(c: Canvas, y: float, label: str, value: str) -> float:
    """One 성명/소속/직위 line; a long value wraps under its own start. Returns the y below it."""
    _spaced_label(c, TEXT_LEFT + 8 * mm, y, label, FIELD_SIZE)
    c.setFont(fonts.SERIF, FIELD_SIZE)
    c.drawString(TEXT_LEFT + 8 * mm + LABEL_WIDTH + 3 * mm, y, ":")
    lines = field_lines(value)
    for i, line in enumerate(lines):
        _draw(c, X_VALUE, y - i * FIELD_LEADING, line, fonts.SERIF, FIELD_SIZE)
    return y - (len(lines) - 1) * FIELD_LEADING - FIELD_GAP


def sentence_lines(text: str) -> list[str]:
    """The body sentence in as few lines as fit, of even width (each line is centred)."""
    full = TEXT_RIGHT - TEXT_LEFT
    lines = wrap(text, fonts.SERIF, SENTENCE_SIZE, full)
    if len(lines) < 2:
        return lines
    total = fonts.string_width(text, fonts.SERIF, SENTENCE_SIZE)
    width = total / len(lines)
    while width < full:  # the narrowest width that still needs no more lines: no long line over a stub
        trial = wrap(text, fonts.SERIF, SENTENCE_SIZE, width)
        if len(trial) <= len(lines):
            return trial
        width += 4
    return lines


def _border(c: Canvas) -> None:
    c.saveState()
    c.setStrokeColor(colors.Color(0.45, 0.33, 0.12))
    c.setLineWidth(2.2)
    c.rect(12 * mm, 12 * mm, W - 24 * mm, H - 24 * mm)
    c.setLineWidth(0.6)
    c.rect(15 * mm, 15 * mm, W - 30 * mm, H - 30 * mm)
    c.restoreState()


@functools.lru_cache(maxsize=8)
def _seal_reader(png: bytes):
    from reportlab.lib.utils import ImageReader

    return ImageReader(io.BytesIO(png))


def sample_seal_png() -> bytes:
    """The bundled 견본 seal (서초구청장인): printed only when chosen, and then marked 견본."""
    return resource("seal", "sample_seal.png").read_bytes()


def is_sample_seal(png: bytes | None) -> bool:
    return png is not None and bool(png) and bytes(png) == sample_seal_png()


def preview_serial(serial_prefix: str, year: int) -> str:
    """The serial line of a preview: the number left blank (``제2026-    호``)."""
    return f"{serial_prefix} 제{year:04d}-    호".strip()


def _diagonal(c: Canvas, text: str, size: float) -> None:
    c.saveState()
    c.setFillColor(MARK_INK)
    c.translate(W / 2, H / 2)
    c.rotate(52)
    width = fonts.string_width(text, fonts.SANS_BOLD, size)
    _draw(c, -width / 2, -size / 3, text, fonts.SANS_BOLD, size)
    c.restoreState()


def _seal_form(c: Canvas, png: bytes, forms: dict) -> str:
    """Each distinct seal is one form XObject shared by every page (centred on its origin)."""
    key = hashlib.sha1(png).hexdigest()[:12]
    if key not in forms:
        name = f"seal{key}"
        half = SEAL_SIZE / 2
        c.beginForm(name, -half, -half, half, half)  # type: ignore[arg-type]  # floats work; the stubs say int
        c.drawImage(_seal_reader(png), -half, -half, SEAL_SIZE, SEAL_SIZE, mask="auto")
        c.endForm()
        forms[key] = name
    return forms[key]


def draw_page(c: Canvas, d: CertificateData, seal_name: str | None, *, preview: bool = False) -> IssuerLayout:
    if d.border:
        _border(c)
    if preview:
        _diagonal(c, PREVIEW_MARK, 46)
    elif seal_name and is_sample_seal(d.seal_png):
        _diagonal(c, SAMPLE_MARK, 150)
    _draw(c, TEXT_LEFT - 8 * mm, Y_SERIAL, d.serial, fonts.SERIF, SERIAL_SIZE)
    _draw_centred(c, Y_TITLE, TITLE, fonts.SERIF_BOLD, TITLE_SIZE, TITLE_SPACING)
    y = Y_FIELDS
    for label, value in (("성명", d.person_name), ("소속", d.institution_name), ("직위", d.position_title)):
        y = _field(c, y, label, value)
    y = min(Y_SENTENCE, y + FIELD_GAP - 16 * mm)  # long wrapped fields push the sentence down
    for line in sentence_lines(sentence(d)):
        _draw_centred(c, y, line, fonts.SERIF, SENTENCE_SIZE)
        y -= SENTENCE_LEADING
    term = term_line(d)
    if term:
        _draw_centred(c, y - 6 * mm, term, fonts.SERIF, TERM_SIZE)
    _draw_centred(c, Y_DATE, _date_long(d.issued_on), fonts.SERIF, DATE_SIZE)
    layout = issuer_layout(d.issuer)
    _draw(c, layout.x0, layout.baseline, d.issuer.strip(), fonts.SERIF_BOLD, layout.size, layout.spacing)
    if seal_name:
        c.saveState()
        c.translate(*layout.seal_center)
        c.doForm(seal_name)
        c.restoreState()
    return layout


def render(items: Sequence[CertificateData], *, title: str = "위촉장", preview: bool = False) -> bytes:
    """All certificates in one PDF, one page each (call ``preflight`` first).

    A page prints the seal of its data, or none; ``preview`` marks every page 미리보기.
    """
    if not items:
        raise ValidationError(_("There are no certificates to print."))
    fonts.register_family(fonts.SERIF)
    preflight(items)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=PAGE, pageCompression=1,
               initialFontName=fonts.SERIF)  # type: ignore[arg-type]  # a font name; the stubs say float
    c.setTitle(title)
    c.setAuthor("AICT 사무국")
    c.setCreator("AICT Secretariat Desktop")
    forms: dict[str, str] = {}
    for d in items:
        seal = _seal_form(c, d.seal_png, forms) if d.seal_png else None
        draw_page(c, d, seal, preview=preview)
        c.showPage()
    c.save()
    return buf.getvalue()
