"""Translations and Korean formatting.

Every user-facing string goes through ``_()`` (English msgid, Korean and
English catalogs under ``i18n/``). Catalogs are read from compiled ``.mo``
files when a build has produced them, otherwise compiled in memory from the
``.po`` sources, so a source checkout needs no build step.

Dates follow the official Korean style (DESIGN §5) through Babel.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import os

from aict_desktop.domain.hangul import attach_particles, has_particle_pair
from aict_desktop.resources import i18n_dir

DOMAIN = "messages"
LANGUAGES = ("ko", "en")
CATALOGS = ("ko",)  # English is the msgids themselves: no catalog
DEFAULT_LANGUAGE = "ko"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with ``_()``."""
    return message


class _Particled(str):
    """A Korean message written with both particle forms after a value (``{name}이(가)``): its
    ``.format()`` keeps the one that fits the value (``홍세아가``, ``김민준이``)."""

    def format(self, *args, **kwargs) -> str:  # the same call as str.format, a plain str back
        text = str.format(self, *args, **kwargs)
        try:
            return attach_particles(text)
        except Exception:  # noqa: BLE001 — a message is never lost to its particles: both forms stay
            return text


def _(message: str) -> str:
    text = _translations.gettext(message)
    if "(" in text and _language == "ko" and has_particle_pair(text):
        return _Particled(text)
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def language() -> str:
    return _language


def language_from_environment(explicit: str | None = None) -> str:
    """Korean unless asked for English (``--lang en`` or ``LANG=en_*``)."""
    if explicit:
        return explicit if explicit in LANGUAGES else DEFAULT_LANGUAGE
    for var in ("AICT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def _load(lang: str) -> gettext.NullTranslations:
    base = i18n_dir() / lang / "LC_MESSAGES"
    mo = base / f"{DOMAIN}.mo"
    po = base / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if not po.exists():
        return gettext.NullTranslations()
    cached = _cached_mo(po, lang)
    try:
        return gettext.GNUTranslations(io.BytesIO(cached.read_bytes()))
    except (OSError, ValueError, UnicodeError):  # none yet, or damaged: compile again
        pass
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    _keep_compiled(cached, buf.getvalue())
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def _cached_mo(po, lang: str):
    """The compiled catalog of this very ``.po`` (size and time in the name) in the user's cache folder."""
    from aict_desktop.config import cache_dir

    st = po.stat()
    return cache_dir() / f"{DOMAIN}-{lang}-{st.st_size}-{st.st_mtime_ns}.mo"


def _keep_compiled(mo, data: bytes) -> None:
    """Keep the compiled catalog in the cache folder so the next start reads it directly (compiling
    costs 35–50 ms of every start). Never beside the source: an installed program's folder is not its
    own to write. Older compilations of the same language are removed; no cache folder, no harm."""
    tmp = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
    try:
        mo.parent.mkdir(parents=True, exist_ok=True)
        for old in mo.parent.glob(mo.name.rsplit("-", 2)[0] + "-*.mo"):
            if old != mo:
                old.unlink(missing_ok=True)
        tmp.write_bytes(data)
        tmp.replace(mo)
    except OSError:
        tmp.unlink(missing_ok=True)


def install(lang: str | None = None) -> str:
    """Activate a language for the whole process and return it."""
    global _translations, _language
    lang = language_from_environment(lang)
    _translations = _load(lang) if lang != "en" else gettext.NullTranslations()
    _language = lang
    return lang


# --- Korean formatting (DESIGN §5) ------------------------------------------

_WEEKDAYS_KO = "월화수목금토일"


def _babel_date(d: dt.date, form: str) -> str:
    from babel.dates import format_date  # imported on first use: not on the start-up path

    return format_date(d, form, locale="ko_KR")


def fmt_date(d: dt.date | None) -> str:
    """Official style: ``2025. 6. 5.``"""
    if d is None:
        return ""
    return _babel_date(d, "medium")


def fmt_date_weekday(d: dt.date) -> str:
    """``2025. 6. 5.(목)``"""
    return f"{fmt_date(d)}({_WEEKDAYS_KO[d.weekday()]})"


def fmt_date_long(d: dt.date) -> str:
    """Spelled out for certificates: ``2025년 6월 5일``"""
    return _babel_date(d, "long")


def fmt_range(start: dt.date | None, end: dt.date | None) -> str:
    """``2025. 6. 5.~2027. 6. 4.`` (no spaces around ``~``); an open term ``2025. 6. 5.부터``, never a bare ``~``."""
    if end is None:
        return _("from {start}").format(start=fmt_date(start))
    return f"{fmt_date(start)}~{fmt_date(end)}"


def fmt_time(t: dt.time | dt.datetime | None) -> str:
    """24-hour ``14:00``."""
    if t is None:
        return ""
    return f"{t.hour:02d}:{t.minute:02d}"


def fmt_datetime(when: dt.datetime) -> str:
    """``2025. 6. 12.(목) 14:00`` as on a meeting notice."""
    return f"{fmt_date_weekday(when.date())} {fmt_time(when)}"


def fmt_won(amount: int) -> str:
    """``150,000원``"""
    return f"{amount:,}원"


_DIGITS_KO = "영일이삼사오육칠팔구"
_SMALL_UNITS_KO = ("천", "백", "십", "")
_LARGE_UNITS_KO = ("", "만", "억", "조", "경")


def won_in_words(amount: int) -> str:
    """Korean numerals as on official papers, with 일 before every unit: 113,560 → ``일십일만삼천오백육십``."""
    n = int(amount)
    if n == 0:
        return _DIGITS_KO[0]
    if n < 0:
        return "마이너스" + won_in_words(-n)
    groups, out = [], []
    while n:
        n, rest = divmod(n, 10_000)
        groups.append(rest)
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if not g:
            continue
        digits = f"{g:04d}"
        out.append("".join(_DIGITS_KO[int(d)] + u for d, u in zip(digits, _SMALL_UNITS_KO) if d != "0"))
        out.append(_LARGE_UNITS_KO[i])
    return "".join(out)


def fmt_won_words(amount: int) -> str:
    """An amount in figures and in words (행정업무규정 시행규칙 제2조): ``금113,560원(금일십일만삼천오백육십원)``."""
    return f"금{amount:,}원(금{won_in_words(amount)}원)"
