"""Scale-out extraction on Apache Spark: the single-process pipeline, once per partition.

    newsevents spark-extract INPUT --output DIR            (a local Spark, all cores)
    spark-submit --master URL .../newsevents/spark.py INPUT --output DIR

INPUT is a JSONL file (.jsonl, .ndjson, optionally .gz), a Parquet file, or a folder
of them, on any file system Spark reads (local, HDFS, S3). Every record keeps its file
and line (for Parquet, its row) so problems are reported as the single-process reader
reports them. Each partition goes through the same functions as `newsevents ingest`:
the JSONL or table reader, the language check, the pipeline and the store's row format.
The pipeline is loaded once per Python worker process (`default_pipeline` is cached and
Spark reuses its workers), not once per record or task.

DIR gets four Parquet datasets: `articles/`, `events/` (the columns of the store's
events table), `mentions/` and `problems/` (bad records, warnings, skipped languages).
`newsevents load DIR` stores them as `ingest` would have.

Imports are absolute so that spark-submit can run this file as a script.
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from newsevents.errors import InputError, NewsEventsError, RecordError, RecordWarning
from newsevents.exchange import (ARTICLE_COLUMNS, MENTION_COLUMNS, PROBLEM_COLUMNS,
                                 article_row, event_rows, mention_row, problem_row)
from newsevents.ingest.options import DEFAULT_OPTIONS, ReadOptions
from newsevents.store.store import EVENT_COLUMNS

JSONL = "jsonl"
PARQUET = "parquet"
OUTPUTS = (("articles", ARTICLE_COLUMNS), ("events", EVENT_COLUMNS),
           ("mentions", MENTION_COLUMNS), ("problems", PROBLEM_COLUMNS))
_INTEGERS = {"evidence_start", "evidence_end", "trigger_start", "trigger_end", "start", "end",
             "sentence", "line"}
_DOUBLES = {"score", "lat", "lon", "confidence"}
_LONGS = {"geonameid"}
_DATES = {"published", "date_start", "date_end"}


@dataclass
class SparkReport:
    output: str
    files: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)   # the first few, for the CLI

    @property
    def errors(self) -> int:
        return self.counts.get("error", 0)


def input_kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return JSONL
    if lower.endswith(".parquet"):
        return PARQUET
    return None


# --- one partition: the single-process pipeline --------------------------------------------

def extract_partition(records: Iterable[tuple[str, str, int, Any]],
                      options: ReadOptions = DEFAULT_OPTIONS,
                      published: date | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(kind, source, line, raw record) in; ("articles"|"events"|"mentions"|"problems", row) out."""
    from newsevents.extraction import default_pipeline
    from newsevents.ingest.language import NotEnglish
    from newsevents.jobs import within_limits

    problems: list[dict[str, Any]] = []

    def articles():
        for kind, source, line, raw in records:
            items = within_limits(_read_record(kind, source, line, raw, options, published),
                                  source)
            for item in items:
                if isinstance(item, NotEnglish):
                    problems.append(problem_row("skipped", item))
                elif isinstance(item, RecordWarning):
                    problems.append(problem_row("warning", item))
                elif isinstance(item, RecordError):
                    problems.append(problem_row("error", item))
                else:
                    yield item

    for article, doc in default_pipeline().run(articles()):
        yield "articles", article_row(article)
        for row in event_rows(article, list(doc._.events or [])):
            yield "events", row
        for mention in doc._.mentions or []:
            yield "mentions", mention_row(article.id, mention)
        while problems:
            yield "problems", problems.pop(0)
    for problem in problems:
        yield "problems", problem


def _read_record(kind: str, source: str, line: int, raw: Any, options: ReadOptions,
                 published: date | None) -> list:
    """The reader's items for one record: the same functions as the single-process run."""
    if kind == PARQUET:
        from newsevents.ingest.tables import mapped_article
        return list(mapped_article(raw, source, line, options, published))
    from newsevents.ingest.language import screen
    from newsevents.ingest.readers import jsonl_article
    try:
        text = raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError as e:
        return [RecordError(f"not UTF-8 ({e.reason} at byte {e.start})", source=source,
                            line=line)]
    if not text.strip():
        return []
    warnings: list[RecordWarning] = []
    try:
        article = jsonl_article(text, source, line, published, options.date_order,
                                warnings.append)
    except RecordError as e:
        return [e]
    return [*warnings, screen(article, source, line)]


# --- the driver ----------------------------------------------------------------------------

def local_session(master: str = "local[*]", app_name: str = "newsevents"):
    """A Spark session on this machine whose workers run this Python (and its packages)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # pyspark warns about pandas 3 on import; newsevents passes no pandas data to Spark
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master(master).appName(app_name)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC")
             # the JVM only moves rows here (Python does the work): its quick compiler and
             # a simple collector leave the cores to Python (whole runs ~1.8x faster on 2)
             .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
             .config("spark.sql.shuffle.partitions", "4")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def input_files(spark, path: str) -> list[tuple[str, str]]:
    """(URI, kind) of every JSONL or Parquet file at `path`, on any file system Spark reads."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    try:
        fs = hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
        listing = fs.listFiles(hadoop_path, True)
        found = []
        while listing.hasNext():
            uri = listing.next().getPath().toString()
            name = uri.rsplit("/", 1)[-1]
            if not name.startswith((".", "_")) and input_kind(name):
                found.append((uri, input_kind(name)))
    except Exception as e:    # py4j wraps Hadoop's FileNotFoundException and kin
        raise InputError(f"cannot list input: {str(e).splitlines()[0]}", source=path) from e
    return sorted(found)


def _exists(spark, path: str) -> bool:
    hadoop_path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return bool(fs.exists(hadoop_path))


