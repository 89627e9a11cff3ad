"""Drive a `tron serve` server with OpenEnv's client.

    tron serve --bucket counting --levels 1-3 --port 8000      # in one shell
    python examples/openenv/client.py http://127.0.0.1:8000    # in another

Replace `answer()` with a call to your model (the observation holds the picture as a data URL
and the question, which states the answer format).
"""

from __future__ import annotations

import sys

from tron.integrations.openenv_server import TronAction, TronEnvClient, TronObservation


def answer(obs: TronObservation) -> str:
    return "Answer: 3"  # a fixed guess; a real policy looks at obs.image and obs.question


def main(base_url: str, episodes: int = 5) -> None:
    with TronEnvClient(base_url=base_url).sync() as env:
        total = 0.0
        for _ in range(episodes):
            obs = env.reset().observation  # the server's curriculum picks env and level
            result = env.step(TronAction(answer=answer(obs)))
            total += result.reward or 0.0
            print(f"{obs.instance_id}: reward {result.reward} (gold {result.observation.gold})")
        # or name the instance: env.reset(env_id="counting/count_by_colour", level=2, seed=7)
        print(f"mean reward {total / episodes:.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
