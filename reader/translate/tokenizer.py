"""MarianTokenizer's encoding and decoding with SentencePiece alone.

The CPU default (CTranslate2 int8) needs nothing from transformers but the
tokenizer, and importing transformers and torch and building
``MarianTokenizer`` costs ~3.5 s before the first sentence is translated.
:class:`SentencePieceTokenizer` does what ``MarianTokenizer`` does for the
opus-mt models, step by step, with the same files:

* **encode**: split the text at the special tokens (``</s>``, ``<unk>``,
  ``<pad>``: written in the text they stay one token each, as
  ``PreTrainedTokenizer.tokenize`` keeps them), keep a leading ``>>xx<<``
  language code whole, cut the rest into pieces with ``source.spm``, map the
  pieces to ids with ``vocab.json`` (a piece it does not hold is ``<unk>``),
  and append ``</s>``. ``MarianTokenizer`` sets up sacremoses' punctuation
  normaliser but never applies it when encoding (transformers 4.x and 5.x), so
  neither does this class.
* **decode**: drop the special ids (``</s>``, ``<unk>``, ``<pad>``) with
  ``skip_special_tokens``, map ids back to pieces, join runs of pieces with
  the source SentencePiece model (``MarianTokenizer`` decodes with it when the
  vocabulary is shared, as in opus-mt), ``▁`` → space, strip.

``tests/test_translate_tokenizer.py`` checks identical ids and identical
decoded text against ``MarianTokenizer`` for every sentence of the seeds and
the held-out texts. A tokenizer configuration this class does not reproduce
(separate source/target vocabularies, extra special tokens, tokens that strip
their neighbours' spaces, SentencePiece options) raises
:class:`UnsupportedTokenizerError`, and the caller falls back to
``MarianTokenizer``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import sentencepiece

from reader.errors import ReaderError

SPIECE_UNDERLINE = "▁"


class UnsupportedTokenizerError(ReaderError):
    """The model's tokenizer configuration needs transformers' MarianTokenizer."""


@dataclass(frozen=True)
class SpecialTokens:
    """The special tokens' strings, as ``tokenizer_config.json`` names them."""

    eos: str = "</s>"
    unk: str = "<unk>"
    pad: str = "<pad>"

    @property
    def all(self) -> tuple[str, str, str]:
        # MarianTokenizer's all_special_tokens order (SPECIAL_TOKENS_ATTRIBUTES).
        return (self.eos, self.unk, self.pad)