def spark_extract(input_path: str, output: str, spark=None,
                  options: ReadOptions = DEFAULT_OPTIONS, published: date | None = None,
                  partitions: int | None = None, overwrite: bool = False,
                  keep_problems: int = 20) -> SparkReport:
    """Extract events from every article of `input_path` on Spark; write Parquet to `output`."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    spark = spark or local_session()
    sc = spark.sparkContext
    files = input_files(spark, input_path)
    if not files:
        raise InputError("no .jsonl, .ndjson, .jsonl.gz or .parquet files", source=input_path)
    if not overwrite and _exists(spark, output):
        raise InputError("the output exists already (use --overwrite to replace it)",
                         source=output)
    parts = []
    for uri, kind in files:
        if kind == JSONL:
            # bytes, not text: undecodable lines are reported as the file reader reports them
            lines = sc.textFile(uri, use_unicode=False)
        else:
            wanted = [options.column(f) for f in ("id", "title", "text", "published", "outlet", "url")]
            frame = spark.read.parquet(uri)
            _check_parquet_columns(frame.columns, uri, options)
            lines = frame.select([c for c in wanted if c in frame.columns]).rdd.map(
                lambda row: row.asDict())
        parts.append(lines.zipWithIndex().map(
            lambda pair, uri=uri, kind=kind: (kind, uri, pair[1] + 1, pair[0])))
    records = sc.union(parts) if len(parts) > 1 else parts[0]
    if partitions:
        records = records.repartition(partitions)
    rows = records.mapPartitions(partial(extract_partition, options=options, published=published))
    # Python runs once, into one cached table whose row holds one of the four kinds; the
    # four outputs are then cut from the cache inside the JVM.
    table = spark.createDataFrame(rows.map(_tagged), _tagged_schema()).persist(
        StorageLevel.MEMORY_AND_DISK)
    try:
        report = SparkReport(output=output, files=len(files))
        kinds = table.select(F.coalesce(F.col("problems.kind"), F.col("name")).alias("kind"))
        report.counts = {row["kind"]: row["count"] for row in kinds.groupBy("kind").count().collect()}
        mode = "overwrite" if overwrite else "errorifexists"
        for name, _ in OUTPUTS:
            try:
                table.where(F.col("name") == name).select(f"{name}.*") \
                    .write.mode(mode).parquet(f"{output.rstrip('/')}/{name}")
            except Exception as e:   # py4j / AnalysisException: say which output and why
                first = str(e).strip().splitlines()[0]
                raise InputError(f"cannot write {name}: {first}"
                                 + ("" if overwrite else " (use --overwrite to replace it)"),
                                 source=output) from e
        report.problems = [row.asDict() for row in table.where(F.col("name") == "problems")
                           .select("problems.*").limit(keep_problems).collect()]
    finally:
        table.unpersist()
    return report


def _check_parquet_columns(columns: list[str], uri: str, options: ReadOptions) -> None:
    from newsevents.ingest.tables import _check_columns
    _check_columns(list(columns), uri, options)


def _tagged(item: tuple[str, dict[str, Any]]) -> tuple:
    """(name, row) as (name, articles, events, mentions, problems) with one struct filled."""
    name, row = item
    return (name, *(_typed(row, columns) if name == other else None for other, columns in OUTPUTS))


def _typed(row: dict[str, Any], columns: tuple[str, ...]) -> tuple:
    return tuple(float(row[c]) if c in _DOUBLES and row[c] is not None else row[c]
                 for c in columns)


def _tagged_schema():
    from pyspark.sql.types import StringType, StructField, StructType
    return StructType([StructField("name", StringType(), False)]
                      + [StructField(name, _schema(columns), True) for name, columns in OUTPUTS])


def _schema(columns: tuple[str, ...]):
    from pyspark.sql.types import (DateType, DoubleType, IntegerType, LongType, StringType,
                                   StructField, StructType)

    def kind(name: str):
        if name in _INTEGERS:
            return IntegerType()
        if name in _DOUBLES:
            return DoubleType()
        if name in _LONGS:
            return LongType()
        if name in _DATES:
            return DateType()
        return StringType()

    return StructType([StructField(c, kind(c), True) for c in columns])


# --- spark-submit entry point ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """`spark-submit .../newsevents/spark.py INPUT --output DIR [options]`; the master and
    resources come from spark-submit."""
    parser = argparse.ArgumentParser(prog="newsevents.spark", description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("--output", required=True)
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--columns")
    parser.add_argument("--month-first", action="store_true")
    parser.add_argument("--published", type=date.fromisoformat)
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    from newsevents.ingest import DateOrder, parse_columns
    spark = SparkSession.builder.appName("newsevents").getOrCreate()
    try:
        options = ReadOptions(columns=parse_columns(args.columns),
                              date_order=DateOrder.MONTH_FIRST if args.month_first
                              else DateOrder.DAY_FIRST)
        report = spark_extract(args.input, args.output, spark, options, args.published,
                               args.partitions, args.overwrite)
    except NewsEventsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    for problem in report.problems:
        print(f"{problem['kind']}: {_describe(problem)}", file=sys.stderr)
    print(summary(report), file=sys.stderr)
    return 1 if report.errors else 0


def summary(report: SparkReport) -> str:
    c = report.counts
    return (f"{report.files} file(s): {c.get('articles', 0)} article(s), {c.get('events', 0)} "
            f"event(s), {c.get('error', 0)} bad record(s), {c.get('warning', 0)} warning(s), "
            f"{c.get('skipped', 0)} not in English; written to {report.output} "
            f"(problems: {report.output.rstrip('/')}/problems)")


def _describe(problem: dict[str, Any]) -> str:
    return str(InputError(problem["reason"], source=problem["source"], line=problem["line"],
                          field=problem["field"]))


if __name__ == "__main__":
    sys.exit(main())
