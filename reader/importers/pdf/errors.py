"""The ways a PDF can be unreadable, each with a message that says what to do."""

from __future__ import annotations

from reader.errors import InputError


class PdfError(InputError):
    """A PDF the importer cannot read."""


class NotAPdfError(PdfError):
    """The file is named .pdf (or was declared pdf) but is not one."""

    def __init__(self, name: str, empty: bool = False) -> None:
        what = "the file is empty" if empty else "no %PDF- header"
        super().__init__(
            f"{name}: not a PDF file ({what}); check that it is complete and really a PDF"
        )


class EncryptedPdfError(PdfError):
    """The PDF needs a password to open."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"{name}: the PDF is protected by a password; save an unprotected copy first "
            "(e.g. qpdf --decrypt --password=PASSWORD IN.pdf OUT.pdf)"
        )


class DamagedPdfError(PdfError):
    """The PDF is truncated or corrupt beyond what the parser can repair."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(
            f"{name}: the PDF is damaged or truncated ({detail}); download or export it again"
        )


class NoTextLayerError(PdfError):
    """The PDF has pages but no text on them: a scan or page images."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"{name}: the PDF has no text layer (a scan?); run OCR first, e.g. "
            "ocrmypdf -l deu IN.pdf OUT.pdf"
        )
