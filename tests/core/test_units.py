"""Metric / imperial display conversions: exact factors, readable strings, no drift."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.units import (
    cm_to_ft_in,
    format_height,
    format_inches,
    format_water,
    format_weight,
    ft_in_to_cm,
    inch_range,
    kg_to_lb,
    lb_range,
    lb_to_kg,
    ml_to_fl_oz,
    water_parts,
)


def test_pound_and_fluid_ounce_use_the_legal_definitions() -> None:
    assert lb_to_kg(1) == 0.45359237
    assert abs(ml_to_fl_oz(29.5735295625) - 1) < 1e-12
    assert ft_in_to_cm(1, 0) == 12 * 2.54


def test_weights_read_in_the_chosen_unit() -> None:
    assert format_weight(64, "metric") == "64.0 kg"
    assert format_weight(64, "imperial") == "141.1 lb"  # 64 / 0.45359237 = 141.096


def test_height_splits_into_feet_and_inches() -> None:
    assert cm_to_ft_in(168) == (5, 6.1)  # 168 / 2.54 = 66.14 in
    assert format_height(168, "imperial") == "5 ft 6.1 in"
    assert format_height(168, "metric") == "168 cm"
    assert cm_to_ft_in(182.88) == (6, 0.0)  # exactly 72 in


def test_inches_never_show_twelve() -> None:
    # 71.96 in rounds to 72.0: that is 6 ft 0 in, not 5 ft 12 in
    assert cm_to_ft_in(71.96 * 2.54) == (6, 0.0)


def test_water_shows_fluid_ounces_first_in_imperial() -> None:
    assert format_water(2600, "metric") == "2,600 ml"
    assert format_water(2600, "imperial") == "88 fl oz (2.6 L)"  # 2600 / 29.57 = 87.9
    assert water_parts(2347, "imperial") == ("79 fl oz", "2,347 ml")  # 2347 / 29.57 = 79.4
    assert water_parts(2347, "metric") == ("2,347 ml", "")


@settings(max_examples=50)
@given(st.floats(min_value=35, max_value=250))
def test_weight_round_trip_keeps_the_value(kg: float) -> None:
    assert abs(lb_to_kg(kg_to_lb(kg)) - kg) < 1e-9


@settings(max_examples=50)
@given(st.floats(min_value=120, max_value=230))
def test_height_round_trip_is_within_display_rounding(cm: float) -> None:
    feet, inches = cm_to_ft_in(cm)
    assert 0 <= inches < 12
    assert abs(ft_in_to_cm(feet, inches) - cm) <= 0.05 * 2.54 + 1e-9


def test_shown_imperial_limits_round_inwards() -> None:
    # 35 kg = 77.16 lb, 250 kg = 551.16 lb; 120 cm = 47.24 in, 230 cm = 90.55 in
    assert lb_range((35.0, 250.0)) == (77.2, 551.1)
    assert inch_range((120.0, 230.0)) == (47.3, 90.5)
    assert format_inches(47.3) == "3 ft 11.3 in" and format_inches(90.5) == "7 ft 6.5 in"
    assert lb_range((45.359237, 90.718474)) == (100.0, 200.0)  # exact pounds stay as they are


@settings(max_examples=50)
@given(st.integers(min_value=0, max_value=4739))
def test_every_tenth_of_a_pound_shown_as_allowed_is_inside_the_kg_range(step: int) -> None:
    lo, hi = lb_range((35.0, 250.0))
    lb = round(lo + step / 10, 1)
    if lb <= hi:
        assert 35.0 <= round(lb_to_kg(lb), 2) <= 250.0


@settings(max_examples=50)
@given(st.integers(min_value=0, max_value=432))
def test_every_tenth_of_an_inch_shown_as_allowed_is_inside_the_cm_range(step: int) -> None:
    lo, hi = inch_range((120.0, 230.0))
    inches = round(lo + step / 10, 1)
    if inches <= hi:
        assert 120.0 <= round(ft_in_to_cm(0, inches), 1) <= 230.0


def test_every_face_converts_a_weight_the_same_way() -> None:
    """88.7 kg is 195.55 lb: the plan PDF once printed 195.5 lb with a rounded constant
    while the window showed 195.6 lb."""
    from core.units import format_weight
    from core.wording import body_weight

    assert body_weight(88.7, "imperial") == format_weight(88.7, "imperial") == "195.6 lb"


def test_a_trend_weight_prints_to_a_tenth() -> None:
    """The plan PDF's cover printed the weight trend as "63.6631 kg"."""
    from core.wording import body_weight

    assert body_weight(63.6631, "metric") == "63.7 kg"
    assert body_weight(64.0, "metric") == "64 kg"
