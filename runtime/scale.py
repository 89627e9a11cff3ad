"""Public import path `tron.scale`, kept stable for training code; the code lives in
`tron.training.ray_sampler`. Importing this gives that very module."""

import sys

from tron.training import ray_sampler as _module

sys.modules[__name__] = _module
