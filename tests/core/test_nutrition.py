"""Meal targets (SPEC §4), checked against numbers worked out by hand from the formulas."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.nutrition import (
    ACTIVITY_FACTOR,
    FLOOR_BMR,
    FLOOR_ENERGY_AVAILABILITY,
    MET,
    bmr,
    day_targets,
    effective_deficit,
    fat_free_mass,
    week_targets,
)
from core.plan import Session, Week
from core.profile import Profile

# 1 kg = 2.20462 lb; 1 fl oz = 29.5735 ml  ->  water base = kg * 2.20462 / 2 * 29.5735 ml


def session(day: date, kind: str, minutes: int) -> Session:
    hard = kind in ("hiit", "hills", "tempo", "strength")
    return Session(date=day, kind=kind, title=kind.replace("_", " ").title(), minutes=minutes,
                   hard=hard, why="test")


def profile(**kw: object) -> Profile:
    base: dict[str, object] = dict(birth_date=date(1990, 1, 1), height_cm=170.0,
                                   weight_kg=70.0, deficit_kcal=0)
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


# --- three profiles worked by hand -------------------------------------------------------

FEMALE = Profile(birth_date=date(1994, 5, 14), height_cm=168.0, weight_kg=64.0, sex="female",
                 daily_activity="light", deficit_kcal=300, protein_g_per_kg=1.8)
BIRTHDAY = date(2026, 5, 14)  # she turns 32 that day


def test_female_light_long_run_45_min() -> None:
    t = day_targets(FEMALE, BIRTHDAY, session(BIRTHDAY, "long_run", 45))
    # BMR = 10*64 + 6.25*168 - 5*32 - 161 = 640 + 1050 - 160 - 161 = 1369
    assert t.bmr == pytest.approx(1369)
    # baseline = 1369 * 1.3 = 1779.7; exercise = (8.3 - 1) * 64 * 0.75 = 350.4
    # target = 1779.7 + 350.4 - 300 = 1830.1
    assert t.kcal == pytest.approx(1830.1)
    # protein = 1.8 * 64 = 115.2; fat = 1830.1 * 0.25 / 9 = 50.836
    # carbs = (1830.1 - 115.2*4 - 50.836*9) / 4 = (1830.1 - 460.8 - 457.525) / 4 = 227.944
    assert t.protein_g == pytest.approx(115.2)
    assert t.fat_g == pytest.approx(50.836, abs=1e-3)
    assert t.carbs_g == pytest.approx(227.944, abs=1e-3)
    # water = 64 * 1.10231 fl oz = 70.54784 fl oz * 29.5735 = 2086.347 ml, + 500 * 0.75 h
    assert t.water_ml == pytest.approx(2461.347, abs=1e-2)
    assert not t.electrolytes
    assert t.warnings == ()
    assert t.to_json() == {
        "date": "2026-05-14", "bmr": 1369, "kcal": 1830, "protein_g": 115, "fat_g": 51,
        "carbs_g": 228, "water_ml": 2461, "electrolytes": False, "session_kind": "long_run",
        "notes": list(t.notes), "warnings": [],
    }


def test_male_active_hiit_30_min() -> None:
    p = Profile(birth_date=date(1986, 1, 10), height_cm=180.0, weight_kg=80.0, sex="male",
                daily_activity="active", deficit_kcal=500, protein_g_per_kg=2.0)
    day = date(2026, 3, 4)  # age 40
    t = day_targets(p, day, session(day, "hiit", 30))
    # BMR = 800 + 1125 - 200 + 5 = 1730; baseline = 1730 * 1.4 = 2422
    # exercise = (10 - 1) * 80 * 0.5 = 360; target = 2422 + 360 - 500 = 2282
    # protein = 160; fat = 2282 / 4 / 9 = 63.39; carbs = (2282 - 640 - 570.5) / 4 = 267.875
    # water = 80 * 1.10231 * 29.5735 = 2607.933 + 250 = 2857.933
    j = t.to_json()
    assert (j["bmr"], j["kcal"], j["protein_g"], j["fat_g"], j["carbs_g"], j["water_ml"]) == (
        1730, 2282, 160, 63, 268, 2858)
    assert j["electrolytes"] is False


def test_unspecified_sedentary_rest_day_hot_is_lifted_to_the_energy_floor() -> None:
    p = Profile(birth_date=date(1960, 7, 1), height_cm=160.0, weight_kg=55.0,
                sex="unspecified", daily_activity="sedentary", deficit_kcal=500,
                protein_g_per_kg=1.2, hot_climate=True)
    day = date(2026, 3, 4)  # age 65
    t = day_targets(p, day, None)
    # BMR = 550 + 1000 - 325 - 78 = 1147; baseline = 1147 * 1.2 = 1376.4
    # FFM male = 0.407*55 + 0.267*160 - 19.2 = 45.905; female = 13.86 + 75.68 - 48.3 = 41.24
    # unspecified = 43.5725; 30 * FFM = 1307.175 > BMR 1147 > 1376.4 - 500 = 876.4
    assert fat_free_mass(p) == pytest.approx(43.5725)
    assert t.kcal == pytest.approx(1307.175)
    assert t.capped and t.floor == FLOOR_ENERGY_AVAILABILITY
    # the deficit left is 1376.4 - 1307.175 = 69.225
    assert t.deficit_left == pytest.approx(69.225)
    assert len(t.warnings) == 1
    assert "1,307 kcal" in t.warnings[0] and "30 kcal per kg of fat-free mass" in t.warnings[0]
    assert "69 kcal of your 500" in t.warnings[0]
    # protein = 66; fat = 1307.175 / 36 = 36.31; carbs = (1307.175 - 264 - 326.79) / 4 = 179.10
    # water = 55 * 1.10231 * 29.5735 = 1792.954 + 500 (hot) = 2292.954
    j = t.to_json()
    assert (j["kcal"], j["protein_g"], j["fat_g"], j["carbs_g"], j["water_ml"]) == (
        1307, 66, 36, 179, 2293)
    assert j["session_kind"] == "rest"
    assert j["electrolytes"] is True


# SPEC's case: 50 kg, 155 cm, 45 years, female, sedentary, 500 kcal deficit.
SMALL = Profile(birth_date=date(1981, 3, 1), height_cm=155.0, weight_kg=50.0, sex="female",
                daily_activity="sedentary", deficit_kcal=500, protein_g_per_kg=1.8)
SMALL_DAY = date(2026, 3, 4)  # age 45


def test_small_sedentary_woman_long_run_day_keeps_energy_availability() -> None:
    t = day_targets(SMALL, SMALL_DAY, session(SMALL_DAY, "long_run", 45))
    # BMR = 500 + 968.75 - 225 - 161 = 1082.75; baseline = 1299.3
    # exercise = 7.3 * 50 * 0.75 = 273.75; baseline + exercise - 500 = 1073.05 (< BMR)
    # FFM = 0.252*50 + 0.473*155 - 48.3 = 37.615; floor = 273.75 + 30 * 37.615 = 1402.2
    assert t.bmr == pytest.approx(1082.75)
    assert fat_free_mass(SMALL) == pytest.approx(37.615)
    assert t.kcal == pytest.approx(1402.2)
    assert t.floor == FLOOR_ENERGY_AVAILABILITY
    # effective deficit = 1299.3 + 273.75 - 1402.2 = 170.85
    assert effective_deficit(SMALL, session(SMALL_DAY, "long_run", 45), SMALL_DAY) == \
        pytest.approx(170.85)
    assert t.warnings == ("Calories lifted to 1,402 kcal, the energy-availability floor of "
                          "30 kcal per kg of fat-free mass (37.6 kg) on top of the session: "
                          "the deficit left today is 171 kcal of your 500.",)
    # energy availability = (kcal - exercise) / FFM = 30 exactly, not the 22 of a BMR cap
    assert (t.kcal - t.exercise) / t.ffm_kg == pytest.approx(30.0)
    assert t.carbs_g > 0


def test_small_sedentary_woman_rest_day() -> None:
    t = day_targets(SMALL, SMALL_DAY, None)
    # max(1299.3 - 500 = 799.3, BMR 1082.75, 30 * 37.615 = 1128.45) = 1128.45
    assert t.kcal == pytest.approx(1128.45)
    assert t.deficit_left == pytest.approx(1299.3 - 1128.45)
    assert effective_deficit(SMALL, None, SMALL_DAY) == pytest.approx(170.85)


def test_bmr_floor_when_it_is_the_higher_one() -> None:
    # male, 120 kg, 160 cm, age 30, sedentary, deficit 500, rest day
    p = Profile(birth_date=date(1996, 1, 1), height_cm=160.0, weight_kg=120.0, sex="male",
                daily_activity="sedentary", deficit_kcal=500)
    day = date(2026, 3, 4)
    t = day_targets(p, day, None)
    # BMR = 1200 + 1000 - 150 + 5 = 2055; baseline = 2466; 2466 - 500 = 1966 < BMR
    # FFM = 48.84 + 42.72 - 19.2 = 72.36; 30 * FFM = 2170.8 > BMR! -> energy floor
    assert t.kcal == pytest.approx(2170.8)
    assert t.floor == FLOOR_ENERGY_AVAILABILITY
    # an older, shorter-lived BMR case: female, 100 kg, 150 cm, age 20, deficit 500
    q = Profile(birth_date=date(2006, 1, 1), height_cm=150.0, weight_kg=100.0, sex="female",
                daily_activity="sedentary", deficit_kcal=500)
    u = day_targets(q, day, None)
    # BMR = 1000 + 937.5 - 100 - 161 = 1676.5; baseline 2011.8; 2011.8 - 500 = 1511.8
    # FFM = 25.2 + 70.95 - 48.3 = 47.85; 30 * FFM = 1435.5 < BMR -> BMR floor
    assert u.kcal == pytest.approx(1676.5)
    assert u.floor == FLOOR_BMR
    assert u.warnings == ("Calories lifted to your BMR (1,677 kcal), the energy your body "
                          "needs at rest: the deficit left today is 335 kcal of your 500.",)


def test_floor_without_any_deficit_says_none_is_left() -> None:
    # tall and light: 30 × FFM beats baseline even with no deficit
    p = Profile(birth_date=date(1946, 1, 1), height_cm=190.0, weight_kg=60.0, sex="male",
                daily_activity="sedentary", deficit_kcal=0)
    t = day_targets(p, date(2026, 3, 4), None)
    # BMR = 600 + 1187.5 - 400 + 5 = 1392.5; baseline 1671; FFM = 24.42 + 50.73 - 19.2 = 55.95
    assert t.kcal == pytest.approx(1678.5)
    assert "no deficit is left today" in t.warnings[0]


def test_carbs_never_negative_and_warned() -> None:
    p = Profile(birth_date=date(1936, 3, 1), height_cm=120.0, weight_kg=250.0, sex="female",
                daily_activity="sedentary", deficit_kcal=500, protein_g_per_kg=2.2)
    t = day_targets(p, date(2026, 3, 4), None)  # age 90
    # BMR = 2500 + 750 - 450 - 161 = 2639; target = 2639 * 1.2 - 500 = 2666.8 (no floor)
    # protein 550 g = 2200 kcal, fat 666.7 kcal: carbs would be negative
    assert t.kcal == pytest.approx(2666.8) and t.floor is None
    assert t.carbs_g == 0.0
    assert any("carbs are set to 0 g" in w for w in t.warnings)


def test_no_warning_when_target_stays_above_bmr() -> None:
    p = profile(deficit_kcal=100, daily_activity="sedentary")
    t = day_targets(p, date(2026, 3, 2), None)
    assert t.warnings == () and not t.capped
    assert t.kcal > t.bmr


def test_bmr_age_changes_on_the_birthday_not_before() -> None:
    # the day before her birthday she is 31: 1369 + 5 = 1374
    assert bmr(FEMALE, BIRTHDAY - timedelta(days=1)) == pytest.approx(1374)
    assert bmr(FEMALE, BIRTHDAY) == pytest.approx(1369)


def test_bmr_sex_constants() -> None:
    # 10*70 + 6.25*170 - 5*36 = 700 + 1062.5 - 180 = 1582.5 on 2026-03-02
    day = date(2026, 3, 2)
    assert bmr(profile(sex="male"), day) == pytest.approx(1582.5 + 5)
    assert bmr(profile(sex="female"), day) == pytest.approx(1582.5 - 161)
    assert bmr(profile(sex="unspecified"), day) == pytest.approx(1582.5 - 78)


@pytest.mark.parametrize(("activity", "factor"),
                         [("sedentary", 1.2), ("light", 1.3), ("active", 1.4)])
def test_activity_factor(activity: str, factor: float) -> None:
    assert ACTIVITY_FACTOR[activity] == factor
    p = profile(daily_activity=activity, sex="male")
    # male BMR on 2026-03-02: 1587.5
    assert day_targets(p, date(2026, 3, 2), None).kcal == pytest.approx(1587.5 * factor)


# exercise kcal of a 60 min session at 70 kg = (MET - 1) * 70 * 1
@pytest.mark.parametrize(("kind", "met", "extra"), [
    ("long_run", 8.3, 511.0), ("easy_run", 8.3, 511.0), ("tempo", 9.8, 616.0),
    ("hiit", 10.0, 630.0), ("hills", 9.0, 560.0), ("strength", 5.0, 280.0),
    ("cross_training", 7.0, 420.0), ("active_recovery", 3.0, 140.0), ("rest", 0.0, 0.0),
])
def test_each_met_adds_its_exercise_energy(kind: str, met: float, extra: float) -> None:
    assert MET[kind] == met
    day = date(2026, 3, 2)
    p = profile()
    minutes = 0 if kind == "rest" else 60
    rest = day_targets(p, day, None)
    t = day_targets(p, day, session(day, kind, minutes))
    assert t.kcal - rest.kcal == pytest.approx(extra)
    assert t.carbs_g > rest.carbs_g or kind == "rest"


def test_unknown_session_kind_is_refused_by_name() -> None:
    day = date(2026, 3, 2)
    with pytest.raises(ValueError, match="swimming"):
        day_targets(profile(), day, session(day, "swimming", 30))


def test_water_hot_climate_adds_500_ml() -> None:
    day = date(2026, 3, 2)
    cool = day_targets(profile(weight_kg=70.0), day, None)
    hot = day_targets(profile(weight_kg=70.0, hot_climate=True), day, None)
    # 70 kg -> 77.1617 fl oz -> 77 * 29.5735 + 0.1617 * 29.5735 = 2277.160 + 4.782 = 2281.942 ml
    assert cool.water_ml == pytest.approx(2281.942, abs=1e-2)
    assert hot.water_ml == pytest.approx(2781.942, abs=1e-2)
    assert "half your body weight" in cool.water_rule


def test_water_adds_500_ml_per_hour_of_any_training() -> None:
    day = date(2026, 3, 2)
    p = profile(weight_kg=70.0)
    base = day_targets(p, day, None).water_ml
    assert day_targets(p, day, session(day, "strength", 90)).water_ml == pytest.approx(base + 750)
    assert day_targets(p, day, session(day, "active_recovery", 24)).water_ml == pytest.approx(
        base + 200)
    assert day_targets(p, day, session(day, "rest", 0)).water_ml == pytest.approx(base)


def test_electrolytes_from_a_60_minute_run_not_59() -> None:
    day = date(2026, 3, 2)
    p = profile()
    assert not day_targets(p, day, session(day, "long_run", 59)).electrolytes
    t = day_targets(p, day, session(day, "long_run", 60))
    assert t.electrolytes
    assert any("electrolytes" in n.lower() for n in t.notes)
    # a long session that is not a run does not flag them
    assert not day_targets(p, day, session(day, "cross_training", 90)).electrolytes


def test_electrolytes_every_day_in_hot_climate() -> None:
    day = date(2026, 3, 2)
    t = day_targets(profile(hot_climate=True), day, session(day, "strength", 40))
    assert t.electrolytes
    assert any("hot" in n.lower() for n in t.notes)


def test_fuel_notes_on_run_days_only() -> None:
    day = date(2026, 3, 2)
    p = profile()
    run = day_targets(p, day, session(day, "easy_run", 40)).notes
    assert any("1–4 hours before" in n for n in run)
    assert any("30–60 minutes after" in n and "protein" in n for n in run)
    assert not any("during" in n for n in run)
    long = day_targets(p, day, session(day, "long_run", 60)).notes
    assert any("during" in n for n in long)
    assert day_targets(p, day, session(day, "strength", 40)).notes == ()
    assert day_targets(p, day, None).notes == ()


def test_to_json_keys_and_half_up_rounding() -> None:
    # protein = 2.0 * 62.25 = 124.5 -> 125 (half up, not to even)
    p = profile(weight_kg=62.25, protein_g_per_kg=2.0)
    j = day_targets(p, date(2026, 3, 2), None).to_json()
    assert set(j) == {"date", "bmr", "kcal", "protein_g", "fat_g", "carbs_g", "water_ml",
                      "electrolytes", "session_kind", "notes", "warnings"}
    assert j["protein_g"] == 125
    for key in ("bmr", "kcal", "protein_g", "fat_g", "carbs_g", "water_ml"):
        assert type(j[key]) is int, key
    assert isinstance(j["notes"], list) and isinstance(j["warnings"], list)


def test_week_targets_follow_the_week() -> None:
    monday = date(2026, 3, 2)
    kinds = ["strength", "long_run", "active_recovery", "strength", "hiit", "easy_run", "rest"]
    sessions = tuple(session(monday + timedelta(days=i), k, 0 if k == "rest" else 40)
                     for i, k in enumerate(kinds))
    week = Week(index=1, start=monday, lighter=False, sessions=sessions)
    targets = week_targets(profile(), week)
    assert [t.date for t in targets] == [monday + timedelta(days=i) for i in range(7)]
    assert [t.session_kind for t in targets] == kinds
    assert [t.session_minutes for t in targets] == [40] * 6 + [0]
    # the hiit day (MET 10) needs more than the strength day (MET 5)
    assert targets[4].kcal > targets[0].kcal > targets[6].kcal
