"""A hostile sources folder (issue 13): links out of the folder, FIFOs, devices, deep nesting.

Each case is skipped with a reason (or, for a metadata file, a one-line error) and the rest of
the folder goes on; nothing outside the folder is read and nothing hangs.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from briefing.errors import IngestError
from briefing.ingest import read_folder
from briefing.ingest.read import Skip, read_inside

GERMAN = (
    "Die Koalition der Willigen hat sich am Donnerstag in Paris getroffen. Frankreichs Präsident "
    "Emmanuel Macron sprach von einem wichtigen Signal an Moskau. Deutschland will die Luftverteidigung "
    "der Ukraine stärken, sagte ein Sprecher der Bundesregierung in Berlin."
)
SECRET = "root:x:0:0:Geheimer Inhalt außerhalb des Quellordners, der nie eine Meldung werden darf:/root:/bin/bash\n" * 3


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    return folder


def _reasons(folder: Path) -> dict[str, str]:
    result = read_folder(folder)
    assert [Path(a.path).name for a in result.articles] == ["a.txt"]
    return {Path(e.path).name: e.reason for e in result.excluded}


def test_symlink_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outside = tmp_path / "passwd"
    outside.write_text(SECRET, encoding="utf-8")
    (folder / "x.txt").symlink_to(outside)
    result = read_folder(folder)
    assert all("root:x" not in a.text for a in result.articles)
    assert "außerhalb des Quellordners" in _reasons(folder)["x.txt"]


def test_symlink_to_etc_passwd_is_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "x.txt").symlink_to("/etc/passwd")
    assert "außerhalb des Quellordners" in _reasons(folder)["x.txt"]


def test_relative_symlink_climbing_out_is_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (tmp_path / "b.txt").write_text(SECRET, encoding="utf-8")
    (folder / "x.txt").symlink_to("../b.txt")
    assert "außerhalb des Quellordners" in _reasons(folder)["x.txt"]


def test_symlink_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "b.txt").symlink_to("a.txt")
    result = read_folder(folder)
    # The same text twice: one is kept, the link is a duplicate - but it was read, not refused.
    reasons = {Path(e.path).name: e.reason for e in result.excluded}
    assert len(result.articles) == 1
    assert "außerhalb" not in " ".join(reasons.values())


def test_link_to_dev_zero_is_skipped_without_reading(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "z.txt").symlink_to("/dev/zero")
    assert "außerhalb des Quellordners" in _reasons(folder)["z.txt"]


def test_device_file_is_refused_on_the_open_file(tmp_path: Path) -> None:
    # A device node inside a folder (here /dev itself as the folder): fstat on the open file says "not regular".
    with pytest.raises(Skip, match="keine gewöhnliche Datei \\(Gerätedatei\\)"):
        read_inside(Path("/dev/zero"))


def test_fifo_is_skipped_without_hanging(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    done: list[dict[str, str]] = []
    worker = threading.Thread(target=lambda: done.append(_reasons(folder)), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader so the test run itself does not hang
        fd = os.open(folder / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("reading a folder with a FIFO hung")
    assert "keine gewöhnliche Datei (Named Pipe)" in done[0]["pipe.txt"]


def test_size_is_judged_on_the_open_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 101)
    with pytest.raises(Skip, match="zu groß"):
        read_inside(big, limit=100)
    assert read_inside(big, limit=101) == b"a" * 101


def test_sidecar_linked_out_of_the_folder_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outside = tmp_path / "meta.json"
    outside.write_text('{"title": "fremd"}', encoding="utf-8")
    (folder / "a.txt.meta.json").symlink_to(outside)
    with pytest.raises(IngestError, match=r"a\.txt\.meta\.json cannot be read: Verweis"):
        read_folder(folder)


def test_deeply_nested_json_sidecar_is_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "a.txt.meta.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(IngestError, match="nested too deeply") as info:
        read_folder(folder)
    assert "\n" not in str(info.value)


def test_deeply_nested_sources_toml_is_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "sources.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(IngestError, match="nested too deeply|not valid TOML") as info:
        read_folder(folder)
    assert "\n" not in str(info.value)


def test_datetime_in_sources_toml_means_its_day(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "sources.toml").write_text('["a.txt"]\ndate = 2025-09-04T10:30:00+02:00\n', encoding="utf-8")
    (article,) = read_folder(folder).articles
    assert (article.date, article.date_precision) == ("2025-09-04", "day")


def test_datetime_string_in_meta_json_is_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "a.txt.meta.json").write_text(json.dumps({"date": "2025-09-04T10:30:00"}), encoding="utf-8")
    with pytest.raises(IngestError, match="is not YYYY-MM-DD"):
        read_folder(folder)
