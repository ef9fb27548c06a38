"""reader — an offline German→English bilingual reader for the terminal.

The pipeline is visible in the package layout::

    segment → translate → glossary → views (tui, export)
"""

__version__ = "0.1.0"
