"""The in-app guide (Help → How the plan works, SPEC §8): why the plan looks as it does.

Our own words for what the two source documents say: [S0] "Running for Slim Legs" and
[S4] "How to Get Runner Legs"; [EXT] marks a published standard used where they are silent.
Every number the app uses is listed by :func:`numbers` with its source tag, and every number
in the guide is formatted from the core constants the planner and the meal targets use, so
the guide cannot drift from what the app does.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

from core import adaptation, catalog, nutrition, profile, recovery, weight_trend

Section = tuple[str, str, tuple[str, ...]]

C25K = "[EXT: NHS Couch to 5K]"
SEILER = "[EXT: Seiler, 80/20 intensity distribution]"
REDS = "[EXT: IOC consensus on REDs 2023]"
BOER = "[EXT: Boer 1984]"
DELOAD = "[EXT: common deload practice]"


def _n(x: float | Fraction) -> str:
    """A number as people write it: 8.3, 10, 0.252."""
    return f"{float(x):g}"


def _pct(share: Fraction | float) -> str:
    return f"{_n(Fraction(share) * 100)} %"


def _share_span(lo: Fraction, hi: Fraction) -> str:
    return f"{_n(lo * 100)}–{_pct(hi)}"


def _span(pair: tuple[float, float] | tuple[int, int]) -> str:
    return f"{_n(pair[0])}–{_n(pair[1])}"


def _minutes(kind: str) -> str:
    return f"{_span(catalog.MINUTES_RANGE[kind])} min"


def _boer(sex: str) -> str:
    a, b, c = nutrition.BOER_FFM[sex]
    return f"{_n(a)} × kg + {_n(b)} × cm − {_n(-c)}"


def sections() -> tuple[Section, ...]:
    """The guide's sections, their numbers filled in from core."""
    run_s, walk_s = catalog.RUN_WALK[1]
    lo, hi = catalog.LIGHTER_SHARE
    return (
        ("fat-loss", "Fat loss is body-wide", (
            "Legs get leaner when the whole body loses fat, and that happens when you eat a "
            "little less than you use, day after day. A modest deficit you can keep beats a big "
            "one you cannot. No exercise takes fat off one chosen spot: squats do not slim the "
            "thighs on their own, but they shape the muscle that shows when the fat goes. [S0]",
            "That is why the Meals page sets a small daily deficit and puts most of the food "
            "energy into carbohydrate on training days: it is the runner's main fuel. [S0][S4]",
        )),
        ("energy-floor", "A deficit with a floor", (
            "The deficit never takes a day below your resting energy (BMR), and never below "
            f"{_n(nutrition.ENERGY_AVAILABILITY_FLOOR)} kcal per kg of fat-free mass left over "
            "once the day's session is paid for. Below that line the body starts saving "
            "energy on bones, hormones and recovery, so on a long-run day a small runner eats "
            "more, and the Meals page says how much of the deficit is left that day. "
            f"{REDS}",
            "Fat-free mass is estimated from height and weight: "
            f"{_boer('male')} for men, {_boer('female')} for women, and the mean of the two "
            f"when you leave sex unspecified. {BOER}",
        )),
        ("lean-not-bulky", "Running builds lean legs, not bulk", (
            "For nearly everyone, running, sprints included, makes legs leaner and more "
            "defined rather than bigger. Real bulk takes a calorie surplus and heavy, low-rep "
            "lifting aimed at size, which is not what this plan asks of you. [S0]",
        )),
        ("genetics", "Your shape is partly your genes", (
            "Bone length and where each muscle attaches are set by your genes, and so is part "
            "of where your body stores fat. Training cannot change them. The aim is the "
            "strongest, leanest version of your own legs, not somebody else's. [S0]",
        )),
        ("fibres", "Slow and fast muscle fibres", (
            "Easy and long runs work mainly the slow-twitch fibres: small, tireless, good at "
            "burning fat, and they stay lean. That is why the long run is slow enough to talk "
            "through. [S0][S4]",
            "Intervals, hills and tempo runs call on the fast-twitch fibres, which give power "
            "and definition. Short hard efforts with rest between them shape the legs without "
            "adding bulk, and they keep burning energy after you stop. Hill repeats are "
            "strength work on the move for the glutes, quads and calves. [S0][S4]",
        )),
        ("easy", "Most running stays easy", (
            f"A week of {catalog.EASY_WEEK_MINUTES} running minutes or more holds at most "
            f"{catalog.EASY_WEEK_HARD_RUNS} hard runs and at least one easy run, and its hard "
            f"running is at most {_pct(catalog.EASY_WEEK_HARD_SHARE)} of its minutes. "
            "Endurance athletes who improve for years spend most of their time at an easy "
            f"pace; the hard sessions work because the easy ones let you recover. {SEILER}",
        )),
        ("run-walk", "Starting from zero: run/walk", (
            "If you run less than "
            f"{catalog.RUN_WALK_BELOW_MINUTES} minutes a week, the long and easy runs of the "
            f"first weeks are run/walk: {run_s} s of easy running, then {walk_s} s of brisk "
            "walking, repeated. Running's share grows every full week and never shrinks, and "
            f"from week {catalog.RUN_WALK_UNTIL_WEEK} the runs are continuous. While you "
            f"run/walk, intervals are at most {catalog.RUN_WALK_HIIT_ROUNDS} rounds with at "
            f"least {catalog.RUN_WALK_HIIT_RECOVERY_S} s to recover between them. {C25K}",
        )),
        ("strength", "Why runners lift", (
            "Running is a series of one-legged hops in a straight line. It leaves the back of "
            "the legs (the posterior chain) and the small stabilising muscles under-trained. "
            "Squats and lunges strengthen the main movers; single-leg work such as the "
            "single-leg Romanian deadlift trains the balance and the hamstring control every "
            "stride needs; slow-lowering calf raises, straight-knee and bent-knee, toughen the "
            "tendons that take each landing. [S4]",
            "Higher reps with a light to moderate load build endurance and definition rather "
            "than size. Strength goes on days without a hard run so both get your best "
            "effort. [S0]",
        )),
        ("listen", "Listen to your body, and give it months", (
            "Muscles repair and adapt while you rest and sleep, so rest days and a lighter "
            f"week every {_nth(catalog.LIGHTER_EVERY)} week are part of the plan, not gaps in "
            f"it. A lighter week runs {_share_span(lo, hi)} of the week before and is lighter "
            "in effort too: no more hard runs than the week before, "
            f"{catalog.LIGHTER_HILL_REPEATS} hill repeats, a tempo of at most "
            f"{catalog.LIGHTER_TEMPO_MAX} min and no more interval rounds than the last full "
            f"week. Sleep is the strongest recovery tool you have. [S0][S4] {DELOAD}",
            "Two logged nights in a row under "
            f"{_n(adaptation.SHORT_NIGHT_HOURS)} h, or a hard session you skip, bring an offer: "
            "an easier version of the first hard session in the "
            f"{adaptation.OFFER_WINDOW_DAYS} days after. A hard run becomes an easy run of no "
            "more minutes; strength keeps its workout with "
            f"{catalog.SETS_LIGHTER} sets at the low end of its reps, "
            f"{adaptation.STRENGTH_SHORTER_MINUTES} min shorter. Nothing changes unless you "
            "accept. [S4]",
            "A week is judged once it is over, on the Monday after. If it ran less than "
            "planned, the week just begun runs at most "
            f"{_pct(adaptation.NEXT_WEEK_SHARE)} of what you did, and the weeks after build "
            "up again from there; no week ever rises above what the plan said for it. [S4]",
            "If the plan's first week holds less than "
            f"{_pct(catalog.NOTE_SHARE)} of what you run now, it says so: keep the difference "
            "as easy running while the hard sessions build. [S4]",
            "Changes in body shape take months. Turning up week after week matters more than "
            "any single heroic session. [S0][S4]",
        )),
    )


