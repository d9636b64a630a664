"""In-program PDF preview (QtPdf) with 인쇄 and PDF로 저장.

Imported only when a document is first previewed, so start-up does not pay
for QtPdf.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.documents import ask_save_path, write_bytes
from aict_desktop.ui.feedback import show_error, status

RENDER_DPI = 300
_open: list[PreviewDialog] = []


class PreviewDialog(BaseDialog):
    state_key = "preview"

    def __init__(self, data: bytes, title: str, filename: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = bytes(data)
        self.filename = filename
        self.setWindowTitle(_("Preview — {title}").format(title=title))
        self.resize(820, 960)
        self._bytes = QByteArray(self.data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            raise ValidationError(_("The document could not be shown (it is not a readable PDF)."))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.pages_label = QLabel(_("{n} page(s)").format(n=self.document.pageCount()))
        row.addWidget(self.pages_label)
        row.addStretch(1)
        self.print_button = QPushButton(_("Print…"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.close_button = QPushButton(_("Close"))
        for b in (self.print_button, self.save_button, self.close_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.close_button.clicked.connect(self.accept)
        self.print_button.setDefault(True)

    @classmethod
    def show_pdf(cls, data: bytes, title: str, filename: str, parent: QWidget | None = None) -> PreviewDialog | None:
        try:
            dlg = cls(data, title, filename, parent)
        except ValidationError as err:
            show_error(parent, err)
            return None
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open.append(dlg)
        dlg.destroyed.connect(lambda *_a, d=dlg: _open.remove(d) if d in _open else None)
        dlg.show()
        return dlg

    @staticmethod
    def open_dialogs() -> list[PreviewDialog]:
        return list(_open)

    def save_pdf(self, path: str | None = None) -> str | None:
        path = path or ask_save_path(self, self.filename)
        if not path:
            return None
        try:
            write_bytes(path, self.data)
        except OSError as exc:
            show_error(self, _("The file {path} could not be written: {reason}").format(path=path, reason=exc.strerror or exc))
            return None
        status(self.parentWidget() or self, _("Saved {path}.").format(path=path))
        return path

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.filename)
        dlg = QPrintDialog(printer, self)
        dlg.setMinMax(1, self.document.pageCount())
        if dlg.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page to the printer at its resolution; returns the pages printed."""
        first, last = printer.fromPage() or 1, printer.toPage() or self.document.pageCount()
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, _("The printer could not be started."))
            return 0
        printed = 0
        try:
            dpi = min(printer.resolution(), RENDER_DPI)  # enough for text; keeps memory sane
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                size_pt = self.document.pagePointSize(page)
                image = self.document.render(page, QSize(int(size_pt.width() / 72 * dpi), int(size_pt.height() / 72 * dpi)))
                target = painter.viewport()
                fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), fitted), image)
                printed += 1
        finally:
            painter.end()
        return printed
