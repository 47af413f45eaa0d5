import newsevents


def test_public_api_is_what_all_lists():
    for name in newsevents.__all__:
        assert getattr(newsevents, name) is not None, name


def test_extract_is_a_callable_of_text_and_published():
    import inspect
    params = inspect.signature(newsevents.extract).parameters
    assert list(params)[:3] == ["text", "published", "title"]
