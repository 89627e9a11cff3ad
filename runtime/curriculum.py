"""Public import path `tron.curriculum`, kept stable for training code; the code lives in
`tron.training.curriculum`. Importing this gives that very module."""

import sys

from tron.training import curriculum as _module

sys.modules[__name__] = _module
