"""Linux trimming for build_installer.spec: orphan libraries, and Qt's ICU data cut to what Qt uses here.

Loaded by the spec (PyInstaller runs it with the spec's globals); plain functions, no PyInstaller imports,
so each can be tried on a built bundle by hand. Needs binutils (``as``, ``ld``, ``nm``), which the
build already needs for ``strip``; without them the full ICU data is kept and a warning says so.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

# --- direct dependencies of an ELF file ------------------------------------------------------

_PT_LOAD, _PT_DYNAMIC, _DT_NEEDED, _DT_STRTAB = 1, 2, 1, 5


def _elf64(data: bytes) -> bool:
    return data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1  # 64-bit, little-endian


def _segments(data: bytes) -> tuple[list[tuple[int, int, int]], tuple[int, int] | None]:
    """(PT_LOAD as (vaddr, offset, size) …, PT_DYNAMIC as (offset, size) or None)."""
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if p_type == _PT_LOAD:
            loads.append((vaddr, offset, filesz))
        elif p_type == _PT_DYNAMIC:
            dynamic = (offset, filesz)
    return loads, dynamic


def _file_offset(loads: list[tuple[int, int, int]], vaddr: int) -> int:
    return next(offset + vaddr - start for start, offset, size in loads if start <= vaddr < start + size)


def needed(path: str) -> list[str] | None:
    """The DT_NEEDED names of a shared object (what it links to directly); None if it cannot be read."""
    data = Path(path).read_bytes()
    if not _elf64(data):
        return None
    loads, dynamic = _segments(data)
    if dynamic is None:
        return []
    names, strtab = [], None
    for off in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, off)
        if tag == 0:
            break
        if tag == _DT_NEEDED:
            names.append(value)
        elif tag == _DT_STRTAB:
            strtab = value
    if strtab is None:
        return []
    base = _file_offset(loads, strtab)
    return [data[base + n:data.index(b"\0", base + n)].decode() for n in names]


def without_orphans(binaries: list) -> list:
    """Drop shared libraries nothing in the bundle links to any more (e.g. GTK's cairo once the GTK theme
    plugin is gone, GnuTLS once libcups is taken from the host).

    Roots are what PyInstaller collected on purpose (extension modules, Qt's libraries and plugins,
    libpython); a top-level or wheel-vendored library stays only when a root or a kept library names it
    in DT_NEEDED. Direct links, not ``ldd``'s transitive list: ``ldd`` would keep the host-resolved
    dependencies of a library the bundle no longer carries.
    """
    def linked_only(dest: str) -> bool:
        folder, _sep, name = dest.replace("\\", "/").rpartition("/")
        if ".cpython-" in name or ".abi3." in name or name.startswith("libpython"):
            return False
        return folder == "" or folder.endswith(".libs")  # top level, or a wheel's vendored libraries

    def name_of(entry) -> str:
        return entry[0].replace("\\", "/").rpartition("/")[2]

    top = {name_of(b): b for b in binaries if linked_only(b[0])}
    todo = [b for b in binaries if not linked_only(b[0])]
    kept: set[str] = set()
    while todo:
        names = needed(todo.pop()[1])
        if names is None:  # not an ELF file we can read: keep everything rather than guess
            return binaries
        for name in names:
            if name in top and name not in kept:
                kept.add(name)
                todo.append(top[name])
    return [b for b in binaries if not linked_only(b[0]) or name_of(b) in kept]


# --- Qt's ICU data ---------------------------------------------------------------------------
# Qt 6 formats dates and numbers from its own CLDR tables; from ICU it uses collation (QCollator),
# case mapping, normalisation, time-zone names and text codecs. The program sorts in Python and
# reads and writes UTF-8 only. Kept: every non-locale item (Unicode properties, normalisation, time
# zones, plurals, aliases, break rules), the root, Korean and English locales in every category, and
# the Korean legacy code pages. Dropped: the other ~850 locales, transliteration, the Chinese/Japanese/
# Thai/Lao/Khmer/Burmese word-break dictionaries (Qt breaks text lines itself) and other code pages.

_LOCALE_ITEM = re.compile(r"(?:[a-z]+/)?([a-z]{2,3})(_[A-Za-z0-9_]*)?\.res")  # root.res, pool.res: 4 letters
_KEEP_LOCALE = re.compile(r"(?:[a-z]+/)?(ko(_[A-Za-z0-9_]+)?|en|en_US(_POSIX)?|en_001)\.res")
_KOREAN_CODEPAGE = re.compile(r"(ibm-949|ibm-970|windows-949|ibm-1363)[^/]*\.cnv")


def keep_icu_item(name: str) -> bool:
    """``name`` without the package prefix, e.g. ``coll/ko.res``, ``ucadata.icu``, ``ibm-949_P110-1999.cnv``."""
    if name.startswith("translit/") or (name.startswith("brkitr/") and name.endswith(".dict")):
        return False
    if name.endswith(".cnv"):
        return bool(_KOREAN_CODEPAGE.fullmatch(name))
    if _LOCALE_ITEM.fullmatch(name):
        return bool(_KEEP_LOCALE.fullmatch(name))
    return True


def filter_common_data(blob: bytes, keep) -> tuple[bytes, int, int]:
    """An ICU common data package (header, TOC of sorted names, 16-byte aligned items) holding only the
    items ``keep(name)`` accepts. Returns (package, items kept, items in the original)."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        full = blob[toc + name_off:blob.index(b"\0", toc + name_off)].decode("ascii")
        prefix, _sep, name = full.partition("/")
        if keep(name):
            items.append((full.encode("ascii") + b"\0", blob[toc + data_off:toc + end]))
    names_at = 4 + 8 * len(items)
    names = b"".join(n for n, _d in items)
    data_at = names_at + len(names)
    data_at += -(header_size + data_at) % 16
    out_toc, out_data = [struct.pack("<I", len(items))], []
    name_pos, data_pos = names_at, data_at
    for name, data in items:
        out_toc.append(struct.pack("<II", name_pos, data_pos))
        name_pos += len(name)
        padded = data + b"\0" * (-len(data) % 16)
        data_pos += len(padded)
        out_data.append(padded)
    toc_bytes = b"".join(out_toc) + names
    toc_bytes += b"\0" * (data_at - len(toc_bytes))
    return blob[:header_size] + toc_bytes + b"".join(out_data), len(items), count


