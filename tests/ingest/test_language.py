import pytest

from newsevents.errors import RecordError
from newsevents.ingest.language import detect, english_only
from newsevents.records import Article


@pytest.mark.parametrize("text, language", [
    ("La Russie a expulsé deux diplomates allemands lundi. Berlin a promis une réponse ferme.", "fr"),
    ("Russland hat am Montag zwei deutsche Diplomaten ausgewiesen. Berlin kündigte eine Antwort an.", "de"),
    ("Rusia expulsó a dos diplomáticos alemanes el lunes. Berlín prometió una respuesta.", "es"),
    ("Россия выслала двух немецких дипломатов. Берлин пообещал ответить.", "ru"),
])
def test_other_languages_are_recognised_with_confidence(text, language):
    found = detect(text)
    assert found.language == language and not found.is_english


@pytest.mark.parametrize("text", [
    "Russia expelled two German diplomats on Monday, and Berlin promised a firm answer.",
    "Shoigu met Kim in Pyongyang.",             # mostly names: no language is confident
    "Kim Jong Un met Putin in Vladivostok.",
])
def test_english_and_name_heavy_short_texts_are_kept(text):
    assert detect(text).is_english


def test_english_only_skips_other_languages_naming_them_and_passes_errors_on():
    french = Article(id="fr-1", title="Expulsions",
                     text="La Russie a expulsé deux diplomates allemands lundi, a annoncé le ministère.")
    english = Article(id="en-1", text="Russia expelled two German diplomats on Monday.")
    error = RecordError("invalid JSON", source="wire.jsonl", line=3)
    skipped = []
    kept = list(english_only([french, error, english], "wire.jsonl", skipped.append))
    assert kept == [error, english]
    [message] = skipped
    assert "wire.jsonl" in str(message) and "fr-1" in str(message) and "'Expulsions'" in str(message)
    assert "'fr'" in str(message) and "skipped" in str(message)
