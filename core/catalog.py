"""Session and exercise wording, the plain-words "why" lines and the dose numbers of SPEC §3.

Data only: the planner picks from these tables; the GUI and the PDFs reuse the labels and
why-lines so a session reads the same everywhere. The why-lines are our own words for what
the two source documents say ([S0] "Running for Slim Legs", [S4] "How to Get Runner Legs").
"""

from __future__ import annotations

from fractions import Fraction

KIND_LABELS: dict[str, str] = {
    "long_run": "Long run",
    "easy_run": "Easy run",
    "hiit": "HIIT intervals",
    "tempo": "Tempo run",
    "hills": "Hill repeats",
    "strength": "Strength",
    "cross_training": "Cross-training",
    "active_recovery": "Active recovery",
    "rest": "Rest",
}

KIND_WHY: dict[str, str] = {
    "long_run": ("Long, easy running trains the slow-twitch fibres that stay lean and burns "
                 "fat steadily; keep it at a pace you can talk at."),
    "easy_run": ("An easy run adds to the week's calorie burn and your endurance base "
                 "without much extra strain."),
    "hiit": ("Short near-flat-out bursts burn a lot in little time, keep burning after you "
             "stop, and shape strong, defined legs rather than bulk."),
    "tempo": ("Holding a comfortably hard pace teaches your body to clear lactate, so faster "
              "running feels easier."),
    "hills": ("Running uphill is strength work on the move: it builds power and tone in "
              "your glutes, quads and calves."),
    "strength": ("Running alone does not shape the legs: squats, lunges and calf work build "
                 "lean, defined muscle and guard against injury."),
    "cross_training": ("Cycling or swimming keeps the calorie burn going while your legs get "
                       "a break from the pounding."),
    "active_recovery": ("Gentle movement, stretching and foam rolling ease tight muscles so "
                        "the next hard day counts."),
    "rest": ("Your body adapts and repairs while you rest; skipping rest leads to "
             "overtraining and injury."),
}

WORKOUT_WHY: dict[str, str] = {
    "A": ("Squats, lunges and bridges build the quads, hamstrings and glutes that drive "
          "your stride; slow calf raises toughen the tendons."),
    "B": ("Single-leg and hip-hinge work trains the back of the legs and the balance that "
          "every running stride needs; bent-knee raises reach the deep calf."),
}

LIGHTER_WEEK_NOTE = "Lighter week: less volume so your body can absorb the last three weeks."

# Minutes per session kind (SPEC §3 table).
MINUTES_RANGE: dict[str, tuple[int, int]] = {
    "long_run": (30, 60),
    "easy_run": (30, 45),
    "hiit": (20, 30),
    "tempo": (20, 40),
    "hills": (20, 40),
    "strength": (30, 45),
    "cross_training": (30, 45),
    "active_recovery": (20, 40),
}
HILL_REPEATS_RANGE = (6, 10)
HIIT_WORK_S = (30, 60)
HIIT_RECOVERY_S = (60, 120)

# Rule 4: weekly running grows by at most 10 % [S4]; every 4th week is lighter, at 70–80 %
# of the week before [EXT: common deload practice].
WEEKLY_GROWTH = Fraction(11, 10)
LIGHTER_EVERY = 4
LIGHTER_SHARE = (Fraction(7, 10), Fraction(8, 10))

# Week 1 starting dose by level (SPEC §3 rule 5).
LEVEL_FLOOR: dict[str, int] = {"beginner": 50, "intermediate": 90, "advanced": 120}
LIGHTEST_WEEK = 50  # a 30 min long run and a 20 min hiit or hills session

# Rule 14 [EXT: Seiler, 80/20]: a week of this many running minutes or more holds at most
# EASY_WEEK_HARD_RUNS hard runs, at least one easy run, and hard minutes ≤ this share.
EASY_WEEK_MINUTES = 120
EASY_WEEK_HARD_RUNS = 2
EASY_WEEK_HARD_SHARE = Fraction(2, 5)
# Rule 15: a lighter week's hills and tempo.
LIGHTER_HILL_REPEATS = 6
LIGHTER_TEMPO_MAX = 25
# Rule 13 [EXT: NHS Couch to 5K]: run/walk for a beginner running under this many minutes a
# week; (run_s, walk_s) by week index, continuous from RUN_WALK_UNTIL_WEEK on.
RUN_WALK_BELOW_MINUTES = 30
RUN_WALK: dict[int, tuple[int, int]] = {
    1: (60, 90), 2: (90, 90), 3: (90, 60), 4: (90, 60), 5: (120, 60), 6: (180, 60),
    7: (300, 60),
}
RUN_WALK_UNTIL_WEEK = 8
RUN_WALK_HIIT_ROUNDS = 6
RUN_WALK_HIIT_RECOVERY_S = 90
# Rule 16: a note when week 1 runs less than this share of the runner's weekly minutes.
NOTE_SHARE = Fraction(4, 5)

# Strength sets and reps (rule 8): 3 × 12–15 rising toward 20; 2 sets in a lighter week.
SETS_FULL = 3
SETS_LIGHTER = 2
REPS_START = (12, 15)
REPS_END = (15, 20)