def _icu_data_symbol(library: str) -> tuple[str, int, int]:
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", library], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            return parts[3], int(parts[0], 16), int(parts[1], 16)
    raise ValueError(f"{library}: no icudt*_dat symbol")


def slim_icu_library(library: str, workdir: Path, keep=keep_icu_item) -> tuple[str, str]:
    """Build a libicudata.so.N holding only the kept items under the same name and symbol.

    Returns (path of the new library, a one-line summary)."""
    soname = Path(library).name
    symbol, vaddr, size = _icu_data_symbol(library)
    data = Path(library).read_bytes()
    start = _file_offset(_segments(data)[0], vaddr)
    package, kept, total = filter_common_data(data[start:start + size], keep)
    workdir.mkdir(parents=True, exist_ok=True)
    dat = workdir / f"{symbol[:-4]}l.dat"  # icudt73_dat → icudt73l.dat, the name icupkg expects
    dat.write_bytes(package)
    asm = workdir / f"{symbol}.s"
    asm.write_text(
        f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n'
        f'\t.incbin "{dat.name}"\n\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    obj, out = workdir / f"{symbol}.o", workdir / soname
    subprocess.run(["as", "-o", obj.name, asm.name], cwd=workdir, check=True)
    subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", out.name, obj.name],
                   cwd=workdir, check=True)
    return str(out), f"ICU data: {kept} of {total} items, {size / 2**20:.1f} → {len(package) / 2**20:.1f} MB"


def slim_icu(binaries: list, workdir: Path, log) -> list:
    """Swap the source of Qt's libicudata.so.N for the reduced one (Linux wheels carry ICU; Windows and
    macOS Qt use the system's). Without binutils, keeps the full data and says so."""
    if not all(shutil.which(tool) for tool in ("as", "ld", "nm")):
        log("binutils (as, ld, nm) not found: keeping Qt's full ICU data (+25 MB)")
        return binaries
    out, cache = [], {}
    for dest, src, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name) and kind == "BINARY":
            if src not in cache:
                cache[src], summary = slim_icu_library(src, workdir)
                log(summary)
            src = cache[src]
        out.append((dest, src, kind))
    return out
