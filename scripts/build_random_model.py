"""Build a MarianMT model directory with random weights, loadable like the real one.

The real ``Helsinki-NLP/opus-mt-de-en`` weights cannot be downloaded here, but
everything around them can be rebuilt: the same files (``config.json``,
``generation_config.json``, safetensors weights, ``source.spm``/``target.spm``,
``vocab.json``, tokenizer configs), loaded by the same code path
(``MarianMTModel.from_pretrained(dir)``, ``MarianTokenizer.from_pretrained(dir)``).

Three sizes:

* ``tiny``: a toy architecture (d_model 16, one layer each side) and a ~400-piece
  SentencePiece vocabulary trained on the seed texts. A few hundred KB, built
  in seconds; what the tests use.
* ``full``: the real architecture from ``../shared/opus-mt-de-en/config.json``
  (d_model 512, 6+6 layers, 8 heads, FFN 2048). The seed texts cannot train a
  58,101-piece SentencePiece model, so the 4,000 trained pieces are followed
  by ``<unused…>`` filler entries up to the real vocabulary size: embeddings
  and the output projection then have the real shape, and compute cost (which
  does not depend on the weights) matches the real model. The pieces are BPE:
  a unigram model tops out at ~1,900 pieces on this corpus, ~1.9 pieces per
  German word; 4,000 BPE pieces give ~1.4 (38 per seed sentence), near the
  real model's token counts, so sentences cost what they would cost for real.
  Used by benchmarks.
* ``small``: between the two (d_model 256, 3+3 layers, the 4,000 BPE pieces
  without filler), ~20 MB, built in a few seconds. Slow enough that the reader
  is always mid-batch when it quits — what the quit tests need — and quick
  enough to build inside the test suite.

Usage::

    python scripts/build_random_model.py --size full        # → models/random-full
    python scripts/build_random_model.py --size tiny --to /tmp/tiny
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"
REAL_CONFIG_DIR = ROOT.parent / "shared" / "opus-mt-de-en"
SIZES = ("tiny", "small", "full")

# The real model's layout of special tokens: </s> = 0, <unk> = 1, <pad> = last.
EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
REAL_VOCAB_SIZE = 58101

# The real architecture, used when ../shared is not around (e.g. a fresh clone).
REAL_ARCHITECTURE = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "max_position_embeddings": 512,
    "activation_function": "swish",
    "scale_embedding": True,
    "static_position_embeddings": True,
    "share_encoder_decoder_embeddings": True,
}
SMALL_ARCHITECTURE = {
    **REAL_ARCHITECTURE,
    "d_model": 256,
    "encoder_layers": 3,
    "decoder_layers": 3,
    "encoder_attention_heads": 4,
    "decoder_attention_heads": 4,
    "encoder_ffn_dim": 1024,
    "decoder_ffn_dim": 1024,
}
TINY_ARCHITECTURE = {
    **REAL_ARCHITECTURE,
    "d_model": 16,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 32,
    "decoder_ffn_dim": 32,
    # Large random weights make the output distribution peaked: near-ties
    # between logits would let float rounding (batch shape, padding) flip a
    # greedy choice, and tests compare batched with one-by-one output.
    "init_std": 0.5,
}
# Random weights almost never pick </s>: outputs would always run to the
# length cap. A bias on </s> makes the tiny model stop after a few dozen tokens
# on average (sometimes at once, sometimes only at the cap), like a real model
# with the occasional runaway — and keeps the test suite fast.
TINY_EOS_BIAS = 3.0
TINY_SPM = ("unigram", 400)
FULL_SPM = ("bpe", 4000)


def build_random_model(out_dir: Path, size: str = "tiny", seed: int = 0) -> Path:
    """Write a random-weight Marian model of ``size`` to ``out_dir`` and return it.

    The directory is written next to ``out_dir`` first and renamed into place,
    so a half-written model is never picked up.
    """
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, not {size!r}")
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        vocab = write_tokenizer(work, size)
        pad_id = vocab[PAD]

        if size == "full":
            architecture = REAL_ARCHITECTURE | _real_architecture()
        else:
            architecture = SMALL_ARCHITECTURE if size == "small" else TINY_ARCHITECTURE
        config = MarianConfig(
            **architecture,
            vocab_size=len(vocab),
            decoder_vocab_size=len(vocab),
            pad_token_id=pad_id,
            decoder_start_token_id=pad_id,
            eos_token_id=vocab[EOS],
            bos_token_id=vocab[EOS],
            forced_eos_token_id=vocab[EOS],
        )
        torch.manual_seed(seed)
        model = MarianMTModel(config).eval()
        if size == "tiny":
            with torch.no_grad():
                model.final_logits_bias[0, vocab[EOS]] = TINY_EOS_BIAS
        model.save_pretrained(work)
        GenerationConfig(
            bad_words_ids=[[pad_id]],
            bos_token_id=vocab[EOS],
            decoder_start_token_id=pad_id,
            eos_token_id=vocab[EOS],
            forced_eos_token_id=vocab[EOS],
            max_length=config.max_position_embeddings,
            num_beams=4,
            pad_token_id=pad_id,
            renormalize_logits=True,
        ).save_pretrained(work)

        (work / "README.md").write_text(
            f"Random-weight {size} MarianMT model built by scripts/build_random_model.py "
            f"(seed {seed}). It translates nothing: for tests and benchmarks only.\n"
        )

        if out_dir.exists():
            shutil.rmtree(out_dir)
        work.rename(out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out_dir


def write_tokenizer(work: Path, size: str = "tiny") -> dict[str, int]:
    """Write the tokenizer files of a ``size`` model into ``work``: the
    SentencePiece models, ``vocab.json`` and the configs ``MarianTokenizer``
    saves. Takes seconds, without any weights (the tokenizer tests use it on
    its own). Returns the vocabulary."""
    pieces = _train_sentencepiece(work, *(TINY_SPM if size == "tiny" else FULL_SPM))
    vocab = _vocabulary(pieces, REAL_VOCAB_SIZE if size == "full" else None)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1))
    marian_tokenizer(work, REAL_ARCHITECTURE["max_position_embeddings"]).save_pretrained(work)
    special = {"eos_token": EOS, "pad_token": PAD, "unk_token": UNK}
    (work / "special_tokens_map.json").write_text(json.dumps(special, indent=2))
    return vocab


def marian_tokenizer(work: Path, max_length: int):
    """A ``MarianTokenizer`` over the SentencePiece models and ``vocab.json`` in ``work``."""
    from transformers import MarianTokenizer

    return MarianTokenizer(
        source_spm=str(work / "source.spm"),
        target_spm=str(work / "target.spm"),
        vocab=str(work / "vocab.json"),
        source_lang="de",
        target_lang="en",
        model_max_length=max_length,
    )


def builder_fingerprint() -> str:
    """A hash of everything a build depends on: this file and the seed texts.

    Lets callers (the test fixture, the benchmark) reuse an earlier build.
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_random_model(
    out_dir: Path, size: str = "tiny", seed: int = 0, force: bool = False
) -> Path:
    """Build the model unless ``out_dir`` already holds one from the same builder."""
    stamp = f"{builder_fingerprint()}-{size}-{seed}"
    stamp_file = Path(out_dir) / ".built-by"
    if not force and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return Path(out_dir)
    build_random_model(out_dir, size=size, seed=seed)
    stamp_file.write_text(stamp)
    return Path(out_dir)


