"""Environments: what training code asks for instances.

Owns `Env` and `Instance`, the `Suite` over compiled modules, `program` (the one run-time
module compiled specs import besides the stdlib: bounded sampling, scene building, question
formatting) and the resource limits of one sample. May import render, answers and stdlib;
never the compiler, the quality tools, the training helpers or the integrations.
"""
