"""Reading articles from files and stdin into Article records."""
from .readers import parse_date, read_articles, read_jsonl_lines, read_stream

__all__ = ["parse_date", "read_articles", "read_jsonl_lines", "read_stream"]
