"""TRON as a verifiers environment package: `vf-eval tron-visual` imports this module and takes
the Taskset and Harness it exports (the harness becomes the taskset's default)."""

from tron.integrations.verifiers_env import (
    SingleTurnHarness,
    TronTask,
    TronTaskset,
    TronTasksetConfig,
    load_environment,
)

__all__ = ["SingleTurnHarness", "TronTask", "TronTaskset", "TronTasksetConfig", "load_environment"]
