from __future__ import annotations

from conftest import dropped, kept


def test_tokens_counters_and_punctuation(run_cleaner) -> None:
    text = "0\nloader\nChat\nS'abonner\nClose\n'\n12 345\nVia:: Ligne de défense\nLe texte reste."
    assert kept(run_cleaner("ui_tokens", text)) == ["Le texte reste."]


def test_trailing_marker_trimmed_with_exact_span(run_cleaner) -> None:
    out = run_cleaner("ui_tokens", "Il a dénoncé des violations Voir l’article en entier")
    assert kept(out) == ["Il a dénoncé des violations"]
    (removal,) = out.removed
    assert removal.text == "Voir l’article en entier" and (removal.char_start, removal.char_end) == (28, 52)


def test_lookalikes_survive(run_cleaner) -> None:
    text = (
        "Chat perché\n2024: une année record\nVia Appia antica\nLire la suite des événements est difficile."
    )
    assert dropped(run_cleaner("ui_tokens", text)) == []
