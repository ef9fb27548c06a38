"""The Markdown export: a translated document as a bilingual ``.md`` file.

:mod:`.document` holds the data, :mod:`.build` assembles it from sentences,
translations and the glossary, :mod:`.markdown` renders it (escaping with
:mod:`.escape`), :mod:`.atomic` writes it, :mod:`.batch` runs the translation
and :mod:`.run` ties it together for ``reader translate``. Import from the
submodules: the renderer does not need the translation engine loaded.
"""
