from __future__ import annotations

from conftest import dropped, kept


def test_teasers_and_glued_navigation(run_cleaner) -> None:
    text = (
        "Le texte sera examiné au Sénat.\n"
        "Lire aussi : Le Sénat rejette la motion\n"
        "À découvrir sur Le Monde +\n"
        "Article précédentLes députés adoptent le budget\n"
        "Article suivantLa réforme repoussée\n"
        "Lisez aussi : Le sirop d'érable reconstitué\n"
        "A lire aussi | Les nappes au plus bas\n"
        "Lisez « Transport en commun : la crise du financement »\n"
    )
    assert kept(run_cleaner("related_links", text)) == ["Le texte sera examiné au Sénat."]


def test_english_and_german(run_cleaner) -> None:
    assert kept(run_cleaner("related_links", "Read more: Inflation hits 5%\nNext article\n", lang="en")) == []
    assert kept(run_cleaner("related_links", "Lesen Sie auch: Die Bahn streikt\n", lang="de")) == []
    assert kept(run_cleaner("related_links", "Ähnliche Artikel: Die Bahn streikt wieder\n", lang="de")) == []


def test_a_teaser_that_names_its_site_and_a_discover_heading(run_cleaner) -> None:
    """ "À lire également sur Le Site : « Title »": the site's name, then the title; "Découvrez
    aussi" heads teasers as "À découvrir aussi" does."""
    teasers = "À lire également sur Le Fil vert : « Les haies reviennent dans les champs »\nDécouvrez aussi\n"
    teasers = "Lire aussi le décryptage | Pourquoi les haies reviennent\n" + teasers
    teasers = "À lire aussi sur Le Fil vert : Les mares reviennent\n" + teasers
    assert kept(run_cleaner("related_links", teasers)) == []
    prose = "À lire également sur ce point, le rapport de la Cour des comptes publié en mai.\n"
    prose += "Découvrez aussi comment les haies protègent les sols.\n"
    prose += "Lire aussi le rapport de la Cour des comptes permet de comprendre le problème.\n"
    prose += "Lire aussi les lettres de Flaubert à Louise Colet : on y découvre un écrivain au travail.\n"
    prose += "À voir aussi dans les environs : Le château de Beynac, perché sur sa falaise.\n"
    prose += "Découvrez aussi La Rochelle, ses tours et son vieux port, à une heure de route.\n"
    assert dropped(run_cleaner("related_links", prose)) == []


def test_sentences_starting_alike_survive(run_cleaner) -> None:
    text = (
        "Lire aussi les conclusions du rapport permet de comprendre l'ampleur du problème, a-t-il ajouté.\n"
        "Article précédemment publié dans la revue, ce texte a été mis à jour.\n"
    )
    assert dropped(run_cleaner("related_links", text)) == []


def test_a_bare_heading_takes_the_teaser_titles_under_it(run_cleaner) -> None:
    """ "À lire aussi :" on its own line, then the linked titles: they go up to the first sentence."""
    text = (
        "Le texte sera examiné au Sénat.\n"
        "À lire aussi :\n"
        "Le prix du mazout atteint un sommet dans le Nord\n"
        "Des bornes de recharge pour Chibougamau\n"
        "Les élus locaux saluent l'initiative, tout en rappelant que les coûts restent élevés.\n"
        "Lire aussi | Le Sénat rejette la motion\n"
        "Des négociations tendues\n"
    )
    out = run_cleaner("related_links", text)
    assert kept(out) == [
        "Le texte sera examiné au Sénat.",
        "Les élus locaux saluent l'initiative, tout en rappelant que les coûts restent élevés.",
        "Des négociations tendues",  # under a teaser on its heading's line: the article's subheading
    ]
    assert [r.rule_id.split("@")[0] for r in out.removed] == [
        "related_links.prefix",
        "related_links.teaser",
        "related_links.teaser",
        "related_links.prefix",
    ]


