"""Hand-written articles about invented-for-the-test reports, built as Event records so
each test controls exactly what the extractor would have found."""
from __future__ import annotations

from datetime import date

from newsevents.records import Actor, Article, Attribution, Event, Evidence, Quantity, When, Where

PRK = Actor("North Korea", "PRK", "GOV", id="country:PRK")
RUS = Actor("Russia", "RUS", "GOV", id="country:RUS")
UKR = Actor("Ukraine", "UKR", "GOV", id="country:UKR")
KOR = Actor("South Korea", "KOR", "GOV", id="country:KOR")
RUSSIA_PLACE = Where("Russia", "RUS", None, 60.0, 100.0, "Russia", geonameid=2017370,
                     feature="country")
KHARKIV = Where("Kharkiv", "UKR", "Kharkivska", 49.99, 36.23, "Kharkiv", geonameid=706483)
KYIV = Where("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, "Kyiv", geonameid=703448)


def day(text: str) -> When:
    d = date.fromisoformat(text)
    return When(d, d, text, "day")


def span(start: str, end: str, text: str = "span") -> When:
    return When(date.fromisoformat(start), date.fromisoformat(end), text, "span")


def report(article_id: str, text: str, trigger: str, type: str, actor=(PRK,), recipient=(RUS,),
           published: str = "2025-06-02", outlet: str | None = "Outlet", **extra
           ) -> tuple[Article, list[Event]]:
    """One article of one sentence with one event on `trigger`."""
    article = Article(id=article_id, text=text, title=text[:40], outlet=outlet,
                      published=date.fromisoformat(published),
                      url=f"https://news.example/{article_id}")
    start = text.index(trigger)
    event = Event(type=type, evidence=Evidence(text, 0, len(text)), trigger=trigger,
                  trigger_start=start, trigger_end=start + len(trigger), actor=tuple(actor),
                  recipient=tuple(recipient), **extra)
    return article, [event.with_id(article.id)]


def shells_reports() -> list[tuple[Article, list[Event]]]:
    """Three outlets report one shipment of shells on 2025-05-30; two disagree on how many."""
    return [
        report("yon-1", "North Korea shipped 10 million shells to Russia on Friday, "
               "the NIS said.", "shipped", "AID", outlet="Yonhap",
               date=day("2025-05-30"), place=RUSSIA_PLACE,
               quantities=(Quantity(10_000_000, "10 million shells", unit="shells"),),
               attribution=Attribution("National Intelligence Service", "KOR", "INT",
                                       "the NIS said"), confidence=0.8),
        report("reu-1", "Ukraine's intelligence says Pyongyang sent 5 million artillery "
               "shells to Moscow on May 30.", "sent", "AID", outlet="Reuters",
               published="2025-06-01", date=day("2025-05-30"),
               quantities=(Quantity(5_000_000, "5 million artillery shells",
                                    unit="artillery shells"),),
               attribution=Attribution("Ukrainian military intelligence", "UKR", "INT",
                                       "intelligence says"), confidence=0.7),
        report("tass-1", "Moscow received North Korean shells on Saturday, TASS said.",
               "received", "AID", outlet="TASS", published="2025-06-03",
               date=day("2025-05-31"), attribution=Attribution("TASS", "RUS", "MED",
                                                               "TASS said"), confidence=0.6),
    ]


def denial_report() -> tuple[Article, list[Event]]:
    """Pyongyang denies the same shipment."""
    return report("kcna-1", "North Korea did not send shells to Russia on May 30, KCNA said.",
                  "send", "AID", outlet="KCNA Watch", published="2025-06-04",
                  date=day("2025-05-30"), modality="negated",
                  attribution=Attribution("KCNA", "PRK", "MED", "KCNA said"), confidence=0.6)


def strike_reports() -> list[tuple[Article, list[Event]]]:
    """Daily strikes: two days in Kharkiv and one in Kyiv on the first day."""
    return [
        report("str-1", "Russia struck Kharkiv on Monday.", "struck", "ASSAULT", actor=(RUS,),
               recipient=(UKR,), date=day("2025-06-02"), place=KHARKIV, published="2025-06-02"),
        report("str-2", "Russian missiles hit Kharkiv on Monday, officials said.", "hit",
               "ASSAULT", actor=(RUS,), recipient=(UKR,), date=day("2025-06-02"),
               place=KHARKIV, published="2025-06-03", outlet="Kyiv Independent"),
        report("str-3", "Russia struck Kharkiv again on Tuesday.", "struck", "ASSAULT",
               actor=(RUS,), recipient=(UKR,), date=day("2025-06-03"), place=KHARKIV,
               published="2025-06-03"),
        report("str-4", "Russia struck Kyiv on Monday.", "struck", "ASSAULT", actor=(RUS,),
               recipient=(UKR,), date=day("2025-06-02"), place=KYIV, published="2025-06-02"),
    ]