class SentencePieceTokenizer:
    """``MarianTokenizer``'s behaviour for a shared-vocabulary Marian model.

    Offers the methods of ``MarianTokenizer`` the reader uses, under the same
    names, so either tokenizer can be handed to the engine and its helpers.
    """

    def __init__(
        self,
        source: sentencepiece.SentencePieceProcessor,
        vocab: dict[str, int],
        special: SpecialTokens = SpecialTokens(),
        clean_up_tokenization_spaces: bool = False,
    ) -> None:
        for token in special.all:
            if token not in vocab:
                raise UnsupportedTokenizerError(f"the vocabulary has no {token}")
        self._spm = source
        self._encoder = vocab
        self._decoder = {index: piece for piece, index in vocab.items()}
        self._special = special
        self._special_tokens = frozenset(special.all)
        self._special_ids = frozenset(vocab[token] for token in special.all)
        self._clean_up = clean_up_tokenization_spaces
        # Longest first: the leftmost-longest match, as transformers' Trie splits.
        alternatives = sorted(special.all, key=len, reverse=True)
        self._special_split = re.compile("(" + "|".join(map(re.escape, alternatives)) + ")")
        self.eos_token = special.eos
        self.unk_token = special.unk
        self.pad_token = special.pad
        self.eos_token_id = vocab[special.eos]
        self.unk_token_id = vocab[special.unk]
        self.pad_token_id = vocab[special.pad]

    @classmethod
    def from_pretrained(cls, model_dir: Path | str) -> SentencePieceTokenizer:
        """Load the tokenizer of a Marian model directory.

        Raises :class:`UnsupportedTokenizerError` for a configuration only
        ``MarianTokenizer`` reproduces, and ``OSError``/``ValueError``/
        ``RuntimeError`` for missing or damaged files.
        """
        model_dir = Path(model_dir)
        # Both files are optional (MarianTokenizer's defaults apply);
        # special_tokens_map.json names the special tokens too.
        config = _read_optional_json(model_dir / "tokenizer_config.json")
        names = config | _read_optional_json(model_dir / "special_tokens_map.json")
        special = SpecialTokens(
            eos=_token_name(names.get("eos_token", "</s>")),
            unk=_token_name(names.get("unk_token", "<unk>")),
            pad=_token_name(names.get("pad_token", "<pad>")),
        )
        _check_supported(model_dir, names, special)
        vocab = _read_json(model_dir / "vocab.json")
        if not isinstance(vocab, dict):
            raise ValueError(f"{model_dir / 'vocab.json'} is not a JSON object")
        for token, index in _added_tokens(config):
            if vocab.get(token) != index:
                raise UnsupportedTokenizerError(f"added token {token} is not in the vocabulary")
        source = sentencepiece.SentencePieceProcessor()
        source.Load(str(model_dir / "source.spm"))
        return cls(source, vocab, special, bool(config.get("clean_up_tokenization_spaces")))

    # Encoding

    def __call__(self, text: str) -> dict[str, list[int]]:
        """``MarianTokenizer(text)`` for one text: ``input_ids`` and ``attention_mask``."""
        ids = self.encode(text)
        return {"input_ids": ids, "attention_mask": [1] * len(ids)}

    def encode(self, text: str) -> list[int]:
        """The model's input ids for ``text``, ending in ``</s>``."""
        return [*self.convert_tokens_to_ids(self.tokenize(text)), self.eos_token_id]

    def tokenize(self, text: str) -> list[str]:
        """The pieces of ``text`` (no ``</s>`` appended)."""
        pieces: list[str] = []
        for part in self._special_split.split(text):
            if not part:
                continue
            if part in self._special_tokens:
                pieces.append(part)
            else:
                pieces.extend(self._pieces(part))
        return pieces

    def _pieces(self, text: str) -> list[str]:
        code: list[str] = []
        if text.startswith(">>") and (end := text.find("<<")) != -1:
            code.append(text[: end + 2])
            text = text[end + 2 :]
        return code + self._spm.encode(text, out_type=str)

    @overload
    def convert_tokens_to_ids(self, tokens: str) -> int: ...

    @overload
    def convert_tokens_to_ids(self, tokens: Iterable[str]) -> list[int]: ...

    def convert_tokens_to_ids(self, tokens: str | Iterable[str]) -> int | list[int]:
        """Vocabulary ids of pieces; a piece the vocabulary lacks is ``<unk>``."""
        if isinstance(tokens, str):
            return self._encoder.get(tokens, self.unk_token_id)
        return [self._encoder.get(token, self.unk_token_id) for token in tokens]

    # Decoding

    def decode(self, ids: Iterable[int], skip_special_tokens: bool = False) -> str:
        """The text of output ids, as ``MarianTokenizer.decode``."""
        text = self.convert_tokens_to_string(
            self.convert_ids_to_tokens(list(ids), skip_special_tokens=skip_special_tokens)
        )
        return _clean_up_tokenization(text) if self._clean_up else text

    @overload
    def convert_ids_to_tokens(self, ids: int, skip_special_tokens: bool = False) -> str: ...

    @overload
    def convert_ids_to_tokens(
        self, ids: Sequence[int], skip_special_tokens: bool = False
    ) -> list[str]: ...

    def convert_ids_to_tokens(
        self, ids: int | Sequence[int], skip_special_tokens: bool = False
    ) -> str | list[str]:
        """The vocabulary pieces of ``ids`` (``▁`` marks a word start)."""
        if isinstance(ids, int):
            return self._piece(ids)
        return [
            self._piece(int(index))
            for index in ids
            if not (skip_special_tokens and int(index) in self._special_ids)
        ]

    def _piece(self, index: int) -> str:
        if index in self._decoder:
            return self._decoder[index]
        # An id beyond vocab.json: MarianTokenizer asks SentencePiece.
        piece = self._spm.IdToPiece(index) if 0 <= index < self._spm.GetPieceSize() else ""
        return piece or self.unk_token

    def convert_tokens_to_string(self, tokens: Sequence[str]) -> str:
        """Join pieces into text; special tokens stay verbatim, followed by a space."""
        text = ""
        run: list[str] = []
        for token in tokens:
            if token in self._special_tokens:
                text += self._spm.decode_pieces(run) + token + " "
                run = []
            else:
                run.append(token)
        text += self._spm.decode_pieces(run)
        return text.replace(SPIECE_UNDERLINE, " ").strip()


