from __future__ import annotations

import zlib

from strikewatch.events.sketch import (_words, candidate_pairs, hash_set, pack, packed_sketches, report_text,
                                      shingle_hashes, shingles, similarity, sketch, sketches, words_of)

WIRE = ("KYIV (Eastgate Wire) - Russia attacked Kyiv with drones and missiles overnight into Monday, killing at "
        "least four people and wounding 17, Mayor Vitali Klitschko said. Explosions echoed across the capital for "
        "several hours as air defence units fired into the night sky. Klitschko said on Telegram that a high-rise "
        "apartment building in the Obolonskyi district had been hit and that rescuers were pulling people from the rubble.")
EDITED = WIRE.replace("the capital", "the Ukrainian capital").replace("Mayor Vitali Klitschko", "mayor Vitaliy Klychko")
OTHER = ("Russia launched 60 drones at Ukraine overnight into Tuesday, the air force said, and 48 of them were shot "
         "down. In Kyiv, one person was killed and five were injured, the head of the city military administration "
         "said. Fires broke out in the Darnytskyi district, where debris hit a car park.")


def test_an_edited_reprint_resembles_the_wire_story_and_another_report_does_not() -> None:
    assert similarity(sketch(WIRE), sketch(EDITED)) >= 0.3
    assert similarity(sketch(WIRE), sketch(OTHER)) < 0.1


def test_sketch_is_deterministic_and_punctuation_blind() -> None:
    assert sketch(WIRE) == sketch(WIRE.replace(",", " ,").upper())
    assert sketch("") == () and similarity((), sketch(WIRE)) == 0.0


def test_shingles_are_four_word_windows() -> None:
    assert shingles("one two three four five") == {"one two three four", "two three four five"}


def test_buckets_pair_the_reprint_and_not_the_unrelated_story() -> None:
    pairs = {tuple(sorted(p)) for p in candidate_pairs(sketches([WIRE, OTHER, EDITED, "", "short text"]))}
    assert (0, 2) in pairs
    assert not any(1 in p for p in pairs)


def test_batch_sketches_equal_single_sketches_and_keep_the_smallest_hashes() -> None:
    texts = [WIRE, "", "two words", OTHER, EDITED]
    batch = sketches(texts, k=16)
    assert batch == [sketch(t, k=16) for t in texts]
    assert list(batch[0]) == shingle_hashes(WIRE)[:16].tolist()
    assert batch[1] == () and len(batch[2]) == 1


def test_report_without_text_is_compared_on_title_evidence_and_quotes() -> None:
    report = {"title": "Kyiv hit", "facts": [{"evidence": "nine people were killed"}],
              "quotes": [{"text": "a deliberate strike on sleeping people"}]}
    text = report_text(report)
    assert "nine people were killed" in text and "sleeping people" in text


def test_packed_sketches_hold_the_same_hashes_in_the_same_order() -> None:
    texts = [WIRE, "", "two words", OTHER, EDITED, "one two three four five six"]
    plain, packed = sketches(texts), packed_sketches(texts)
    assert packed == [pack(sk) for sk in plain]
    assert sorted(range(len(texts)), key=lambda i: packed[i]) == sorted(range(len(texts)), key=lambda i: plain[i])
    assert similarity(packed[0], packed[4]) == similarity(plain[0], plain[4])
    assert hash_set(packed[1]) == frozenset() and len(hash_set(packed[0])) == len(plain[0])
    assert set(candidate_pairs(packed)) == set(candidate_pairs(plain))


def test_the_ascii_word_path_reads_the_same_words_as_the_unicode_one() -> None:
    texts = [WIRE, "Kyiv \u2014 \u201cstrikes\u201d hit\u2019s it\u2026 \u00abnow\u00bb", "a\x1cb\x1fc\td", "K\u212a Kyiv",
             "Odesa\u00a0port", "Charkiw, \u00f6l", "UPPER lower MiXeD", "tabs\tand\nnew\x0blines\x0c"]
    for text in texts:
        expected = [zlib.crc32(w.encode("utf-8")) for w in words_of(text)]
        assert _words(text, 1) == expected, text
    assert sketch(texts[1]) == sketch("kyiv strikes hit s it now")
