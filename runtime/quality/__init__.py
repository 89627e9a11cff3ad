"""Quality tools for authors: the validity checks (`tron validate`), the per-environment
analysis report and gate, the gallery and the preview contact sheet.

May import every runtime stage and tron.loading; nothing in the runtime imports it.
"""