def _read_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _read_optional_json(path: Path) -> dict:
    if not path.is_file():
        return {}
    content = _read_json(path)
    if not isinstance(content, dict):
        raise ValueError(f"{path} is not a JSON object")
    return content


def _token_name(value: object) -> str:
    """A special token as ``tokenizer_config.json`` writes it: a string or an AddedToken dict."""
    if isinstance(value, dict) and isinstance(value.get("content"), str):
        return value["content"]
    if isinstance(value, str):
        return value
    raise UnsupportedTokenizerError(f"unexpected special token {value!r}")


def _added_tokens(config: dict) -> list[tuple[str, int]]:
    """``added_tokens_decoder`` as ``(token, id)``; only plain special tokens are supported."""
    added = []
    for index, token in config.get("added_tokens_decoder", {}).items():
        if not isinstance(token, dict) or any(
            token.get(flag) for flag in ("lstrip", "rstrip", "single_word")
        ):
            raise UnsupportedTokenizerError(f"added token {token!r} strips spaces")
        added.append((token.get("content"), int(index)))
    return added


def _check_supported(model_dir: Path, config: dict, special: SpecialTokens) -> None:
    """Raise :class:`UnsupportedTokenizerError` where MarianTokenizer would differ."""
    reasons = []
    if config.get("separate_vocabs"):
        reasons.append("separate source and target vocabularies")
    if config.get("sp_model_kwargs"):
        reasons.append("SentencePiece options")
    if config.get("split_special_tokens"):
        reasons.append("split_special_tokens")
    if config.get("extra_special_tokens") or config.get("additional_special_tokens"):
        reasons.append("extra special tokens")
    if (model_dir / "added_tokens.json").exists():
        reasons.append("added_tokens.json")
    added = {token for token, _ in _added_tokens(config)}
    if not added <= set(special.all):
        reasons.append(f"added tokens {sorted(added - set(special.all))}")
    if reasons:
        raise UnsupportedTokenizerError(
            f"{model_dir}: MarianTokenizer needed for {', '.join(reasons)}"
        )


def _clean_up_tokenization(text: str) -> str:
    """transformers' ``clean_up_tokenization`` (when the config asks for it)."""
    return (
        text.replace(" .", ".")
        .replace(" ?", "?")
        .replace(" !", "!")
        .replace(" ,", ",")
        .replace(" ' ", "'")
        .replace(" n't", "n't")
        .replace(" 'm", "'m")
        .replace(" 's", "'s")
        .replace(" 've", "'ve")
        .replace(" 're", "'re")
    )


def load_tokenizer(model_dir: Path, reference: bool = False):
    """The model's tokenizer: :class:`SentencePieceTokenizer` where it
    reproduces ``MarianTokenizer`` exactly (milliseconds, no transformers
    import), else — or with ``reference`` (the torch path) —
    ``MarianTokenizer`` itself.

    Raises :class:`~reader.translate.backends.ModelLoadError` when the files
    are missing or damaged.
    """
    from reader.translate.backends import ModelLoadError

    try:
        if not reference:
            try:
                return SentencePieceTokenizer.from_pretrained(model_dir)
            except UnsupportedTokenizerError:
                pass
        return _marian_tokenizer(model_dir)
    except (OSError, ValueError, RuntimeError) as error:
        raise ModelLoadError(f"cannot load the tokenizer in {model_dir}: {error}") from None


def _marian_tokenizer(model_dir: Path):
    from transformers import MarianTokenizer
    from transformers.utils import logging as transformers_logging

    # Per-file loading bars and advice would garble the CLI's own progress.
    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()
    return MarianTokenizer.from_pretrained(model_dir)
