"""A small hand-built corpus of articles and events for the store tests."""
from datetime import date

from newsevents.records import (Actor, Article, Attribution, Candidate, Event, Evidence, Mention,
                                Quantity, When, Where)

KIM = Actor("Kim Jong Un", "PRK", "GOV", id="person:kim-jong-un")
LAVROV = Actor("Sergey Lavrov", "RUS", "GOV")
SEOUL_MOD = Actor("South Korean defence ministry", "KOR", "MIL")
US_ARMY = Actor("US Forces Korea", "USA", "MIL")
UN = Actor("United Nations", None, "IGO")


def make_event(text: str, trigger: str, type: str, actor=(), recipient=(), **extra) -> Event:
    start = text.index(trigger)
    return Event(type=type, evidence=Evidence(text, 0, len(text)), trigger=trigger,
                 trigger_start=start, trigger_end=start + len(trigger),
                 actor=tuple(actor), recipient=tuple(recipient), **extra)


def corpus() -> list[tuple[Article, list[Event], list[Mention]]]:
    """Three articles, five events, spread over types, dates, places, sources, modalities."""
    meet_text = "Kim Jong Un met Sergey Lavrov in Wonsan on Saturday, state media reported."
    meet = Article(id="art-meet", title="Kim meets Lavrov", published=date(2025, 7, 13),
                   outlet="Pyongyang Times", url="https://example.test/meet", text=meet_text)
    meet_events = [
        make_event(meet_text, "met", "CONSULT", [KIM], [LAVROV],
                   date=When(date(2025, 7, 12), date(2025, 7, 12), "Saturday", "day"),
                   place=Where("Wonsan", "PRK", "Kangwon", 39.15, 127.44, "Wonsan",
                               geonameid=1713084, feature="city"),
                   attribution=Attribution("KCNA", "PRK", "MED", "state media reported"),
                   cameo="040", score=1.0, confidence=0.9),
    ]
    meet_mentions = [
        Mention("Kim Jong Un", 0, 11, 0, "name", KIM,
                (Candidate("person:kim-jong-un", "Kim Jong Un", 0.95),)),
        Mention("Sergey Lavrov", 16, 29, 0, "name", LAVROV),
        Mention("state media", 53, 64, 0, "description", None),
    ]

    drill_text = "The defence ministry said 300 US troops will hold drills near Seoul next month."
    drill = Article(id="art-drill", title="Drills planned", published=date(2025, 3, 1),
                    outlet="Korea Herald", text=drill_text)
    drill_events = [
        make_event(drill_text, "drills", "MOBILIZE", [US_ARMY, SEOUL_MOD], [],
                   date=When(date(2025, 4, 1), date(2025, 4, 30), "next month", "month"),
                   place=Where("Seoul", "KOR", "Seoul", 37.57, 126.98, "Seoul"),
                   quantities=(Quantity(300, "300 US troops", unit="troops"),),
                   attribution=Attribution("South Korean defence ministry", "KOR", "MIL",
                                           "the defence ministry said"),
                   modality="future"),
        make_event(drill_text, "said", "SIGNAL", [SEOUL_MOD], [US_ARMY]),
    ]

    sanction_text = ("The United Nations did not impose sanctions on North Korea. "
                     "Russia would veto any resolution, Lavrov said.")
    sanction = Article(id="art-sanction", title=None, published=date(2024, 12, 5),
                       outlet=None, text=sanction_text)
    sanction_events = [
        make_event(sanction_text, "impose", "SANCTION", [UN], [KIM], modality="negated"),
        make_event(sanction_text, "veto", "REJECT", [LAVROV], [UN], modality="hypothetical",
                   attribution=Attribution("Sergey Lavrov", "RUS", "GOV", "Lavrov said")),
    ]
    return [(meet, meet_events, meet_mentions), (drill, drill_events, []),
            (sanction, sanction_events, [])]


