"""Atomic file writes (a killed run leaves the previous file intact) and safe reads of named files."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from briefing.errors import RenderError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates 0600 files; outputs get the permissions of an ordinary new file (0666 less the umask).
_FILE_MODE = 0o666 & ~_umask()


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise RenderError(f"cannot write to {path.parent}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), _FILE_MODE)
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(f"cannot write {path}: {e.strerror or e}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit + 1`` of them (so a caller sees "too large").

    For the files a user names (settings, subscriber CSV, a ``briefing.json`` to render): the
    open does not block (a FIFO would wait forever for a writer) and the type is judged on the
    open file, so a named pipe or a device such as ``/dev/zero`` is refused before a byte is read.

    Raises:
        OSError: it cannot be opened, or is not a regular file (``strerror`` says which).
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else "a device"
            raise OSError(errno.EINVAL, f"not a regular file ({what})", str(path))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit + 1)
    finally:
        os.close(fd)


def read_toml(path: str | os.PathLike[str], limit: int) -> dict[str, Any]:
    """A TOML file a user names (settings, feeds), read as :func:`read_regular` reads it.

    Raises:
        FileNotFoundError: it does not exist.
        OSError: it cannot be read, or is not a regular file.
        ValueError: a one-line reason: too large, not UTF-8, not valid TOML, a number of thousands
            of digits (tomllib lets int()'s limit through), or nested too deeply.
    """
    raw = read_regular(path, limit)
    if len(raw) > limit:
        raise ValueError(f"is larger than {limit // 1000} KB")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"is not valid TOML: {e}") from None
    except ValueError:
        raise ValueError("is not valid TOML: a number with thousands of digits") from None
    except RecursionError:
        raise ValueError("is not valid TOML: nested too deeply") from None
