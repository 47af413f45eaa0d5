from datetime import date

import pytest

from newsevents.errors import PipelineError
from newsevents.pipeline import Pipeline
from newsevents.records import Article


class Step:
    def __init__(self, name, requires=(), assigns=(), returns_doc=True):
        self.name, self.requires, self.assigns = name, tuple(requires), tuple(assigns)
        self.returns_doc = returns_doc
        self.seen = 0

    def __call__(self, doc):
        self.seen += 1
        return doc if self.returns_doc else None


def test_pipeline_refuses_a_step_whose_needs_come_later(nlp):
    first = Step("events", requires=("mentions",), assigns=("events",))
    second = Step("mentions", requires=("parse",), assigns=("mentions",))
    with pytest.raises(PipelineError, match="'events' requires mentions.*assigned by mentions"):
        Pipeline(nlp, [first, second])


def test_pipeline_accepts_steps_in_dependency_order(nlp):
    steps = [Step("mentions", ["parse"], ["mentions"]), Step("events", ["mentions"], ["events"])]
    pipeline = Pipeline(nlp, steps)
    assert pipeline.names == ["mentions", "events"]


def test_pipeline_runs_every_step_once_per_article_in_batches(nlp):
    step = Step("noop", ["parse"], [])
    pipeline = Pipeline(nlp, [step], batch_size=2)
    articles = [Article(text=f"Article number {i}.") for i in range(5)]
    results = list(pipeline.run(articles))
    assert [a.text for a, _ in results] == [a.text for a in articles]
    assert step.seen == 5
    assert results[0][1]._.article is articles[0]


def test_pipeline_fails_clearly_when_a_step_returns_no_doc(nlp):
    pipeline = Pipeline(nlp, [Step("broken", ["parse"], [], returns_doc=False)])
    with pytest.raises(PipelineError, match="'broken' returned NoneType"):
        list(pipeline.run([Article(text="Text.")]))


def test_default_pipeline_is_in_a_valid_order(pipeline):
    assert pipeline.names.index("mentions") < pipeline.names.index("events")
    assert pipeline.names.index("events") < pipeline.names.index("attribution")


def test_extract_returns_events_with_ids_and_evidence_offsets():
    import newsevents
    text = "Germany expelled two Russian diplomats on Monday."
    events = newsevents.extract(text, published="2025-03-05")
    assert events, "expected an event"
    event = events[0]
    assert event.type == "SANCTION"
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert event.id and event.article_id


def test_extract_rejects_an_impossible_publication_date():
    import newsevents
    with pytest.raises(newsevents.InputError, match="published"):
        newsevents.extract("Text.", published="2025-02-30")


def test_extract_batch_keeps_article_ids():
    import newsevents
    articles = [Article(id="a1", text="France condemned the attack.", published=date(2025, 1, 2)),
                Article(id="a2", text="Chile recalled its ambassador from Peru.")]
    ids = [article.id for article, _ in newsevents.extract_batch(articles)]
    assert ids == ["a1", "a2"]
