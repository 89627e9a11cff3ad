"""EasyR1 loads its reward function from `<file>:<name>`: use
`worker.reward.reward_function=examples/easyr1/tron_reward.py:compute_score`.

EasyR1 reads `REWARD_TYPE` ("batch" or "sequential") and `REWARD_NAME` from this module; the
`worker.reward.reward_type` key of older releases is gone. `compute_score` serves both types."""

from tron.integrations.easyr1 import REWARD_NAME, REWARD_TYPE, compute_score

__all__ = ["REWARD_NAME", "REWARD_TYPE", "compute_score"]