def test_teasers_with_their_summaries_under_a_heading_that_names_the_site(run_cleaner) -> None:
    """Under "À lire aussi sur <site>", teaser cards (a kicker, a title, a one-paragraph summary)
    go, two or more in a row. One card alone, cards without kickers (an article's own "read also"
    links between its paragraphs), a live blog's entries under their times, and the same shape
    under a bare "À lire aussi :" (news in brief whose link was lost) stay, but for the titles
    right under a bare heading, which go as they always did."""
    cards = [
        "Gironde",
        "Arcachon : la dune perd encore deux mètres cet hiver",
        "Les relevés de l'office national des forêts montrent un recul plus rapide que prévu.",
        "Abonnés",
        "Landes",
        "Mimizan : un nouveau poste de secours sur la plage nord",
        "La commune a voté mardi un budget de 80 000 euros pour ce poste, ouvert dès juillet.",
    ]
    body, end = "Le texte sera examiné au Sénat.", "Mentions légales"

    def kept_under(heading: str, lines: list[str]) -> list[str]:
        return kept(run_cleaner("related_links", "\n".join([body, heading, *lines, end])))

    assert kept_under("À lire aussi sur lejournal.fr", cards) == [body, end]
    assert kept_under("À lire aussi sur lejournal.fr", cards[:3]) == [body, cards[2], end]
    unmarked = [cards[1], cards[2], cards[5], cards[6]]
    assert kept_under("À lire aussi sur lejournal.fr", unmarked) == [body, *unmarked[1:], end]
    timed = ["14h32", cards[1], cards[2], "14h15", cards[5], cards[6]]
    assert kept_under("À lire aussi sur lejournal.fr", timed) == [body, *timed[2:], end]
    assert kept_under("À lire aussi :", cards) == [body, *cards[2:], end]
    long = [*cards[:6], "La commune a voté mardi un budget pour ce poste, " * 5 + "ouvert dès juillet."]
    assert kept_under("À lire aussi sur lejournal.fr", long) == [body, *long[2:], end]  # no summary


def test_a_more_on_this_subject_heading(run_cleaner) -> None:
    """ "Plus sur le sujet" over a teaser goes with it; a sentence that starts the same stays."""
    text = (
        "Le texte sera examiné au Sénat.\n"
        "Plus sur le sujet\n"
        "Le prix du mazout atteint un sommet dans le Nord\n"
        "Plus sur le sujet des retraites, le ministre n'a rien dit.\n"
        "Les dernières actualités\n"
        "Pèlerinage des familles : les inscriptions sont ouvertes\n"
    )
    assert kept(run_cleaner("related_links", text)) == [
        "Le texte sera examiné au Sénat.",
        "Plus sur le sujet des retraites, le ministre n'a rien dit.",
    ]


def test_teasers_stop_at_the_limit(run_cleaner) -> None:
    titles = [f"Titre numéro {k} de la liste" for k in range(1, 9)]
    out = run_cleaner("related_links", "\n".join(["Sur le même sujet", *titles]))
    assert kept(out) == titles[6:]


def test_what_ends_a_run_of_teasers(run_cleaner) -> None:
    """A heading with its teaser on the line takes nothing; a bare one stops at another heading,
    at a long line, and before a paragraph wrapped over lines (no blank line, lower case next)."""
    text = "Le texte.\nLire aussi : Ukraine\nDes négociations tendues\nLa suite."
    assert kept(run_cleaner("related_links", text)) == ["Le texte.", "Des négociations tendues", "La suite."]
    long_title = " ".join(["Mot"] * 21)
    text = f"À lire aussi :\nUn titre\nSur le même sujet\nUn autre titre\n{long_title}\nFin."
    out = run_cleaner("related_links", text)
    assert kept(out) == [long_title, "Fin."]
    assert [r.rule_id.split("@")[0] for r in out.removed] == [
        "related_links.prefix",
        "related_links.teaser",
        "related_links.prefix",
        "related_links.teaser",
    ]
    wrapped = "À lire aussi :\nLe ministre a confirmé que les négociations\nreprendraient lundi."
    assert kept(run_cleaner("related_links", wrapped))[0] == "Le ministre a confirmé que les négociations"


def test_teasers_right_under_their_heading_end_at_a_blank_line(run_cleaner) -> None:
    """Set right under their heading, the teasers end at a blank line: the article's next
    subheading comes after it. Under a heading followed by a blank line, blank lines separate
    the teasers themselves."""
    tight = "À lire aussi\nUn premier titre\nUn second titre\n\nLes commerçants divisés\n\nLa suite."
    assert kept(run_cleaner("related_links", tight)) == ["Les commerçants divisés", "La suite."]
    spaced = "À lire aussi\n\nUn premier titre\n\nUn second titre\n\nLa suite."
    assert kept(run_cleaner("related_links", spaced)) == ["La suite."]


def test_a_same_section_heading_opens_teasers(run_cleaner) -> None:
    for heading in ("Dans la même rubrique", "Dans le même thème", "De la même série :", "Articles en lien"):
        out = run_cleaner("related_links", f"{heading}\nUn titre d'article\nLe texte.")
        assert kept(out) == ["Le texte."], heading
    prose = "Dans la même rubrique, le journal publie aussi les résultats."
    assert kept(run_cleaner("related_links", prose)) == [prose]


def test_a_further_reading_heading_opens_teasers(run_cleaner) -> None:
    out = run_cleaner("related_links", "Pour aller plus loin\nUn titre d'article\nLe texte.")
    assert kept(out) == ["Le texte."]
    prose = "Pour aller plus loin, la commune devra emprunter."
    assert kept(run_cleaner("related_links", prose)) == [prose]


