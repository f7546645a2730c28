"""The Python wrappers' keyword defaults are the C++ options registries' defaults."""

import inspect

import pytest

import sixlink
from sixlink import _core

# Each wrapper and the registries its keywords come from, first match wins.
WRAPPERS = [
    (sixlink.gap_analysis, ["gap"]),
    (sixlink.optimise_quotas, ["quota", "gap"]),
    (sixlink.recommend, ["recommend", "quota", "gap"]),
    (sixlink.place, ["placement", "cohort"]),
]


def test_registries_are_listed():
    assert set(_core.option_registries) == {"gap", "quota", "recommend", "placement", "cohort"}


@pytest.mark.parametrize("function, registries", WRAPPERS, ids=lambda w: getattr(w, "__name__", ""))
def test_keyword_defaults_equal_the_registry(function, registries):
    fields = [{f["name"]: f for f in _core.option_fields(r)} for r in registries]
    checked = 0
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
            continue
        for table in fields:
            if parameter.name in table:
                expected = table[parameter.name]["default"]
                assert parameter.default == expected, (function.__name__, parameter.name)
                assert type(parameter.default) is type(expected), (function.__name__, parameter.name)
                checked += 1
                break
    assert checked > 0


def test_unknown_registry_is_a_sixlink_error():
    with pytest.raises(sixlink.Error, match="name must be"):
        _core.option_fields("nope")
