"""The Markdown export: a translated document as a bilingual ``.md`` file.

:mod:`.document` holds the data, :mod:`.build` assembles it from sentences,
translations and the glossary, :mod:`.markdown` renders it (escaping with
:mod:`.escape`), :mod:`.atomic` writes it, :mod:`.batch` and :mod:`.progress`
run the translation. Import from the submodules: the renderer does not need
the translation engine loaded.
"""
