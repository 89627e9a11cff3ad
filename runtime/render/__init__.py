"""The scene model and its renderers.

Owns the abstract scene (items, styles, keys), colours and themes, text outlines from the
bundled fonts, the SVG writer, the direct Cairo raster (and the ID-buffer render the validity
checks count pixels on), cairosvg rasterising of stored SVG, PNG encoding and training-time
augmentation. Imports nothing else of tron: every other stage may draw on it.
"""
