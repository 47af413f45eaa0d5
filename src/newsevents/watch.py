"""Watch rules: events and clusters that match a rule and were not reported on an earlier run.

A rule file is YAML with a list `rules:`; each rule has a `name` and any of

    type        PLOVER event type
    actor       country code or name (a list: any of them)
    recipient   country code or name (a list: any of them)
    place       place name or country code
    modality    asserted, future, hypothetical or negated
    min_sources only events and clusters claimed by at least this many sources

A run reports, per rule, the matching events and clusters whose ids are not in the state
file, then adds them to it, so each match is reported once. A cluster's id follows its
earliest report (analysis/clusters.py), so it changes when an earlier report of the same
event arrives; the state keeps the member events of every reported cluster too, and a
cluster holding any of them is the one already reported (its new reports still come as
events). The state file is JSON,
beside the rule file unless given (RULES.state.json); it is replaced whole, atomically.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .records import MODALITIES
from .store.clusters import find_clusters
from .store.queries import EventFilter, find_events
from .store.store import Store

_LISTS = ("actor", "recipient")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str | None = None
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    place: str | None = None
    modality: str | None = None
    min_sources: int | None = None

    def filters(self) -> list[EventFilter]:
        """One event filter per actor and recipient pairing (a list means any of them)."""
        return [EventFilter(actor=a, recipient=r, type=self.type, place=self.place,
                            modality=self.modality)
                for a in (self.actor or (None,)) for r in (self.recipient or (None,))]


def load_rules(path: str | Path) -> list[Rule]:
    """The rules of a YAML file; a malformed file or rule is an InputError naming it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except OSError as e:
        raise InputError(f"cannot read the rule file: {e.strerror or e}", source=str(path)) from e
    except UnicodeDecodeError as e:
        from .ingest.readers import not_utf8
        raise InputError(not_utf8(raw, e), source=str(path)) from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(e, 'problem', None) or e}", source=str(path),
                         line=mark.line + 1 if mark else None) from e
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise InputError("expected a mapping with a list `rules:`", source=str(path),
                         field="rules")
    rules: list[Rule] = []
    for position, raw in enumerate(data["rules"], 1):
        rule = _rule(raw, position, str(path))
        if any(r.name == rule.name for r in rules):
            raise InputError(f"rule {rule.name!r}: the name is used twice", source=str(path),
                             field="name")
        rules.append(rule)
    if not rules:
        raise InputError("the list `rules:` is empty", source=str(path), field="rules")
    return rules


def _rule(raw: Any, position: int, source: str) -> Rule:
    label = f"rule {position}"
    if not isinstance(raw, dict):
        raise InputError(f"{label}: expected a mapping of fields", source=source)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"{label}: needs a `name`", source=source, field="name")
    label = f"rule {name!r}"
    known = {f.name for f in fields(Rule)}

    def bad(field: str, reason: str) -> InputError:
        return InputError(f"{label}: {reason}", source=source, field=field)

    for key in raw:
        if key not in known:
            raise bad(str(key), f"unknown field {key!r}; expected any of "
                                f"{', '.join(sorted(known - {'name'}))}")
    values: dict[str, Any] = {"name": name.strip()}
    for key in ("type", "place", "modality"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise bad(key, f"`{key}` must be a text, got {value!r}")
        values[key] = value.strip() if value else None
    if values["modality"] and values["modality"].lower() not in MODALITIES:
        raise bad("modality", f"unknown modality {values['modality']!r}; expected one of "
                              f"{', '.join(MODALITIES)}")
    for key in _LISTS:
        value = raw.get(key)
        items = [value] if isinstance(value, str) else value
        if value is not None and (not isinstance(items, list) or not items or not all(
                isinstance(v, str) and v.strip() for v in items)):
            raise bad(key, f"`{key}` must be a country code or name, or a list of them")
        values[key] = tuple(v.strip() for v in items) if value is not None else ()
    min_sources = raw.get("min_sources")
    if min_sources is not None and (isinstance(min_sources, bool)
                                    or not isinstance(min_sources, int) or min_sources < 1):
        raise bad("min_sources", f"`min_sources` must be a whole number of 1 or more, "
                                 f"got {min_sources!r}")
    values["min_sources"] = min_sources
    return Rule(**values)


def default_state_path(rules_path: str | Path) -> Path:
    path = Path(rules_path)
    return path.with_name(path.stem + ".state.json")


def _read_state(path: Path) -> dict[str, dict[str, list[str]]]:
    if not path.exists():
        return {}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read the watch state: {e}", source=str(path)) from e
    if not isinstance(state, dict) or not isinstance(state.get("rules", {}), dict):
        raise InputError("not a watch state file", source=str(path))
    return state.get("rules", {})


def _write_state(path: Path, seen: dict[str, dict[str, list[str]]]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"rules": seen}, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def matches(store: Store, rule: Rule) -> list[dict[str, Any]]:
    """Every event and cluster the rule matches now, as {"rule", "kind", ...row} dicts."""
    min_sources = rule.min_sources or 1
    clusters: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    for flt in rule.filters():
        for cluster in find_clusters(store, flt, min_sources=min_sources):
            clusters[cluster["id"]] = cluster
        for event in find_events(store, flt):
            events[event["id"]] = event
    if rule.min_sources:
        members = store.query(
            "SELECT event_id, cluster_id FROM cluster_members WHERE event_id IN "
            "(SELECT unnest(?))", [sorted(events)])
        in_clusters = {m["event_id"] for m in members if m["cluster_id"] in clusters}
        events = {k: v for k, v in events.items() if k in in_clusters}
    found = [{"rule": rule.name, "kind": "cluster", **c} for c in clusters.values()]
    return found + [{"rule": rule.name, "kind": "event", **e} for e in events.values()]


def _members(store: Store, cluster_ids: list[str]) -> dict[str, set[str]]:
    rows = store.query("SELECT cluster_id, event_id FROM cluster_members WHERE cluster_id IN "
                       "(SELECT unnest(?))", [sorted(cluster_ids)]) if cluster_ids else []
    members: dict[str, set[str]] = {}
    for row in rows:
        members.setdefault(row["cluster_id"], set()).add(row["event_id"])
    return members


def run_watch(store: Store, rules: list[Rule], state_path: str | Path) -> list[dict[str, Any]]:
    """The matches not reported before (clusters first, then events, per rule); records them
    in the state file."""
    state_path = Path(state_path)
    seen = _read_state(state_path)
    new: list[dict[str, Any]] = []
    kinds = ("cluster", "event", "cluster_events")
    for rule in rules:
        known = seen.setdefault(rule.name, {})
        ids = {kind: set(known.get(kind, [])) for kind in kinds}
        found = matches(store, rule)
        members = _members(store, [m["id"] for m in found if m["kind"] == "cluster"])
        for match in found:
            if match["id"] in ids[match["kind"]]:
                continue
            if match["kind"] == "cluster":
                held = members.get(match["id"], set())
                reported_before = bool(held & ids["cluster_events"])
                ids["cluster"].add(match["id"])
                ids["cluster_events"] |= held
                if reported_before:
                    continue        # the same cluster under the id of a new earliest report
            else:
                ids["event"].add(match["id"])
            new.append(match)
        seen[rule.name] = {kind: sorted(ids[kind]) for kind in kinds}
    _write_state(state_path, seen)
    return new
