"""`quick_init`: the records built for every line get a quicker `__init__` that builds the same
instances as the dataclass's own, and classes whose own `__init__` does more are refused."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from dechaff.core.document import Line
from dechaff.core.outcome import Hit, Removal
from dechaff.core.quick_init import quick_init

RECORDS = (Line, Removal, Hit)


def _twin(cls: type) -> type:
    """The same fields in a dataclass with the generated `__init__`."""
    specs = [
        (f.name, f.type, dataclasses.field(default=f.default))
        if f.default is not dataclasses.MISSING
        else (f.name, f.type)
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(f"{cls.__name__}Twin", specs, frozen=True, slots=True)


@pytest.mark.parametrize("cls", RECORDS)
def test_same_signature_and_values_as_the_generated_init(cls: type) -> None:
    twin = _twin(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(twin))
    assert (
        cls.__init__.__module__ == cls.__module__
        and cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
    )
    names = [f.name for f in dataclasses.fields(cls)]
    values = [f"v{k}" for k in range(len(names))]  # a distinct value a field: none set twice or missed
    made, expected = cls(*values), twin(*values)
    assert [getattr(made, n) for n in names] == [getattr(expected, n) for n in names] == values
    required = [f for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
    short = cls(*values[: len(required)])  # the defaults, as declared
    assert dataclasses.astuple(short) == dataclasses.astuple(twin(*values[: len(required)]))
    assert cls(**dict(zip(names, values, strict=True))) == made  # by keyword
    with pytest.raises(TypeError):
        cls(*values, "one too many")


@pytest.mark.parametrize("cls", RECORDS)
def test_still_frozen_hashable_picklable_replaceable(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    made = cls(*range(len(names)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, names[0], 99)
    assert pickle.loads(pickle.dumps(made)) == made
    assert hash(made) == hash(cls(*range(len(names))))
    assert getattr(dataclasses.replace(made, **{names[-1]: "x"}), names[-1]) == "x"


def test_refuses_what_its_init_would_not_do() -> None:
    @dataclasses.dataclass(slots=True)
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Post:
        a: int

        def __post_init__(self) -> None: ...

    @dataclasses.dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int = dataclasses.field(kw_only=True)

    @dataclasses.dataclass(frozen=True, slots=True)
    class NotInInit:
        a: int = dataclasses.field(default=0, init=False)

    for cls in (Mutable, NoSlots, Factory, Post, KeywordOnly, NotInInit, int):
        with pytest.raises(TypeError, match="quick_init"):
            quick_init(cls)
