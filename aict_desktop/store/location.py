"""Where the data file lives: a network share or a sync folder is not a safe home for SQLite.

SQLite's WAL needs shared memory and byte locks that network file systems (SMB, NFS) do not
honour reliably, and sync tools (OneDrive, Dropbox, Google Drive, 네이버 MYBOX) replace the file
under the running program. Both lose data quietly; the program warns and suggests the local data
folder (or the shared office server for several PCs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs",
              "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph"}
SYNC_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud drive", "iclouddrive", "mybox",
                "네이버 mybox", "box sync")
SYNC_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def sync_folder(path: Path) -> str | None:
    """The sync tool whose folder holds ``path`` (by the tool's environment variable or the folder's name)."""
    resolved = Path(os.path.abspath(path))
    for var in SYNC_ENV:
        root = os.environ.get(var)
        if root and _inside(resolved, Path(root)):
            return "OneDrive"
    for part in resolved.parts[:-1]:
        low = part.lower()
        for name in SYNC_FOLDERS:
            if low == name or low.startswith(name + " -") or low.startswith(name + "-"):
                return part
    return None


def network_location(path: Path) -> bool:
    """True when ``path`` is on a network share (UNC or mapped drive on Windows; NFS/SMB mounts elsewhere)."""
    text = os.path.abspath(path)
    if sys.platform == "win32":
        if text.startswith(("\\\\", "//")):
            return True
        import ctypes

        drive = os.path.splitdrive(text)[0]
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
    return _mount_type(Path(text)) in NETWORK_FS


def _mount_type(path: Path, mounts: str = "/proc/mounts") -> str:
    """The file system type of the longest mount point above ``path`` ("" when unknown)."""
    try:
        lines = Path(mounts).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    text = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (text == point or text.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(Path(os.path.abspath(root)))
        return True
    except ValueError:
        return False


def location_warning(path: Path) -> str | None:
    """The warning for a data file on a network share or in a sync folder, else None."""
    from aict_desktop.i18n import _

    if network_location(path):
        return _("The data file {path} is on a network drive. SQLite is not safe there (saves can be lost when "
                 "two PCs use it). Keep it in the local data folder, or use the shared office server for several "
                 "PCs (설정 → 데이터 파일).").format(path=path)
    tool = sync_folder(path)
    if tool:
        return _("The data file {path} is in a {tool} folder. Sync tools replace the file while the program runs, "
                 "and what was typed can be lost. Keep it in the local data folder (backups may go to {tool}).").format(
            path=path, tool=tool)
    return None
