from __future__ import annotations

import pytest

from dechaff.cleaners.bylines import is_name
from dechaff.core.document import Context

from conftest import SITE_FILE, cleaner_from, dropped, kept, lines_of


def test_byline_with_agency_goes_to_metadata(run_cleaner) -> None:
    out = run_cleaner("bylines", "Le texte de l'article.\nMélanie Rostagnat avec AFP")
    assert kept(out) == ["Le texte de l'article."]
    assert out.fields["author"] == "Mélanie Rostagnat"


def test_par_byline_and_dateline(run_cleaner) -> None:
    out = run_cleaner("bylines", "Par Jean-Pierre Durand\nLyon :, 12 mars (Cinktank.com) –\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["author"] == "Jean-Pierre Durand"
    assert out.fields["dateline"] == "Lyon :, 12 mars (Cinktank.com) –"


def test_published_line(run_cleaner) -> None:
    out = run_cleaner("bylines", "Publié le 05/01/2020 à 14h32\nLe texte.")
    assert out.fields["published"] == "05/01/2020 à 14h32"


def test_sentences_survive(run_cleaner) -> None:
    text = (
        "Par ailleurs, le gouvernement a confirmé la mesure.\n"
        "Emmanuel Macron avec Angela Merkel\n"
        "By the end of the year, prices had doubled.\n"
    )
    assert dropped(run_cleaner("bylines", text)) == []


def test_each_removal_names_its_field_and_the_line_of_the_rule_file_that_matched() -> None:
    """`removed.parquet` tells a rule author why a line went: the field it went to, the line of
    the pattern that matched it and the rule file that pattern is in."""
    rules = (
        "version: 1\n"
        "cleaners:\n"
        "  bylines:\n"
        "    authors:\n"
        '      - "^Signé (?P<value>.+)$"\n'
        "    datelines:\n"
        '      - "^Vieuxbourg, le \\\\d+ mai$"\n'
        "    published:\n"
        '      - "^Mis en ligne le (?P<value>.+)$"\n'
    )
    text = "Signé Anne Lemaire\nVieuxbourg, le 4 mai\nMis en ligne le 4 mai 2025\nLe port rouvre lundi."
    out = cleaner_from("bylines", rules).clean(lines_of(text), Context())
    assert kept(out) == ["Le port rouvre lundi."]
    assert [(r.line_no, r.text, r.cleaner, r.rule_id, r.rule_file) for r in out.removed] == [
        (1, "Signé Anne Lemaire", "bylines", "bylines.author@5", SITE_FILE),
        (2, "Vieuxbourg, le 4 mai", "bylines", "bylines.dateline@7", SITE_FILE),
        (3, "Mis en ligne le 4 mai 2025", "bylines", "bylines.published@9", SITE_FILE),
    ]
    assert out.fields == {
        "author": "Anne Lemaire",
        "dateline": "Vieuxbourg, le 4 mai",
        "published": "4 mai 2025",
    }


def test_a_label_line_takes_the_name_on_the_next_line(run_cleaner) -> None:
    """ "Article rédigé par" on its own line, the name on the next: both go, the name is the author."""
    out = run_cleaner("bylines", "Article rédigé par\nJeanne Morel\nLe texte de l'article.")
    assert kept(out) == ["Le texte de l'article."]
    assert out.fields["author"] == "Jeanne Morel"
    assert [r.rule_id.split("@")[0] for r in out.removed] == ["bylines.label", "bylines.label"]


def test_a_name_alone_beside_a_date_is_the_byline(run_cleaner) -> None:
    """ "Publié le ..." with the author's name alone right under it (or above it): both go, the
    name is the author. A name further away, or a line that is no name, stays."""
    out = run_cleaner("bylines", "Publié le 29/03/2024 à 05:12\nSophie Rieux\nLe texte de l'article.")
    assert kept(out) == ["Le texte de l'article."]
    assert out.fields["author"] == "Sophie Rieux"
    above = run_cleaner("bylines", "Le titre.\nSophie Rieux\nPublié le 29/03/2024\nLe texte.")
    assert kept(above) == ["Le titre.", "Le texte."]
    far = "Publié le 29/03/2024\nLe texte de l'article.\nSophie Rieux\nLes Brotteaux à Lyon."
    assert kept(run_cleaner("bylines", far)) == far.split("\n")[1:]
    headline = "Council Approves School Budget\nPublished March 3, 2024\nThe text."
    assert kept(run_cleaner("bylines", headline, lang="en"))[0] == "Council Approves School Budget"


def test_a_label_leaves_a_line_that_is_no_name(run_cleaner) -> None:
    text = "Par\nLe gouvernement a confirmé la mesure mardi.\nJeanne Morel\nLa suite."
    out = run_cleaner("bylines", text)
    assert kept(out) == ["Le gouvernement a confirmé la mesure mardi.", "Jeanne Morel", "La suite."]
    assert "author" not in out.fields


def test_an_english_label_in_the_default_rules(run_cleaner) -> None:
    out = run_cleaner("bylines", "By\nDan Levy\nThe text.", lang="en")
    assert kept(out) == ["The text."]
    assert out.fields["author"] == "Dan Levy"


def test_published_and_updated_on_one_line(run_cleaner) -> None:
    for line, date in (
        ("Publié le 14 mars 2024 à 18h02, modifié le 15 mars 2024 à 07h45", "14 mars 2024 à 18h02"),
        ("Publié le 21/05/24 à 11h32 — Mis à jour le 21/05/24 à 14h05", "21/05/24 à 11h32"),
    ):
        out = run_cleaner("bylines", f"{line}\nLe texte.")
        assert kept(out) == ["Le texte."], line
        assert out.fields["published"] == date


def test_a_checked_date_and_who_checked_it(run_cleaner) -> None:
    out = run_cleaner("bylines", "Vérifié le 1 février 2024 - Direction de l'information légale\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["published"] == "1 février 2024"
    prose = "Vérifié le 1 février 2024 - les chiffres ont changé depuis."
    assert dropped(run_cleaner("bylines", prose)) == []


def test_a_reviewed_pages_date(run_cleaner) -> None:
    for line, date in (
        ("Dernière révision : 8 janvier 2024", "8 janvier 2024"),
        ("Dernière mise à jour le 12/03/2024", "12/03/2024"),
        ("Date de mise à jour : 3 février 2025", "3 février 2025"),
    ):
        out = run_cleaner("bylines", f"{line}\nLe texte.")
        assert kept(out) == ["Le texte."], line
        assert out.fields["published"] == date
    for prose in (
        "Dernière révision : le texte a été revu par le comité en 2024.",
        "Dernière révision : 85 000 km, courroie changée.",  # a used car's (a review's finds)
        "Dernière révision le 15 mars chez un garage agréé.",
        "Dernière modification : 3 mois avant le scrutin.",
    ):
        assert dropped(run_cleaner("bylines", prose)) == [], prose


def test_a_byline_with_particles_and_an_agency(run_cleaner) -> None:
    out = run_cleaner("bylines", "Par Sophie Van den Broeck avec Belga\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["author"] == "Sophie Van den Broeck"


def test_lookalikes_of_bylines_and_dates_survive(run_cleaner) -> None:
    """A review found these removed by the first version of the patterns."""
    assert (
        dropped(run_cleaner("bylines", "By Easter Sunday and Monday the roads were empty again.", lang="en"))
        == []
    )
    text = "Publié chez Gallimard en 2023\nModifié en 2008 le texte prévoit un référendum\n"
    assert dropped(run_cleaner("bylines", text)) == []


def test_a_button_under_a_label_is_no_author(run_cleaner) -> None:
    out = run_cleaner("bylines", "Par\nPartager\nJeanne Morel\nLe texte.")
    assert kept(out) == ["Partager", "Jeanne Morel", "Le texte."]
    assert "author" not in out.fields


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jeanne Morel", True),
        ("Anne-Marie van der Berg", True),
        ("Jean Paul Marie Louis", True),
        ("Jean Paul Marie Louis Morel", False),  # five names: a list of them, or a title
        ("de Vries", False),  # starts with a particle
        ("Jean de la de la de Morel", False),  # seven tokens
        ("Jeanne morel", False),
        ("Partager", False),
    ],
)
def test_what_reads_as_a_name(text: str, name: bool) -> None:
    assert is_name(text) is name


def test_a_byline_of_two_authors(run_cleaner) -> None:
    out = run_cleaner("bylines", "Par Anaïs Morel et Paul Girard, étudiants en journalisme\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["author"] == "Anaïs Morel"
    prose = "Par Anaïs Morel et ses amis, la fête a été préparée."
    assert dropped(run_cleaner("bylines", prose)) == []


def test_an_authors_box_goes_with_its_heading(run_cleaner) -> None:
    bio = "Julie Marchand est responsable éditoriale chez Facturo. Elle décrypte l'actualité fiscale."
    out = run_cleaner("bylines", f"Le texte.\nÀ propos de l'auteure\n{bio}\nLa suite du blog.")
    assert kept(out) == ["Le texte.", "La suite du blog."]
    assert {r.rule_id.split("@")[0] for r in out.removed} == {"bylines.box"}
    named = run_cleaner(
        "bylines", f"Le texte.\nÀ propos de l'auteure\nJulie Marchand\n{bio}\nFin.", lang="fr"
    )
    assert kept(named) == ["Le texte.", "Fin."]
    english = run_cleaner("bylines", "The text.\nAbout the author\nJane Doe is a reporter.\nEnd.", lang="en")
    assert kept(english) == ["The text.", "End."]
    # what follows the heading but opens with no name stays: the article may go on under it
    other = run_cleaner("bylines", "Le texte.\nÀ propos de l'auteure\nLe livre paraît en mars.\nFin.")
    assert kept(other) == ["Le texte.", "Le livre paraît en mars.", "Fin."]
    # a biography that names its author after a clause, under a longer heading
    clause = "Journaliste depuis 2009, Julie Marchand a couvert la politique locale avant Facturo."
    out = run_cleaner("bylines", f"Le texte.\nÀ propos de l'autrice de cet article\n{clause}\nFin.")
    assert kept(out) == ["Le texte.", "Fin."]
    other = run_cleaner("bylines", "Le texte.\nÀ propos de l'auteure\nEn mars, le livre paraît.\nFin.")
    assert kept(other) == ["Le texte.", "En mars, le livre paraît.", "Fin."]


def test_french_bylines_of_correspondents_agencies_and_dates(run_cleaner) -> None:
    for line, author in (
        ("Par notre correspondante Claire Renaud", "Claire Renaud"),
        ("Par AFP", "AFP"),
        ("Par Léa Morel le 04.06.2024 à 14h00", "Léa Morel"),
        ("Antoine Mercier (Correspondant à Caen)", "Antoine Mercier"),
        ("Écrit par Jean Payet avec Anaïs Hoarau", "Jean Payet"),
        (
            "Par Hélène Maury, responsable du réseau de lecture publique d'une communauté de communes",
            "Hélène Maury",
        ),
        ("Recette proposée par Margot_en_cuisine", "Margot_en_cuisine"),
        ("Recette proposée par Lucie des Champs", "Lucie des Champs"),
        ("Par Jeanne Vasseur (Sociologue, université de Lille)", "Jeanne Vasseur"),
    ):
        out = run_cleaner("bylines", f"{line}\nLe texte.")
        assert kept(out) == ["Le texte."], line
        assert out.fields["author"] == author, line
    prose = [
        "Par AFP interposée, la nouvelle a circulé.",
        "Léa Morel (au centre) a gagné la course.",
        "La recette proposée par le chef a séduit le jury.",
        "Par Jeanne Vasseur (sociologue), l'enquête a été menée en 2023 dans trois villes.",
        "Par Air France (environ huit heures de vol)",
        "Par TGV Inoui (2 h 30 depuis Paris)",
        "Texte écrit par Voltaire en 1763",
    ]
    assert dropped(run_cleaner("bylines", "\n".join(prose))) == []


def test_a_lawyers_or_doctors_byline_and_a_colon_date(run_cleaner) -> None:
    out = run_cleaner(
        "bylines", "Rédigé par Me Claire Dubreuil, avocate\nPublié: 03.06.2024, 18h42\nLe texte."
    )
    assert kept(out) == ["Le texte."]
    assert out.fields["author"] == "Claire Dubreuil" and out.fields["published"] == "03.06.2024, 18h42"


def test_an_agency_dispatch_on_a_portal(run_cleaner) -> None:
    out = run_cleaner("bylines", "AFP, publié le jeudi 12 septembre 2024 à 16h41\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["published"] == "jeudi 12 septembre 2024 à 16h41"


def test_a_bare_dateline(run_cleaner) -> None:
    """A line "Le 14 octobre 2024 à 08h00" alone is the article's date; a chronology's date alone,
    with no time, is a subheading."""
    out = run_cleaner("bylines", "Le 14 octobre 2024 à 08h00\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["published"] == "14 octobre 2024 à 08h00"
    out = run_cleaner("bylines", "Le 19/03/2024 à 18h00\nLe texte.")
    assert kept(out) == ["Le texte."] and out.fields["published"] == "19/03/2024 à 18h00"
    for line in ("Le 6 juin 1944", "Le 7 janvier 2015", "Le 19/03/2024"):
        assert dropped(run_cleaner("bylines", f"{line}\nLes troupes débarquent à l'aube.")) == [], line


def test_a_companys_box_under_a_press_release(run_cleaner) -> None:
    """The heading "À propos de Solvéo" and the paragraph under it go together when that paragraph's
    first sentence names Solvéo and describes it as a company does; a guide's or an interview's
    section "À propos de ..." stays whole."""
    about = "Fondée en 2019 à Nantes, Solvéo fabrique des vélos cargos pour les artisans."
    out = run_cleaner("bylines", f"Le texte du communiqué.\nÀ propos de Solvéo\n{about}\nContact presse")
    assert kept(out) == ["Le texte du communiqué.", "Contact presse"]
    since = "Depuis sa création en 2019, Solvéo a livré 4 000 vélos cargos. Elle emploie 40 salariés."
    assert kept(run_cleaner("bylines", f"Le texte.\nÀ propos de Solvéo\n{since}")) == ["Le texte."]
    # what a review found removed by the first version: sections of guides, biographies, interviews
    for heading, paragraph in (
        ("À propos de Solvéo", "La mairie a voté le budget. Solvéo en a profité pour embaucher."),
        ("À propos de Marseille", "Marseille, deuxième ville de France, reste réduite à ses clichés."),
        ("À propos de Rome", "Fondée en 753 avant notre ère, la ville compte mille églises."),
        ("À propos de Jean Moulin", "Né en 1899 à Béziers, Jean Moulin entre dans la préfectorale."),
        ("À propos de Kylian Mbappé", "Kylian Mbappé a joué avec un masque. Est-il à cent pour cent ?"),
    ):
        text = f"Le texte de l'article.\n{heading}\n{paragraph}"
        assert dropped(run_cleaner("bylines", text)) == [], heading


_FIRST = [
    "Vitré : le marché couvert rouvre après deux ans de travaux",
    "Les commerçants retrouvent leurs étals dès samedi, dans une halle rénovée et mieux isolée.",
    "Par Anne Leroux",
    "Publié le 14/05/2025 à 08h10",
    "La halle du XIXe siècle avait fermé ses portes au printemps 2023 pour un chantier de "
    "rénovation complet, de la charpente aux réseaux d'eau et d'électricité.",
    "Les vingt-deux commerçants installés avant les travaux ont tous choisi de revenir, selon la "
    "mairie, qui a maintenu les loyers au même niveau pendant la première année.",
    "« Nous avons gardé l'esprit du lieu, mais tout a été remis aux normes », explique l'adjoint "
    "chargé du commerce, qui espère attirer de nouveaux clients le samedi matin.",
]
_SECOND = [
    "ÉCONOMIE",
    "Fougères : une usine de chaussures va embaucher quarante personnes d'ici l'automne",
    "L'entreprise familiale mise sur le haut de gamme et sur l'export vers l'Asie pour grandir.",
    "Un atelier de l'usine de Fougères, le 12 mai 2025 — Julien Morel / Le Courrier",
    "Par Julien Morel",
    "Publié le 14/05/2025 à 07h30",
    "Les ateliers de la zone de l'Aumaillerie tournent déjà à plein régime depuis le début de "
    "l'année, et la direction a décidé d'ouvrir une deuxième ligne de production.",
    "Les candidats seront formés sur place pendant trois mois, avec l'aide de la région, qui finance "
    "une partie de la formation des nouveaux salariés de l'usine.",
]


def test_an_article_appended_under_the_pages_own_goes(run_cleaner) -> None:
    """An infinite scroll's next article (its kicker, headline, standfirst, byline and date, its
    body) goes from its kicker on; the page's own article stays, its byline in the metadata."""
    out = run_cleaner("bylines", "\n".join([*_FIRST, "Article suivant", *_SECOND]))
    assert kept(out) == [*_FIRST[:2], *_FIRST[4:], "Article suivant"]
    assert out.fields["author"] == "Anne Leroux"
    assert {r.rule_id for r in out.removed if r.text in _SECOND[6:]} == {"bylines.next_article"}


def test_a_live_blogs_signed_entries_and_a_forums_posts_stay(run_cleaner) -> None:
    """Three signed and dated groups are a live blog's entries, not articles one under another;
    a post's header (its author's details, short lines, no standfirst) is no article's head."""
    third = [line.replace("Julien Morel", "Claire Bodin") for line in _SECOND]
    out = run_cleaner("bylines", "\n".join([*_FIRST, *_SECOND, *third]))
    assert "bylines.next_article" not in {r.rule_id for r in out.removed}
    post = ["Membre depuis 2019 et 52 messages", "Marc Dujardin", "Posté le 03/02/2024 à 09:12", *_SECOND[6:]]
    forum = [*_FIRST[:2], "Lilou Martin", "Posté le 03/02/2024 à 07:51", *_FIRST[4:], *post]
    assert "bylines.next_article" not in {r.rule_id for r in run_cleaner("bylines", "\n".join(forum)).removed}


def test_a_features_credits_name_its_author(run_cleaner) -> None:
    out = run_cleaner("bylines", "Texte : Margaux Lefebvre · Photos : Benoît Carré\nLe texte.")
    assert kept(out) == ["Le texte."] and out.fields["author"] == "Margaux Lefebvre"
    for prose in ("Texte : un projet de loi adopté mardi", "Texte : Jean-Luc Lagarce"):
        assert kept(run_cleaner("bylines", prose)) == [prose]


def test_the_next_articles_byline_fills_no_field_and_an_embedded_post_is_no_next_article(run_cleaner) -> None:
    """The page's own article has a date but no author: the removed article's author is not the
    page's. A post embedded in the article (a subheading right under a paragraph, its author and
    date, then more paragraphs) is no next article."""
    out = run_cleaner("bylines", "\n".join([*_FIRST[:2], *_FIRST[3:], "Article suivant", *_SECOND]))
    assert "author" not in out.fields and out.fields["published"] == "14/05/2025 à 08h10"
    assert "bylines.next_article" in {r.rule_id for r in out.removed}
    post = [
        "Une réaction attendue du maire sur les réseaux sociaux",
        "Dans la soirée, le maire a publié un message pour remercier les commerçants de leur patience.",
        "Sophie Rieux",
        "Publié le 14/05/2025 à 19h02",
        *_SECOND[6:],
        _FIRST[4],
    ]
    out = run_cleaner("bylines", "\n".join([*_FIRST, *post]))
    assert "bylines.next_article" not in {r.rule_id for r in out.removed}


def test_a_help_pages_author_and_checked_date_and_a_news_items_feminine_date(run_cleaner) -> None:
    boilerplate = [
        "Réponse rédigée par Claire Mathieu, juriste en droit social",
        "Dernière vérification des informations : 4 mars 2024",
        "Publiée le 22/08/2024",
        "Mise à jour le 3 mars 2024",
    ]
    prose = [
        "Réponse rédigée par le ministère, elle ne convainc pas les syndicats.",
        "Dernière vérification des informations avant le vote : le 4 mars, la commission tranchera.",
        "Publiée le 22/08/2024, la circulaire a fait grand bruit chez les enseignants du département.",
    ]
    assert kept(run_cleaner("bylines", "\n".join([*boilerplate, *prose]))) == prose


def test_a_reports_and_an_interviews_credit(run_cleaner) -> None:
    for line, author in (
        ("Reportage de Thomas Bréhat et Inès Delcourt", "Thomas Bréhat"),
        ("Propos recueillis par Julie Ferrand", "Julie Ferrand"),
    ):
        out = run_cleaner("bylines", f"{line}\nLe texte.")
        assert kept(out) == ["Le texte."] and out.fields["author"] == author, line
    for prose in (
        "Reportage de France 2 sur les inondations : les images ont fait le tour du pays.",
        "Vidéo de Donald Trump",  # the subject, not the author
        "Texte de Victor Hugo",
    ):
        assert dropped(run_cleaner("bylines", prose)) == [], prose


def test_the_authors_box_without_a_heading(run_cleaner) -> None:
    """Under the article, the byline's name alone and a biography that opens with it (or with a
    short clause, then it, then a verb) are the author's box; the article's sentences that name
    its author stay, and so does a biography of someone else."""
    article = [
        "Le conseil municipal a adopté mardi soir un budget de 78 millions d'euros.",
        "Selon Antoine Gérard, présent à la séance, le débat a duré près de quatre heures.",
        "Après trois heures de débat et une longue suspension de séance, Antoine Gérard a quitté la salle.",
        "Antoine Gérard, Épinal, le 12 mars.",
        "Marie Lenoir est maire de la commune voisine depuis 2014.",
        "Antoine Gérard Dupuis est le président du club de rugby depuis 2019.",
    ]
    box = [
        "Antoine Gérard",
        "Journaliste à la rédaction d'Épinal depuis 2011, Antoine Gérard suit la vie politique locale.",
        "Antoine Gérard est grand reporter au service Politique. Il a couvert trois campagnes.",
    ]
    out = run_cleaner("bylines", "\n".join(["Par Antoine Gérard", *article, *box]))
    assert kept(out) == article and out.fields["author"] == "Antoine Gérard"
    assert [r.rule_id for r in out.removed][1:] == ["bylines.authors_box"] * 3
    # no author found: nothing is anybody's box
    assert kept(run_cleaner("bylines", "\n".join([*article, *box]))) == [*article, *box]
    # above a byline at the page's head: the headline may name its author
    headline = "Antoine Gérard quitte la rédaction après trente ans de chroniques"
    out = run_cleaner("bylines", "\n".join([headline, "Par Antoine Gérard", *article, *article, *box]))
    assert kept(out) == [headline, *article, *article]
    # a name by a date is a guess: only the box under that name alone goes, not the name's sentences
    tagged = ["Kylian Mbappé", "Publié le 19/03/2024 à 18h00"]
    match = ["Kylian Mbappé a ouvert le score dès la 12e minute d'une frappe enroulée.", *article]
    out = run_cleaner(
        "bylines",
        "\n".join([*tagged, *match, "Kylian Mbappé", box[1].replace("Antoine Gérard", "Kylian Mbappé")]),
    )
    assert kept(out) == match and out.fields["author"] == "Kylian Mbappé"
    # a transcript signed by its host: her name over each of her turns is a speaker's label
    turns = ["Julie Ferrand", "Bonjour et bienvenue.", "Paul Roy", "Merci de me recevoir."] * 3
    out = run_cleaner("bylines", "\n".join(["Par Julie Ferrand", *article, *turns]))
    assert kept(out) == [*article, *turns]
