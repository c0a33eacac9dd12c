"""The day's output set (issue 13): published in one rename, read as one set, leftovers cleaned.

Kills are real: a subprocess publishes a day and SIGKILLs itself at one chosen point of the
publication (no finally block, no cleanup runs), then the folder is inspected and the next
write of the day must clean up.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from briefing import output

DAY = date(2025, 9, 4)
REPO = Path(__file__).resolve().parents[1]


def _files(marker: str) -> dict[str, bytes]:
    return {name: f"{name} {marker}\n".encode() * 200 for name in output.FILE_NAMES}


def _markers(out: Path) -> set[str]:
    """The set of markers over the day's files; exactly one when the set is not mixed."""
    found = output.read_set(out, DAY, output.FILE_NAMES)
    assert isinstance(found, dict), f"incomplete set: {found}"
    return {blob.split(b"\n", 1)[0].decode().split(" ", 1)[1] for blob in found.values()}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock"))


def test_first_write_publishes_the_folder_with_ordinary_permissions(tmp_path: Path) -> None:
    paths = output.write_day(tmp_path, DAY, _files("neu"))
    assert [p.name for p in paths] == list(output.FILE_NAMES)
    assert _markers(tmp_path) == {"neu"} and _leftovers(tmp_path) == []
    assert (tmp_path / "2025-09-04").stat().st_mode & 0o777 == 0o777 & ~_umask()
    assert output.missing(tmp_path, DAY) == []


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_rebuild_replaces_the_whole_set(tmp_path: Path) -> None:
    output.write_day(tmp_path, DAY, _files("alt"))
    (tmp_path / "2025-09-04" / "stray.txt").write_text("x")
    output.write_day(tmp_path, DAY, _files("neu"))
    assert _markers(tmp_path) == {"neu"} and _leftovers(tmp_path) == []
    assert not (tmp_path / "2025-09-04" / "stray.txt").exists()


def test_missing_names_the_files_an_incomplete_set_lacks(tmp_path: Path) -> None:
    assert output.missing(tmp_path, DAY) == list(output.FILE_NAMES)
    output.write_day(tmp_path, DAY, _files("neu"))
    (tmp_path / "2025-09-04" / "briefing.pdf").unlink()
    assert output.missing(tmp_path, DAY) == ["briefing.pdf"]
    assert output.read_set(tmp_path, DAY, output.FILE_NAMES) == ["briefing.pdf"]


# Each point: (what the child patches, whether renameat2 is available).
_KILL_SCRIPT = r"""
import os, shutil, signal, sys
from datetime import date
from pathlib import Path
from briefing import output

out, point, exchange = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
def die(): os.kill(os.getpid(), signal.SIGKILL)

real_renameat2, real_rename, real_rmtree, real_write = output._renameat2, os.rename, shutil.rmtree, output._write_file
written = []
def write_file(path, content):
    real_write(path, content)
    written.append(path)
    if point == "writing" and len(written) == 3: die()
def renameat2(src, dst, flags):
    if not exchange: return False
    if point == "before-rename": die()
    done = real_renameat2(src, dst, flags)
    if point == "after-rename": die()
    return done
renames = []
def rename(src, dst):
    if point == "before-rename" and not exchange: die()
    real_rename(src, dst)
    renames.append(dst)
    if point == "after-aside" and len(renames) == 1: die()
    if point == "after-rename" and len(renames) == 2: die()
def rmtree(path, ignore_errors=False):
    if point == "before-cleanup": die()
    real_rmtree(path, ignore_errors=ignore_errors)
output._write_file, output._renameat2, shutil.rmtree = write_file, renameat2, rmtree
output.os.rename = rename
files = {name: f"{name} neu\n".encode() * 200 for name in output.FILE_NAMES}
output.write_day(out, date(2025, 9, 4), files)
print("not killed")
"""

POINTS = [
    ("writing", True, {"alt"}),
    ("before-rename", True, {"alt"}),
    ("after-rename", True, {"neu"}),
    ("before-cleanup", True, {"neu"}),
    ("before-rename", False, {"alt"}),
    ("after-aside", False, None),  # fallback only: no folder for a moment; the next run puts the old one back
    ("after-rename", False, {"neu"}),
    ("before-cleanup", False, {"neu"}),
]


@pytest.mark.parametrize(("point", "exchange", "seen"), POINTS)
def test_a_kill_at_each_point_leaves_old_or_new_and_the_next_run_cleans(
    tmp_path: Path, point: str, exchange: bool, seen: set[str] | None
) -> None:
    output.write_day(tmp_path, DAY, _files("alt"))
    child = subprocess.run(
        [sys.executable, "-c", _KILL_SCRIPT, str(tmp_path), point, "1" if exchange else "0"],
        capture_output=True, timeout=60, cwd=REPO,
    )
    assert child.returncode == -9, child.stderr.decode()
    if seen is None:
        assert not (tmp_path / "2025-09-04").exists()
        output.clean_leftovers(tmp_path, DAY)
        assert _markers(tmp_path) == {"alt"}
    else:
        assert _markers(tmp_path) == seen  # never a mix
    # The next write of the day cleans every leftover and publishes.
    output.write_day(tmp_path, DAY, _files("drei"))
    assert _markers(tmp_path) == {"drei"} and _leftovers(tmp_path) == []


def test_a_reader_never_sees_a_mix_while_the_set_is_replaced(tmp_path: Path) -> None:
    output.write_day(tmp_path, DAY, _files("v0"))
    stop = threading.Event()
    seen: list[set[str]] = []

    def read() -> None:
        while not stop.is_set():
            seen.append(_markers(tmp_path))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(1, 40):
            output.write_day(tmp_path, DAY, _files(f"v{n}"))
    finally:
        stop.set()
        reader.join(30)
    assert seen and all(len(markers) == 1 for markers in seen)
    assert len({next(iter(m)) for m in seen}) > 1  # the reader really overlapped several publications
