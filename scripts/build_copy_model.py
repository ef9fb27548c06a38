"""Train a tiny MarianMT model that copies its German input: the alignment oracle.

Random weights give random attention, so word alignment cannot be checked on
them. A model trained to *copy* has a known answer: every source word is
aligned to its own copy (the diagonal). Its output also *is* its input, so a
test can see at once when a translation is shown beside the wrong sentence.

The model has the real opus-mt file layout (``config.json``,
``generation_config.json`` with 4 beams, safetensors weights, ``source.spm``/
``target.spm``, ``vocab.json``) and loads through the same code paths
(``MarianMTModel``, ``MarianTokenizer``, the CTranslate2 converter). One
encoder and one decoder layer: the copy is done by the decoder's one
cross-attention, which therefore looks at the source piece it copies — so the
"penultimate layer" the engine reads alignments from is that layer.

Training data: the seed documents' sentences plus random sequences of seed
words (so the copy does not depend on memorised sentences), teacher-forced
cross-entropy, seeded. The ``<pad>`` embedding stays zero: the decoder starts
from it, and CTranslate2 starts Marian decoders from a zero vector. On the
shared development machine the build took 33 min (about 10 min of CPU time);
the loss is near zero after ~800 steps. Output (1.3 MB) is committed under
``tests/models/copy-de``::

    python scripts/build_copy_model.py              # → tests/models/copy-de
    python scripts/build_copy_model.py --to /tmp/copy --check
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))
sys.path.insert(0, str(ROOT))

from build_random_model import (  # noqa: E402
    EOS,
    PAD,
    UNK,
    _train_sentencepiece,
    _vocabulary,
    marian_tokenizer,
    seed_sentences,
)

DEFAULT_OUT = ROOT / "tests" / "models" / "copy-de"
ARCHITECTURE = {
    "d_model": 64,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 4,
    "decoder_attention_heads": 4,
    "encoder_ffn_dim": 128,
    "decoder_ffn_dim": 128,
    "max_position_embeddings": 256,
    "activation_function": "swish",
    "scale_embedding": True,
    "static_position_embeddings": True,
    "share_encoder_decoder_embeddings": True,
    "dropout": 0.0,
    "attention_dropout": 0.0,
}
SPM = ("bpe", 1500)
STEPS = 1200
BATCH = 16
MAX_WORDS = 30
LEARNING_RATE = 3e-3


def build_copy_model(out_dir: Path, seed: int = 0, steps: int = STEPS) -> Path:
    """Train the copy model and write it to ``out_dir`` (via a temporary directory)."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        pieces = _train_sentencepiece(work, *SPM)
        vocab = _vocabulary(pieces, None)
        (work / "vocab.json").write_text(_json(vocab))
        pad_id, eos_id = vocab[PAD], vocab[EOS]
        config = MarianConfig(
            **ARCHITECTURE,
            vocab_size=len(vocab),
            decoder_vocab_size=len(vocab),
            pad_token_id=pad_id,
            decoder_start_token_id=pad_id,
            eos_token_id=eos_id,
            bos_token_id=eos_id,
            forced_eos_token_id=eos_id,
        )
        tokenizer = marian_tokenizer(work, config.max_position_embeddings)
        model = MarianMTModel(config)
        _train(model, tokenizer, pad_id, steps)
        model.eval().save_pretrained(work)
        GenerationConfig(
            bad_words_ids=[[pad_id]],
            bos_token_id=eos_id,
            decoder_start_token_id=pad_id,
            eos_token_id=eos_id,
            forced_eos_token_id=eos_id,
            max_length=config.max_position_embeddings,
            num_beams=4,
            pad_token_id=pad_id,
            renormalize_logits=True,
        ).save_pretrained(work)
        tokenizer.save_pretrained(work)
        special = {"eos_token": EOS, "pad_token": PAD, "unk_token": UNK}
        (work / "special_tokens_map.json").write_text(_json(special))
        (work / "README.md").write_text(
            f"A tiny MarianMT model trained to copy its German input, built by "
            f"scripts/build_copy_model.py (seed {seed}, {steps} steps). For tests: its "
            "alignment is the diagonal.\n"
        )
        for leftover in ("tokenizer.json",):
            (work / leftover).unlink(missing_ok=True)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        work.rename(out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out_dir


def _train(model, tokenizer, pad_id: int, steps: int) -> None:
    import torch

    sentences = seed_sentences()
    words = [word for sentence in sentences for word in sentence.split()]
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.0)
    warmup = steps // 10
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min((step + 1) / warmup, max(0.05, (steps - step) / (steps - warmup))),
    )
    model.train()
    started = time.monotonic()
    for step in range(steps):
        batch = [_example(sentences, words) for _ in range(BATCH)]
        encoded = tokenizer(batch, padding=True, return_tensors="pt")
        labels = encoded["input_ids"].masked_fill(encoded["attention_mask"] == 0, -100)
        loss = model(**encoded, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        with torch.no_grad():
            # The decoder starts from the <pad> embedding, which Marian (and
            # CTranslate2: start_from_zero_embedding) keeps at zero; the tied
            # output projection would otherwise train it.
            model.get_input_embeddings().weight[pad_id].zero_()
        if step % 100 == 0 or step == steps - 1:
            elapsed = time.monotonic() - started
            print(f"step {step:5d}  loss {loss.item():.4f}  {elapsed:5.1f} s", flush=True)


def _example(sentences: list[str], words: list[str]) -> str:
    """Half the time a seed sentence, else a random run of seed words."""
    if random.random() < 0.5:
        return random.choice(sentences)
    return " ".join(random.choices(words, k=random.randint(1, MAX_WORDS)))


def check(model_dir: Path) -> int:
    """Copy every seed sentence with beam search; print and count the failures."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(model_dir)
    model = MarianMTModel.from_pretrained(model_dir).eval()
    failures = 0
    sentences = seed_sentences()
    for start in range(0, len(sentences), 16):
        chunk = sentences[start : start + 16]
        encoded = tokenizer(chunk, padding=True, return_tensors="pt")
        with torch.inference_mode():
            output = model.generate(**encoded, num_beams=4, max_new_tokens=300)
        for source, ids in zip(chunk, output, strict=True):
            copy = tokenizer.decode(ids, skip_special_tokens=True)
            if copy != tokenizer.decode(tokenizer(source)["input_ids"], skip_special_tokens=True):
                failures += 1
                print(f"MISMATCH\n  {source}\n  {copy}")
    print(f"{len(sentences) - failures}/{len(sentences)} seed sentences copied exactly")
    return failures


def _json(data: dict) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--to", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--check", action="store_true", help="only check an existing model")
    args = parser.parse_args(argv)
    if not args.check:
        started = time.monotonic()
        build_copy_model(args.to, args.seed, args.steps)
        size = sum(p.stat().st_size for p in args.to.iterdir())
        print(f"{args.to} ({size / 1e6:.2f} MB) in {time.monotonic() - started:.0f} s")
    return 1 if check(args.to) else 0


if __name__ == "__main__":
    sys.exit(main())
