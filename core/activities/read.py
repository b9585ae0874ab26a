"""Paths to activities (SPEC §9): folders are walked, ``.zip`` archives opened, gzip
undone, and each file judged by its content. Every read is bounded (size, archive member
count and total), so a FIFO, ``/dev/zero`` or a zip bomb is refused instead of read."""

from __future__ import annotations

import gzip
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from pathlib import Path
from typing import BinaryIO

from core.activities.fit import is_fit, read_fit
from core.activities.gpx import is_gpx, read_gpx
from core.activities.model import (
    Activity,
    AfterToday,
    IntegrityFailed,
    NotAnActivity,
    Refused,
    Unreadable,
)
from core.activities.tcx import is_tcx, read_tcx
from core.activities.xmlsafe import looks_like_xml, parse_xml

MAX_FILE_BYTES = 64 * 1024 * 1024  # one activity file, after gzip: a day-long FIT is ~5 MB
MAX_MEMBERS = 50_000  # members of one archive (a decade of daily activities is ~4,000)
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024  # all members of one archive, uncompressed
_ZIP = b"PK\x03\x04"
_GZIP = b"\x1f\x8b"


@dataclass(frozen=True)
class Source:
    """One file to read: a file on disk, or ``member`` of the archive at ``path``."""

    name: str
    path: Path
    member: str | None = None
    problem: Refused | None = None

    @property
    def label(self) -> str:
        """What an activity keeps as its ``source``: the file's name, or
        ``archive.zip:member`` for a member of an archive."""
        if self.member is None:
            return self.path.name
        return f"{self.path.name}:{self.member}"


@dataclass(frozen=True)
class FileResult:
    """What one source gave: its activities, or why it was refused; ``done`` of ``total``."""

    source: str
    activities: tuple[Activity, ...]
    refused: Refused | None
    done: int
    total: int


def hidden(name: str) -> bool:
    """A dot file or folder, or the resource forks macOS adds to archives: never activities,
    so a folder or an archive skips them instead of refusing each one."""
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/") if part)


def list_sources(paths: Iterable[Path | str]) -> list[Source]:
    """Every file the paths name: folders walked recursively in name order, the members of
    each ``.zip`` listed (archives are recognised by content); hidden files inside a folder
    or an archive are skipped."""
    out: list[Source] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not hidden(d))
                for f in sorted(files):
                    if not hidden(f):
                        _add_file(out, Path(folder, f), str(Path(folder, f)))
        else:
            _add_file(out, path, str(given))
    return out


def _add_file(out: list[Source], path: Path, name: str) -> None:
    if _head(path) != _ZIP:
        out.append(Source(name, path))
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist()
                       if not m.is_dir() and not hidden(m.filename)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        out.append(Source(name, path, problem=IntegrityFailed(
            name, f"integrity check failed: the zip archive cannot be read ({exc})")))
        return
    if len(members) > MAX_MEMBERS:
        out.append(Source(name, path, problem=Unreadable(
            name, f"the archive holds {len(members)} files, more than {MAX_MEMBERS}")))
        return
    if sum(m.file_size for m in members) > MAX_ARCHIVE_BYTES:
        out.append(Source(name, path, problem=Unreadable(
            name, f"the archive unpacks to more than {MAX_ARCHIVE_BYTES // 2**30} GB")))
        return
    out.extend(Source(f"{name}:{m.filename}", path, m.filename) for m in members)


def _open_regular(path: Path) -> BinaryIO | None:
    """The file opened for reading, or None when it is not a regular file (opening never
    blocks: a FIFO is opened non-blocking and then turned away)."""
    handle = os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
    try:
        regular = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
    except OSError:
        regular = False
    if not regular:
        handle.close()
        return None
    return handle


def _head(path: Path) -> bytes:
    """The first four bytes of a regular file ("" for anything else)."""
    try:
        handle = _open_regular(path)
    except OSError:
        return b""
    if handle is None:
        return b""
    with handle:
        return handle.read(4)


def read_paths(paths: Iterable[Path | str], today: date, tz: tzinfo | None = None,
               cancelled: Callable[[], bool] | None = None) -> Iterator[FileResult]:
    """:func:`read_sources` over :func:`list_sources` of ``paths``."""
    return read_sources(list_sources(paths), today, tz, cancelled)


