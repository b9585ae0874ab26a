"""The in-app guide (Help → How the plan works, SPEC §8): why the plan looks as it does.

Our own words for what the two source documents say: [S0] "Running for Slim Legs" and
[S4] "How to Get Runner Legs"; [EXT] marks a published standard used where they are silent.
Every number the app uses is listed in :data:`NUMBERS` with its source tag.
"""

from __future__ import annotations

from html import escape

SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("fat-loss", "Fat loss is body-wide", (
        "Legs get leaner when the whole body loses fat, and that happens when you eat a little "
        "less than you use, day after day. A modest deficit you can keep beats a big one you "
        "cannot. No exercise takes fat off one chosen spot: squats do not slim the thighs "
        "on their own, but they shape the muscle that shows when the fat goes. [S0]",
        "That is why the Meals page sets a small daily deficit and puts most of the food "
        "energy into carbohydrate on training days: it is the runner's main fuel. [S0][S4]",
    )),
    ("lean-not-bulky", "Running builds lean legs, not bulk", (
        "For nearly everyone, running, sprints included, makes legs leaner and more defined "
        "rather than bigger. Real bulk takes a calorie surplus and heavy, low-rep lifting "
        "aimed at size, which is not what this plan asks of you. [S0]",
    )),
    ("genetics", "Your shape is partly your genes", (
        "Bone length and where each muscle attaches are set by your genes, and so is part of "
        "where your body stores fat. Training cannot change them. The aim is the strongest, "
        "leanest version of your own legs, not somebody else's. [S0]",
    )),
    ("fibres", "Slow and fast muscle fibres", (
        "Easy and long runs work mainly the slow-twitch fibres: small, tireless, good at "
        "burning fat, and they stay lean. That is why the long run is slow enough to talk "
        "through. [S0][S4]",
        "Intervals, hills and tempo runs call on the fast-twitch fibres, which give power and "
        "definition. Short hard efforts with rest between them shape the legs without adding "
        "bulk, and they keep burning energy after you stop. Hill repeats are strength work on "
        "the move for the glutes, quads and calves. [S0][S4]",
    )),
    ("strength", "Why runners lift", (
        "Running is a series of one-legged hops in a straight line. It leaves the back of the "
        "legs (the posterior chain) and the small stabilising muscles under-trained. Squats "
        "and lunges strengthen the main movers; single-leg work such as the single-leg "
        "Romanian deadlift trains the balance and the hamstring control every stride needs; "
        "slow-lowering calf raises, straight-knee and bent-knee, toughen the tendons that "
        "take each landing. [S4]",
        "Higher reps with a light to moderate load build endurance and definition rather "
        "than size. Strength goes on days without a hard run so both get your best effort. "
        "[S0]",
    )),
    ("listen", "Listen to your body, and give it months", (
        "Muscles repair and adapt while you rest and sleep, so rest days and a lighter week "
        "every fourth week are part of the plan, not gaps in it. Sleep is the strongest "
        "recovery tool you have. [S0][S4]",
        "When you sleep badly two nights running, or miss a hard session, the calendar offers "
        "an easy run instead of the next hard one. You decide. [S4]",
        "Changes in body shape take months. Turning up week after week matters more than any "
        "single heroic session. [S0][S4]",
    )),
)

