"""A stable rule id per kind of problem, for annotation titles and JSON (``aigc-roi: unknown-key``), and per kind of
warning a valid file may draw (``aigc-roi: gate-stops-nothing``).

The loader's messages are written in a few fixed frames ("unknown key ...",
"expected X, found Y", ...); the rule is read from the frame, so the ids do
not depend on the wording inside it and the reader needs no second
vocabulary. ``tests/ci/test_ci_rules.py`` runs the bad-input corpus through
``rule_of`` so a new frame cannot slip into the catch-all unnoticed, and each frame with names and values as users
write them. A name or value may hold anything (a newline, so every search is DOTALL; spaces, quotes, another frame's
words), so a frame is matched from the message's start, and from its end where it ends in fixed words: a name
inside one frame then cannot make it read as another.
"""

from __future__ import annotations

import re

from aigc_roi.model.errors import ScenarioError

# Patterns, not compiled ones: re compiles (and caches) each on its first search, which only an invalid file makes.
RULES: tuple[tuple[str, str], ...] = (
    ("file-too-large", r"^file is [\d,]+ bytes"),
    ("unreadable-file", r"^cannot read (file|folder)|^is a folder, not"),
    ("encoding", r"^expected UTF-8 text"),
    ("empty-file", r"^expected a scenario mapping, found (an empty file|only comments)$"),
    ("yaml-anchor", r"^YAML anchors and aliases"),
    ("yaml-tag", r"^YAML tags are not allowed"),
    ("yaml-syntax", r"^invalid YAML|^expected a plain key|^expected one YAML document|^nesting deeper"),
    ("duplicate-key", r"^duplicate (key|age)"),
    ("duplicate-name", r"^channel '.*' is named twice in this gate \(first at [^()]*\)$"),
    # A gate naming channels that share a name (reader/load.py), which it cannot tell apart.
    ("shared-name", r"^'.*' names \d+ channels, .*: a gate cannot tell them apart; give each its own name$"),
    ("unknown-key", r"^unknown key|^YAML merge keys"),
    ("missing-key", r"^missing required key|^missing '"),
    ("conflicting-keys", r"^expected either \S+ or \S+, found both$|^expected exactly one of|^\S+ needs \S+, not \S+$"),
    # A --set whose path finds no place in the file (reader/overrides.py), whatever its value.
    ("bad-override", r"^expected PATH=VALUE|^no (item|key|list|channel, plan)\b|^cannot set|^'.*' names \d+ items(?::| and )"
                     r"|^.+ reads both as index \d+ \(.*\) and as the item named '|"
                     r"^'.*' writes a field in Chinese, and a path takes its key"),
    ("bad-range", r"^expected (a range|low <=|low >)"),
    ("retention-rises", r"^expected (?:a share <= \S+|shares that fall with the day overall) \(retention cannot rise"),
    ("not-a-scenario", r"^expected a scenario mapping"),
    ("more-errors", r"^[\d,]+ more errors? in this file$"),
    ("invalid-value", r"^expected .*, found"),
)
OTHER = "invalid"
"""A frame no rule names yet."""


def rule_of(error: ScenarioError) -> str:
    return next((rule for rule, pattern in RULES if re.search(pattern, error.message, re.DOTALL)), OTHER)


WARNING_RULES: tuple[tuple[str, str], ...] = (
    # reader/gate_warnings.py: a test channel the test cannot observe; a gate (or a then channel) with nothing to stop.
    ("gate-unobserved", r"^no test channel runs in the test's |^channel '.*' does not run in the test's .*: the test "
                        r"cannot observe it$"),
    ("gate-stops-nothing", r"^no channel of this gate runs after month \d+: |^channel '.*' does not run after month \d+ "
                           r".*: the gate has nothing of it to stop$"),
    # reader/shared_names.py: a name an earlier item of its list has, which a reference by name cannot tell apart.
    ("shared-name", r"^'.*' is also \S+'s name(?: \(line \d+\))?; .* naming '.*' cannot tell them apart"
                    r"(?:, so they name each by its place: .*)?$"),
    # The frames below begin with a written number, never a quoted name ([^']), so a name holding their words is not
    # taken for them.
    # reader/discount_warning.py: a discount rate above 100% a year.
    ("discount-rate-high", r"^[^']*\d% a year\b"),
    # reader/target_warning.py: a return target above 1,000%, most often a percentage without its sign.
    ("target-ratio-high", r"^[^']+ is \S+%(?:; did you mean [^']+%\?|, above any return a plan is held to)$"),
    # reader/amount_warning.py: a percent on an amount of money or a count, which divides it by 100.
    ("percent-on-amount", r"^[^']+ reads as \S+: a % on (?:an amount|a count) divides it by 100(?:; did you mean [^']+\?)?$"),
    # reader/range_unit_warning.py: 3..6万, whose bare low end the high end's suffix does not scale (3, not 3万); the
    # written ends may hold spaces (3..6 万).
    ("range-low-without-unit", r"^[^']+ reads as \S+; if [^']+ was meant, write [^']+$"),
    # reader/dot_group_warning.py: 1.500 in a plan whose currency's locales may group thousands with the dot.
    ("dot-may-group-thousands", r"^[^']+ reads as \S+, but in [A-Z]{3} a dot before three digits may separate thousands: "),
)
OTHER_WARNING = "warning"
"""A warning's frame no rule names yet."""


def warning_rule_of(warning: ScenarioError) -> str:
    """The rule of a valid file's warning (``LoadedScenario.warnings``), read from its English message as an error's."""
    return next((rule for rule, pattern in WARNING_RULES if re.search(pattern, warning.message, re.DOTALL)),
                OTHER_WARNING)
