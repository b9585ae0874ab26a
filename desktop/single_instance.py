"""One running copy per data folder: a second start asks the first to come to the front and
then quits, instead of opening the same database twice.

The socket lives in ``$XDG_RUNTIME_DIR`` (a private folder of this user), else in a per-user
0700 folder of its own, never under a guessable name in the shared ``/tmp``; and each side
checks that the other end belongs to the same user. So another local account can neither
keep the app from opening nor bring its window forward.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket as pysocket
import stat
import struct
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

ALREADY_RUNNING_MESSAGE = "Runner Legs is already open for this data folder; brought it to the front"
_ACTIVATE = b"activate\n"


def _private(folder: Path) -> bool:
    """A real folder (not a symlink) of this user that no one else may enter."""
    try:
        st = folder.lstat()
    except OSError:
        return False
    return (stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid()
            and not st.st_mode & 0o077)


def runtime_folder() -> Path:
    """Where the socket lives: ``$XDG_RUNTIME_DIR`` when it is private to this user, else
    ``<tmp>/runner-legs-<uid>`` (made 0700). When someone else made that one first, a
    fresh private folder is used: the app still opens (without finding other copies)."""
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    if xdg and _private(Path(xdg)):
        return Path(xdg)
    folder = Path(tempfile.gettempdir()) / f"runner-legs-{os.getuid()}"
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700)
    if _private(folder):
        return folder
    return Path(tempfile.mkdtemp(prefix=f"runner-legs-{os.getuid()}-"))


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """The local socket path for a data folder (a hash, so any path gives a short safe
    name) in this user's private runtime folder."""
    resolved = str(Path(data_dir).expanduser().resolve())
    name = "runner-legs-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]
    return str(runtime_folder() / name)


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of a local socket (None when the
    platform cannot say)."""
    so_peercred = getattr(pysocket, "SO_PEERCRED", None)
    if so_peercred is None or descriptor < 0:
        return None
    try:
        with pysocket.fromfd(descriptor, pysocket.AF_UNIX, pysocket.SOCK_STREAM) as sock:
            raw = sock.getsockopt(pysocket.SOL_SOCKET, so_peercred, struct.calcsize("3i"))
    except OSError:
        return None
    return int(struct.unpack("3i", raw)[1])


def same_user(descriptor: int) -> bool:
    """True unless the other end is known to belong to another user."""
    uid = peer_uid(descriptor)
    return uid is None or uid == os.getuid()


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
        if not same_user(int(socket.socketDescriptor())):  # someone else's socket
            socket.abort()
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
            if not same_user(int(connection.socketDescriptor())):
                connection.abort()
                connection.deleteLater()
                continue
            # A later copy writes its request right after connecting, so this rarely waits.
            if connection.bytesAvailable() or connection.waitForReadyRead(500):
                asked = asked or bytes(connection.readAll().data()).startswith(_ACTIVATE)
            connection.disconnectFromServer()
            connection.deleteLater()
        if asked:
            self.activate_requested.emit()