def _fraction_words(share: float) -> str:
    """0.1 → "a tenth", 0.25 → "a quarter"; other shares as a percentage."""
    words = {Fraction(1, 10): "a tenth", Fraction(1, 4): "a quarter", Fraction(1, 2): "half"}
    return words.get(Fraction(share).limit_denominator(100), _pct(share))


def _nth(n: int) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def numbers() -> tuple[tuple[str, str, str], ...]:
    """(what, number, source tag) for every number the app uses, formatted from core."""
    lo, hi = catalog.LIGHTER_SHARE
    floor = catalog.LEVEL_FLOOR
    met = nutrition.MET
    sex = nutrition.SEX_CONSTANT
    factor = nutrition.ACTIVITY_FACTOR
    run_walk = ", ".join(f"week {week} {r} s / {w} s" for week, (r, w) in
                         sorted(catalog.RUN_WALK.items()))
    return (
        ("Long run", f"{_minutes('long_run')} at a conversational pace, once a week",
         "[S0][S4]"),
        ("Easy or moderate run", f"{_minutes('easy_run')}, 0–2 a week", "[S0]"),
        ("Intervals (HIIT)", f"{_minutes('hiit')} in all; {_span(catalog.HIIT_WORK_S)} s "
         f"near-max, {_span(catalog.HIIT_RECOVERY_S)} s walk or jog; 1–2 a week", "[S0]"),
        ("Tempo run", f"{_minutes('tempo')} at a pace you could hold for about an hour; at "
         "most once a week", "[S0][S4]"),
        ("Hill repeats", f"{_span(catalog.HILL_REPEATS_RANGE)} hard uphill repeats, jog down "
         "to recover", "[S4]"),
        ("Strength sessions", f"{_span(profile.STRENGTH_RANGE)} a week", "[S0][S4]"),
        ("Strength sets and reps", f"{catalog.SETS_FULL} sets × "
         f"{_span(catalog.REPS_START)}, rising toward {catalog.REPS_END[1]}; "
         f"{catalog.SETS_LIGHTER} sets in a lighter week", "[S0][S4]"),
        ("Strength days", "not on consecutive days where your days allow",
         "[EXT: ACSM, 2–3 non-consecutive days]"),
        ("Cross-training", f"{_minutes('cross_training')} cycling or swimming", "[S0]"),
        ("Active recovery", f"{_minutes('active_recovery')} walk, yoga, stretching or foam "
         "rolling", "[S0]"),
        ("Weekly running growth", f"at most {_pct(catalog.WEEKLY_GROWTH - 1)} more than the "
         "week before", "[S4]"),
        ("Lighter week", f"every {_nth(catalog.LIGHTER_EVERY)} week, {_share_span(lo, hi)} of "
         f"the week before, never under {catalog.LIGHTEST_WEEK} min", DELOAD),
        ("Lighter week effort", f"no more hard runs than the week before; "
         f"{catalog.LIGHTER_HILL_REPEATS} hill repeats; tempo at most "
         f"{catalog.LIGHTER_TEMPO_MAX} min; no more interval rounds than the last full week",
         DELOAD),
        ("Week 1 starting dose", f"beginner {floor['beginner']} min, intermediate "
         f"{floor['intermediate']}, advanced {floor['advanced']}", "[S0]"),
        ("Run/walk start", f"under {catalog.RUN_WALK_BELOW_MINUTES} min a week now: "
         f"{run_walk}; continuous from week {catalog.RUN_WALK_UNTIL_WEEK}; intervals at most "
         f"{catalog.RUN_WALK_HIIT_ROUNDS} rounds with ≥ {catalog.RUN_WALK_HIIT_RECOVERY_S} s "
         "recovery", C25K),
        ("Mostly easy", f"a week of {catalog.EASY_WEEK_MINUTES} min or more: at most "
         f"{catalog.EASY_WEEK_HARD_RUNS} hard runs, at least one easy run, hard minutes at "
         f"most {_pct(catalog.EASY_WEEK_HARD_SHARE)}", SEILER),
        ("Note for trained runners", f"when week 1 runs less than {_pct(catalog.NOTE_SHARE)} "
         "of your weekly minutes: keep the rest as easy running while the plan builds", "[S4]"),
        ("Daily calorie deficit", f"{_span(profile.DEFICIT_RANGE)} kcal (modest: 250–500 "
         "suggested)", "[S0]"),
        ("Protein", f"{_span(profile.PROTEIN_RANGE)} g per kg body weight a day (1.6–2.2 [S0], "
         "1.2–2.0 [S4])", "[S0][S4]"),
        ("Resting energy (BMR)", f"10 × kg + 6.25 × cm − 5 × age + {_n(sex['male'])} (male) / "
         f"− {_n(-sex['female'])} (female) / − {_n(-sex['unspecified'])}",
         "[EXT: Mifflin et al. 1990]"),
        ("Daily life factor", f"BMR × {_n(factor['sedentary'])} sedentary, "
         f"{_n(factor['light'])} light, {_n(factor['active'])} active", "[EXT]"),
        ("Training energy", f"(MET − 1) × kg × hours; MET: long and easy run "
         f"{_n(met['long_run'])}, tempo {_n(met['tempo'])}, HIIT {_n(met['hiit'])}, hills "
         f"{_n(met['hills'])}, strength {_n(met['strength'])}, cross-training "
         f"{_n(met['cross_training'])}, active recovery {_n(met['active_recovery'])}",
         "[EXT: Compendium of Physical Activities]"),
        ("Fat-free mass", f"men {_boer('male')}; women {_boer('female')}; unspecified the "
         "mean", BOER),
        ("Energy floor", "calories never below BMR, nor below "
         f"{_n(nutrition.ENERGY_AVAILABILITY_FLOOR)} kcal per kg of fat-free mass after the "
         "session", REDS),
        ("Fat", f"{_pct(Fraction(nutrition.FAT_SHARE))} of the day's calories",
         "[EXT: 20–35 % range]"),
        ("Carbohydrate", "the calories left after protein and fat, never below 0",
         "[S0][S4]"),
        ("Water", "half your body weight in pounds, as fluid ounces (≈ 32.6 ml per kg); more "
         f"around runs: +{_n(nutrition.WATER_ML_PER_HOUR)} ml per hour of training, "
         f"+{_n(nutrition.HOT_CLIMATE_WATER_ML)} ml in hot weather", "[S4]"),
        ("Electrolytes", f"on runs of {nutrition.ELECTROLYTE_RUN_MINUTES} min or more, or in "
         "hot weather", "[S4]"),
        ("Fuel timing", "carb-rich snack 1–4 h before a run; carbs + protein within 30–60 "
         f"min after; carbs during runs of {nutrition.CARBS_DURING_MINUTES} min or more",
         "[S4]"),
        ("Sleep", f"{recovery.sleep_target_text(recovery.OLDER_AGE - 1)} a night", "[S4]"),
        (f"Sleep from age {recovery.OLDER_AGE}",
         f"{recovery.sleep_target_text(recovery.OLDER_AGE)} a night",
         "[EXT: National Sleep Foundation 2015]"),
        ("Easier session offered", "after two logged nights in a row under "
         f"{_n(adaptation.SHORT_NIGHT_HOURS)} h, or a skipped hard session; for the first "
         f"hard session in the {adaptation.OFFER_WINDOW_DAYS} days after", "[S4]"),
        ("After a short week", "the week just begun runs at most "
         f"{_pct(adaptation.NEXT_WEEK_SHARE)} of what was done, never under "
         f"{catalog.LIGHTEST_WEEK} min", "[S4]"),
        ("Weight trend", "each day's trend moves "
         f"{_fraction_words(weight_trend.SMOOTHING)} of the way toward that morning's weight",
         "[EXT: Walker, The Hacker's Diet]"),
        ("Rate", f"the trend's slope over the last {weight_trend.WINDOW_DAYS} days, once "
         f"{weight_trend.MIN_WEIGHTS} weights span {weight_trend.MIN_SPAN_DAYS} days or more",
         "[EXT: Walker, The Hacker's Diet]"),
        ("Expected loss", "7 × the mean daily deficit ÷ "
         f"{_n(weight_trend.KCAL_PER_KG)} kg a week",
         f"[EXT: ≈ {_n(weight_trend.KCAL_PER_KG)} kcal per kg of body fat]"),
        ("Deficit check", f"more than {_pct(weight_trend.TOO_FAST_SHARE)} of your weight a "
         f"week: {weight_trend.DEFICIT_STEP} kcal less; under "
         f"{_fraction_words(weight_trend.TOO_SLOW_SHARE)} of the expected loss: "
         f"{weight_trend.DEFICIT_STEP} kcal more (at most {profile.DEFICIT_RANGE[1]})",
         "[EXT: 0.5–1 % a week]"),
        ("Measurements", "thigh mid-thigh, calf at its widest, waist at the navel, hips at "
         "their widest; same leg, same spot, in the morning", "[EXT]"),
        ("Warm-up and cool-down", "dynamic drills (leg swings, high knees) before every run; "
         "static stretches after", "[S4]"),
        ("Foam rolling", "quads, glutes, hamstrings, calves; after hard days and on recovery "
         "days", "[S4]"),
    )


