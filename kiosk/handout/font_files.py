"""The handout's bundled TrueType files, by name: here, not in fonts.py, so that content checking (check_glyphs.py)
can find them without importing ReportLab at startup."""

FAMILY = "AtkinsonHyperlegible"
REGULAR_FILE = "AtkinsonHyperlegible-Regular.ttf"
BOLD_FILE = "AtkinsonHyperlegible-Bold.ttf"
