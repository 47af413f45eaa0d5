import pytest


@pytest.fixture(scope="session")
def nlp():
    from newsevents.nlp.model import load_spacy
    return load_spacy()


@pytest.fixture(scope="session")
def pipeline():
    from newsevents.extraction import default_pipeline
    return default_pipeline()
