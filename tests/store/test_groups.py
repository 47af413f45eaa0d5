from itertools import permutations

from newsevents.records import Article
from newsevents.store import Store
from newsevents.store.queries import find_events
from store_corpus import make_event

STORY = ("Russia supplied thousands of artillery shells to Syria on Monday, the defence ministry "
         "in Moscow said in a statement. The shipment arrived at the port of Tartus aboard two "
         "cargo ships, according to two port officials who asked not to be named. Germany "
         "condemned the delivery on Tuesday and summoned the Russian ambassador. France said it "
         "would raise the matter at the United Nations Security Council later this week.")
COPIES = [
    Article(id="courier-7", text="MOSCOW (Courier) - " + STORY, outlet="Courier"),
    Article(id="gazette-3", text=STORY.replace("Germany condemned", "Berlin condemned"),
            title="Shells for Syria", outlet="Gazette"),
    Article(id="herald-9", text=STORY.rsplit(". ", 1)[0] + ".", outlet="Herald"),
]
OWN_REPORT = Article(id="times-1", outlet="Times",
                     text="Moscow has shipped artillery ammunition to Damascus, Russian officials "
                          "said Monday. Two freighters docked in Tartus, and Berlin reacted angrily.")


# Articles are stored under their content keys; groups are named by the smallest key.
KEY = {a.id: a.key for a in [*COPIES, OWN_REPORT]}
COPY_GROUP = min(KEY[a.id] for a in COPIES)


def test_wire_copies_across_outlets_are_one_group_with_several_outlets(store):
    for article in [*COPIES, OWN_REPORT]:
        assert store.add_article(article, [])
    group = store.article_group(KEY["herald-9"])
    assert group == {"group_id": COPY_GROUP, "articles": sorted(KEY[a.id] for a in COPIES),
                     "outlets": ["Courier", "Gazette", "Herald"]}
    assert store.article_group(KEY["times-1"]) == {
        "group_id": KEY["times-1"], "articles": [KEY["times-1"]], "outlets": ["Times"]}


def test_groups_do_not_depend_on_the_order_articles_arrive(tmp_path):
    seen = set()
    for number, order in enumerate(permutations([*COPIES, OWN_REPORT])):
        if number % 5:
            continue                      # a spread of the 24 orders is enough
        with Store.open(tmp_path / f"order{number}.duckdb") as store:
            for article in order:
                store.add_article(article, [])
            seen.add(tuple((row["id"], row["group_id"]) for row in
                           store.query("SELECT id, group_id FROM articles ORDER BY id")))
    assert seen == {tuple(sorted([(KEY[a.id], COPY_GROUP) for a in COPIES]
                                 + [(KEY["times-1"], KEY["times-1"])]))}


def test_an_article_linking_two_groups_merges_them_under_the_smallest_id(store):
    first = [f"first{i}" for i in range(100)]
    second = [f"second{i}" for i in range(100)]
    # each shares 70 % of its shingles with the whole, but only 40 % with the other
    start = " ".join(first + second[:40])
    end = " ".join(first[60:] + second)
    parts = [Article(id="b-start", text=start), Article(id="a-end", text=end),
             Article(id="c-whole", text=" ".join(first + second))]
    b_start, a_end, c_whole = (a.key for a in parts)
    store.add_article(parts[0], [])
    store.add_article(parts[1], [])
    assert store.article_group(b_start)["articles"] == [b_start]
    assert store.article_group(a_end)["articles"] == [a_end]
    store.add_article(parts[2], [])
    assert store.article_group(b_start)["articles"] == sorted([a_end, b_start, c_whole])
    assert store.article_group(c_whole)["group_id"] == min(a_end, b_start, c_whole)


def test_storing_a_copy_again_changes_nothing_and_events_carry_the_group(store):
    for article in COPIES:
        store.add_article(article, [make_event(article.text, "supplied", "AID")])
    before = store.query("SELECT * FROM article_bands ORDER BY article_id, band")
    assert not store.add_article(COPIES[1], [])
    assert store.query("SELECT * FROM article_bands ORDER BY article_id, band") == before
    rows = find_events(store)
    assert {row["group_id"] for row in rows} == {COPY_GROUP}
    assert {row["outlet"] for row in rows} == {"Courier", "Gazette", "Herald"}


def test_a_large_group_of_copies_stays_one_group(store):
    copies = [Article(id=f"copy-{number:02d}", text=f"{STORY} Copy {number}.")
              for number in range(30)]      # more copies than are compared per group
    for copy in copies:
        store.add_article(copy, [])
    group = store.article_group(copies[-1].key)
    assert group["group_id"] == min(c.key for c in copies) and len(group["articles"]) == 30
