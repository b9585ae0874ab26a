"""One running copy per data folder: a second start asks the first to come to the front and
then quits, instead of opening the same database twice.

The folder is claimed with a lock file (``QLockFile``, in QtCore): taking it is atomic, so two
copies started at the same moment cannot both open, and a lock left by a copy that crashed
is seen as stale (its process is gone) and taken over. The first copy then answers on a
local socket; the window opens that socket once it has painted (``listen``), so QtNetwork is
not loaded before the first page. A later copy that finds the folder locked asks the holder
to come forward, waiting a moment for it to listen.

The socket and the lock live in ``$XDG_RUNTIME_DIR`` (a private folder of this user), else in
a per-user 0700 folder of its own, never under a guessable name in the shared ``/tmp``; and
each side checks that the other end belongs to the same user. So another local account can
neither keep the app from opening nor bring its window forward.
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
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

ALREADY_RUNNING_MESSAGE = "Runner Legs is already open for this data folder; brought it to the front"
STILL_STARTING_MESSAGE = ("Runner Legs is already starting for this data folder; its window "
                          "opens in a moment")
_ACTIVATE = b"activate\n"
# How long a later copy keeps asking a copy that holds the folder but does not listen yet (it
# is still starting: checking its file, or asking about a damaged one).
ASK_FOR_MS = 3000
_RETRY_MS = 50


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
    was started for the same folder (once ``listen`` has run)."""

    activate_requested = Signal()

    def __init__(self, data_dir: str | os.PathLike[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._lock = QLockFile(self.name + ".lock")
        self._lock.setStaleLockTime(0)  # held for the whole run: stale only when its copy died
        self._server: QLocalServer | None = None
        self.refusal = ALREADY_RUNNING_MESSAGE

    def claim(self, timeout_ms: int = ASK_FOR_MS, *, listen: bool = True) -> bool:
        """True when this process now holds the folder; False when another copy does (it has
        been asked to come to the front, or is still starting: ``refusal`` says which).

        ``listen=False`` leaves the socket for ``listen`` to open later (the window does so
        once its first page has painted)."""
        if self._lock.isLocked():
            return True
        if not self._lock.tryLock(0):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                # The lock cannot be written (a full or read-only runtime folder): start
                # unguarded rather than not at all, as before the lock existed.
                return not self._notify_running(timeout_ms, wait_for_listener=False)
            answered = self._notify_running(timeout_ms, wait_for_listener=True)
            self.refusal = ALREADY_RUNNING_MESSAGE if answered else STILL_STARTING_MESSAGE
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer later copies from now on (no-op unless the folder is claimed)."""
        if self._server is not None or not self._lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer

        # The folder is ours: a socket file still there was left by a copy that crashed.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.name):
            server.newConnection.connect(self._on_server_new_connection)
            self._server = server

    def release(self) -> None:
        """Stop answering and give the folder up (the socket and lock files go away); done
        automatically on destruction."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _notify_running(self, timeout_ms: int, *, wait_for_listener: bool) -> bool:
        """Ask a running copy to come forward (``wait_for_listener``: retrying until
        ``timeout_ms`` while it is not listening yet); True when one accepted the request."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(timeout_ms)
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(max(0, deadline.remainingTime())):
                break
            if not wait_for_listener or deadline.hasExpired():
                return False
            QThread.msleep(_RETRY_MS)  # not listening yet: it is still starting
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
