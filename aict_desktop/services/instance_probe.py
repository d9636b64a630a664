"""Whether another program instance has a data file open: a look at its identity lock, nothing more.

Asked before the window is built, so it imports neither the database layer nor QtNetwork; only
when the answer is yes does the new launch knock on the running program's door
(``ui/single_instance``). The instance lock itself stays the authority (``store/instance_lock``).
"""

from __future__ import annotations

from aict_desktop.store.instance_lock import is_open_data_file


def open_elsewhere(target: str) -> bool:
    """True when a program instance holds ``target``'s lock (False for a server address, or no such file)."""
    if "://" in target:
        return False
    try:
        return is_open_data_file(target)
    except OSError:
        return True  # cannot tell: knock, as before