SECTIONS = sections()
NUMBERS = numbers()

SOURCES = (
    ("[S0]", "“Running for Slim Legs: Strategies, Strength Training, and Nutrition”"),
    ("[S4]", "“How to Get Runner Legs: Training, Diet, and Recovery”"),
    ("[EXT: NHS Couch to 5K]", "the NHS's nine-week plan from no running to 5 km"),
    ("[EXT: Seiler]", "Stephen Seiler's studies of how endurance athletes spread their "
     "training: about 80 % easy, 20 % hard"),
    ("[EXT: IOC REDs 2023]", "the International Olympic Committee's 2023 consensus on "
     "Relative Energy Deficiency in Sport"),
    ("[EXT: Boer 1984]", "P. Boer's formulas for lean body mass from height and weight"),
    ("[EXT]", "another published standard, named beside the number"),
)

# Which section a session's "why" line links to.
KIND_ANCHORS: dict[str, str] = {
    "long_run": "fibres", "easy_run": "easy", "hiit": "fibres", "tempo": "fibres",
    "hills": "fibres", "strength": "strength", "cross_training": "fat-loss",
    "active_recovery": "listen", "rest": "listen",
}


def anchor_for(kind: str) -> str:
    """The guide section that explains a session kind."""
    return KIND_ANCHORS.get(kind, "fat-loss")


