"""In-program PDF preview (QtPdf) with 인쇄 and PDF로 저장.

Imported only when a document is first previewed, so start-up does not pay
for QtPdf.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.documents import ask_save_path, write_bytes
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.preview_controls import PreviewControls

RENDER_DPI = 300
WANTED = (820, 960)  # an A4 page at a readable width
FRAME_ROOM = (16, 48)  # the window frame and title bar around the dialog
_open: list[PreviewDialog] = []


def fitted_size(area: QRect) -> QSize:
    """The dialog's size: 820×960, or less so that it (frame included) fits the free screen area."""
    return QSize(max(480, min(WANTED[0], area.width() - FRAME_ROOM[0])),
                 max(360, min(WANTED[1], area.height() - FRAME_ROOM[1])))


class PreviewDialog(BaseDialog):
    state_key = "preview"

    def __init__(self, data: bytes, title: str, filename: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = bytes(data)
        self.filename = filename
        self.setWindowTitle(_("Preview — {title}").format(title=title))
        self.resize(fitted_size(self._available(parent)))
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

        self.controls = PreviewControls(self.view, self, self.state_key)  # zoom, fit, ◀ page / n ▶

        lay = QVBoxLayout(self)
        lay.addWidget(self.controls)
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

    @staticmethod
    def _available(parent: QWidget | None) -> QRect:
        """The screen's free area (without task bar) where the window opens."""
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, *WANTED)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        area = self._available(self.parentWidget())
        if not area.contains(self.frameGeometry()):  # a restored or centred window must not hang off a laptop screen
            size = fitted_size(area)
            self.resize(size)
            self.move(area.x() + (area.width() - self.frameGeometry().width()) // 2,
                      area.y() + max(0, (area.height() - self.frameGeometry().height()) // 2))

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
            part = Path(path).with_name(Path(path).name + ".tmp")  # what write_bytes began (a full disk)
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
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
        """Print every page at 100 %, centred on the paper, at the printer's resolution; returns the pages printed.

        The page is drawn on the whole sheet (``setFullPage``), not shrunk into the printable area: a 위촉장
        must land where the pre-printed paper expects it. The printer's paper is set to the document's.
        """
        first, last = printer.fromPage() or 1, printer.toPage() or self.document.pageCount()
        printer.setFullPage(True)
        size0 = self.document.pagePointSize(first - 1)
        printer.setPageSize(QPageSize(QSizeF(size0), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, _("The printer could not be started."))
            return 0
        printed = 0
        try:
            res = printer.resolution()
            dpi = min(res, RENDER_DPI)  # enough for text; keeps memory sane
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                size_pt = self.document.pagePointSize(page)
                image = self.document.render(page, QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi)))
                w, h = size_pt.width() / 72 * res, size_pt.height() / 72 * res  # the page's real size on the paper
                x, y = (paper.width() - w) / 2, (paper.height() - h) / 2
                painter.drawImage(QRectF(x, y, w, h), image)
                printed += 1
        finally:
            painter.end()
        return printed
