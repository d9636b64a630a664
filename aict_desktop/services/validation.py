"""Checks shared by the services; each failure is a translatable ValidationError."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.text import describe_character, hidden_character, is_excel_error
from aict_desktop.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-. ]{7,20}$")


def clean_text(value, label: str, *, required: bool = False, max_len: int = 200, field: str | None = None) -> str:
    """Trim, refuse control characters and over-long text."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", text).strip()
    if required and not text:
        raise ValidationError(_("{label} is required.").format(label=label), field=field)
    if len(text) > max_len:
        raise ValidationError(
            _("{label} is too long ({n} characters; at most {max}).").format(label=label, n=len(text), max=max_len),
            field=field,
        )
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t":
            raise ValidationError(
                _("{label} contains an invisible control character (U+{code:04X}).").format(label=label, code=ord(ch)),
                field=field,
            )
    return text


def clean_name(value, label: str, *, required: bool = False, max_len: int = 200, field: str | None = None) -> str:
    """A one-line name (person, institution, department, position): ``clean_text`` plus no invisible,
    format or control character (zero-width space, RTL mark, BOM, Hangul filler, tab, line break) and no
    Excel error value (``#N/A``)."""
    text = clean_text(value, label, required=required, max_len=max_len, field=field)
    ch = hidden_character(text)
    if ch is not None:
        raise ValidationError(
            _("{label} contains an invisible character ({character}); type it again without it.").format(
                label=label, character=describe_character(ch)),
            field=field,
        )
    if is_excel_error(text):
        raise ValidationError(
            _("{label}: '{value}' is an Excel error value, not data; correct the cell in the file.").format(
                label=label, value=text),
            field=field,
        )
    return text


def clean_email(value, label: str, field: str | None = None) -> str:
    text = clean_text(value, label, max_len=200, field=field)
    if text and not _EMAIL.match(text):
        raise ValidationError(_("'{value}' is not an e-mail address.").format(value=text), field=field)
    return text


def clean_phone(value, label: str, field: str | None = None) -> str:
    text = clean_text(value, label, max_len=30, field=field)
    if text and not _PHONE.match(text):
        raise ValidationError(_("'{value}' is not a telephone number.").format(value=text), field=field)
    return text


def check_range(start: dt.date | None, end: dt.date | None, label: str) -> None:
    if start and end and end < start:
        raise ValidationError(_("{label}: the end is before the start.").format(label=label))


def parse_enum(enum_cls, value, label: str, default=None, field: str | None = None):
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is not None:
            return default
        raise ValidationError(_("{label} is required.").format(label=label), field=field)
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls.parse(str(value))
    except ValueError:
        allowed = "·".join(m.value for m in enum_cls)
        raise ValidationError(
            _("'{value}' is not a valid {label} (use one of {allowed}).").format(value=value, label=label, allowed=allowed),
            field=field,
        ) from None
