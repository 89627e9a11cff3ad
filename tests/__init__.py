"""The test suite. A regular package, so that `tests.<module>` helper imports resolve here even
when an installed distribution (verl ships one) puts its own top-level `tests` package on the path."""
