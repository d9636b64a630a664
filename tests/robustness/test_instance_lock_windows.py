"""The second-instance lock with Windows' byte locks, simulated on Linux (issue 21 item 1).

``msvcrt.locking`` locks are mandatory: another process cannot even *read* a locked byte. The lock
used to sit on byte 0, under the holder's text, so the second process's read of "pid …" (inside its
``except OSError`` handler) raised PermissionError again and the user saw "예상하지 못한 오류 [Errno 13]".
The fake below keeps Windows' rules: a lock belongs to one descriptor, and a read that overlaps a
byte locked through another descriptor fails with PermissionError.
"""

from __future__ import annotations

import errno
import io
import os
import types

import pytest

from aict_desktop.domain.errors import StoreError
from aict_desktop.store import instance_lock


class FakeMsvcrt:
    LK_NBLCK = 2
    LK_UNLCK = 0

    def __init__(self):
        self.held: dict[tuple[int, int], list[tuple[int, int, int]]] = {}  # file → [(start, end, fd)]

    @staticmethod
    def _file(fd):
        st = os.fstat(fd)
        return st.st_dev, st.st_ino

    def locking(self, fd, mode, nbytes):
        start = os.lseek(fd, 0, os.SEEK_CUR)
        ranges = self.held.setdefault(self._file(fd), [])
        if mode == self.LK_UNLCK:
            ranges[:] = [r for r in ranges if r[2] != fd or r[0] != start]
            return
        if any(s < start + nbytes and start < e for s, e, _ in ranges):
            raise OSError(errno.EACCES, "Permission denied")
        ranges.append((start, start + nbytes, fd))

    def blocked(self, fd, start, end) -> bool:
        return any(s < end and start < e and owner != fd for s, e, owner in self.held.get(self._file(fd), []))

    def closed(self, fd) -> None:
        for ranges in self.held.values():
            ranges[:] = [r for r in ranges if r[2] != fd]


class MandatoryFile(io.TextIOWrapper):
    """A text file whose reads honour the fake's byte locks, as Windows does."""

    fake: FakeMsvcrt

    def read(self, size=-1):
        start = self.tell()
        end = os.fstat(self.fileno()).st_size if size is None or size < 0 else start + size
        if self.fake.blocked(self.fileno(), start, max(end, start + 1)):
            raise PermissionError(errno.EACCES, "The process cannot access the file because another process "
                                  "has locked a portion of the file")
        return super().read(size)

    def close(self):
        if not self.closed:
            self.fake.closed(self.fileno())
        super().close()


@pytest.fixture
def windows(monkeypatch, tmp_path):
    fake = FakeMsvcrt()
    MandatoryFile.fake = fake

    def open_mandatory(path, mode="r"):
        raw = open(path, mode.replace("+", "") + "b+" if "+" in mode else mode + "b")  # noqa: SIM115
        return MandatoryFile(raw, encoding="utf-8", write_through=True)

    monkeypatch.setitem(__import__("sys").modules, "msvcrt", fake)
    monkeypatch.setattr(instance_lock, "sys", types.SimpleNamespace(platform="win32"))
    monkeypatch.setattr(instance_lock, "open", open_mandatory, raising=False)
    monkeypatch.setattr(instance_lock, "identity_lock_dir", lambda: tmp_path / "locks")
    return fake


def test_the_second_instance_is_told_who_holds_the_file(windows, tmp_path):
    db = tmp_path / "aict.sqlite"
    db.write_bytes(b"")
    first = instance_lock.InstanceLock(db).acquire()
    try:
        with pytest.raises(StoreError) as err:
            instance_lock.InstanceLock(db).acquire()
        assert f"pid {os.getpid()}" in err.value.message  # the holder's text was readable
        assert "Errno" not in err.value.message
    finally:
        first.release()
    instance_lock.InstanceLock(db).acquire().release()  # free again once the first let go


def test_the_lock_byte_lies_past_the_holder_text(windows, tmp_path):
    db = tmp_path / "aict.sqlite"
    db.write_bytes(b"")
    holder = instance_lock.InstanceLock(db).acquire()
    try:
        (ranges,) = [r for r in windows.held.values() if r][:1]
        text_end = len((tmp_path / "aict.sqlite.lock").read_bytes())
        assert all(start >= text_end for start, _end, _fd in ranges)
    finally:
        holder.release()

