"""Articles and events written for the API and UI tests, stored without running spaCy.

Each article is built from sentences; an event names the sentence it comes from and
its trigger word, so evidence and trigger offsets point into the article text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsevents.records import (Actor, Article, Attribution, Event, Evidence, Quantity, When,
                                Where)

PRK = Actor("North Korea", "PRK", "GOV")
RUS = Actor("Russia", "RUS", "GOV")
UKR = Actor("Ukraine", "UKR", "GOV")
KOR = Actor("South Korea", "KOR", "GOV")
USA = Actor("United States", "USA", "GOV")
CHN = Actor("China", "CHN", "GOV")
JPN = Actor("Japan", "JPN", "GOV")
KOR_MIL = Actor("South Korean military", "KOR", "MIL")
# A name that holds markup: every page must show it as text.
ODD = Actor('<i>Shadow</i> & "Co"', "RUS", "BUS")

PYONGYANG = Where("Pyongyang", "PRK", None, 39.03, 125.75, "Pyongyang", feature="city")
MOSCOW = Where("Moscow", "RUS", None, 55.75, 37.62, "Moscow", feature="city")
KYIV = Where("Kyiv", "UKR", None, 50.45, 30.52, "Kyiv", feature="city")
SEOUL = Where("Seoul", "KOR", None, 37.57, 126.98, "Seoul", feature="city")
KURSK = Where("Kursk", "RUS", None, 51.73, 36.19, "Kursk", feature="city")
BEIJING = Where("Beijing", "CHN", None, 39.91, 116.40, "Beijing", feature="city")
TOKYO = Where("Tokyo", "JPN", None, 35.69, 139.69, "Tokyo", feature="city")


@dataclass
class Story:
    id: str
    title: str | None
    published: date
    outlet: str | None
    sentences: list[str]
    events: list[dict] = field(default_factory=list)

    def build(self) -> tuple[Article, list[Event]]:
        text = " ".join(self.sentences)
        article = Article(id=self.id, title=self.title, published=self.published,
                          outlet=self.outlet, text=text)
        events = []
        for spec in self.events:
            spec = dict(spec)
            sentence = self.sentences[spec.pop("sentence")]
            trigger = spec.pop("trigger")
            start = text.index(sentence)
            t_start = text.index(trigger, start)
            event = Event(type=spec.pop("type"), evidence=Evidence(sentence, start, start + len(sentence)),
                          trigger=trigger, trigger_start=t_start, trigger_end=t_start + len(trigger),
                          **spec)
            events.append(event.with_id(article.id))
        return article, events


def day(text: str) -> When:
    d = date.fromisoformat(text)
    return When(d, d, text, "day")


def stories() -> list[Story]:
    return [
        Story("wire-shells", "North Korea ships shells to Russia", date(2025, 6, 20), "Seoul Wire", [
            "North Korea has sent about 5 million artillery shells to Russia since last year, "
            "the South Korean military said on Friday.",
            "Russia denied receiving any weapons from Pyongyang.",
            "Officials in Kyiv condemned the transfers.",
        ], [
            dict(sentence=0, trigger="sent", type="AID", mode="military", actor=(PRK,), recipient=(RUS,),
                 date=When(date(2024, 1, 1), date(2025, 6, 20), "since last year", "span"),
                 quantities=(Quantity(5_000_000, "about 5 million artillery shells", unit="shells",
                                      qualifier="about"),),
                 attribution=Attribution("South Korean military", "KOR", "MIL",
                                         "the South Korean military said"), score=8.3),
            dict(sentence=1, trigger="denied", type="REJECT", actor=(RUS,), recipient=(KOR,),
                 modality="negated", score=-4.0),
            dict(sentence=2, trigger="condemned", type="ACCUSE", actor=(UKR,), recipient=(PRK, RUS),
                 place=KYIV, score=-2.0),
        ]),
        Story("tass-visit", "Lavrov visits Pyongyang", date(2025, 7, 12), "TASS", [
            "Russia's foreign minister met North Korea's leader in Pyongyang on Saturday.",
            "The two sides agreed to expand military cooperation, the ministry said.",
        ], [
            dict(sentence=0, trigger="met", type="CONSULT", mode="visit", actor=(RUS,), recipient=(PRK,),
                 date=day("2025-07-12"), place=PYONGYANG, score=1.9),
            dict(sentence=1, trigger="agreed", type="AGREE", actor=(RUS, PRK), recipient=(),
                 date=day("2025-07-12"), place=PYONGYANG,
                 attribution=Attribution("Russian foreign ministry", "RUS", "GOV", "the ministry said"),
                 score=4.0),
        ]),
        Story("kcna-shells", "KCNA on munitions", date(2025, 6, 25), "KCNA", [
            "North Korea has supplied 10 million shells to Russia since last year, a Russian official claimed.",
            "Pyongyang threatened Seoul with a strong response to the drills.",
        ], [
            dict(sentence=0, trigger="supplied", type="AID", mode="military", actor=(PRK,), recipient=(RUS,),
                 date=When(date(2024, 1, 1), date(2025, 6, 25), "since last year", "span"),
                 quantities=(Quantity(10_000_000, "10 million shells", unit="shells"),),
                 attribution=Attribution("Russian official", "RUS", "GOV", "a Russian official claimed"),
                 score=8.3),
            dict(sentence=1, trigger="threatened", type="THREATEN", actor=(PRK,), recipient=(KOR,),
                 date=day("2025-06-25"), place=SEOUL, score=-6.0),
        ]),
        Story("kursk-front", "Fighting near Kursk", date(2025, 3, 14), "Kyiv Independent", [
            "Ukrainian forces attacked Russian positions near Kursk on Thursday.",
            "North Korean troops were deployed to the Kursk region, Kyiv said.",
            "Russia will launch a counteroffensive next month, a commander said.",
        ], [
            dict(sentence=0, trigger="attacked", type="ASSAULT", actor=(UKR,), recipient=(RUS,),
                 date=day("2025-03-13"), place=KURSK, score=-9.0),
            dict(sentence=1, trigger="deployed", type="MOBILIZE", actor=(PRK,), recipient=(RUS,),
                 place=KURSK, attribution=Attribution("Ukraine", "UKR", "GOV", "Kyiv said"), score=-7.2),
            dict(sentence=2, trigger="launch", type="ASSAULT", actor=(RUS,), recipient=(UKR,),
                 date=When(date(2025, 4, 1), date(2025, 4, 30), "next month", "month"),
                 modality="future", place=KURSK, score=-9.0),
        ]),
        Story("asia-diplomacy", "Tokyo and Beijing talk", date(2025, 5, 2), "Asia Daily", [
            "Japan and China held talks in Beijing on trade and security.",
            "China urged the United States to lift export controls.",
            "Washington imposed new sanctions on Chinese chipmakers.",
            'A firm called <i>Shadow</i> & "Co" was accused of shipping parts.',
        ], [
            dict(sentence=0, trigger="held talks", type="CONSULT", actor=(JPN, CHN), recipient=(),
                 place=BEIJING, date=day("2025-05-01"), score=1.0),
            dict(sentence=1, trigger="urged", type="REQUEST", actor=(CHN,), recipient=(USA,), score=-5.0),
            dict(sentence=2, trigger="imposed", type="SANCTION", actor=(USA,), recipient=(CHN,), score=-4.0),
            dict(sentence=3, trigger="accused", type="ACCUSE", actor=(USA,), recipient=(ODD,), score=-2.0),
        ]),
        Story("tokyo-aid", None, date(2024, 11, 30), None, [
            "Japan pledged humanitarian aid to Ukraine at a meeting in Tokyo.",
        ], [
            dict(sentence=0, trigger="pledged", type="AID", mode="humanitarian", actor=(JPN,),
                 recipient=(UKR,), place=TOKYO, modality="future", score=7.4),
        ]),
    ]


def briefings(count: int = 12) -> list[Story]:
    """Small daily briefings, so that event lists run to several pages."""
    out = []
    for n in range(count):
        published = date(2025, 1, 1 + n)
        out.append(Story(f"briefing-{n:02d}", f"Daily briefing {n + 1}", published, "Briefing Desk", [
            f"South Korea protested a missile launch on day {n + 1}.",
            f"Seoul and Washington consulted on day {n + 1}.",
        ], [
            dict(sentence=0, trigger="protested", type="PROTEST", actor=(KOR,), recipient=(PRK,),
                 date=day(published.isoformat()), place=SEOUL, score=-6.5),
            dict(sentence=1, trigger="consulted", type="CONSULT", actor=(KOR, USA), recipient=(),
                 date=day(published.isoformat()), score=1.0),
        ]))
    return out


def corpus() -> list[tuple[Article, list[Event]]]:
    return [story.build() for story in stories() + briefings()]


EVENT_COUNT = sum(len(s.events) for s in stories() + briefings())
ARTICLE_COUNT = len(stories()) + len(briefings())
