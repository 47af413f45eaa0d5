import pytest

from newsevents.store import Store
from store_corpus import corpus


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "events.duckdb") as opened:
        yield opened


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory):
    """A store holding the whole corpus, shared by the read-only query tests."""
    path = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    with Store.open(path) as opened:
        for article, events, mentions in corpus():
            assert opened.add_article(article, events, mentions)
        yield opened