def guide_html() -> str:
    """The whole guide as simple HTML for a QTextBrowser (palette colours, relative sizes)."""
    parts = ["<h1>How the plan works</h1>"]
    parts.append("<p>" + " · ".join(f'<a href="#{a}">{escape(t)}</a>'
                                    for a, t, _ in sections())
                 + ' · <a href="#numbers">Every number and its source</a></p>')
    for anchor, title, paragraphs in sections():
        parts.append(f'<h2><a name="{anchor}"></a>{escape(title)}</h2>')
        parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
    parts.append('<h2><a name="numbers"></a>Every number and its source</h2>')
    parts.append('<table cellspacing="0" cellpadding="4" width="100%">')
    for what, number, tag in numbers():
        parts.append(f"<tr><td valign='top'><b>{escape(what)}</b></td>"
                     f"<td valign='top'>{escape(number)}</td>"
                     f"<td valign='top'><i>{escape(tag)}</i></td></tr>")
    parts.append("</table>")
    parts.append("<h3>Sources</h3><ul>")
    parts.extend(f"<li><b>{escape(tag)}</b> {escape(text)}</li>" for tag, text in SOURCES)
    parts.append("</ul><p><i>This guide is general information, not medical advice. If "
                 "something hurts, rest and ask a professional.</i></p>")
    return "\n".join(parts)


def guide_text() -> str:
    """The guide as plain text (tests and accessibility)."""
    lines = ["How the plan works", ""]
    for _, title, paragraphs in sections():
        lines += [title, *paragraphs, ""]
    lines.append("Every number and its source")
    lines += [f"{what}: {number} {tag}" for what, number, tag in numbers()]
    return "\n".join(lines)
