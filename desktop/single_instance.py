"""One running copy per data folder: a second start asks the first to come to the front and
then quits, instead of opening the same database twice."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

ALREADY_RUNNING_MESSAGE = "Runner Legs is already open for this data folder; brought it to the front"
_ACTIVATE = b"activate\n"


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """The local socket name for a data folder (a hash, so any path gives a short safe name)."""
    resolved = str(Path(data_dir).expanduser().resolve())
    return "runner-legs-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, raise and focus a top-level window (what a second start asks for)."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """Claims the data folder for this process; ``activate_requested`` fires when a later copy
    was started for the same folder."""

    activate_requested = Signal()

    def __init__(self, data_dir: str | os.PathLike[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def claim(self, timeout_ms: int = 1000) -> bool:
        """True when this process is now the only copy; False when another copy answered
        (it has been asked to come to the front)."""
        if self._server is not None:
            return True
        if self._notify_running(timeout_ms):
            return False
        # Nobody answered: a socket file left by a crashed copy must not block this start.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Another copy may have won a race between our check and listen: let it answer.
            # If none answers we cannot listen, but nothing else runs: start without the lock.
            return not self._notify_running(timeout_ms)
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        """Stop answering (the socket file goes away); done automatically on destruction."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _notify_running(self, timeout_ms: int) -> bool:
        """Ask a running copy to come forward; True when one accepted the request."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_ACTIVATE)
        socket.flush()
        sent = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        return sent

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        asked = False
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            # A later copy writes its request right after connecting, so this rarely waits.
            if connection.bytesAvailable() or connection.waitForReadyRead(500):
                asked = asked or bytes(connection.readAll().data()).startswith(_ACTIVATE)
            connection.disconnectFromServer()
            connection.deleteLater()
        if asked:
            self.activate_requested.emit()
