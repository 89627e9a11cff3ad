"""verl loads its custom reward function from a file path: point
`custom_reward_function.path` at this file and `custom_reward_function.name` at compute_score."""

from tron.integrations.verl import compute_score

__all__ = ["compute_score"]
