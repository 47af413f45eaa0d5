"""Reading the project's curated data files under newsevents/data."""
from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from .errors import DataError

# libyaml's loader reads the curated files about four times faster, to the same data.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_file(*parts: str) -> Traversable:
    return importlib.resources.files("newsevents").joinpath("data", *parts)


def read_yaml(*parts: str) -> Any:
    """The parsed YAML file data/<parts>, or None when there is no such file."""
    resource = data_file(*parts)
    if not resource.is_file():
        return None
    try:
        return yaml.load(resource.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as e:
        raise DataError(f"data/{'/'.join(parts)}: invalid YAML: {e}") from e