def test_what_subscribers_read_too_opens_teasers(run_cleaner) -> None:
    out = run_cleaner("related_links", "Nos abonnés lisent aussi\nUn titre d'article\nLe texte.")
    assert kept(out) == ["Le texte."]
    out = run_cleaner("related_links", "Nos abonnés ont lu aussi\nUn titre d'article\nLe texte.")
    assert dropped(out) == ["Nos abonnés ont lu aussi"]  # five words: no bare heading takes teasers
    prose = "Nos abonnés lisent aussi nos enquêtes sur le logement, selon une étude interne."
    assert kept(run_cleaner("related_links", prose)) == [prose]


def test_the_kind_of_piece_then_a_pipe_opens_a_teaser(run_cleaner) -> None:
    out = run_cleaner(
        "related_links", "Lire le décryptage | Eau potable : pourquoi tant de fuites ?\nLe texte."
    )
    assert kept(out) == ["Le texte."]
    for prose in (
        "Lire le livre de Jean Dupont | un plaisir rare.",
        "Lire le texte | Répondre aux questions",
    ):
        assert kept(run_cleaner("related_links", f"{prose}\nLe texte.")) == [prose, "Le texte."]


def test_teasers_in_a_block_of_their_own_end_at_a_blank_line(run_cleaner) -> None:
    """Under "Les plus lus" and a blank line, three teasers with none between them: the blank line
    under them ends the list, and the article's kicker and headline under it stay; teasers each
    set apart go on."""
    teasers = [
        "Bac 2024 : les dates des épreuves",
        "Cotonou : la route bientôt achevée",
        "Prix du carburant en avril",
    ]
    head = ["Société", "Cotonou : coupure d'eau programmée samedi dans trois quartiers"]
    text = "\n\n".join(
        ["Les plus lus", "\n".join(teasers), *head, "Des travaux priveront d'eau trois quartiers."]
    )
    assert kept(run_cleaner("related_links", text))[:2] == head
    spaced = "\n\n".join(["Les plus lus", *teasers, "Des travaux priveront d'eau trois quartiers."])
    assert kept(run_cleaner("related_links", spaced)) == ["Des travaux priveront d'eau trois quartiers."]


def test_the_articles_next_subheading_under_spaced_teasers_stays(run_cleaner) -> None:
    """Teasers each set apart: a short line without a colon over a paragraph of prose is the
    article's next subheading, not one more teaser (a headline-long one is a teaser)."""
    teasers = [
        "Genève : les bains rénovent leur plongeoir",
        "Baignade hivernale : les conseils des secouristes",
    ]
    body = (
        "La buvette reste fidèle à la moitié-moitié, mélange de gruyère et de vacherin, mais les clients "
        "ont leurs exigences et certains réclament une pointe de kirsch dans le caquelon."
    )
    text = "\n\n".join(["Mehr zum Thema", *teasers, "Un plat, mille recettes", body])
    assert kept(run_cleaner("related_links", text)) == ["Un plat, mille recettes", body]
    text = "\n\n".join(["Mehr zum Thema", *teasers, "* Un plat, mille recettes", body])
    assert kept(run_cleaner("related_links", text)) == [body]  # a bulleted link is a teaser


def test_a_neighbour_languages_read_also(run_cleaner) -> None:
    for prefix in (
        "Lees ook: À Saint-Gilles, la recyclerie fête ses dix ans",
        "Lesen Sie auch:",
        "Mehr zum Thema",
    ):
        assert kept(run_cleaner("related_links", f"{prefix}\nLe texte de l'article.")) == [
            "Le texte de l'article."
        ]


def test_a_blogs_same_category_heading(run_cleaner) -> None:
    """ "Dans la même catégorie" heads a blog's teasers, as "Sur le même sujet" a site's; a longer
    heading ("Chroniques dans la même catégorie") goes alone."""
    teasers = ["L'Hiver des phares, mon coup de cœur de la rentrée", "La Jetée, un premier album prometteur"]
    for heading in ("Dans la même catégorie", "Dans la même rubrique"):
        text = "\n".join(["Le texte.", heading, *teasers, "", "La suite du texte."])
        assert kept(run_cleaner("related_links", text)) == ["Le texte.", "La suite du texte."], heading
    out = run_cleaner("related_links", "Le texte.\nChroniques dans la même catégorie\nLa suite du texte.")
    assert dropped(out) == ["Chroniques dans la même catégorie"]
    results = ["Le texte.", "Chroniques de la même catégorie", "Joan Gaba, argent", "Hidayat Heydarov, or"]
    assert dropped(run_cleaner("related_links", "\n".join(results))) == ["Chroniques de la même catégorie"]
    prose = "Dans la même rubrique, le journal publie chaque semaine une enquête."
    assert dropped(run_cleaner("related_links", prose)) == []
