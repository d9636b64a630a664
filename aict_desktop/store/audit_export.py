"""Export the access log to .csv (UTF-8 with BOM, opens in Korean Excel) or .xlsx."""

from __future__ import annotations

import csv
from pathlib import Path

from aict_desktop.domain.errors import StoreError, ValidationError
from aict_desktop.i18n import _
from aict_desktop.domain.cells import safe_cell

COLUMNS = ("id", "at", "os_user", "db_user", "program", "action", "action_label", "target", "subject", "detail",
           "prev_hash", "hash")


def header_labels() -> list[str]:
    return [_("Entry"), _("When"), _("OS user"), _("Database user"), _("Program"), _("Action code"), _("Action"),
            _("What"), _("Whose data"), _("Detail"), _("Previous hash"), _("Hash")]


def _row(e) -> list:
    from aict_desktop.store.audit import action_label

    return [e.id, e.at.isoformat(sep=" ", timespec="seconds"), e.os_user, e.db_user, e.program, e.action,
            action_label(e.action), e.target, e.subject, e.detail, e.prev_hash, e.hash]


def export_entries(rows, path) -> Path:
    """Write entries (oldest first as given) to ``path``; the format follows the suffix."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(_("The access log can be exported as .csv or .xlsx, not '{suffix}'.").format(
            suffix=suffix or path.name))
    if not path.parent.is_dir():
        raise StoreError(_("The folder {folder} does not exist.").format(folder=path.parent))
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(header_labels())
                for e in rows:
                    w.writerow([safe_cell(v) for v in _row(e)])
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(_("Access log"))
            ws.append(header_labels())
            for e in rows:
                ws.append([safe_cell(v) for v in _row(e)])
            wb.save(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(_("The file {path} could not be written: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc
    return path


def export_log(store, path, *, search: str = "") -> int:
    """Export the whole log (or the entries matching ``search``), and log the export itself."""
    from aict_desktop.store.audit import entries, log_access

    rows = list(reversed(entries(store, search=search)))
    export_entries(rows, path)
    with store.write() as s:
        log_access(s, "log.export", target=str(Path(path).name), detail=_("{n} entries").format(n=len(rows)))
    return len(rows)