def seed_sentences() -> list[str]:
    """The sentences of the seed documents, as the reader segments them."""
    from reader.segment import all_sentences, segment

    sentences: list[str] = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences.extend(s.text for s in all_sentences(segment(text)))
    return sentences


def _training_lines() -> Iterator[str]:
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        # Scraped text runs sentences together ("erhalten!Einzelheiten"):
        # split there too, so the pieces look like those of clean sentences.
        text = re.sub(r"([.!?])(?=[A-ZÄÖÜ])", r"\1\n", text)
        yield from (line for line in text.splitlines() if line.strip())


def _train_sentencepiece(work: Path, model_type: str, vocab_size: int) -> list[str]:
    """Train a SentencePiece model on the seeds; write source.spm and target.spm.

    The same model serves both sides: the seeds are German only, and with
    random weights the target vocabulary's language does not matter.
    """
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=_training_lines(),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # the seed corpus caps how many pieces exist
        model_type=model_type,
        character_coverage=1.0,
        # Same id layout as the Marian models' SentencePiece files.
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
    )
    data = model.getvalue()
    (work / "source.spm").write_bytes(data)
    (work / "target.spm").write_bytes(data)
    processor = spm.SentencePieceProcessor(model_proto=data)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _vocabulary(pieces: list[str], size: int | None) -> dict[str, int]:
    """Marian's vocab.json: </s>, <unk>, the pieces, [filler], <pad> last."""
    vocab = {EOS: 0, UNK: 1}
    for piece in pieces:
        vocab.setdefault(piece, len(vocab))
    vocab.pop("<s>", None)
    vocab = {piece: i for i, piece in enumerate(vocab)}
    if size is not None:
        filler = size - 1 - len(vocab)
        if filler < 0:
            raise ValueError(f"{len(vocab)} pieces do not fit a vocabulary of {size}")
        first = len(vocab)
        vocab.update((f"<unused{i}>", first + i) for i in range(filler))
    vocab[PAD] = len(vocab)
    return vocab


def _real_architecture() -> dict[str, object]:
    """The architecture fields of the real config, when ../shared has it."""
    path = REAL_CONFIG_DIR / "config.json"
    if not path.is_file():
        return {}
    real = json.loads(path.read_text())
    return {key: real[key] for key in REAL_ARCHITECTURE if key in real}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="tiny")
    parser.add_argument("--to", type=Path, help="output directory (default: models/random-SIZE)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for the weights")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    out_dir = args.to or ROOT / "models" / f"random-{args.size}"
    ensure_random_model(out_dir, args.size, args.seed, force=args.force)
    size = sum(p.stat().st_size for p in out_dir.iterdir())
    print(f"{out_dir} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
