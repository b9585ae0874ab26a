"""Profile validation (SPEC §2): defaults, ranges, cross-field rules, refusals naming the field."""

from __future__ import annotations

import math
import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.profile import DAYS, Profile, ProfileError, check_age, profile_from_dict

REQUIRED: dict[str, Any] = {"birth_date": "1990-06-15", "height_cm": 170, "weight_kg": 65}


def make(**changes: Any) -> Profile:
    return profile_from_dict({**REQUIRED, **changes})


def refused(field: str, **changes: Any) -> ProfileError:
    with pytest.raises(ProfileError) as info:
        make(**changes)
    assert info.value.field == field
    assert str(info.value).startswith(field + " must be")
    return info.value


def test_defaults_of_spec_section_2() -> None:
    p = make()
    assert (p.name, p.sex, p.units, p.level) == ("Runner", "unspecified", "metric", "beginner")
    assert p.weekly_run_minutes == 60
    assert p.available_days == DAYS
    assert p.long_run_day == "tue"
    assert (p.strength_sessions, p.equipment, p.daily_activity) == (2, "bodyweight", "light")
    assert (p.deficit_kcal, p.protein_g_per_kg, p.hot_climate) == (300, 1.8, False)
    assert (p.birth_date, p.height_cm, p.weight_kg) == (date(1990, 6, 15), 170.0, 65.0)


def test_message_names_field_value_and_range() -> None:
    assert str(refused("weight_kg", weight_kg=-5)) == "weight_kg must be 35–250 kg, got -5"
    assert str(refused("height_cm", height_cm=231)) == "height_cm must be 120–230 cm, got 231"
    assert "1.2–2.2" in str(refused("protein_g_per_kg", protein_g_per_kg=2.5))


@pytest.mark.parametrize(("field", "low", "high", "bad_low", "bad_high"), [
    ("height_cm", 120, 230, 119.9, 230.1),
    ("weight_kg", 35, 250, 34.9, 250.1),
    ("weekly_run_minutes", 0, 600, -1, 601),
    ("deficit_kcal", 0, 500, -1, 501),
    ("protein_g_per_kg", 1.2, 2.2, 1.19, 2.21),
    ("strength_sessions", 2, 3, 1, 4),
])
def test_number_ranges_inclusive(field: str, low: float, high: float, bad_low: float,
                                 bad_high: float) -> None:
    assert getattr(make(**{field: low}), field) == low
    assert getattr(make(**{field: high}), field) == high
    for bad in (bad_low, bad_high, "lots", "", None, math.nan, math.inf, True):
        refused(field, **{field: bad})


@pytest.mark.parametrize("field", ["weekly_run_minutes", "deficit_kcal", "strength_sessions"])
def test_whole_number_fields_refuse_fractions(field: str) -> None:
    assert "whole number" in str(refused(field, **{field: 2.5}))


def test_numbers_as_text_are_read() -> None:
    p = make(weight_kg=" 70.5 ", deficit_kcal="250")
    assert (p.weight_kg, p.deficit_kcal) == (70.5, 250)


@pytest.mark.parametrize(("field", "good", "bad"), [
    ("sex", "female", "other"), ("units", "imperial", "stones"),
    ("level", "advanced", "elite"), ("equipment", "gym", "kettlebell"),
    ("daily_activity", "sedentary", "very"), ("long_run_day", "sat", "someday"),
])
def test_choices(field: str, good: str, bad: str) -> None:
    assert getattr(make(**{field: good.upper()}), field) == good
    assert bad in str(refused(field, **{field: bad}))
    refused(field, **{field: 3})


def test_required_fields() -> None:
    for field in REQUIRED:
        data = {k: v for k, v in REQUIRED.items() if k != field}
        with pytest.raises(ProfileError) as info:
            profile_from_dict(data)
        assert info.value.field == field


def test_birth_date_must_be_a_real_iso_date() -> None:
    refused("birth_date", birth_date="2001-02-29")
    refused("birth_date", birth_date="15/06/1990")
    assert make(birth_date=date(2000, 2, 29)).birth_date == date(2000, 2, 29)


def test_hot_climate_is_a_bool() -> None:
    assert make(hot_climate="yes").hot_climate is True
    refused("hot_climate", hot_climate="maybe")


def test_available_days_need_four_or_five_for_three_strength_sessions() -> None:
    four = ["mon", "tue", "thu", "sat"]
    assert make(available_days=four).available_days == ("mon", "tue", "thu", "sat")
    refused("available_days", available_days=["mon", "tue", "thu"])
    refused("available_days", available_days=["mon", "mon", "tue", "thu"])  # 3 distinct days
    e = refused("available_days", available_days=four, strength_sessions=3)
    assert "5" in str(e)
    assert make(available_days=four + ["sun"], strength_sessions=3).strength_sessions == 3
    refused("available_days", available_days=["mon", "tue", "thu", "xyz"])
    refused("available_days", available_days=7)


def test_available_days_are_put_in_week_order() -> None:
    assert make(available_days="sun, fri,mon,wed").available_days == ("mon", "wed", "fri", "sun")


def test_long_run_day_must_be_available() -> None:
    days = ["mon", "wed", "fri", "sat"]
    e = refused("long_run_day", available_days=days, long_run_day="tue")
    assert "mon, wed, fri, sat" in str(e)
    # without tue the default is the first available day
    assert make(available_days=days).long_run_day == "mon"
    assert make(available_days=days, long_run_day="sat").long_run_day == "sat"


