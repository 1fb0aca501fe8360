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


def test_an_article_on_refusing_cookies_is_no_banner(run_cleaner) -> None:
    """ "Refuser les cookies" in an article's sentence or a quote is its subject; as a button, or
    in the banner's words to the reader, it is the banner's."""
    article = [
        "Les contrôles ont montré que refuser les cookies était bien plus compliqué que les accepter.",
        "« Refuser les cookies doit être aussi simple que de les accepter », a rappelé la Cnil.",
        "Accepter tous les cookies reste le choix de la plupart des internautes, selon l'étude.",
        "Désormais, vous pourrez accepter ou refuser les cookies site par site, explique Google.",
        "Selon la Cnil, en cliquant sur « Tout refuser », l'internaute doit pouvoir refuser les cookies.",
        "Accepter les cookies pour améliorer la navigation : un piège, selon l'UFC-Que choisir.",
    ]
    assert dropped(run_cleaner("cookies", "\n".join(article))) == []
    banner = [
        "Accepter les cookies",
        "Refuser tous les cookies et fermer",
        "Vous pouvez accepter ou refuser les cookies à tout moment depuis la page Confidentialité.",
        "En cliquant sur « Tout accepter », vous acceptez les cookies de mesure d'audience.",
    ]
    assert kept(run_cleaner("cookies", "\n".join([*banner, "Le texte reste."]))) == ["Le texte reste."]


def test_consent_platform_wording_and_blocked_embeds(run_cleaner) -> None:
    """The texts consent platforms print (IAB's French wording, the purposes listed one per
    line), an embed blocked until cookies are accepted, and their buttons."""
    banner = [
        "Le Journal et ses 312 partenaires traitent des données personnelles vous concernant",
        "Avec votre accord, nous et nos partenaires utilisons des cookies ou technologies similaires.",
        "Avec nos partenaires, nous traitons les données suivantes :",
        "Données de géolocalisation précises et identification par analyse du terminal, Mesure d'audience",
        "Gérer mes choix",
        "Accepter et fermer",
        "Ce contenu est bloqué car vous n'avez pas accepté les cookies et autres traceurs.",
        "Pour pouvoir le visualiser, vous devez accepter l'usage étant opéré par Instagram avec vos données.",
        "Je refuse",
        "Vos préférences en matière de cookies",
        "Pour vous offrir la meilleure expérience, la rédaction utilise des cookies et traceurs.",
    ]
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débat."
    assert kept(run_cleaner("cookies", "\n".join([*banner, body]))) == [body]
    english = "We and our 842 partners store and/or access information on a device.\nAccept and close"
    assert kept(run_cleaner("cookies", english, lang="en")) == []


def test_sentences_about_partners_and_data_survive(run_cleaner) -> None:
    text = (
        "Nos partenaires européens ont salué l'accord conclu à Bruxelles.\n"
        "Les enquêteurs ont pu accéder à des informations stockées sur le téléphone.\n"
        "Gérer mes choix de carrière n'a pas été simple, confie-t-elle.\n"
    )
    assert dropped(run_cleaner("cookies", text)) == []


def test_sentences_near_consent_wording_survive(run_cleaner) -> None:
    """A review found these removed by the first version of the consent patterns."""
    text = (
        "We and our partners at the university have developed a new test for the virus.\n"
        "Selon l'enquête, Meta et ses partenaires utilisent des données de géolocalisation sans "
        "le consentement des utilisateurs.\n"
        "Pour obtenir le remboursement, vous devez accepter le dépôt de votre dossier en ligne.\n"
    )
    assert dropped(run_cleaner("cookies", text)) == []


