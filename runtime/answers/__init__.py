"""Answers and their verification.

Owns the answer types (one canonical text form and one strict parser each), extraction of the
final answer from a model's text, and the reward schemes. Imports nothing else of tron, so a
verifier can score a stored row with no scene, renderer or compiler loaded.
"""
