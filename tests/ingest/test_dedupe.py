from newsevents.ingest.dedupe import group_near_duplicates, signature, similarity

STORY = ("Russia supplied thousands of artillery shells to Syria on Monday, the defence ministry "
         "in Moscow said in a statement. The shipment arrived at the port of Tartus aboard two "
         "cargo ships, according to two port officials who asked not to be named. Germany "
         "condemned the delivery on Tuesday and summoned the Russian ambassador. France said it "
         "would raise the matter at the United Nations Security Council later this week. Syrian "
         "state media reported that the shells would be used against rebel positions near Aleppo.")
# An outlet's own dateline, a trimmed last sentence, a changed word: still the wire copy.
WITH_DATELINE = "MOSCOW (Courier) - " + STORY.replace("on Monday", "on Monday morning")
TRIMMED = STORY.rsplit(". ", 1)[0] + "."
EDITED = STORY.replace("Germany condemned", "Berlin condemned")
# The same event reported in other words is a separate report, not a copy.
OWN_WORDS = ("Moscow has shipped artillery ammunition to Damascus, Russian officials said "
             "Monday. Two freighters docked in Tartus. Berlin reacted angrily, calling in "
             "Russia's envoy on Tuesday, while Paris promised to bring the issue to the UN.")


def test_signatures_are_stable_and_similarity_separates_copies_from_own_reports():
    assert signature(STORY) == signature(STORY)
    assert len(signature(STORY)) == 128
    for copy in (WITH_DATELINE, TRIMMED, EDITED):
        assert similarity(signature(STORY), signature(copy)) >= 0.7
    assert similarity(signature(STORY), signature(OWN_WORDS)) < 0.1
    assert signature("") == () and similarity((), signature(STORY)) == 0.0


def test_groups_are_named_by_their_smallest_id_in_any_order():
    texts = {"d": WITH_DATELINE, "b": TRIMMED, "c": OWN_WORDS, "a": EDITED}
    groups = group_near_duplicates(texts)
    assert groups == {"a": "a", "b": "a", "d": "a", "c": "c"}
    assert group_near_duplicates(dict(reversed(list(texts.items())))) == groups
