from __future__ import annotations

import pytest

from conftest import dropped, kept

ARTICLE = "Le conseil municipal a voté le budget. " * 15


def test_prompts_dropped(run_cleaner) -> None:
    text = (
        ARTICLE + "\nVos réactions\n"
        "Pour participer aux discussions, identifiez-vous ou créez-vous un compte\n"
        "Règles de bonne conduite / Un commentaire abusif? Alertez-nous\n"
        "Commentaires fermés\n"
        "L'espace commentaires est fermé. Nous nous réservons le droit de désactiver les commentaires.\n"
        "Nous vous rappelons que les commentaires doivent rester courtois et en lien avec le sujet.\n"
        "Les commentaires sont réservés aux abonnés. Déjà abonné ? Se connecter\n"
        "Vous souhaitez réagir ? Votre commentaire sera publié après modération.\n"
        "Donnez votre avis\n"
    )
    assert kept(run_cleaner("comments", text)) == [ARTICLE.strip()]


def test_a_recipes_reviews(run_cleaner) -> None:
    text = (
        ARTICLE + "\nVous avez testé cette recette ?\nLaissez une note et un commentaire\n"
        "Nadège_38 - ★★★★★ - Un vrai succès auprès des enfants !\n"
    )
    assert kept(run_cleaner("comments", text)) == [ARTICLE.strip()]
    counted = (
        ARTICLE + "\nCommentaires (1 284)\nNadia67 - il y a 2 jours\nParfait, toute la famille a adoré.\n"
    )
    assert kept(run_cleaner("comments", counted)) == [ARTICLE.strip()]
    prose = "Vous avez testé cette recette de grand-mère ? Elle vient du Berry, et elle est très ancienne."
    assert dropped(run_cleaner("comments", prose)) == []


def test_a_your_comments_heading_opens_the_french_section(run_cleaner) -> None:
    text = ARTICLE + "\nVos commentaires\nJeanne : très bon article\nPaul : je ne suis pas d'accord\n"
    assert kept(run_cleaner("comments", text)) == [ARTICLE.strip()]
    for heading in (
        "Les commentaires (3)",
        "Les 12 réactions",
        "Vos réactions (12)",
        "5 réflexions sur « Le budget de la commune »",  # a French WordPress thread's heading
        "Une réflexion sur « Le budget de la commune »",
    ):
        thread = ARTICLE + f"\n{heading}\nPierrot11\nil y a 5 heures\nEncore une hausse, et rien ne change.\n"
        assert kept(run_cleaner("comments", thread)) == [ARTICLE.strip()], heading


def test_comment_section_cut_in_english(run_cleaner) -> None:
    text = ARTICLE + "\n12 Comments\nJohn: great article\nMary: I disagree\n"
    assert kept(run_cleaner("comments", text, lang="en")) == [ARTICLE.strip()]


def test_sentences_about_comments_survive(run_cleaner) -> None:
    text = (
        "Vos réactions à cette décision sont attendues par le ministre, qui a ouvert une consultation.\n"
        "Comments from the minister were published on Tuesday.\n"
    )
    assert dropped(run_cleaner("comments", text)) == []
    for sentence in (
        "Une réponse à « Mediapart » a été publiée lundi par le ministère de l'Intérieur.",
        "Un commentaire sur « la polémique » a suffi à relancer le débat.",
    ):
        assert kept(run_cleaner("comments", ARTICLE + f"\n{sentence}\nLa suite.\n"))[-1] == "La suite.", (
            sentence
        )


def test_section_heading_at_the_top_does_not_cut(run_cleaner) -> None:
    text = "Comments\n" + ARTICLE
    assert len(kept(run_cleaner("comments", text, lang="en"))) == 1


def test_a_share_bar_after_a_long_menu_does_not_cut_the_article(run_cleaner) -> None:
    menu = "\n".join(f"* Section {name}" for name in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2)  # 500+ chars
    text = menu + "\nComments\nPin It\n" + ARTICLE + "\n3 Comments\nJohn: great article\n"
    out = kept(run_cleaner("comments", text, lang="en"))
    assert ARTICLE.strip() in out and "John: great article" not in out


def test_a_share_bar_under_the_standfirst_does_not_cut_the_story(run_cleaner) -> None:
    standfirst = "The tech giant's latest operating system update also lets users find their lost earphones. "
    text = standfirst * 5 + "\nComments\n" + ARTICLE * 4 + "\n3 Comments\nJohn: great article\n"
    out = kept(run_cleaner("comments", text, lang="en"))
    assert (ARTICLE * 4).strip() in out and "John: great article" not in out


def test_an_invitation_to_comment_with_a_remark_opens_the_section(run_cleaner) -> None:
    """ "Add your comments (see our policy)" heads a comment thread as "Leave a reply" does: the
    readers' posts under it go, however long they are."""
    english = "The council voted the budget after a long debate on Tuesday evening. " * 8
    posts = "\n".join(
        f"+ reader{n}\nI think the council should have waited for the audit first." for n in range(9)
    )
    text = english + "\nAdd your comments (Read more for our comments policy)\n" + posts + "\n"
    assert kept(run_cleaner("comments", text, lang="en")) == [english.strip()]


