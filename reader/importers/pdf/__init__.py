"""PDF import: the text layer read with its layout, repaired into a document.

One module per step: :mod:`.extract` (pypdfium2 → lines with position and
font), :mod:`.furniture` (running headers/footers, page numbers),
:mod:`.footnotes` (page-foot notes), :mod:`.columns` (reading order),
:mod:`.headings` (font and outline), :mod:`.hyphenation` (line ends) and
:mod:`.paragraphs` (lines → blocks); :mod:`.importer` runs them in order.
"""

from reader.importers.pdf.importer import import_pdf

__all__ = ["import_pdf"]
