"""Named, append-only schema migrations for the DuckDB store.

Each migration runs once, in its own transaction, and is recorded in
`schema_migrations`. Never edit one that has shipped: add a new one at the end.

Actors of an event live in `event_actors` (one row per actor, with its name
and country copied in) so that "any actor matches" filters are one EXISTS
over a small table instead of JSON parsing; the `actor`/`recipient` JSON
columns keep the full records for display.
"""
from __future__ import annotations

from .facts import ADD_SEARCH as EVENT_FACTS_SEARCH
from .facts import CREATE as EVENT_FACTS

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            text VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
    """),
    ("0002_actors_mentions", """
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            country VARCHAR,
            sector VARCHAR,
            wikidata VARCHAR
        );
        CREATE TABLE mentions (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR,
            actor_id VARCHAR,
            sentence INTEGER,
            candidates JSON
        );
    """),
    ("0003_events", """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR,
            score DOUBLE,
            actor JSON,
            recipient JSON,
            date_start DATE,
            date_end DATE,
            date_text VARCHAR,
            date_granularity VARCHAR,
            place_name VARCHAR,
            place_country VARCHAR,
            place_admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonameid BIGINT,
            quantities JSON,
            attribution_name VARCHAR,
            attribution_country VARCHAR,
            attribution_sector VARCHAR,
            attribution_text VARCHAR,
            modality VARCHAR NOT NULL,
            evidence VARCHAR NOT NULL,
            evidence_start INTEGER,
            evidence_end INTEGER,
            trigger VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            confidence DOUBLE
        );
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            actor_id VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            country VARCHAR,
            PRIMARY KEY (event_id, role, position)
        );
    """),
    # Event clusters (analysis/clusters.py): one row per cluster, one membership row per
    # clustered event with the block and date span the clustering rule compared it by.
    ("0004_event_clusters", """
        CREATE TABLE event_clusters (
            id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            block VARCHAR NOT NULL,
            actor_key VARCHAR NOT NULL,
            recipient_key VARCHAR NOT NULL,
            seed_event_id VARCHAR NOT NULL,
            date_start DATE,
            date_end DATE,
            place_name VARCHAR,
            place_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            n_events INTEGER NOT NULL,
            n_articles INTEGER NOT NULL,
            n_outlets INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,
            confidence DOUBLE NOT NULL,
            modalities JSON NOT NULL,
            first_published DATE,
            last_published DATE
        );
        CREATE TABLE cluster_members (
            event_id VARCHAR NOT NULL,
            cluster_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            block VARCHAR NOT NULL,
            span_start DATE,
            span_end DATE
        );
    """),
    # Near-duplicate article groups (ingest/dedupe.py, store/groups.py): wire copies of one
    # story share a group_id, the smallest article id among them, so counts of reports can
    # take a group as one story. Signatures and LSH bands find the group of a new article.
    ("0005_article_groups", """
        ALTER TABLE articles ADD COLUMN group_id VARCHAR;
        CREATE TABLE article_signatures (
            article_id VARCHAR PRIMARY KEY,
            signature BIGINT[] NOT NULL
        );
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            bucket VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL
        );
        CREATE INDEX article_bands_bucket ON article_bands (band, bucket);
    """),
    # Feeds polled by `watch-feeds` (ingest/watch.py): the validators each server sent last
    # (ETag, Last-Modified) for conditional requests, and how the last poll went.
    ("0006_feed_state", """
        CREATE TABLE feed_state (
            url VARCHAR PRIMARY KEY,
            etag VARCHAR,
            last_modified VARCHAR,
            checked_at TIMESTAMP NOT NULL,
            status VARCHAR,
            error VARCHAR
        );
    """),
    # A narrow copy of each event for filters and aggregations without joins (facts.py).
    ("0007_event_facts", EVENT_FACTS),
    # Near-duplicate candidates are looked up by bucket alone (an IN list the index serves;
    # the (band, bucket) index was never used by that lookup).
    ("0008_article_bands_by_bucket", """
        DROP INDEX article_bands_bucket;
        CREATE INDEX article_bands_by_bucket ON article_bands (bucket);
    """),
    # Article identity (records.Article.key): `id` is the content key of text, title and
    # outlet; the input's own id is kept in `input_id`, and `text_key` (text and outlet)
    # finds the same story ingested again with a corrected title or date. Rows stored
    # before keep their id; the store fills their text_key when it opens the file.
    ("0009_article_identity", """
        ALTER TABLE articles ADD COLUMN input_id VARCHAR;
        ALTER TABLE articles ADD COLUMN text_key VARCHAR;
        UPDATE articles SET input_id = id;
    """),
    # Independent reports per cluster: wire copies of one story (one near-duplicate group)
    # count once; the store fills it for clusters written before (Store._migrate).
    ("0010_cluster_reports", """
        ALTER TABLE event_clusters ADD COLUMN n_reports INTEGER;
    """),
    # The place and source filters' two columns each joined in one (facts.SEARCH_COLUMNS).
    ("0011_event_facts_search", EVENT_FACTS_SEARCH),
]
