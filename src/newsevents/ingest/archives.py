"""Folders, .gz and .zip: every supported file inside, read by its own name's type.

A folder is walked recursively in name order; hidden files and folders (`.git`,
`__MACOSX`) are passed over, and other files of an unknown type are reported and
skipped. A member that cannot be read at all is reported as a bad record naming the
archive and the member, and the rest are read.
"""
from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, RecordError, RecordWarning
from ..records import Article
from .options import ReadOptions

Item = Article | RecordError | RecordWarning
Opener = Callable[[], BinaryIO]


def is_hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in Path(name).parts)


def read_directory(folder: Path, read: Callable[[Path], Iterator[Item]],
                   supported: Callable[[str], bool]) -> Iterator[Item]:
    """Every supported file under `folder`, each read by `read` on its own."""
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if not file.is_file() or is_hidden(str(relative)):
            continue
        if not supported(file.name):
            yield RecordWarning("not a supported file type; skipped", source=str(file))
            continue
        yield from isolated(lambda file=file: read(file), str(file))


def read_gzip(name: str, opener: Opener, source: str, read_named) -> Iterator[Item]:
    """A gzip file holds one file, named as the archive without its `.gz`."""
    inner = name[:-3]

    @contextmanager
    def open_inner() -> Iterator[BinaryIO]:
        with opener() as raw, gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
            yield unpacked

    try:
        yield from read_named(inner, open_inner, source)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"not a readable gzip file: {e}", source=source) from e


def read_zip(opener: Opener, source: str, read_named,
             supported: Callable[[str], bool]) -> Iterator[Item]:
    """Each supported member of a zip archive, in name order."""
    with opener() as raw:
        # zip needs to seek; a zip inside a gzip or a zip is read into memory first
        handle = raw if raw.seekable() else io.BytesIO(raw.read())
        try:
            archive = zipfile.ZipFile(handle)
        except zipfile.BadZipFile as e:
            raise InputError(f"not a readable zip file: {e}", source=source) from e
        with archive:
            for member in sorted(archive.namelist()):
                if member.endswith("/") or is_hidden(member):
                    continue
                where = f"{source}:{member}"
                if not supported(member):
                    yield RecordWarning("not a supported file type; skipped", source=where)
                    continue
                yield from isolated(
                    lambda member=member, where=where: read_named(
                        member, lambda: archive.open(member), where), where)


def isolated(read: Callable[[], Iterator[Item]], source: str | None = None) -> Iterator[Item]:
    """The items of one file; a file that cannot be read becomes one bad record."""
    try:
        yield from read()
    except InputError as e:
        yield RecordError(e.reason, source=e.source or source, line=e.line, field=e.field)
    except (OSError, EOFError, zipfile.BadZipFile) as e:
        yield RecordError(f"cannot read: {e}", source=source)

