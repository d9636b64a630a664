"""성과 점검 보고서 from the GUI: choose a period, preview/print the PDF or save the .xlsx."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.documents import ask_save_path, write_bytes
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.widgets.date_edit import DateEdit
from aict_desktop.ui.worker import run_in_background


def report_filename(name: str, ext: str) -> str:
    safe = "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip() or "report"
    return f"성과점검보고서_{safe}.{ext}"


class ReportBar(QWidget):
    """``기간 [from] ~ [to]  [성과 점검 보고서…] [엑셀로 저장…]`` for the body ``body()`` returns."""

    def __init__(self, services, body, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.body = body  # callable → (id, name) or None
        self.last_job = None
        self.start = DateEdit(optional=True)
        self.start.setObjectName("report_from")
        self.end = DateEdit(optional=True)
        self.end.setObjectName("report_to")
        self.preview_button = QPushButton(_("Progress review…"))
        self.preview_button.setToolTip(_("Preview and print the progress review (성과 점검 보고서)"))
        self.xlsx_button = QPushButton(_("Review to Excel…"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(_("Period")))
        lay.addWidget(self.start)
        lay.addWidget(QLabel("~"))
        lay.addWidget(self.end)
        lay.addWidget(self.preview_button)
        lay.addWidget(self.xlsx_button)
        self.preview_button.clicked.connect(self.preview)
        self.xlsx_button.clicked.connect(lambda: self.save_xlsx())

    def period(self):
        return self.start.value(), self.end.value()

    def _run(self, make, on_success, label: str) -> None:
        # not cancellable: the review is quick, and a job is never left half-shown
        self.last_job = run_in_background(self, make, on_success=on_success, on_failure=lambda e: show_error(self, e),
                                          label=label, cancellable=False)

    def preview(self) -> None:
        target = self.body()
        if target is None:
            return
        body_id, name = target
        start, end = self.period()
        title = _("Progress review — {name}").format(name=name)

        def shown(data: bytes) -> None:
            from aict_desktop.ui.preview import PreviewDialog

            PreviewDialog.show_pdf(data, title, report_filename(name, "pdf"), self)

        self._run(lambda: self.services.reports.task_report_pdf(body_id, start, end), shown, title)

    def save_xlsx(self, path: str | None = None) -> None:
        target = self.body()
        if target is None:
            return
        body_id, name = target
        start, end = self.period()
        path = path or ask_save_path(self, report_filename(name, "xlsx"))
        if not path:
            return

        def written(data: bytes) -> None:
            try:
                write_bytes(path, data)
            except OSError as exc:
                show_error(self, _("The file {path} could not be written: {reason}").format(
                    path=path, reason=exc.strerror or exc))
                return
            status(self, _("Saved {path}.").format(path=path))

        self._run(lambda: self.services.reports.task_report_xlsx(body_id, start, end), written,
                  _("Progress review — {name}").format(name=name))
