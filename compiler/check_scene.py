"""Stage 2, the checks on the scene's names: draw loops and `layout` statements, judged over
the whole (family) spec once every statement is collected."""

from __future__ import annotations

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
        """A layout names the keys of `draw` statements (decor has none)."""
        draws = [st for st in self.spec.stmts if isinstance(st, s.Draw) and st.key]
        keys = {st.key.value for st in draws if st.key and not st.decor}
        for st in self.spec.stmts:
            if not isinstance(st, s.Layout):
                continue
            for item in (st.subject, st.container):
                if item.value not in keys:
                    self.error(
                        item.span,
                        f"layout names '{item.value}', which no draw statement keys",
                        did_you_mean(item.value, sorted(keys))
                        or 'give the draw statement `key "NAME"` (decor is not checked)',
                    )
            if st.subject.value == st.container.value:
                self.error(st.span, "layout relates an object to itself")
