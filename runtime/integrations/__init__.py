"""Training-stack integrations: dataset rows and reward functions in the shapes verl, EasyR1
and TRL expect, Hugging Face datasets, Gymnasium environments, and endpoint evaluation.

Each submodule imports its framework lazily (or not at all): a trainer's reward worker imports
`tron.integrations.verl` without pulling in `datasets`, and `tron.integrations.gym` registers
environments only when imported.
"""

from tron.integrations.formats import FORMATS, Format, get_format

__all__ = ["FORMATS", "Format", "get_format"]