# One row per exercise slot: the name to use with each kind of equipment (rule 8).
WORKOUTS: dict[str, tuple[dict[str, str], ...]] = {
    "A": (
        {"bodyweight": "Bodyweight squat", "dumbbells": "Goblet squat", "gym": "Goblet squat"},
        {"bodyweight": "{lunge} lunge", "dumbbells": "{lunge} lunge with dumbbells",
         "gym": "{lunge} lunge with dumbbells"},
        {"bodyweight": "Glute bridge", "dumbbells": "Glute bridge with a dumbbell on the hips",
         "gym": "Glute bridge with a weight on the hips"},
        {"bodyweight": "Standing calf raise (straight knee, slow lowering)",
         "dumbbells": "Standing calf raise with dumbbells (straight knee, slow lowering)",
         "gym": "Standing calf raise (straight knee, slow lowering)"},
    ),
    "B": (
        {"bodyweight": "Single-leg Romanian deadlift",
         "dumbbells": "Romanian deadlift with dumbbells",
         "gym": "Romanian deadlift (light to moderate weight)"},
        {"bodyweight": "Step-up", "dumbbells": "Step-up with dumbbells",
         "gym": "Step-up with dumbbells"},
        {"bodyweight": "Split squat", "dumbbells": "Split squat with dumbbells",
         "gym": "Leg press"},
        {"bodyweight": "Bent-knee calf raise (slow lowering)",
         "dumbbells": "Seated calf raise with dumbbells on the knees",
         "gym": "Seated calf raise machine"},
    ),
}
LUNGE_VARIANTS: tuple[str, ...] = ("Forward", "Reverse", "Lateral")
CROSS_TRAINING_ACTIVITIES: tuple[str, ...] = ("cycling", "swimming")

RUN_WARM_UP = ("Warm-up: 5 min brisk walk or easy jog, then dynamic drills: leg swings and "
               "high knees")
RUN_COOL_DOWN = ("Cool-down: 5 min easy walk, then static stretches for quads, hamstrings, "
                 "calves and hips (hold each 20–30 s)")
STRENGTH_WARM_UP = "Warm-up: 5 min easy cardio, leg swings and a few slow bodyweight squats"
STRENGTH_COOL_DOWN = "Cool-down: static stretches for quads, hamstrings, glutes and calves"
FOAM_ROLL_LINE = "Foam roll quads, glutes, hamstrings and calves, 30–60 s each"

MAIN_SET: dict[str, str] = {
    "long_run": "Main: {minutes} min at a conversational pace (you can talk in full sentences)",
    "easy_run": "Main: {minutes} min at an easy to moderate pace",
    "tempo": ("Main: {minutes} min run: 5 min easy, {hard} min comfortably hard (a pace you "
              "could hold for about an hour), 5 min easy"),
    "hiit": ("Main: {rounds} rounds of {work_s} s near-flat-out, then {recovery_s} s walk or "
             "slow jog"),
    "hills": ("Main: {repeats} hard uphill repeats of 30–60 s; jog or walk back down to "
              "recover"),
    "cross_training": "{minutes} min {activity} at an easy, steady effort",
    "active_recovery": "{minutes} min light walk, yoga or gentle stretching",
    "rest": "Rest day: no training. An easy stroll is fine.",
}
RUN_WALK_MAIN = ("Main: {rounds} rounds of {run_s} s easy running, then {walk_s} s brisk "
                 "walking")
# Minutes of a hiit or hills session spent on its warm-up and cool-down.
WARM_COOL_MINUTES = 10

__all__ = [
    "KIND_LABELS", "KIND_WHY", "WORKOUT_WHY", "LIGHTER_WEEK_NOTE", "MINUTES_RANGE",
    "HILL_REPEATS_RANGE", "HIIT_WORK_S", "HIIT_RECOVERY_S", "LEVEL_FLOOR", "LIGHTEST_WEEK",
    "SETS_FULL", "SETS_LIGHTER", "REPS_START", "REPS_END", "WORKOUTS", "LUNGE_VARIANTS",
    "CROSS_TRAINING_ACTIVITIES", "RUN_WARM_UP", "RUN_COOL_DOWN", "STRENGTH_WARM_UP",
    "STRENGTH_COOL_DOWN", "FOAM_ROLL_LINE", "MAIN_SET", "WARM_COOL_MINUTES",
    "WEEKLY_GROWTH", "LIGHTER_EVERY", "LIGHTER_SHARE", "EASY_WEEK_MINUTES", "EASY_WEEK_HARD_RUNS", "EASY_WEEK_HARD_SHARE", "LIGHTER_HILL_REPEATS",
    "LIGHTER_TEMPO_MAX", "RUN_WALK_BELOW_MINUTES", "RUN_WALK", "RUN_WALK_UNTIL_WEEK",
    "RUN_WALK_HIIT_ROUNDS", "RUN_WALK_HIIT_RECOVERY_S", "NOTE_SHARE", "RUN_WALK_MAIN",
]
