"""Reading articles from files, folders, archives, feeds, URLs and stdin into Article records."""
from .dates import DateOrder, parse_date, read_date
from .options import ReadOptions, parse_columns
from .readers import read_articles, read_items, read_jsonl_lines, read_stream

__all__ = ["DateOrder", "ReadOptions", "parse_columns", "parse_date", "read_articles",
           "read_date", "read_items", "read_jsonl_lines", "read_stream"]
