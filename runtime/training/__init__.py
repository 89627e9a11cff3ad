"""Training-side helpers: mixed batches sampled across processes, curricula that steer the
level mix by pass rate, and the online sampler on Ray.

May import envs, answers, render and tron.loading (to open the bundled suite); never the
quality tools or the integrations.
"""
