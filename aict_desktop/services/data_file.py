"""The data file as a whole, for the window and the command: back up, restore, check, the 접속기록.

Pages and verbs reach the store only through services (the layer contract in pyproject.toml);
these are the store's whole-file operations they use, named once here so the store's own layout
can change without touching a page or a verb.
"""

from __future__ import annotations

from aict_desktop.store import portable
from aict_desktop.store.audit import RETENTION_YEARS, action_label, entries, log_access, os_user
from aict_desktop.store.audit_export import export_log
from aict_desktop.store.audit_verify import check_log
from aict_desktop.store.autobackup import auto_backup
from aict_desktop.store.backup import backup_to, restore_from, validate_backup
from aict_desktop.store.engine import is_url
from aict_desktop.store.instance_lock import is_open_data_file, refuse_if_open
from aict_desktop.store.integrity import damage_report, run_checks
from aict_desktop.store.sqlite_files import DamagedFile

__all__ = [
    "RETENTION_YEARS", "DamagedFile", "action_label", "auto_backup", "backup_to", "check_log", "damage_report",
    "entries", "export_log", "is_open_data_file", "is_url", "log_access", "os_user", "portable", "refuse_if_open",
    "restore_from", "run_checks", "validate_backup",
]
