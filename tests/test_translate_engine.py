"""The engine on the tiny model: batching, priorities, bad input, long input."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reader.locations import Locations
from reader.translate import EngineOptions, load_engine
from reader.translate.batching import bucket

SENTENCES = [
    "Die Allianz zwischen den USA und Japan befindet sich an einem Wendepunkt.",
    "Japan bleibt ein unverzichtbarer Akteur.",
    "Kommende Woche treffen sich der chinesische Präsident Xi Jinping und der "
    "japanische Premierminister Shinzo Abe in Peking, um über Kooperation im "
    "Technologiesektor und über IP zu sprechen.",
    "Nirgends gibt es mehr als in China.",
    "Das ist für japanische Unternehmen sicherlich interessant.",
    "Umgekehrt kann sich China Zugang zu hochentwickelten Technologien in Japan verschaffen.",
    "Beide Länder haben bereits Kommunikationskanäle aufgebaut.",
    "Ende August hatten die japanische CHAdeMO mit dem China Electricity Council vereinbart.",
]
COPY_MODEL = Path(__file__).resolve().parent / "models" / "copy-de"
# Sources of clearly different lengths fall into different length buckets, so
# each batch holds just one of them: the tests can see each step.
ONE_PER_BATCH = ["Japan " * n for n in (1, 40, 70, 100)]


def test_one_per_batch_sources_are_in_different_buckets(engine):
    buckets = {bucket(len(engine.encode(text))) for text in ONE_PER_BATCH}
    assert len(buckets) == len(ONE_PER_BATCH)


def make_engine(model_dir, cache_dir, quantize: str, preset: str = "quality"):
    return load_engine(
        EngineOptions(
            model=str(model_dir),
            device="cpu",
            preset=preset,
            quantize=quantize,
            use_cache=False,
            locations=replace(Locations.from_environment(), cache_dir=cache_dir),
        )
    )


@pytest.fixture(scope="module", params=["none", "int8"])
def engine(request, tiny_model_dir, tmp_path_factory):
    """The torch (fp32) and CTranslate2 (int8) engines, without translation cache."""
    engine = make_engine(tiny_model_dir, tmp_path_factory.mktemp("converted"), request.param)
    yield engine
    engine.close()


@pytest.fixture(scope="module", params=["none", "int8"])
def greedy_engine(request, tiny_model_dir, tmp_path_factory):
    """The same, with the fast preset: for tests of very long input."""
    cache_dir = tmp_path_factory.mktemp("converted")
    engine = make_engine(tiny_model_dir, cache_dir, request.param, preset="fast")
    yield engine
    engine.close()


@pytest.mark.parametrize("quantize", ["none", "int8"])
def test_every_sentence_gets_its_own_translation(quantize, tmp_path):
    # The copy model (tests/models/copy-de) translates a sentence into itself:
    # the exact expected output, so a shuffled, dropped or truncated result fails.
    copy = make_engine(COPY_MODEL, tmp_path, quantize)
    try:
        assert copy.translate(SENTENCES) == SENTENCES
    finally:
        copy.close()


def test_batching_does_not_change_results(engine):
    one_by_one = [engine.translate([sentence])[0] for sentence in SENTENCES]
    assert engine.translate(SENTENCES) == one_by_one
    assert engine.translate(SENTENCES[::-1]) == one_by_one[::-1]


def test_results_arrive_cached_first_then_priority_then_rest(engine):
    texts = ["", *SENTENCES]
    job = engine.start(texts, priority=[5, 2])
    order = [result.index for result in job]
    assert sorted(order) == list(range(len(texts)))
    assert order[0] == 0  # empty: answered without the model
    assert order[1:3] == [5, 2]
    assert job.done == job.total == len(texts)


def test_unprioritized_work_goes_in_document_order(engine):
    assert [r.index for r in engine.start(ONE_PER_BATCH)] == list(range(len(ONE_PER_BATCH)))


def test_prioritize_while_iterating_from_another_thread(engine):
    job = engine.start(ONE_PER_BATCH)
    results = iter(job)
    assert next(results).index == 0
    # The UI thread scrolls: sentences 3 then 1 are now on screen.
    thread = threading.Thread(target=job.prioritize, args=([3, 1],))
    thread.start()
    thread.join()
    assert [result.index for result in results] == [3, 1, 2]


def test_cancel_stops_after_the_batch_in_flight(engine):
    job = engine.start(ONE_PER_BATCH)
    results = iter(job)
    next(results)
    job.cancel()
    assert list(results) == []
    assert job.done == 1 < job.total


def test_duplicates_are_translated_once_and_reported_for_each_index(engine):
    texts = [SENTENCES[0], SENTENCES[1], SENTENCES[0]]
    results = {r.index: r.translation for r in engine.start(texts)}
    assert results[0] == results[2] == engine.translate([SENTENCES[0]])[0]


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\t ", "😀", "🇩🇪🇯🇵 " * 50, "Straße 👍🏽 über", "x" * 5000, "\u200b", "a\x00b", "."],
)
def test_bad_input_never_crashes(engine, text):
    (translation,) = engine.translate([text])
    assert isinstance(translation, str)
    if not text.strip():
        assert translation == ""


def test_long_unpunctuated_input_is_split_not_truncated(greedy_engine):
    engine = greedy_engine
    text = " ".join(f"wort{n}" for n in range(500))[:3000]
    assert len(text) == 3000 and not any(p in text for p in ".,;:!?")
    parts = engine.parts(text)
    assert len(parts) > 1
    assert all(len(ids) <= 250 for _, _, ids in parts)
    assert " ".join(part for _, part, _ in parts).split() == text.split()
    # Every piece is translated; the translations are joined, none dropped.
    (translation,) = engine.translate([text])
    single_pieces = [engine.generate_aligned([(part, ids)])[0][0] for _, part, ids in parts]
    assert translation == " ".join(single_pieces)


def test_description_names_model_device_precision_and_search(tiny_model_dir, tmp_path):
    fast = make_engine(tiny_model_dir, tmp_path, "none", preset="fast")
    assert fast.description == f"{tiny_model_dir.name} · cpu · fp32 · greedy"
    assert fast.beams == 1
    fast.close()


def test_first_batch_is_small_then_batches_double(tiny_engine, monkeypatch):
    """A reader's first screen: the first English comes from a small batch."""
    sizes = []
    generate = tiny_engine.generate_aligned

    def recording(batch):
        sizes.append(len(batch))
        return generate(batch)

    monkeypatch.setattr(tiny_engine, "generate_aligned", recording)
    texts = [f"Satz Nummer {n} über Japan." for n in range(40)]
    results = list(tiny_engine.start(texts, priority=range(5, 11), first_batch=2))
    assert sizes == [2, 4, 8, 16, 10]  # tiny_engine: 4 beams, 32 sentences at most
    assert [r.index for r in results[:2]] == [5, 6]
    assert sorted(r.index for r in results) == list(range(40))
    sizes.clear()
    assert tiny_engine.translate(texts) == [
        r.translation for r in sorted(results, key=lambda r: r.index)
    ]
    assert sizes == [32, 8]  # without first_batch: full batches
