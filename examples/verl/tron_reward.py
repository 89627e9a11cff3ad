"""verl loads its custom reward function from a file path: point
`reward.custom_reward_function.path` (verl 0.9; `custom_reward_function.path` before) at this
file and `.name` at compute_score. It serves the naive, batch and DAPO reward managers and
`verl.trainer.main_eval`."""

from tron.integrations.verl import compute_score

__all__ = ["compute_score"]