def test_a_sentence_inviting_comments_is_no_section_heading(run_cleaner) -> None:
    english = "The council voted the budget after a long debate on Tuesday evening. " * 8
    text = (
        english
        + "\nLeave your comments with the town clerk before Friday, the mayor said.\nMore text follows.\n"
    )
    assert dropped(run_cleaner("comments", text, lang="en")) == []


@pytest.mark.parametrize(
    ("lang", "article", "heading"),
    [
        (
            "it",
            "Il consiglio comunale ha approvato il bilancio dopo un lungo dibattito. ",
            "I commenti dei lettori",
        ),
        ("es", "El ayuntamiento aprobó el presupuesto tras un largo debate en el pleno. ", "Comentar"),
    ],
)
def test_a_language_s_comment_heading_opens_the_section(
    run_cleaner, lang: str, article: str, heading: str
) -> None:
    """The readers' comments of an Italian or a Spanish page start under the heading its sites
    print most; the language pack says so, not a site file."""
    text = article * 8 + f"\n{heading}\nMario: sono d'accordo con il sindaco.\nAna: no estoy de acuerdo.\n"
    assert kept(run_cleaner("comments", text, lang=lang)) == [(article * 8).strip()]


def test_a_polish_menu_s_opinion_section_is_no_comment_heading(run_cleaner) -> None:
    """ "Komentarze" alone is also the opinion section of a Polish newspaper's menu, under teasers
    of other stories; the comment section's heading carries a count ("12 komentarzy"): the
    article under the menu stays."""
    teasers = [
        "Nowy most na Wiśle zostanie otwarty w przyszłym miesiącu, zapowiada prezydent miasta.",
        "Ceny biletów komunikacji miejskiej wzrosną od stycznia, a bilety miesięczne będą droższe.",
        "Wielka wystawa malarstwa w muzeum narodowym przyciągnęła w weekend tysiące zwiedzających.",
        "Szkoły w regionie dostaną nowe komputery i pracownie językowe w ramach programu gminy.",
        "Po ulewnych deszczach strażacy wypompowywali wodę z piwnic w kilku dzielnicach miasta.",
    ]
    menu = ["Kraj", "Świat", "Opinie", "Komentarze", "Kultura", "Sport"]
    article = "Rada miasta przyjęła budżet na przyszły rok po długiej debacie w czwartek wieczorem. " * 6
    text = "\n".join([*teasers, *menu, article, "12 komentarzy", "Jan: zgadzam się z radą."]) + "\n"
    assert kept(run_cleaner("comments", text, lang="pl")) == [*teasers, *menu, article.strip()]


def test_a_russian_invitation_to_comment_opens_the_section(run_cleaner) -> None:
    """ "Вы можете комментировать материалы..." ("you may comment on our articles once
    registered") stands between a Russian article and its readers' comments."""
    article = "Городская дума утвердила бюджет на следующий год после долгого обсуждения в четверг. " * 8
    text = (
        article
        + "\nВы можете комментировать материалы газеты, зарегистрировавшись на сайте.\n"
        + "Иван: полностью согласен с решением думы.\nМария: а я нет.\n"
    )
    assert kept(run_cleaner("comments", text, lang="ru")) == [article.strip()]


def test_a_toolbars_comment_counter_cuts_nothing(run_cleaner) -> None:
    """ "0 commentaire" among the share buttons under a headline counts comments: the article
    under it stays, however much prose a banner above put before it."""
    banner = "Une longue bannière de consentement, avec ses finalités, ses partenaires et ses durées. " * 6
    article = "Le thermomètre grimpe, et dans les appartements la chaleur s'installe vite. " * 8
    text = f"{banner}\nCanicule : cinq gestes\n0 commentaire\nPartager\nImprimer\n{article}\n"
    out = run_cleaner("comments", text)
    assert kept(out) == [banner.strip(), "Canicule : cinq gestes", "Partager", "Imprimer", article.strip()]
    # under the article's last paragraph, a heading with buttons under it still opens the section
    thread = "Jeanne : merci pour ces conseils, très utiles pour l'été qui vient. " * 12
    short = "Le thermomètre grimpe, et la chaleur s'installe vite dans les appartements du centre. " * 5
    page = f"{short}\n4 commentaires\nSe connecter\nS'inscrire\n{thread}\n"
    assert kept(run_cleaner("comments", page)) == [short.strip()]
    # under the article, the same heading with comments under it opens the section
    under = f"{article}\n0 commentaire\nJeanne : merci pour ces conseils\nPaul : très utile\n"
    assert kept(run_cleaner("comments", under)) == [article.strip()]
    # a count of none over the article's text (a byline's date above it, no button under it): no
    # section, whatever prose the headline and its data sheet put before it
    sheet = "Essais : Castres : Lafitte (24e), Ngatai (67e) ; Pau : Etcheverry (31e), Dufau (74e) et Hourcade"
    head = f"{sheet}\n{sheet}\n{sheet}\nPublié le 24 mars 2024 à 19:58\n0 commentaire\n"
    out = run_cleaner("comments", f"{head}{article}\n")
    assert dropped(out) == ["0 commentaire"] and article.strip() in kept(out)
    # the share bar's last button right above a count, the article's text right under it: a
    # counter, however much prose the standfirst and a caption put above it
    standfirst = "Le festival, qui fête ses vingt-cinq ans, a dévoilé ce mercredi sa programmation. " * 5
    bar = f"{standfirst}\nPartager\nFacebook\nCopier le lien\nCommentaires (3)\n"
    out = run_cleaner("comments", f"{bar}{article}\n")
    assert dropped(out) == ["Commentaires (3)"] and article.strip() in kept(out)
    # a count under the buttons, then a comment's line: the section still
    reply = "Jeanne : merci pour ces conseils, très utiles"
    out = run_cleaner("comments", f"{article}\nPartager\nCommentaires (3)\n{reply}\n{standfirst}\n")
    assert kept(out) == [article.strip(), "Partager"]
    # ...and so does a long first comment under an article of several paragraphs, the thread
    # longer than the article
    thread = "\n".join(f"{standfirst}\nLecteur{k}" for k in range(4))
    paragraphs = f"{article}\n{article}"
    out = run_cleaner("comments", f"{paragraphs}\nPartager\nCommentaires (4)\n{thread}\n")
    assert kept(out) == [article.strip(), article.strip(), "Partager"]


