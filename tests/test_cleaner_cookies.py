from __future__ import annotations

from conftest import dropped, kept


def test_english_banner_and_buttons(run_cleaner) -> None:
    text = (
        "Real article paragraph about the election results and what they mean.\n"
        "We use cookies to improve your experience. "
        "By continuing to browse you agree to our use of cookies.\n"
        "Accept\nMore information\n"
    )
    out = run_cleaner("cookies", text, lang="en")
    assert kept(out) == ["Real article paragraph about the election results and what they mean."]
    assert len(out.removed) == 3


def test_banners_in_five_languages(run_cleaner) -> None:
    banners = [
        "Nous utilisons des cookies pour vous offrir la meilleure expérience.",
        "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Questo sito utilizza cookie tecnici e di profilazione.",
        "This website uses cookies to ensure you get the best experience.",
    ]
    for banner in banners:
        assert kept(run_cleaner("cookies", banner + "\nFermer\n")) == [], banner


def test_article_about_cookies_survives(run_cleaner) -> None:
    text = (
        "La CNIL a infligé une amende à Google pour avoir déposé des cookies publicitaires "
        "sans consentement.\n"
        "Les cookies sont de petits fichiers stockés par le navigateur.\n"
        "Accepter\n"
    )
    out = run_cleaner("cookies", text)
    assert dropped(out) == []  # no banner wording, so the lone button is not a button either
