import json

import pytest

from newsevents.ingest import read_articles
from newsevents.ingest.language import NotEnglish, detect, screen
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


def test_screen_names_the_skipped_article_where_it_was_read():
    french = Article(id="fr-1", title="Expulsions",
                     text="La Russie a expulsé deux diplomates allemands lundi, a annoncé le ministère.")
    english = Article(id="en-1", text="Russia expelled two German diplomats on Monday.")
    assert screen(english, "wire.jsonl", 2) is english
    skipped = screen(french, "wire.jsonl", 3)
    assert isinstance(skipped, NotEnglish)
    assert "wire.jsonl, line 3" in str(skipped) and "fr-1" in str(skipped)
    assert "'Expulsions'" in str(skipped) and "'fr'" in str(skipped) and "skipped" in str(skipped)


def test_readers_skip_other_languages_by_line_and_tell_on_skip(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "en", "text": "Russia expelled two German diplomats."}) + "\n"
                    + json.dumps({"id": "de", "text": "Russland hat am Montag zwei deutsche "
                                  "Diplomaten ausgewiesen, teilte das Ministerium mit."}) + "\n",
                    encoding="utf-8")
    skipped = []
    articles = list(read_articles(path, on_skip=skipped.append))
    assert [a.id for a in articles] == ["en"]
    assert [(s.source, s.line) for s in skipped] == [(str(path), 2)]
