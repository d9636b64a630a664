"""Database failures a user can meet (full disk, read-only file, busy file) as clear messages.

``Store.write()`` turns SQLAlchemy's OperationalError into a StoreError
from here. SQLite rolls the transaction back on such an error, so nothing
was half-written: the message says the last change was not saved.
"""

from __future__ import annotations

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def write_failure(exc: BaseException, name: str) -> StoreError:
    """The StoreError to raise for a failed write to the store ``name``."""
    reason = _reason(exc)
    low = reason.lower()
    if "disk is full" in low or "database or disk is full" in low or "no space" in low:
        msg = _("The disk holding the data file {name} is full, so the last change was not saved (nothing was "
                "half-written). Free some disk space and try again.")
    elif "readonly" in low or "read-only" in low or "read only" in low:
        msg = _("The data file {name} is read-only, so the last change was not saved. Check the file's "
                "permissions, or whether it is on a read-only drive or network folder.")
    elif "locked" in low or "busy" in low:
        msg = _("The data file {name} is busy: another program is writing to it. The last change was not saved; "
                "try again in a moment.")
    elif "disk i/o error" in low or "unable to open" in low:
        msg = _("The data file {name} could not be written ({reason}), so the last change was not saved. Check "
                "the drive; if the file is on a USB stick or network folder, copy it to this PC.")
    else:
        msg = _("The last change could not be saved to {name}: {reason}")
    return StoreError(msg.format(name=name, reason=reason))
