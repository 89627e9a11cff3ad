"""The online sampler on a real local Ray cluster."""

from pathlib import Path

import pytest

import tron
from tron.training.curriculum import Curriculum

ray = pytest.importorskip("ray")
SPECS = Path(__file__).resolve().parent / "golden" / "specs"
ENV = "counting/golden_colours"


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_batches_match_direct_sampling_and_stay_bounded(cluster):
    from tron.training.ray_sampler import OnlineSampler

    suite = tron.load(SPECS)
    with OnlineSampler(
        [ENV],
        workers=2,
        batch_size=5,
        prefetch=2,
        suite=SPECS,
        curriculum=Curriculum([ENV], seed=3),
    ) as pool:
        assert len(pool.in_flight) == 2
        seen = []
        for _ in range(3):
            batch = pool.next_batch(timeout=120)
            assert len(pool.in_flight) == 2  # one consumed, one planned: bounded
            for inst in batch:
                direct = suite.make(inst.env_id).sample(inst.level, inst.seed)
                assert (inst.svg, inst.question, inst.answer) == (
                    direct.svg,
                    direct.question,
                    direct.answer,
                )
                assert inst.image.tobytes() == direct.image.tobytes()
                seen.append(inst.seed)
        assert seen == list(range(15))


def test_curriculum_is_fed_by_reported_rewards(cluster):
    from tron.training.ray_sampler import OnlineSampler

    cur = Curriculum([ENV], levels=range(10), seed=0, window=8, explore=0.0)
    with OnlineSampler(
        [ENV], workers=1, batch_size=8, prefetch=1, suite=SPECS, curriculum=cur
    ) as pool:
        start = cur.frontier(ENV)
        for _ in range(6):
            batch = pool.next_batch(timeout=120)
            pool.report([(i.env_id, i.level, [1.0]) for i in batch])  # a perfect learner
        assert cur.frontier(ENV) > start
