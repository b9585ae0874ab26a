"""The guide (SPEC §8) explains the rules of SPEC v2 with their sources, and every number in
it comes from the core constants the app uses: change one and the guide follows."""

from __future__ import annotations

from fractions import Fraction

import pytest

from core import adaptation, catalog, nutrition, recovery
from desktop.guide import guide_html, guide_text


def test_the_new_rules_are_explained_with_their_sources() -> None:
    text = guide_text()
    for source in ("[EXT: NHS Couch to 5K]", "[EXT: Seiler, 80/20 intensity distribution]",
                   "[EXT: IOC consensus on REDs 2023]", "[EXT: Boer 1984]"):
        assert source in text
    for title in ("Starting from zero: run/walk", "Most running stays easy",
                  "A deficit with a floor"):
        assert title in text and title in guide_html()


def test_the_numbers_are_the_ones_the_app_uses() -> None:
    text = guide_text()
    run_s, walk_s = catalog.RUN_WALK[1]
    assert f"{run_s} s of easy running, then {walk_s} s of brisk walking" in text
    assert f"from week {catalog.RUN_WALK_UNTIL_WEEK} the runs are continuous" in text
    assert (f"A week of {catalog.EASY_WEEK_MINUTES} running minutes or more holds at most "
            f"{catalog.EASY_WEEK_HARD_RUNS} hard runs") in text
    assert f"at most {int(catalog.EASY_WEEK_HARD_SHARE * 100)} % of its minutes" in text
    assert f"{nutrition.ENERGY_AVAILABILITY_FLOOR:g} kcal per kg of fat-free mass" in text
    a, b, c = nutrition.BOER_FFM["female"]
    assert f"{a:g} × kg + {b:g} × cm − {-c:g} for women" in text
    assert f"under {adaptation.SHORT_NIGHT_HOURS:g} h" in text
    assert f"{catalog.LIGHTER_HILL_REPEATS} hill repeats" in text
    assert f"tempo of at most {catalog.LIGHTER_TEMPO_MAX} min" in text
    assert f"Sleep from age {recovery.OLDER_AGE}: 7–8 h a night" in text


@pytest.mark.parametrize(("module", "name", "value", "expected"), [
    (nutrition, "ENERGY_AVAILABILITY_FLOOR", 35.0, "35 kcal per kg of fat-free mass"),
    (catalog, "RUN_WALK", {1: (45, 75)}, "45 s of easy running, then 75 s of brisk walking"),
    (catalog, "EASY_WEEK_HARD_SHARE", Fraction(1, 4), "at most 25 % of its minutes"),
    (catalog, "LIGHTER_TEMPO_MAX", 30, "tempo of at most 30 min"),
    (adaptation, "OFFER_WINDOW_DAYS", 2, "first hard session in the 2 days after"),
    (nutrition, "MET", {**nutrition.MET, "hills": 8.5}, "hills 8.5"),
])
def test_a_changed_constant_changes_the_guide(monkeypatch: pytest.MonkeyPatch, module: object,
                                              name: str, value: object, expected: str) -> None:
    assert expected not in guide_text()
    monkeypatch.setattr(module, name, value)
    assert expected in guide_text()
