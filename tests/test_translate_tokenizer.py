"""The SentencePiece fast path against transformers' MarianTokenizer (the reference).

Every sentence of both seeds and of the held-out gold texts, the seeds' raw
lines and a few hand-made edge cases must give identical ids, identical
pieces and identical decoded text — on the tiny test model's SentencePiece
files and on the full-size random model's (4,000 BPE pieces in a
58,101-entry vocabulary, like the real opus-mt).
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from transformers import MarianTokenizer

from reader.segment import all_sentences, segment
from reader.translate.backends import ModelLoadError
from reader.translate.tokenizer import (
    SentencePieceTokenizer,
    UnsupportedTokenizerError,
    load_tokenizer,
)

ROOT = Path(__file__).resolve().parents[1]

EDGE_CASES = [
    "",
    " ",
    "  doppelte  Leerzeichen  und\tTabs\nund Zeilen ",
    "Sonderzeichen </s> mitten<unk>im<pad>Text</s>",
    "<unk>",
    ">>en<< Ein Sprachcode vorn",
    "„Anführungszeichen“, »Guillemets«, ‚halbe‘ – Gedankenstrich … Ellipse",
    "Unbekannte Zeichen: ☃ 😀 ∮ 漢字 \u00a0 geschütztes Leerzeichen",
    "Zahlen 1.234,56 € und 9.30 Uhr, E-Mail: info@example.org",
    "ÄÖÜäöüß ÀÉÎõ — Ligaturen ﬁ ﬂ und ½ ²",
]


def _texts() -> list[str]:
    texts = list(EDGE_CASES)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        texts.extend(sentence.text for sentence in all_sentences(segment(raw)))
        texts.extend(line for line in raw.splitlines() if line.strip())
    for path in sorted((ROOT / "tests" / "gold").glob("*.txt")):
        texts.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line)
    return texts


TEXTS = _texts()


@pytest.fixture(params=["tiny", "full"])
def tokenizer_dir(request) -> Path:
    name = "tiny_model_dir" if request.param == "tiny" else "full_tokenizer_dir"
    return request.getfixturevalue(name)


def test_sentence_count_covers_seeds_and_held_out_texts() -> None:
    assert len(TEXTS) > 450  # 188 seed sentences, 303 gold lines, raw lines


def test_same_ids_pieces_and_text_as_marian_tokenizer(tokenizer_dir: Path) -> None:
    reference = MarianTokenizer.from_pretrained(tokenizer_dir)
    fast = SentencePieceTokenizer.from_pretrained(tokenizer_dir)
    for text in TEXTS:
        ids = reference(text)["input_ids"]
        assert fast.encode(text) == ids, text
        assert fast(text)["input_ids"] == ids, text
        assert fast.convert_ids_to_tokens(ids) == reference.convert_ids_to_tokens(ids), text
        for skip in (True, False):
            assert fast.decode(ids, skip_special_tokens=skip) == reference.decode(
                ids, skip_special_tokens=skip
            ), text


def test_same_decoding_of_arbitrary_model_output(tokenizer_dir: Path) -> None:
    """A model may emit any id in any order (random weights do): decoding agrees."""
    reference = MarianTokenizer.from_pretrained(tokenizer_dir)
    fast = SentencePieceTokenizer.from_pretrained(tokenizer_dir)
    rng = random.Random(13)
    size = len(json.loads((tokenizer_dir / "vocab.json").read_text()))
    for _ in range(500):
        ids = [rng.randrange(size) for _ in range(rng.randrange(40))]
        for skip in (True, False):
            assert fast.decode(ids, skip_special_tokens=skip) == reference.decode(
                ids, skip_special_tokens=skip
            ), ids
        tokens = reference.convert_ids_to_tokens(ids)
        assert fast.convert_ids_to_tokens(ids) == tokens
        assert fast.convert_tokens_to_ids(tokens) == reference.convert_tokens_to_ids(tokens)


def test_special_token_ids_match(tiny_model_dir: Path) -> None:
    reference = MarianTokenizer.from_pretrained(tiny_model_dir)
    fast = SentencePieceTokenizer.from_pretrained(tiny_model_dir)
    assert (fast.eos_token_id, fast.unk_token_id, fast.pad_token_id) == (
        reference.eos_token_id,
        reference.unk_token_id,
        reference.pad_token_id,
    )
    assert fast.convert_ids_to_tokens(fast.eos_token_id) == "</s>"
    assert fast.convert_tokens_to_ids("no-such-piece") == fast.unk_token_id


@pytest.mark.parametrize(
    "change",
    [
        {"separate_vocabs": True},
        {"sp_model_kwargs": {"enable_sampling": True}},
        {"extra_special_tokens": {"lang": ">>de<<"}},
        {
            "added_tokens_decoder": {
                "0": {"content": "</s>", "lstrip": True, "rstrip": False, "special": True}
            }
        },
    ],
    ids=["separate-vocabs", "spm-options", "extra-special-tokens", "stripping-token"],
)
def test_configurations_it_cannot_reproduce_are_refused(
    tiny_model_dir: Path, tmp_path: Path, change: dict
) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    config_path = model / "tokenizer_config.json"
    config = json.loads(config_path.read_text())
    config.update(change)
    config_path.write_text(json.dumps(config))
    with pytest.raises(UnsupportedTokenizerError):
        SentencePieceTokenizer.from_pretrained(model)


def test_clean_up_spaces_when_the_config_asks(tiny_model_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    config_path = model / "tokenizer_config.json"
    config = json.loads(config_path.read_text()) | {"clean_up_tokenization_spaces": True}
    config_path.write_text(json.dumps(config))
    reference = MarianTokenizer.from_pretrained(model)
    fast = SentencePieceTokenizer.from_pretrained(model)
    for text in [*EDGE_CASES, "Ja , nein . Was ? Oh !"]:
        ids = reference(text)["input_ids"]
        assert fast.decode(ids, skip_special_tokens=True) == reference.decode(
            ids, skip_special_tokens=True
        )


def test_damaged_files_raise_os_or_value_errors(tiny_model_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    (model / "vocab.json").write_text("{not json")
    with pytest.raises(ValueError):
        SentencePieceTokenizer.from_pretrained(model)
    shutil.copy(tiny_model_dir / "vocab.json", model / "vocab.json")
    (model / "source.spm").write_bytes(b"garbage")
    with pytest.raises((OSError, RuntimeError)):
        SentencePieceTokenizer.from_pretrained(model)


def test_load_tokenizer_falls_back_to_marian_where_it_must(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    assert isinstance(load_tokenizer(tiny_model_dir), SentencePieceTokenizer)
    assert isinstance(load_tokenizer(tiny_model_dir, reference=True), MarianTokenizer)
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    config_path = model / "tokenizer_config.json"
    config = json.loads(config_path.read_text()) | {"sp_model_kwargs": {"enable_sampling": False}}
    config_path.write_text(json.dumps(config))
    assert isinstance(load_tokenizer(model), MarianTokenizer)


def test_load_tokenizer_reports_damaged_files_in_one_line(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    (model / "vocab.json").write_text("{not json")
    with pytest.raises(ModelLoadError, match=r"^cannot load the tokenizer in .*model: "):
        load_tokenizer(model)


def test_without_tokenizer_configs_the_defaults_apply(tiny_model_dir: Path, tmp_path: Path) -> None:
    """A model directory needs only the spm files and vocab.json (reader's REQUIRED_FILES)."""
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    (model / "tokenizer_config.json").unlink()
    (model / "special_tokens_map.json").unlink()
    reference = MarianTokenizer.from_pretrained(model)
    fast = SentencePieceTokenizer.from_pretrained(model)
    for text in TEXTS[:50]:
        ids = reference(text)["input_ids"]
        assert fast.encode(text) == ids
        assert fast.decode(ids, skip_special_tokens=True) == reference.decode(
            ids, skip_special_tokens=True
        )