def test_reviews_cut_only_under_more_text_than_is_left(run_cleaner) -> None:
    """ "312 avis" under a recipe opens its reviews; "Avis des voyageurs (23)" in the tab bar
    above a trip's programme cuts nothing (a review heading needs more prose above than below)."""
    for heading in (
        "312 avis",
        "Avis des cuisiniers (213)",
        "Avis clients",
        "Les avis clients (329)",
        "Avis vérifiés",
    ):
        text = ARTICLE + f"\n{heading}\nSophie_L\nTrès bonne recette, toute la famille a adoré.\n"
        assert kept(run_cleaner("comments", text)) == [ARTICLE.strip()], heading
    tabs = ARTICLE + "\nProgramme\nDates et prix\nAvis des voyageurs (23)\n" + ARTICLE * 2
    assert dropped(run_cleaner("comments", tabs)) == ["Avis des voyageurs (23)"]  # the tab's label alone
    thread = "\n".join(f"Lecteur{k}\nTrès bonne recette, je la referai pour les fêtes." for k in range(5))
    assert kept(run_cleaner("comments", f"{ARTICLE}\n312 avis\n{thread}")) == [ARTICLE.strip()]


def test_subheadings_named_like_a_section_cut_nothing(run_cleaner) -> None:
    """An article's "Les réactions" or "Avis des utilisateurs" (no count) is a subheading."""
    for heading in ("Les réactions", "Avis des utilisateurs", "Les commentaires", "Les avis clients"):
        text = f"{ARTICLE}\n{heading}\nLe maire a salué une décision courageuse, l'opposition un renoncement."
        assert dropped(run_cleaner("comments", text)) == [], heading


def test_an_obituarys_condolence_book_opens_its_section(run_cleaner) -> None:
    """Readers' condolences under a death notice are its comments; an article's subheading that
    names condolences without a count (but the page's own "Espace condoléances") is no such
    heading."""
    for heading in ("Espace condoléances", "Messages de condoléances (12)", "Condoléances (3)"):
        text = ARTICLE + f"\n{heading}\nFamille Martin – 10 mars 2024\nToutes nos pensées vous suivent.\n"
        assert kept(run_cleaner("comments", text)) == [ARTICLE.strip()], heading
    for heading in ("Condoléances", "Messages de condoléances", "Registre de condoléances"):
        text = ARTICLE + f"\n{heading}\nLe président a adressé ses condoléances à la famille du maire.\n"
        assert dropped(run_cleaner("comments", text)) == [], heading


def test_a_comment_box_closed_in_a_sentence(run_cleaner) -> None:
    """ "Les commentaires ont été désactivés pour cet article. Nous vous remercions ..." closes the
    box; a report on comments turned off somewhere is prose."""
    text = (
        ARTICLE + "\nLes commentaires ont été désactivés pour cet article. Nous vous remercions de votre "
        "compréhension.\nLes commentaires sont fermés.\n"
    )
    assert kept(run_cleaner("comments", text)) == [ARTICLE.strip()]
    for prose in (
        "Les commentaires ont été désactivés sur la vidéo après une vague d'insultes, a indiqué la chaîne.",
        "Les commentaires sont fermés aux mineurs depuis la nouvelle loi, rappelle la plateforme.",
        "Les commentaires ont été désactivés. Depuis mardi, la chaîne bloque les réactions sous l'enquête.",
        "Les commentaires sont clos. Le débat, lui, continue sur les réseaux sociaux.",
    ):
        assert dropped(run_cleaner("comments", prose)) == [], prose