def test_age_16_to_90_at_plan_start() -> None:
    start = date(2026, 3, 2)
    check_age(make(birth_date="2010-03-02"), start)  # 16 that day
    check_age(make(birth_date="1935-03-03"), start)  # 90 (91 tomorrow)
    for born in ("2010-03-03", "1935-03-02"):  # 15, and 91 that day
        with pytest.raises(ProfileError) as info:
            check_age(make(birth_date=born), start)
        assert info.value.field == "birth_date" and "16–90" in str(info.value)
    with pytest.raises(ProfileError, match="birth_date"):
        profile_from_dict({**REQUIRED, "birth_date": "2015-01-01"}, on=start)
    # without a plan start the age is not checked
    assert make(birth_date="2015-01-01").birth_date.year == 2015


def test_name_trimmed_and_any_unicode() -> None:
    assert make(name="  Zoë  ").name == "Zoë"
    for name in ("李小龍", "Ørjan 🏃‍♀️", "نور", "Tom & <Jerry>", "x", "é" * 80):
        assert make(name=name).name == name
    refused("name", name="")
    refused("name", name="   ")
    refused("name", name="a" * 81)
    refused("name", name=42)
    assert make(name=" " + "b" * 80 + " ").name == "b" * 80


def test_unknown_fields_are_refused_by_name() -> None:
    e = refused("wieght_kg", wieght_kg=70)
    assert "profile field" in str(e)


def test_not_a_mapping() -> None:
    with pytest.raises(ProfileError):
        profile_from_dict([1, 2])  # type: ignore[arg-type]


def test_with_changes_validates_and_round_trips() -> None:
    p = make(name="Ana", sex="female")
    assert profile_from_dict(p.to_dict()) == p
    assert p.with_changes(weight_kg=60).weight_kg == 60.0
    with pytest.raises(ProfileError, match="weight_kg"):
        p.with_changes(weight_kg=20)


def test_available_days_refuse_words_that_only_start_with_a_day() -> None:
    refused("available_days", available_days=["month", "tuesday", "wedge", "thumb"])


def test_datetime_birth_date_round_trips() -> None:
    from datetime import datetime
    p = make(birth_date=datetime(1990, 6, 15, 12, 0))
    assert profile_from_dict(p.to_dict()) == p


# --- properties ----------------------------------------------------------------------------

RANGES: dict[str, tuple[float, float]] = {
    "height_cm": (120, 230), "weight_kg": (35, 250), "weekly_run_minutes": (0, 600),
    "deficit_kcal": (0, 500), "protein_g_per_kg": (1.2, 2.2), "strength_sessions": (2, 3),
}


@st.composite
def out_of_range(draw: st.DrawFn) -> tuple[str, object]:
    field = draw(st.sampled_from(sorted(RANGES)))
    lo, hi = RANGES[field]
    value = draw(st.one_of(
        st.floats(max_value=lo, exclude_max=True, allow_nan=False),
        st.floats(min_value=hi, exclude_min=True, allow_nan=False),
        st.integers(max_value=math.floor(lo) - 1), st.integers(min_value=math.ceil(hi) + 1),
        st.just(math.nan), st.booleans(),
        st.text(alphabet="abcxyz-_ ", min_size=1, max_size=8),
    ))
    return field, value


@settings(max_examples=60, deadline=None)
@given(out_of_range())
def test_any_out_of_range_number_is_refused_with_its_name(case: tuple[str, object]) -> None:
    field, value = case
    refused(field, **{field: value})


CHOICES: dict[str, tuple[str, ...]] = {
    "sex": ("female", "male", "unspecified"), "units": ("metric", "imperial"),
    "level": ("beginner", "intermediate", "advanced"),
    "equipment": ("bodyweight", "dumbbells", "gym"),
    "daily_activity": ("sedentary", "light", "active"),
}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(CHOICES)), st.text(max_size=12))
def test_any_other_choice_is_refused_with_its_name(field: str, value: str) -> None:
    if value.strip().lower() in CHOICES[field]:
        return
    refused(field, **{field: value})


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=120))
def test_any_name_is_kept_trimmed_or_refused_by_name(name: str) -> None:
    unprintable = any(unicodedata.category(c) in ("Cc", "Cs") or c in BIDI for c in name)
    if 1 <= len(name.strip()) <= 80 and not unprintable:
        assert make(name=name).name == name.strip()
    else:
        refused("name", name=name)


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("bad", ["Al\x1bex", "Al\x9bex", "\u202eAlex", "Al\u2066ex",
                                 "Al\x00ex", "Al\ud800ex", "Al\x7fex"])
def test_a_name_with_control_characters_is_refused(bad: str) -> None:
    err = refused("name", name=bad)
    assert "control characters" in str(err)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(DAYS), max_size=7, unique=True), st.sampled_from([2, 3]))
def test_too_few_days_are_refused_and_enough_are_kept(days: list[str], strength: int) -> None:
    need = 5 if strength == 3 else 4
    long_day = days[0] if days else "tue"
    if len(days) < need:
        refused("available_days", available_days=days, strength_sessions=strength,
                long_run_day=long_day)
    else:
        p = make(available_days=days, strength_sessions=strength, long_run_day=long_day)
        assert set(p.available_days) == set(days) and p.long_run_day in p.available_days
