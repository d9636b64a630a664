"""A second launch on the same data file brings the running window to the front.

The instance lock (``store/instance_lock.py``) stays the authority on who has a data file open; this is
only the courtesy on top of it. The program that holds the lock listens on a local socket (a named pipe
on Windows) named after the user and the data file. A new launch first asks there: when the running
program answers, it comes to the front and the new launch ends at once (exit 0, no second window).
When nobody answers (an older version, a program busy for seconds, a server gone with a crash), the new
launch goes on and the lock refuses it with the polite "already open" message, as before.

One line each way: ``show`` and ``shown``. Only the same user can connect. A launch knocks only when the
data file's identity lock says another instance has it open (``services/instance_probe``), so the usual
start imports no QtNetwork before its window is on screen.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from aict_desktop.services.instance_probe import open_elsewhere

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)
REQUEST, ANSWER = b"show\n", b"shown\n"
CONNECT_MS = 500  # a listening program answers in milliseconds; nobody listening fails at once
ANSWER_MS = 2000


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment (a service account): the id instead
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(target: str) -> str:
    """The local server's name for this user and this data file (not too long for a Unix socket path)."""
    import hashlib

    path = os.path.normcase(os.path.realpath(os.path.expanduser(target)))
    digest = hashlib.sha256(f"{_user()}\0{path}".encode()).hexdigest()[:32]
    return f"aict-desktop-{digest}"


def bring_running_to_front(target: str) -> bool:
    """Ask the program that has ``target`` open to come to the front; True when it answered."""
    if not open_elsewhere(target):  # nobody has it open (or a server database: no lock to meet)
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(target))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    if sys.platform == "win32":  # Windows lets a program take the foreground only when the active one allows it
        try:
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY: this launch is the active program
        except (AttributeError, OSError):
            pass
    socket.write(REQUEST)
    socket.flush()
    answered = b""
    while ANSWER not in answered and socket.waitForReadyRead(ANSWER_MS):
        answered += bytes(socket.readAll())
    socket.disconnectFromServer()
    return ANSWER in answered


def bring_to_front(window: QWidget) -> None:
    """Un-minimise and raise the window (or the dialog it shows), and give it the keyboard."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal is not window:
        modal.raise_()
        modal.activateWindow()


class FrontDoor(QObject):
    """The running program's side: listens while it holds the data file's lock."""

    asked = Signal()  # a second launch asked for the window

    def __init__(self, window: QWidget, target: str):
        from PySide6.QtNetwork import QLocalServer

        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.name = server_name(target)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # a crashed program's leftover socket file (POSIX): this program holds the lock, so nobody else listens
        self.server.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("a second launch cannot bring this window to the front: %s", self.server.errorString())
        return False

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():
                self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            return
        if bytes(conn.readLine()) == REQUEST:
            bring_to_front(self.window)
            self.asked.emit()
            conn.write(ANSWER)
            conn.flush()
        conn.disconnectFromServer()


def serve(window: QWidget, target: str) -> FrontDoor | None:
    """Listen for later launches on ``target`` (after its lock is held); None for a server database."""
    if "://" in target:
        return None
    door = FrontDoor(window, target)
    return door if door.listen() else None
