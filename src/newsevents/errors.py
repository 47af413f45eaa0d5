"""Every error newsevents raises on purpose.

    NewsEventsError
    ├── InputError            bad input: a file, a line, a field
    │   ├── RecordError       one bad record in a batch (keeps file, line, field)
    │   ├── RecordWarning     a record kept with a problem (a date it cannot read);
    │   │                     reported, never raised
    │   └── NotFound          no stored record with the id asked for
    ├── PipelineError         components declared in an order that cannot work
    ├── ModelError            the spaCy English pipeline is not installed
    ├── DataError             a curated data file is malformed
    ├── StoreError            the database cannot be opened or migrated
    │   ├── StoreBusyError    another process holds the database's lock
    │   ├── ForeignDatabaseError  the file is another application's DuckDB database
    │   └── QueryTimeout      a read ran past the time limit set on the store
    └── RemoteError           a newsevents server could not be reached or refused a request
"""
from __future__ import annotations


class NewsEventsError(Exception):
    """Base of every error raised on purpose by newsevents."""


class InputError(NewsEventsError):
    """Input that cannot be read: names where it is and what is wrong."""

    def __init__(self, reason: str, source: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.source:
            where.append(str(self.source))
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join([', '.join(where), self.reason]) if where else self.reason}"


class RecordError(InputError):
    """One bad record in a batch; the rest of the batch goes on."""


class RecordWarning(InputError):
    """A record that is kept despite a problem, reported with where it is and what it is."""


class NotFound(InputError):
    """No stored article, event or cluster has the id asked for."""


class PipelineError(NewsEventsError):
    """Components that cannot run in the order given."""


class ModelError(NewsEventsError):
    """The spaCy English pipeline cannot be loaded."""


class DataError(NewsEventsError):
    """A curated data file under newsevents/data is malformed."""


class StoreError(NewsEventsError):
    """The DuckDB store cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process holds the database file; `holder` names it ("python, PID 1234")."""

    def __init__(self, message: str, holder: str | None = None) -> None:
        self.holder = holder
        super().__init__(message)


class ForeignDatabaseError(StoreError):
    """The file is a DuckDB database of another application; it is left untouched."""


class QueryTimeout(StoreError):
    """A read ran longer than the store's `query_timeout` and was interrupted."""


class RemoteError(NewsEventsError):
    """A newsevents server could not be reached, or refused the request (its message kept)."""


def check_unicode(value: str, field: str) -> None:
    """InputError for a text holding bytes that were not UTF-8 (a command-line argument that
    Python kept as surrogate escapes): nothing can write or store it as text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        code = ord(value[e.start])
        what = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        raise InputError(f"not UTF-8 text: {what} at character {e.start}", field=field) from e
