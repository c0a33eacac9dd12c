import os

import pytest

from briefing.errors import RenderError
from briefing.fileio import atomic_write


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "briefing.txt"
    atomic_write(target, "alt")
    atomic_write(target, "neu ü")
    assert target.read_text(encoding="utf-8") == "neu ü"
    assert [p.name for p in target.parent.iterdir()] == ["briefing.txt"]


def test_atomic_write_uses_ordinary_file_permissions(tmp_path):
    """Not mkstemp's 0600: others may read the briefing as they could any new file."""
    mask = os.umask(0)
    os.umask(mask)
    path = atomic_write(tmp_path / "briefing.pdf", b"%PDF-")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_atomic_write_into_a_file_is_a_render_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(RenderError, match="cannot write"):
        atomic_write(blocker / "briefing.txt", "x")
