"""Keyword defaults from the C++ options registries (_core.option_fields), so that a
default is written only in its C++ struct."""

from __future__ import annotations

from typing import Any, Dict

from . import _core

_FIELDS: Dict[str, Dict[str, dict]] = {}


def fields(registry: str) -> Dict[str, dict]:
    """The fields of one registry ("gap", "quota", "recommend", "placement", "cohort") by name."""
    if registry not in _FIELDS:
        _FIELDS[registry] = {f["name"]: f for f in _core.option_fields(registry)}
    return _FIELDS[registry]


def default(registry: str, name: str) -> Any:
    """The C++ struct's default of one field (None: optional, derived when not given)."""
    return fields(registry)[name]["default"]
