"""lmms-eval task hooks for tron_test.yaml (lmms-eval imports this file as `utils`): the
functions live in tron.integrations.lmms_eval_task."""

from tron.integrations.lmms_eval_task import (
    doc_to_target,
    doc_to_text,
    doc_to_visual,
    process_results,
)

__all__ = ["doc_to_target", "doc_to_text", "doc_to_visual", "process_results"]
