import os

from hypothesis import HealthCheck, settings

# A quick, derandomized profile by default (CI gives the same verdict on every run);
# TRON_HYPOTHESIS_PROFILE=thorough for a long, randomized sweep that looks for new cases.
settings.register_profile(
    "default",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("TRON_HYPOTHESIS_PROFILE", "default"))


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


def pytest_configure(config):
    # Hermetic tests: compiled specs go to a fresh cache, never the user's ~/.cache/tron.
    if "TRON_CACHE" not in os.environ:
        import tempfile

        os.environ["TRON_CACHE"] = tempfile.mkdtemp(prefix="tron-cache-")