def read_sources(sources: list[Source], today: date, tz: tzinfo | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Iterator[FileResult]:
    """One FileResult per source, in order; stops early when ``cancelled()`` is true.

    An activity starting on a local date after ``today`` refuses its whole file.
    """
    total = len(sources)
    archive: tuple[Path, zipfile.ZipFile] | None = None
    try:
        for done, source in enumerate(sources, start=1):
            if cancelled is not None and cancelled():
                return
            try:
                if source.problem is not None:
                    raise source.problem
                if source.member is None:
                    data = _read_file(source.path, source.name)
                else:
                    if archive is None or archive[0] != source.path:
                        if archive is not None:
                            archive[1].close()
                        archive = (source.path, zipfile.ZipFile(source.path))
                    data = _read_member(archive[1], source.member, source.name)
                found = tuple(replace(a, source=source.label)
                              for a in read_bytes(data, source.name, tz))
                late = next((a for a in found if a.date > today), None)
                if late is not None:
                    raise AfterToday(source.name, f"starts after today (on "
                                                  f"{late.date.isoformat()})")
                yield FileResult(source.name, found, None, done, total)
            except Refused as refusal:
                yield FileResult(source.name, (), refusal, done, total)
            except (OSError, zipfile.BadZipFile) as exc:
                yield FileResult(source.name, (), Unreadable(source.name, _os_reason(exc)),
                                 done, total)
    finally:
        if archive is not None:
            archive[1].close()


def read_bytes(data: bytes, name: str, tz: tzinfo | None = None,
               *, unpacked: bool = False) -> list[Activity]:
    """The activities in one file's bytes, judged by content (gzip undone once)."""
    if data.startswith(_GZIP) and not unpacked:
        return read_bytes(_gunzip(data, name), name, tz, unpacked=True)
    if is_fit(data):
        return read_fit(data, name, tz)
    if data.startswith(_ZIP):
        raise NotAnActivity(name, "not an activity: an archive inside an archive or a "
                                  "compressed file is not opened")
    if looks_like_xml(data):
        root = parse_xml(data, name)
        if is_tcx(root):
            return read_tcx(root, name, tz)
        if is_gpx(root):
            return read_gpx(root, name, tz)
        raise NotAnActivity(name, "not an activity: XML that is neither TCX nor GPX")
    if len(data) >= 12 and data[8:12] == b".FIT":
        raise IntegrityFailed(name, "integrity check failed: the FIT header is not valid")
    raise NotAnActivity(name, "not an activity file (not FIT, TCX or GPX)")


def _read_file(path: Path, name: str) -> bytes:
    """At most MAX_FILE_BYTES of a regular file (never blocks on a FIFO or a device)."""
    try:
        opened = _open_regular(path)
    except FileNotFoundError:
        raise Unreadable(name, "no such file or folder") from None
    if opened is None:
        raise Unreadable(name, "not a regular file (a device, pipe or socket)")
    with opened as handle:
        info = os.fstat(handle.fileno())
        if info.st_size > MAX_FILE_BYTES:
            raise Unreadable(name, f"larger than {MAX_FILE_BYTES // 2**20} MB")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(name, f"larger than {MAX_FILE_BYTES // 2**20} MB")
    return data


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise Unreadable(name, "the archive changed while it was read") from None
    if info.file_size > MAX_FILE_BYTES:
        raise Unreadable(name, f"larger than {MAX_FILE_BYTES // 2**20} MB unpacked")
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except RuntimeError:  # zipfile's word for an encrypted member
        raise Unreadable(name, "the archive member is encrypted") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise IntegrityFailed(name, f"integrity check failed: the archive member cannot be "
                                    f"unpacked ({exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(name, f"larger than {MAX_FILE_BYTES // 2**20} MB unpacked")
    return data


def _gunzip(data: bytes, name: str) -> bytes:
    """The unpacked bytes, never more than MAX_FILE_BYTES."""
    import io

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IntegrityFailed(name, f"integrity check failed: the gzip data is damaged "
                                    f"({exc})") from None
    if len(out) > MAX_FILE_BYTES:
        raise Unreadable(name, f"larger than {MAX_FILE_BYTES // 2**20} MB unpacked")
    return out


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot be read ({exc.strerror})"
    return f"cannot be read ({exc})"
