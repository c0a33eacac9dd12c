"""The dataclasses of compiled modules whose ``__init__`` is written out (so that mypyc compiles it) take the
fields of the dataclass: every field by its name, with the dataclass's default, and nothing else."""

from __future__ import annotations

import ast
import dataclasses
import functools

import pytest

from briefing.extract.actors import TokenTable, _Group, _Person
from briefing.extract.compiled import source_path
from briefing.extract.quotes.base import Cue, Found, Pair
from briefing.extract.quotes.descriptions import Intro
from briefing.extract.quotes.quoted_speech import RuleView
from briefing.extract.quotes.speakers import Phrase
from briefing.extract.quotes.speech_acts import Report

CLASSES = [Phrase, Pair, Cue, Found, RuleView, Intro, Report, _Person, _Group, TokenTable]


def _required(f: dataclasses.Field) -> bool:  # type: ignore[type-arg]
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


@functools.cache
def _annotations(cls: type) -> dict[str, str]:
    """The fields' annotations as written in the source (a compiled class keeps only erased types)."""
    tree = ast.parse(source_path(cls.__module__).read_text(encoding="utf-8"))
    node = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    return {
        s.target.id: ast.unparse(s.annotation)
        for s in node.body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }


def _value(cls: type, f: dataclasses.Field, k: int) -> object:  # type: ignore[type-arg]
    """A value of the field's type, different for each ``k`` (compiled code checks the types it is given)."""
    return _of_type(_annotations(cls)[f.name], k)


def _of_type(annotation: str, k: int) -> object:
    """A value of the type ``annotation`` (as written in the source), different for each ``k``."""
    t = annotation.replace(" | None", "")
    if t.startswith("list["):
        return [k]
    if t.startswith("frozenset["):
        return frozenset({f"w{k}"})
    if t.startswith("tuple["):
        inner = _type_args(t[len("tuple[") : -1])
        if inner[-1:] == ["..."]:  # tuple[str, ...]: one element of that type
            return (_of_type(inner[0], k),)
        return tuple(_of_type(a, k) for a in inner)  # tuple[Phrase | None, float]: each element typed
    if t == "Phrase":
        return Phrase(k, k + 1, f"p{k}")
    if t == "RoleInfo":
        return None
    return {"str": f"w{k}", "int": 1000 + k, "bool": k % 2 == 0, "float": k + 0.5}[t]


def _type_args(args: str) -> list[str]:
    """The comma-separated type arguments of ``args``, brackets nested inside one kept whole."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(args):
        depth += c == "["
        depth -= c == "]"
        if c == "," and depth == 0:
            out.append(args[start:i].strip())
            start = i + 1
    out.append(args[start:].strip())
    return out


def _values(cls: type, only_required: bool = False) -> dict[str, object]:
    return {
        f.name: _value(cls, f, k) for k, f in enumerate(dataclasses.fields(cls)) if not only_required or _required(f)
    }


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_written_out_init_sets_every_field_by_name(cls: type) -> None:
    values = _values(cls)
    obj = cls(**values)
    assert {name: getattr(obj, name) for name in values} == values


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_written_out_init_has_the_dataclass_defaults(cls: type) -> None:
    fields = dataclasses.fields(cls)
    obj = cls(**_values(cls, only_required=True))
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(obj, f.name) == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert getattr(obj, f.name) == f.default_factory(), f.name
    # a mutable default is a new object per instance, as default_factory makes it
    other = cls(**_values(cls, only_required=True))
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(obj, f.name) is not getattr(other, f.name), f.name


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_written_out_init_takes_the_fields_in_their_order(cls: type) -> None:
    required = _values(cls, only_required=True)
    obj = cls(*required.values())
    assert [getattr(obj, name) for name in required] == list(required.values())
    with pytest.raises(TypeError):
        cls(**_values(cls), not_a_field=1)


def test_frozen_ones_stay_frozen_for_python_code() -> None:
    p = Phrase(0, 3, "Sie")
    assert p == Phrase(0, 3, "Sie") and hash(p) == hash(Phrase(0, 3, "Sie"))
    assert repr(p) == "Phrase(start=0, end=3, text='Sie', pronoun=False)"
    assert dataclasses.replace(p, pronoun=True) == Phrase(0, 3, "Sie", True)
