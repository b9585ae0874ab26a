"""The weight trend, its rate, the expected rate, the energy-balance check and the leg
measurements of SPEC §5 "Measuring the goal", walked through a month and more of mornings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from core.checkin import CheckIn, MeasurementError, check_measurements
from core.nutrition import bmr, effective_deficit
from core.plan import Session
from core.profile import demo_profile
from core.weight_trend import (
    DeficitDismissal,
    deficit_offer,
    energy_check,
    expected_kg_per_week,
    measure_change,
    progress,
    rate_kg_per_week,
    verdict_words,
    verdicts,
    weight_trend,
)

DAY0 = date(2026, 10, 1)


def day(n: int) -> date:
    return DAY0 + timedelta(days=n)


def linear_trend_weights(days: int, start: float, per_day: float) -> list[CheckIn]:
    """Weights whose trend falls exactly ``per_day`` kg a day: w₁ = T₁ and
    wₙ = Tₙ₋₁ + (Tₙ − Tₙ₋₁) / 0.1, so the smoothed line is straight."""
    out = [CheckIn(day(0), weight_kg=start)]
    for n in range(1, days):
        prev, now = start + per_day * (n - 1), start + per_day * n
        out.append(CheckIn(day(n), weight_kg=prev + (now - prev) / 0.1))
    return out


def test_the_trend_smooths_by_a_tenth() -> None:
    points = weight_trend([CheckIn(day(2), weight_kg=69.0), CheckIn(day(0), weight_kg=70.0),
                           CheckIn(day(1), weight_kg=71.0), CheckIn(day(3), sleep_hours=7)])
    # 70; 70 + 0.1·(71 − 70) = 70.1; 70.1 + 0.1·(69 − 70.1) = 69.99
    assert [p.date for p in points] == [day(0), day(1), day(2)]
    assert [p.trend_kg for p in points] == pytest.approx([70.0, 70.1, 69.99])


def test_a_month_of_steady_loss_is_on_track() -> None:
    profile = demo_profile()  # 300 kcal deficit, never lifted by a floor
    logs = linear_trend_weights(35, 80.0, -0.05)
    today = day(34)
    report = progress(profile, None, logs, today)
    assert len(report.weights) == 35
    assert report.weights[-1].trend_kg == pytest.approx(80.0 - 0.05 * 34)
    assert report.rate_kg_per_week == pytest.approx(-0.35)
    assert report.expected_kg_per_week == pytest.approx(-7 * 300 / 7700)  # −0.2727…
    assert report.check == "on_track" and report.suggested_deficit_kcal is None
    data = report.to_json()
    assert data["rate_kg_per_week"] == -0.35 and data["expected_kg_per_week"] == -0.27
    assert data["check"] == "on_track" and data["suggested_deficit_kcal"] is None
    assert data["weights"][1] == {"date": day(1).isoformat(), "weight_kg": 79.5,
                                  "trend_kg": 79.95}
    assert verdict_words(report) == "losing 0.35 kg a week; your plan expects 0.27 — on track"
    assert deficit_offer(report) is None


def test_losing_more_than_one_percent_a_week_is_too_fast() -> None:
    logs = linear_trend_weights(30, 80.0, -0.2)  # −1.4 kg a week, 1 % of ~74 kg is 0.74
    report = progress(demo_profile(), None, logs, day(29))
    assert report.rate_kg_per_week == pytest.approx(-1.4)
    assert (report.check, report.suggested_deficit_kcal) == ("too_fast", 200)
    offer = deficit_offer(report)
    assert offer is not None and (offer.current, offer.suggested) == (300, 200)
    assert offer.id == "deficit-200"


def test_a_flat_or_rising_trend_is_too_slow_until_the_deficit_is_500() -> None:
    flat = [CheckIn(day(n), weight_kg=70.0) for n in range(30)]
    report = progress(demo_profile(), None, flat, day(29))
    assert report.rate_kg_per_week == pytest.approx(0.0)
    assert (report.check, report.suggested_deficit_kcal) == ("too_slow", 400)
    assert verdict_words(report).startswith("holding steady; your plan expects 0.27")
    rising = linear_trend_weights(30, 70.0, 0.02)
    assert progress(demo_profile(), None, rising, day(29)).check == "too_slow"
    top = demo_profile().with_changes(deficit_kcal=500)
    assert progress(top, None, rising, day(29)).check == "on_track"
    near_top = demo_profile().with_changes(deficit_kcal=450)
    assert progress(near_top, None, rising, day(29)).suggested_deficit_kcal == 500


def test_a_quarter_of_the_expected_loss_is_the_line() -> None:
    expected = -7 * 300 / 7700
    assert energy_check(expected * 0.25, expected, 70.0, 300) == ("on_track", None)
    assert energy_check(expected * 0.24, expected, 70.0, 300) == ("too_slow", 400)
    assert energy_check(-0.71, expected, 70.0, 300) == ("too_fast", 200)
    assert energy_check(-0.69, expected, 70.0, 300) == ("on_track", None)
    assert energy_check(-0.9, expected, 70.0, 0) == ("too_fast", 0)
    assert energy_check(None, expected, 70.0, 300) == ("not_enough_data", None)


def test_the_rate_needs_eight_weights_over_fourteen_days_in_the_window() -> None:
    today = day(40)
    seven = [CheckIn(today - timedelta(days=2 * i), weight_kg=70.0) for i in range(7)]
    assert rate_kg_per_week(weight_trend(seven), today) is None
    eight_short = [CheckIn(today - timedelta(days=i), weight_kg=70.0) for i in range(8)]
    eight_short.append(CheckIn(today - timedelta(days=13), weight_kg=70.0))
    assert rate_kg_per_week(weight_trend(eight_short), today) is None  # 13 days apart
    eight = [*eight_short[:-1], CheckIn(today - timedelta(days=14), weight_kg=70.0)]
    assert rate_kg_per_week(weight_trend(eight), today) == pytest.approx(0.0)
    # weights older than today − 27 shape the trend but not the count
    old = [CheckIn(today - timedelta(days=28 + i), weight_kg=70.0) for i in range(20)]
    report = progress(demo_profile(), None, old + seven, today)
    assert report.check == "not_enough_data" and report.rate_kg_per_week is None
    assert report.to_json()["rate_kg_per_week"] is None
    assert verdict_words(report).startswith("Not enough data yet")


def test_the_slope_is_least_squares_over_the_trend_in_the_window() -> None:
    # Two trend lines: steep before the window, gentle within; only the window counts.
    logs = linear_trend_weights(60, 90.0, -0.05)
    today = day(59)
    points = weight_trend(logs)
    assert rate_kg_per_week(points, today) == pytest.approx(-0.35)
    # every other day only: same straight trend? no — gaps change the smoothing, so compute
    sparse = points[::3]
    lo = today - timedelta(days=27)
    xs = [(p.date - lo).days for p in sparse if p.date >= lo]
    ys = [p.trend_kg for p in sparse if p.date >= lo]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)
    assert rate_kg_per_week(sparse, today) == pytest.approx(7 * slope)


def test_the_expected_rate_follows_the_effective_deficit_after_the_floor() -> None:
    # sedentary, 500 kcal deficit: 1.2 × BMR − 500 falls below the energy floor of 30 kcal
    # per kg of fat-free mass (Boer, female: 0.252 × 64 + 0.473 × 168 − 48.3 = 47.292 kg,
    # above BMR here), so a rest day keeps only 1.2 × BMR − 30 × 47.292 as its deficit.
    profile = demo_profile().with_changes(daily_activity="sedentary", deficit_kcal=500)
    today = day(30)
    floor = 30 * (0.252 * 64 + 0.473 * 168 - 48.3)
    assert floor > bmr(profile, today)
    rest_deficit = 1.2 * bmr(profile, today) - floor
    assert effective_deficit(profile, None, today) == pytest.approx(rest_deficit)
    assert expected_kg_per_week(profile, None, today) == pytest.approx(
        -7 * rest_deficit / 7700)
    run = Session(today, "long_run", "Long run", 60, False, "why")
    # a 60-min long run burns 7.3 × 64 kcal, and the floor counts it on top: the same
    # deficit is left; with a 200 kcal deficit the floor does not bite and all 200 stay
    assert effective_deficit(profile, run, today) == pytest.approx(rest_deficit)
    assert effective_deficit(profile.with_changes(deficit_kcal=200, daily_activity="light"),
                             run, today) == pytest.approx(200)


def test_legs_since_the_start_and_over_four_weeks() -> None:
    logs = [CheckIn(day(0), thigh_cm=58.0, calf_cm=37.0), CheckIn(day(10), thigh_cm=57.5),
            CheckIn(day(20), weight_kg=64.0), CheckIn(day(30), thigh_cm=57.0, waist_cm=80.0)]
    thigh = measure_change(logs, "thigh_cm", day(40))  # cut-off day 12: day 10's 57.5
    assert (thigh.first, thigh.latest) == (58.0, 57.0)
    assert thigh.since_start == pytest.approx(-1.0)
    assert thigh.change_4_weeks == pytest.approx(-0.5)
    assert measure_change(logs, "thigh_cm", day(35)).change_4_weeks == pytest.approx(-1.0)
    waist = measure_change(logs, "waist_cm", day(40))
    assert (waist.first, waist.latest, waist.change_4_weeks) == (80.0, 80.0, None)
    calf = measure_change(logs, "calf_cm", day(20))
    assert (calf.first, calf.latest, calf.change_4_weeks) == (37.0, 37.0, None)
    data = progress(demo_profile(), None, logs, day(40)).to_json()
    assert data["legs"] == {
        "thigh_cm": {"first": 58.0, "latest": 57.0, "change_4_weeks": -0.5},
        "calf_cm": {"first": 37.0, "latest": 37.0, "change_4_weeks": 0.0}}
    empty = progress(demo_profile(), None, [], day(40)).to_json()
    assert empty["legs"]["thigh_cm"] == {"first": None, "latest": None, "change_4_weeks": None}
    assert empty["weights"] == [] and empty["check"] == "not_enough_data"


def test_a_dismissed_offer_stays_gone_until_the_verdict_changes() -> None:
    profile = demo_profile()
    flat = [CheckIn(day(n), weight_kg=70.0) for n in range(40)]
    report = progress(profile, None, flat, day(39))
    dismissed = DeficitDismissal(day(35), "too_slow")

    def since(start: date) -> list[str]:
        return list(verdicts(profile, None, flat, start, day(39)))

    assert deficit_offer(report, dismissed, since) is None
    # a fast drop after the dismissal, then flat again: the verdict changed in between
    dropping = flat[:30] + [CheckIn(day(30 + i), weight_kg=70.0 - 3 * i) for i in range(5)]
    dropping += [CheckIn(day(35 + i), weight_kg=58.0) for i in range(90)]
    later = day(124)
    seen = list(verdicts(profile, None, dropping, day(31), later))  # today first
    assert len(seen) == 94 and "too_fast" in seen and seen[0] == "too_slow"
    assert seen == [progress(profile, None, dropping, later - timedelta(days=i)).check
                    for i in range(94)]
    report2 = progress(profile, None, dropping, later)
    offer = deficit_offer(report2, DeficitDismissal(day(31), "too_slow"),
                          lambda start: verdicts(profile, None, dropping, start, later))
    assert offer is not None and offer.suggested == 400


@pytest.mark.parametrize(("name", "bad"), [("thigh_cm", 19.9), ("thigh_cm", 100.5),
                                           ("calf_cm", 14), ("calf_cm", 71),
                                           ("waist_cm", 39), ("waist_cm", 201),
                                           ("hips_cm", 49.5), ("hips_cm", 250)])
def test_measurements_out_of_range_name_field_value_and_range(name: str, bad: float) -> None:
    with pytest.raises(MeasurementError) as err:
        check_measurements(replace(CheckIn(day(0)), **{name: bad}))
    assert err.value.field == name and err.value.value == bad
    assert str(err.value).startswith(f"{name} must be ")
    assert " cm, got " in str(err.value)


def test_measurements_in_range_pass_and_make_a_checkin_not_empty() -> None:
    c = CheckIn(day(0), thigh_cm=20, calf_cm=70, waist_cm=40, hips_cm=200)
    check_measurements(c)
    assert not c.is_empty and CheckIn(day(0)).is_empty


def test_the_trend_changes_since_the_start_and_over_four_weeks() -> None:
    report = progress(demo_profile(), None, linear_trend_weights(40, 80.0, -0.05), day(39))
    change = report.trend
    assert (change.first, change.latest) == (80.0, pytest.approx(80.0 - 0.05 * 39))
    assert change.since_start == pytest.approx(-1.95)
    assert change.change_4_weeks == pytest.approx(-0.05 * 28)  # day 11 → day 39
