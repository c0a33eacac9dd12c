"""A day's output set: ``out/DAY/`` with every format of the briefing, published as a whole.

This module owns the folder: its file names, where it lives, how it is replaced and how
it is read. The set is written into a hidden folder beside the target
(``out/.DAY.tmp-XXXX/``) and published with one rename, so a reader (``briefing send``,
a web server, a person) sees the old set or the new one, never a mix, and ``out/DAY/``
does not exist before the first build succeeded:

* first build: ``renameat2(RENAME_NOREPLACE)`` (or ``rename``) of the staged folder;
* rebuild: ``renameat2(RENAME_EXCHANGE)`` swaps the staged folder and ``out/DAY/``
  atomically (Linux 3.15+); the old set, now under the staged name, is deleted after.
  Where the kernel or file system cannot exchange, the old folder is first renamed to
  ``out/.DAY.old-XXXX/`` and then the new one into place; a run killed between the two
  leaves no ``out/DAY/`` for a moment, and the next run puts the old set back.

Leftovers of killed runs (``.DAY.tmp-*``, ``.DAY.old-*``) are cleaned by the next write
of the day, under an exclusive ``flock`` on ``out/.DAY.lock`` that also serialises two
builds of the same day. A published folder is never changed in place; :func:`read_set`
reads all files through one directory handle, so its snapshot is one set even while a
rebuild replaces the folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from briefing.errors import RenderError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

# Every file of a complete day, json first (the contract).
FILE_NAMES = ("briefing.json", "briefing.html", "briefing.web.html", "briefing.txt", "briefing.pdf")
# A folder replaced while it was being read is read again this many times.
READ_ATTEMPTS = 3

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkdtemp/mkstemp create 0700/0600; the published set gets ordinary permissions.
_DIR_MODE = 0o777 & ~_umask()
_FILE_MODE = 0o666 & ~_umask()


def day_folder(out: str | Path, day: date) -> Path:
    """``out/YYYY-MM-DD``."""
    return Path(out) / day.isoformat()


def missing(out: str | Path, day: date, names: tuple[str, ...] = FILE_NAMES) -> list[str]:
    """The files of ``names`` that ``out/DAY/`` lacks (all of them when there is no folder)."""
    folder = day_folder(out, day)
    return [name for name in names if not (folder / name).is_file()]


def check_writable(out: str | Path) -> None:
    """Fail early, before the expensive work, if ``out`` cannot hold a new day (creates ``out`` only).

    Raises:
        RenderError: with a one-line message naming the folder and the reason.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise RenderError(f"output folder {out} is a file, not a folder; pass --out DIR or set BRIEFING_OUT")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".briefing-probe.", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise RenderError(f"cannot write to output folder {out}: {e.strerror or e}") from None


def write_day(out: str | Path, day: date, files: Mapping[str, str | bytes]) -> list[Path]:
    """Publish ``files`` (name -> content) as the complete set ``out/DAY/``, replacing any older set.

    Returns:
        The published paths, in the order of ``files``.

    Raises:
        RenderError: the folder cannot be written; the previous set is then untouched.
    """
    out = Path(out)
    target = day_folder(out, day)
    check_writable(out)
    with _day_lock(out, day):
        clean_leftovers(out, day)
        stage = Path(tempfile.mkdtemp(prefix=f".{day.isoformat()}.tmp-", dir=out))
        try:
            for name, content in files.items():
                _write_file(stage / name, content)
            os.chmod(stage, _DIR_MODE)
            _fsync_dir(stage)
            _publish(stage, target)
        except OSError as e:
            _remove(stage)
            raise RenderError(f"cannot publish {target}: {e.strerror or e}") from None
        except BaseException:
            _remove(stage)
            raise
    log.info("published %s (%d files)", target, len(files))
    return [target / name for name in files]


def read_set(out: str | Path, day: date, names: tuple[str, ...]) -> dict[str, bytes] | list[str]:
    """The bytes of ``names`` from one published set of ``out/DAY/``.

    Returns:
        ``name -> bytes`` when every file is there, else the list of missing names.

    Raises:
        OSError: a file exists but cannot be read.
    """
    folder = day_folder(out, day)
    for _ in range(READ_ATTEMPTS):
        try:
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            return list(names)
        try:
            blobs: dict[str, bytes] = {}
            absent: list[str] = []
            for name in names:
                try:
                    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=dir_fd)
                except FileNotFoundError:
                    absent.append(name)
                    continue
                with os.fdopen(fd, "rb") as fh:
                    blobs[name] = fh.read()
            if not absent:
                return blobs
            if _same_folder(dir_fd, folder):
                return absent  # really incomplete, not replaced while we read
        finally:
            os.close(dir_fd)
    return list(names)


def clean_leftovers(out: str | Path, day: date) -> None:
    """Remove staged folders of killed runs; put back an old set a killed fallback swap left aside."""
    out = Path(out)
    target = day_folder(out, day)
    prefix = f".{day.isoformat()}."
    try:
        entries = sorted(p for p in out.iterdir() if p.name.startswith(prefix) and p.name != f"{prefix}lock")
    except FileNotFoundError:
        return
    for path in entries:
        if path.name.startswith(f"{prefix}old-") and not target.exists():
            os.rename(path, target)
            log.warning("%s: restored the previous set left aside by a killed run", target)
            continue
        log.info("removing %s, left by a killed run", path)
        _remove(path)


# ---------------------------------------------------------------- internals


@contextlib.contextmanager
def _day_lock(out: Path, day: date) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = out / f".{day.isoformat()}.lock"
    try:  # O_NOFOLLOW: a link planted in its place is not followed to some other file
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    except OSError as e:
        raise RenderError(f"cannot use the day's lock file {path}: {e.strerror or e}; remove it") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("%s: another build of the day is publishing; waiting", path)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _write_file(path: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, _FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, _FILE_MODE)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _renameat2(src: Path, dst: Path, flags: int) -> bool:
    """Linux ``renameat2``; False when the kernel, libc or file system cannot do it."""
    func = getattr(_libc(), "renameat2", None)
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(dst))


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _publish(stage: Path, target: Path) -> None:
    """Put ``stage`` in the place of ``target`` in one step; delete the set it replaced."""
    if not os.path.lexists(target):
        if not _renameat2(stage, target, _RENAME_NOREPLACE):
            os.rename(stage, target)
    elif _renameat2(stage, target, _RENAME_EXCHANGE):
        _remove(stage)  # the old set, now under the staged name
    else:
        aside = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
        os.rename(target, aside)  # a kill here leaves no target: clean_leftovers puts `aside` back
        os.rename(stage, target)
        _remove(aside)
    _fsync_dir(target.parent)


def _remove(path: Path) -> None:
    """Delete what a publication replaced or a killed run left: a folder with its files, or - when
    ``out/DAY`` was a link or a file - just that entry (a link's target is never entered)."""
    if path.is_symlink() or not path.is_dir():
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def _same_folder(dir_fd: int, folder: Path) -> bool:
    try:
        now = os.stat(folder)
    except FileNotFoundError:
        return False
    then = os.fstat(dir_fd)
    return (now.st_dev, now.st_ino) == (then.st_dev, then.st_ino)