# (what, number, source tag)
NUMBERS: tuple[tuple[str, str, str], ...] = (
    ("Long run", "30–60 min at a conversational pace, once a week", "[S0][S4]"),
    ("Easy or moderate run", "30–45 min, 0–2 a week", "[S0]"),
    ("Intervals (HIIT)", "20–30 min in all; 30–60 s near-max, 60–120 s walk or jog; 1–2 a "
     "week", "[S0]"),
    ("Tempo run", "20–40 min at a pace you could hold for about an hour; at most once a week",
     "[S0][S4]"),
    ("Hill repeats", "6–10 hard uphill repeats, jog down to recover", "[S4]"),
    ("Strength sessions", "2–3 a week", "[S0][S4]"),
    ("Strength sets and reps", "3 sets × 12–15, rising toward 20; 2 sets in a lighter week",
     "[S0][S4]"),
    ("Strength days", "not on consecutive days where your days allow", "[EXT: ACSM, 2–3 "
     "non-consecutive days]"),
    ("Cross-training", "30–45 min cycling or swimming", "[S0]"),
    ("Active recovery", "20–40 min walk, yoga, stretching or foam rolling", "[S0]"),
    ("Weekly running growth", "at most 10 % more than the week before", "[S4]"),
    ("Lighter week", "every 4th week, 70–80 % of the week before, never under 50 min",
     "[EXT: common deload practice]"),
    ("Week 1 starting dose", "beginner 50 min, intermediate 90, advanced 120", "[S0]"),
    ("Daily calorie deficit", "0–500 kcal (modest: 250–500 suggested)", "[S0]"),
    ("Protein", "1.2–2.2 g per kg body weight a day (1.6–2.2 [S0], 1.2–2.0 [S4])",
     "[S0][S4]"),
    ("Resting energy (BMR)", "10 × kg + 6.25 × cm − 5 × age + 5 (male) / −161 (female) / −78",
     "[EXT: Mifflin et al. 1990]"),
    ("Daily life factor", "BMR × 1.2 sedentary, 1.3 light, 1.4 active", "[EXT]"),
    ("Training energy", "(MET − 1) × kg × hours; MET: long and easy run 8.3, tempo 9.8, HIIT "
     "10, hills 9, strength 5, cross-training 7, active recovery 3",
     "[EXT: Compendium of Physical Activities]"),
    ("Fat", "25 % of the day's calories", "[EXT: 20–35 % range]"),
    ("Carbohydrate", "the calories left after protein and fat", "[S0][S4]"),
    ("Water", "half your body weight in pounds, as fluid ounces (≈ 32.6 ml per kg); more around "
     "runs: +500 ml per hour of training, +500 ml in hot weather", "[S4]"),
    ("Electrolytes", "on runs of 60 min or more, or in hot weather", "[S4]"),
    ("Fuel timing", "carb-rich snack 1–4 h before a run; carbs + protein within 30–60 min "
     "after; carbs during runs of an hour or more", "[S4]"),
    ("Sleep", "7–9 h a night", "[S4]"),
    ("Sleep from age 65", "7–8 h a night", "[EXT: National Sleep Foundation 2015]"),
    ("Easier session offered", "after two logged nights under 7 h, or a missed hard session",
     "[S4]"),
    ("Warm-up and cool-down", "dynamic drills (leg swings, high knees) before every run; "
     "static stretches after", "[S4]"),
    ("Foam rolling", "quads, glutes, hamstrings, calves; after hard days and on recovery days",
     "[S4]"),
    ("Weight trend", "each day's trend moves a tenth of the way toward that morning's weight",
     "[EXT: Walker, The Hacker's Diet]"),
    ("Rate", "the trend's slope over the last 28 days, once 8 weights span 14 days or more",
     "[EXT: Walker, The Hacker's Diet]"),
    ("Expected loss", "7 × the mean daily deficit ÷ 7700 kg a week",
     "[EXT: ≈ 7700 kcal per kg of body fat]"),
    ("Deficit check", "more than 1 % of your weight a week: 100 kcal less; under a quarter of "
     "the expected loss: 100 kcal more (at most 500)", "[EXT: 0.5–1 % a week]"),
    ("Measurements", "thigh mid-thigh, calf at its widest, waist at the navel, hips at their "
     "widest; same leg, same spot, in the morning", "[EXT]"),
)

SOURCES = (
    ("[S0]", "“Running for Slim Legs: Strategies, Strength Training, and Nutrition”"),
    ("[S4]", "“How to Get Runner Legs: Training, Diet, and Recovery”"),
    ("[EXT]", "a published standard, named beside the number"),
)

# Which section a session's "why" line links to.
KIND_ANCHORS: dict[str, str] = {
    "long_run": "fibres", "easy_run": "fibres", "hiit": "fibres", "tempo": "fibres",
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
                                    for a, t, _ in SECTIONS)
                 + ' · <a href="#numbers">Every number and its source</a></p>')
    for anchor, title, paragraphs in SECTIONS:
        parts.append(f'<h2><a name="{anchor}"></a>{escape(title)}</h2>')
        parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
    parts.append('<h2><a name="numbers"></a>Every number and its source</h2>')
    parts.append('<table cellspacing="0" cellpadding="4" width="100%">')
    for what, number, tag in NUMBERS:
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
    for _, title, paragraphs in SECTIONS:
        lines += [title, *paragraphs, ""]
    lines.append("Every number and its source")
    lines += [f"{what}: {number} {tag}" for what, number, tag in NUMBERS]
    return "\n".join(lines)
