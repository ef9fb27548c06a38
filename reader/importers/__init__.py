"""Importers: every supported file format turned into a :class:`~reader.document.Document`.

One module per format; :mod:`.detect` is the one place that picks the importer.
"""

from reader.importers.detect import FORMATS, detect_format, load_document

__all__ = ["FORMATS", "detect_format", "load_document"]
