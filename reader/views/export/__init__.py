"""The exports of ``reader translate``: Markdown, HTML, EPUB and JSON lines.

:mod:`.stream` translates a document's sentences and delivers them as the
reader shows them; :mod:`.build` assembles the document model
(:mod:`.document`) every document writer renders — :mod:`.markdown` (escaping
with :mod:`.escape`), :mod:`.html` and :mod:`.epub` (both on the XHTML of
:mod:`.xhtml`), chosen in :mod:`.writers`; :mod:`.jsonl` writes the stream
itself. :mod:`.atomic` writes files and :mod:`.run` ties it together. Import
from the submodules: a renderer does not need the translation engine loaded.
"""
