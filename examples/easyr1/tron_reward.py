"""EasyR1 loads its reward function from `<file>:<name>`: use
`worker.reward.reward_function=examples/easyr1/tron_reward.py:compute_score`. It serves both
`reward_type: batch` (a list of inputs) and `reward_type: sequential` (one input)."""

from tron.integrations.easyr1 import compute_score

__all__ = ["compute_score"]