def test_cookies_and_similar_technologies(run_cleaner) -> None:
    banner = (
        "Le Journal utilise des cookies et des technologies similaires afin d'améliorer votre "
        "expérience de navigation.\nAccepter\nLe texte reste."
    )
    assert kept(run_cleaner("cookies", banner)) == ["Le texte reste."]
    others = "La Radio utilise des cookies et d'autres traceurs afin de mesurer l'audience.\nLe texte reste."
    assert kept(run_cleaner("cookies", others)) == ["Le texte reste."]
    banner = [
        "Respect de votre vie privée",
        "Le Journal ne vit pas de la publicité. Nous utilisons néanmoins quelques cookies de mesure.",
        "Bienvenue ! Pour une visite agréable, nous utilisons quelques cookies : certains sont utiles.",
        "Le Journal et ses 187 partenaires stockent et/ou accèdent à des informations sur votre appareil.",
    ]
    assert kept(run_cleaner("cookies", "\n".join([*banner, "Le texte reste."]))) == ["Le texte reste."]
    article = [
        "Selon la CNIL, le site utilisait des cookies ou des traceurs publicitaires sans consentement.",
        "« Nous utilisons néanmoins quelques cookies de mesure », reconnaît le directeur.",
        "« Sur le site, nous utilisons quelques cookies de mesure », reconnaît le directeur.",
        "Le respect de votre vie privée",
    ]
    assert dropped(run_cleaner("cookies", "\n".join(article))) == []
    for banner in (
        "Pour améliorer votre expérience, la Radio utilise des cookies et des outils d'analyse.",
        "La Radio utilise des cookies et des outils d'analyse pour mesurer votre navigation.",
    ):
        assert kept(run_cleaner("cookies", f"{banner}\nLe texte reste.")) == ["Le texte reste."]
    reports = [
        "Pour améliorer votre expérience de lecture, la bibliothèque a repensé ses salles.",
        "Le site du ministère utilise des cookies et des outils de mesure d'audience, dit l'Etat.",
        "Pour améliorer votre expérience, le navigateur supprimera les cookies tiers en 2025.",
    ]
    assert dropped(run_cleaner("cookies", "\n".join(reports))) == []
    english = "We use cookies and similar technologies to improve your experience.\nThe text stays."
    assert kept(run_cleaner("cookies", english, lang="en")) == ["The text stays."]


def test_quebecs_word_for_cookies(run_cleaner) -> None:
    """Québec says "témoins": "La Radio utilise des témoins (cookies) ...", a footer's "Témoins
    (cookies)"; an article about witnesses stays."""
    banner = [
        "La Radio utilise des témoins (cookies) afin de vous offrir une expérience personnalisée.",
        "Nous utilisons des témoins de navigation pour mesurer l'audience de nos plateformes.",
        "Témoins (cookies)",
    ]
    assert kept(run_cleaner("cookies", "\n".join([*banner, "Le texte reste."]))) == ["Le texte reste."]
    article = [
        "La police utilise des témoins de la scène pour reconstituer l'accident.",
        "Les témoins (trois passants) ont décrit une voiture rouge.",
        "Les chercheurs utilisent des témoins (des souris non traitées) pour mesurer l'effet du traitement.",
        "La CNIL reproche au site d'avoir déposé des témoins (cookies) sans le consentement des internautes.",
        "Nous utilisons des témoins négatifs et positifs pour chaque série de mesures, selon le protocole.",
    ]
    assert dropped(run_cleaner("cookies", "\n".join(article))) == []


def test_a_banner_that_says_only_which_cookies_and_its_button(run_cleaner) -> None:
    banner, text = "Nous utilisons uniquement des cookies de mesure d'audience anonymes.", "Le texte."
    assert kept(run_cleaner("cookies", f"{banner}\nD'accord\n{text}")) == [text]
    reply = "D'accord"  # with no banner above it
    assert kept(run_cleaner("cookies", f"{text}\n{reply}")) == [text, reply]


def test_a_banner_of_numbered_partners_under_its_title(run_cleaner) -> None:
    banner = [
        "Nous respectons votre vie privée",
        "Avec votre accord, nous et nos 214 partenaires utilisons des cookies pour mesurer l'audience.",
    ]
    assert kept(run_cleaner("cookies", "\n".join([*banner, "Le texte."]))) == ["Le texte."]


def test_a_banner_that_lists_what_partners_process(run_cleaner) -> None:
    banner = (
        "Avec nos partenaires, nous traitons vos données pour les finalités suivantes : la mesure d'audience."
    )
    assert kept(run_cleaner("cookies", f"{banner}\nAccepter\nLe texte.")) == ["Le texte."]
    prose = "Nos partenaires traitent les demandes en moins de deux jours, selon la mairie."
    assert kept(run_cleaner("cookies", prose)) == [prose]
