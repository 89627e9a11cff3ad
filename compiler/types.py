"""The spec language's types: int, real, bool, str, list[T], records and opaque stdlib types."""

from __future__ import annotations

from dataclasses import dataclass

from tron.stdlib.registry import OPAQUE, RECORDS, split_types


@dataclass(frozen=True)
class Type:
    name: str  # int real bool str any list record opaque var
    elem: Type | None = None  # for list
    fields: tuple[tuple[str, Type], ...] | None = None  # for record
    label: str = ""  # record/opaque/var name

    def __str__(self) -> str:
        if self.name == "list":
            return f"list[{self.elem}]"
        if self.name == "record":
            return self.label or "{" + ", ".join(f"{k}: {v}" for k, v in self.fields or ()) + "}"
        if self.name in ("opaque", "var"):
            return self.label
        return self.name

    def field(self, name: str) -> Type | None:
        return dict(self.fields or ()).get(name)


INT, REAL, BOOL, STR, ANY = (Type(n) for n in ("int", "real", "bool", "str", "any"))


def list_of(t: Type) -> Type:
    return Type("list", elem=t)


def record(fields: dict[str, Type], label: str = "") -> Type:
    return Type("record", fields=tuple(sorted(fields.items())), label=label)


def parse_type(text: str) -> Type:
    """Parse the registry's type syntax ("list[Point]", "T", "real")."""
    text = text.strip()
    if text.startswith("list[") and text.endswith("]"):
        return list_of(parse_type(text[5:-1]))
    if text in ("int", "real", "bool", "str", "any"):
        return Type(text)
    if len(text) == 1 and text.isupper():
        return Type("var", label=text)
    if text in RECORDS:
        return record({k: parse_type(v) for k, v in RECORDS[text].items()}, label=text)
    if text in OPAQUE:
        return Type("opaque", label=text)
    raise ValueError(f"unknown type {text!r} in a stdlib signature")


def parse_types(text: str) -> list[Type]:
    return [parse_type(t) for t in split_types(text)]


def is_numeric(t: Type) -> bool:
    return t.name in ("int", "real", "any")


def join(a: Type, b: Type) -> Type | None:
    """The least common type of a and b, or None when they have none."""
    if a.name == "any":
        return b
    if b.name == "any":
        return a
    if a == b:
        return a
    if {a.name, b.name} == {"int", "real"}:
        return REAL
    if a.name == b.name == "list" and a.elem and b.elem:
        e = join(a.elem, b.elem)
        return list_of(e) if e else None
    if a.name == b.name == "record" and dict(a.fields or ()).keys() == dict(b.fields or ()).keys():
        fa, fb = dict(a.fields or ()), dict(b.fields or ())
        joined = {k: join(fa[k], fb[k]) for k in fa}
        if all(v is not None for v in joined.values()):
            return record({k: v for k, v in joined.items() if v}, a.label or b.label)
    return None


def unify(param: Type, arg: Type, bindings: dict[str, Type]) -> bool:
    """Match an argument type against a (possibly generic) parameter type."""
    if param.name == "var":
        bound = bindings.get(param.label)
        if bound is None:
            bindings[param.label] = arg
            return True
        j = join(bound, arg)
        if j is None:
            return False
        bindings[param.label] = j
        return True
    if param.name == "any" or arg.name == "any":
        return True
    if param.name == "list":
        return (
            arg.name == "list"
            and arg.elem is not None
            and param.elem is not None
            and unify(param.elem, arg.elem, bindings)
        )
    if param.name == "real":
        return arg.name in ("int", "real")
    if param.name == "record":
        if arg.name != "record":
            return False
        have = dict(arg.fields or ())
        return all(k in have and unify(v, have[k], bindings) for k, v in param.fields or ())
    return param == arg


def substitute(t: Type, bindings: dict[str, Type]) -> Type:
    if t.name == "var":
        return bindings.get(t.label, ANY)
    if t.name == "list" and t.elem:
        return list_of(substitute(t.elem, bindings))
    return t
