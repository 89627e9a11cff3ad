"""Public import path `tron.dataset`, kept stable for training code; the code lives in
`tron.integrations.dataset`. Importing this gives that very module."""

import sys

from tron.integrations import dataset as _module

sys.modules[__name__] = _module
