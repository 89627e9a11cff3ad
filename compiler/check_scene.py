"""Stage 2, the checks on the scene's names: draw loops and `layout` statements, judged over
the whole (family) spec once every statement is collected."""

from __future__ import annotations

from dataclasses import dataclass

from tron.compiler import syntax as s
from tron.compiler.check_expr import did_you_mean
from tron.compiler.diagnostics import Span


class SceneChecks:
    spec: s.Spec
    defined_at: dict[str, Span]

    def error(self, span: Span, msg: str, hint: str | None = None) -> None:
        raise NotImplementedError

    def draw_loop_names(self) -> None:
        """A draw loop is a statement-level loop: its variable would overwrite a parameter,
        given or const of the same name for everything evaluated after the scene (the answer,
        the question), so the clash is an error wherever the other name is declared."""
        for st in self.spec.stmts:
            if isinstance(st, s.Draw) and st.loop is not None and st.loop.var in self.defined_at:
                name, first = st.loop.var, self.defined_at[st.loop.var]
                self.error(
                    st.loop.var_span,
                    f"draw loop variable '{name}' has the name of the one defined on line "
                    f"{first.line}",
                    "choose another loop variable name",
                )

    def layouts(self) -> None:
        """A layout names a known relation, the keys of `draw` statements (decor has none; a
        loop's item `A.N` is allowed) and the margin its relation measures."""
        draws = [st for st in self.spec.stmts if isinstance(st, s.Draw) and st.key]
        keys = {st.key.value for st in draws if st.key and not st.decor}
        looped = {st.key.value for st in draws if st.key and not st.decor and st.loop}
        for st in self.spec.stmts:
            if not isinstance(st, s.Layout):
                continue
            rel = LAYOUT_RELATIONS.get(st.relation)
            if rel is None:
                self.error(
                    st.relation_span,
                    f"unknown layout relation '{st.relation}'",
                    did_you_mean(st.relation, sorted(LAYOUT_RELATIONS))
                    or "one of: " + ", ".join(LAYOUT_RELATIONS),
                )
                continue
            self.layout_shape(st, rel)
            for item in (st.subject, st.other):
                if item is not None and not names_key(item.value, keys, looped):
                    self.error(
                        item.span,
                        f"layout names '{item.value}', which no draw statement keys",
                        did_you_mean(item.value, sorted(keys))
                        or 'give the draw statement `key "NAME"` (decor is not checked)',
                    )
            if st.other is not None and st.subject.value == st.other.value:
                self.error(st.span, "layout relates an object to itself")

    def layout_shape(self, st: s.Layout, rel: Relation) -> None:
        """The relation's other object and margin, as LAYOUT_RELATIONS describes them."""
        example = f'layout "A" {st.relation}{rel.usage}'
        if rel.needs_other != (st.other is not None):
            what = "names a second object" if rel.needs_other else "takes no second object"
            self.error(st.span, f"layout relation '{st.relation}' {what}", f"write {example}")
        elif st.margin is None and not rel.margin_optional:
            self.error(
                st.span, f"layout relation '{st.relation}' needs a margin", f"write {example}"
            )
        elif st.percent and "%" not in rel.units:
            self.error(
                st.span,
                f"layout relation '{st.relation}' takes no percent margin",
                f"write {example}",
            )
        elif st.margin is not None and not st.percent and rel.units == ("%",):
            self.error(
                st.span, f"layout relation '{st.relation}' measures in percent", f"write {example}"
            )
        elif rel.units == ("ratio",) and (st.margin or 0) < 1:
            self.error(st.span, "a ratio margin is at least 1", f"write {example}")


def names_key(name: str, keys: set[str], looped: set[str]) -> bool:
    """`name` is a draw key, or item N of a looped draw's key (`dot.3`)."""
    base, _, index = name.rpartition(".")
    return name in keys or (base in looped and index.isdigit())


@dataclass(frozen=True)
class Relation:
    needs_other: bool
    units: tuple[str, ...]  # "px", "%", or "ratio" (by N means N : 1)
    usage: str
    margin_optional: bool = False


# What `layout` can declare; tron.quality.layout and tron.quality.relations measure them.
LAYOUT_RELATIONS: dict[str, Relation] = {
    "inside": Relation(True, ("px",), ' "B" [by N]', margin_optional=True),
    "clears": Relation(True, ("px",), ' "B" by N'),
    "straight_from": Relation(True, ("ratio",), ' "B" by N (the main offset N times the other)'),
    "nearest_to": Relation(True, ("px", "%"), ' "B" by N or by N%'),
    "farthest_from": Relation(True, ("px", "%"), ' "B" by N or by N%'),
    "largest": Relation(False, ("%",), " by N%"),
    "smallest": Relation(False, ("%",), " by N%"),
    "longest": Relation(False, ("px", "%"), " by N or by N%"),
    "shortest": Relation(False, ("px", "%"), " by N or by N%"),
}
