"""How inputs are read: the choices a user makes once for a whole run."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import InputError
from .dates import DateOrder

# Article fields a table column can be mapped to.
ARTICLE_FIELDS = ("id", "title", "text", "published", "outlet", "url")


@dataclass(frozen=True)
class ReadOptions:
    """`columns` maps article fields to the column names of a CSV or Parquet file
    (fields not named are read from a column of their own name); `fetch_pages` reads
    each feed item's linked page for its full text; `date_order` reads 04/03/2016."""
    columns: Mapping[str, str] = field(default_factory=dict)
    date_order: DateOrder = DateOrder.DAY_FIRST
    fetch_pages: bool = False
    timeout: float = 30.0

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "date_order", DateOrder(self.date_order))
        except ValueError as e:
            raise InputError(f"unknown date order {self.date_order!r}; expected "
                             f"{' or '.join(o.value for o in DateOrder)}", field="date_order") from e
        unknown = sorted(set(self.columns) - set(ARTICLE_FIELDS))
        if unknown:
            raise InputError(f"unknown article field(s) {', '.join(unknown)} in the column "
                             f"mapping; expected {', '.join(ARTICLE_FIELDS)}", field="columns")

    def column(self, name: str) -> str:
        return self.columns.get(name, name)


def parse_columns(spec: str | None) -> dict[str, str]:
    """`text=body,published=date` as {"text": "body", "published": "date"}."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, sep, column = part.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise InputError(f"expected FIELD=COLUMN, got {part.strip()!r}", field="columns")
        mapping[name.strip()] = column.strip()
    return mapping


DEFAULT_OPTIONS = ReadOptions()
