"""Words of the command line that click would misread or refuse without the help it could give: an option's value
that is an option, a long option written with one dash, a mistyped option and a choice's refused value, each offered
what it resembles by the rule of every suggestion (model/names.py ``resembling``). cli/edge.py calls these as click
parses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from typer import _click
from typer._types import TyperChoice
from typer.core import TyperGroup, TyperOption


def options_like(option: str, ctx: _click.Context | None) -> list[str]:
    """The long options of ``ctx``'s command that ``option`` resembles, the nearest first, each compared without its
    dashes (``-set`` is ``--set`` written with one dash), by the rule of every suggestion (model/names.py
    ``resembling``): click's own offers up to three, in the order of the alphabet, the right one not first."""
    if ctx is None:
        return []
    from aigc_roi.model.names import resembling  # on a typo's path only

    longs = {name.lstrip("-"): name for param in ctx.command.get_params(ctx)
             for name in (*param.opts, *param.secondary_opts) if name.startswith("--")}
    return [longs[bare] for bare in resembling(option.lstrip("-"), longs)]


def long_form(word: str) -> str:
    """The long option a word of one dash is written for (``-set=x=1``: --set); any other as it is."""
    return "-" + word.partition("=")[0] if _one_dash(word) else word


def commands_taking(option: str, ctx: _click.Context | None) -> list[str]:
    """The other commands that have ``option`` (its ``long_form``), where ``ctx``'s command has not: ``run --samples``
    or ``-samples`` is no typo of ``--table``, but an option of simulate, compare, ... Each command is built, so only
    for an option refused or a word of one dash that is none of this command's; none for the root, whose options are
    not its commands'."""
    if ctx is None or ctx.parent is None or not isinstance(ctx.parent.command, TyperGroup):
        return []
    option, root, group = long_form(option), ctx.parent, ctx.parent.command
    if _has(ctx.command, option):
        return []
    commands = (group.get_command(root, name) for name in group.list_commands(root) if name != ctx.command.name)
    return [command.name for command in commands if command is not None and command.name and _has(command, option)]


def _has(command: _click.Command, option: str) -> bool:
    return any(option in (*param.opts, *param.secondary_opts) for param in command.params)


def refuse_misread_words(command: _click.Command, ctx: _click.Context, args: Sequence[str],
                         interspersed: bool = True) -> None:
    """Refuse the words click would take for what they are not, before it reads them. ``interspersed``: False for the
    root, whose options end at the command's name.

    Click takes the word after an option as its value, whatever it is: ``--samples --lang zh`` read '--lang' as the
    number of samples (and ``-o --force`` would write a file named --force). A word that is exactly an option of this
    command, --lang or --help, is no value meant: refused, naming both. A value that only starts with '-'
    (``--set x=-5``, ``--percentiles -1``) is a value.

    Click reads a long option written with one dash as short ones, ``-output x`` as -o with the value 'utput' (a file
    so named written), ``run -objective npv`` as -o 'bjective': a word of one dash that is a long option of this
    command or of another but for that dash is refused, offering it (``options_like``) or naming the commands that
    have it (``commands_taking``), as the word with two dashes is."""
    names, takes = _options_of(command, ctx)
    for word, values in _option_words(args, takes, interspersed):
        found = next((value for value in values if value in names), None)
        if found is not None:
            raise _click.exceptions.BadOptionUsage(word, f"expected a value, found {found}, an option of {ctx.info_name}", ctx)
        if _one_dash(word) and (long_form(word) in names
                                or not _short_with_choice(command, ctx, word) and commands_taking(word, ctx)):
            raise _click.exceptions.NoSuchOption(word, ctx=ctx)


def as_typed(error: _click.exceptions.NoSuchOption, command: _click.Command, args: Sequence[str],
             interspersed: bool = True) -> _click.exceptions.NoSuchOption:
    """``error``, click's refusal of a short option, named by the word it read it in where that word is a long option
    written with one dash but for a slip (``-seeds`` is -s, -e, ... to click, which refuses -s): the word, which a
    long option resembles (``options_like``); else ``error`` as it is."""
    name, ctx = error.option_name, error.ctx
    if len(name) != 2 or name[0] != "-" or name[1] == "-" or ctx is None:
        return error
    # The first word click read -s in: of one dash (-qs: -q read before it), s among its letters.
    words = _option_words(args, _options_of(command, ctx)[1], interspersed)
    word = next((word for word, _ in words if _one_dash(word) and name[1] in word[1:]), None)
    if word is None or not options_like(word, ctx):
        return error
    return _click.exceptions.NoSuchOption(word, ctx=ctx)


def _short_with_choice(command: _click.Command, ctx: _click.Context, word: str) -> bool:
    """Whether ``word`` is a short option of ``command`` and one of its choices written together (``-fjson``): what
    it reads as, which no other command's option need be looked for (building every command) to tell."""
    return any(word[:2] in param.opts and isinstance(param.type, TyperChoice) and word[2:] in param.type.choices
               for param in command.get_params(ctx) if isinstance(param, TyperOption))


def flag_letters(command: _click.Command, ctx: _click.Context) -> str:
    """The letters of ``command``'s short options that take no value (``-q``), which a word of one dash may hold
    before one that does (``-qfjson``)."""
    names, takes = _options_of(command, ctx)
    return "".join(name[1] for name in sorted(names) if len(name) == 2 and name[1] != "-" and name not in takes)


def _options_of(command: _click.Command, ctx: _click.Context) -> tuple[set[str], dict[str, int]]:
    """The names of ``command``'s options, --lang and --help among them, and how many values each that takes them
    takes."""
    names = {"--lang", "--help"}
    takes: dict[str, int] = {}
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption):
            names.update(param.opts + param.secondary_opts)
            if not param.is_flag and not param.count:
                takes.update(dict.fromkeys(param.opts, param.nargs))
    return names, takes


def _one_dash(word: str) -> bool:
    """``-set``: a word of one dash and more than one letter after it, no number (``-1.5`` is a value)."""
    return len(word) > 2 and word[0] == "-" and word[1] != "-" and not word[1].isdigit() and word[1] != "."


def _option_words(args: Sequence[str], takes: dict[str, int], interspersed: bool) -> Iterator[tuple[str, Sequence[str]]]:
    """Each word of ``args`` that click may read as an option, with the values it takes after it if it is one that
    ``takes`` them: up to ``--``, and for the root (``interspersed`` False) up to the command's name."""
    index = 0
    while index < len(args) and args[index] != "--":
        word = args[index]
        if not interspersed and not word.startswith("-"):
            return
        count = takes.get(word, 0)
        yield word, args[index + 1:index + 1 + count]
        index += 1 + count


class _SuggestingChoice(TyperChoice[Any]):
    """A choice whose refusal of a value offers the choices it resembles (model/names.py ``resembling``):
    ``'jsn' is not one of 'table', 'json', ...; did you mean 'json'?``."""

    def get_invalid_choice_message(self, value: Any, ctx: _click.Context | None) -> str:
        from aigc_roi.model.names import did_you_mean, resembling  # on a refusal's path only

        refusal = super().get_invalid_choice_message(value, ctx).rstrip(".")
        near = resembling(str(value), self._normalized_mapping(ctx=ctx).values())
        return f"{refusal}; {did_you_mean(near)}" if near else refusal


def suggesting_choices(params: list[_click.Parameter]) -> list[_click.Parameter]:
    """``params``, each choice among them one that offers the choices a refused value resembles (``_SuggestingChoice``)."""
    for param in params:
        if type(param.type) is TyperChoice:
            param.type = _SuggestingChoice(param.type.choices, param.type.case_sensitive)
    return params
