"""Whole French news pages of sites no rule file names, written for these tests in the layouts
French news sites use: navigation, the headline and its standfirst, a cluster of byline, dates,
reading time, share buttons and a captioned photo with its credit, the article, then tags,
teasers and the footer. The language pack must keep the headline, the standfirst and the
article whole and drop the rest, with no site rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from unittest import mock

from dechaff.cleaners.ui_tokens import UiTokens
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Outcome
from dechaff.engine.engine import Engine
from dechaff.io.source import Source
from dechaff.ruleset.loader import RuleBook

NEWS = [
    "Aller au contenu principal",
    "Le Quotidien",
    "Se connecter",
    "International",
    "Économie",
    "Les agriculteurs européens manifestent à Bruxelles contre la réforme de la politique agricole",
    "Plusieurs milliers d'exploitants venus de toute l'Union se sont rassemblés jeudi devant "
    "le Parlement européen pour dénoncer la baisse annoncée des aides directes.",
    "Par Claire Martin",
    "Publié le 14 mars 2024 à 18h02, modifié le 15 mars 2024 à 07h45",
    "Temps de Lecture 4 min.",
    "Article réservé aux abonnés",
    "Offrir cet article",
    "Ajouter à vos sélections",
    "Partager",
    "Des agriculteurs devant le Parlement européen, à Bruxelles, le 14 mars 2024. JEAN DUPONT / AFP",
    "Dès l'aube, des centaines de tracteurs ont convergé vers le quartier européen de "
    "Bruxelles, bloquant les principaux axes de la capitale belge pendant plusieurs heures.",
    "« Nous ne pouvons plus vivre de notre travail », explique un éleveur laitier venu de "
    "Bretagne, qui a parcouru près de huit cents kilomètres pour être présent.",
    "Lire aussi | Les prix du lait au plus bas depuis dix ans",
    "La Commission européenne a proposé en février de réduire l'enveloppe consacrée aux "
    "paiements directs, afin de financer de nouvelles priorités budgétaires.",
    "Des négociations tendues",
    "Les ministres de l'agriculture des Vingt-Sept doivent se retrouver la semaine prochaine "
    "pour tenter de trouver un compromis sur le budget.",
    "Contribuer",
    "Les plus lus",
    "Mentions légales",
]

TELE = [
    "Radio Télé Info",
    "Les dernières infos",
    "12:04 Le Conseil constitutionnel valide la loi",
    "11:47 Grève SNCF : le trafic perturbé ce week-end",
    "Économie",
    "Inflation : les prix alimentaires repartent à la hausse en avril",
    "Après plusieurs mois de stabilité, les prix des produits alimentaires ont de nouveau "
    "augmenté le mois dernier, selon les chiffres publiés vendredi.",
    "Article rédigé par",
    "Jeanne Morel",
    "Radio Télé Info",
    "Publié le 10/05/2024 09:58",
    "Temps de lecture : 2 min",
    "Partager sur Facebook",
    "Partager sur Twitter",
    "Envoyer par mail",
    "0 commentaire",
    "Un rayon de supermarché à Lyon, le 3 mai 2024. (MARIE DURAND / HANS LUCAS / AFP)",
    "Les prix de l'alimentation ont progressé de 0,8 % en avril par rapport au mois précédent, "
    "mettant fin à une période de relative accalmie, selon l'institut de statistique.",
    "Les produits frais sont les plus touchés, avec une augmentation marquée des prix des "
    "fruits et légumes, en raison de mauvaises conditions météorologiques.",
    "Voir les commentaires",
    "Les sujets associés",
    "Inflation",
    "Consommation",
    "Plan du site",
]


def _clean(engine: Engine, lines: list[str]) -> tuple[str | None, dict[str, object]]:
    result = engine.process(Source("page", Path("page.txt"), content="\n".join(lines).encode()))
    return result.text, result.row


def _with_paragraphs(book: RuleBook, paragraphs: dict[str, object]) -> RuleBook:
    """The rule book with the default file's `paragraphs` settings replaced by these."""
    default = replace(book.default, cleaners={**(book.default.cleaners or {}), "paragraphs": paragraphs})
    return replace(book, default=default)


def _setting(book: RuleBook, name: str, value: object) -> Engine:
    """An engine whose default file sets the paragraphs cleaner's `name` to `value`."""
    paragraphs = {**(book.default.cleaners or {}).get("paragraphs", {})}
    paragraphs[name] = replace(paragraphs.get(name) or next(iter(paragraphs.values())), value=value)
    return Engine(_with_paragraphs(book, paragraphs))


def _paragraphs(text: str) -> list[str]:
    """The clean text's paragraphs, blank lines left out."""
    return [line for line in text.splitlines() if line]


def _lines(page: list[str], numbers: tuple[int, ...]) -> str:
    """The clean text made of these lines of the page (numbered from 1)."""
    return "\n\n".join(page[k - 1] for k in numbers) + "\n"


def test_a_headline_standfirst_and_article_under_a_cluster_of_toolbars(engine: Engine) -> None:
    text, row = _clean(engine, NEWS)
    assert text == _lines(NEWS, (6, 7, 16, 17, 19, 20, 21))  # headline, standfirst, article
    assert row["author"] == "Claire Martin"
    assert row["published"] == "2024-03-14T18:02"


def test_a_byline_split_over_two_lines_and_a_credit_in_brackets(engine: Engine) -> None:
    text, row = _clean(engine, TELE)
    assert text == _lines(TELE, (6, 7, 18, 19))  # the newsroom's name under the byline goes too
    assert row["author"] == "Jeanne Morel"
    assert row["lang"] == "fr"


HOWTO = [
    "Le Journal Pratique",
    "Accueil > Argent > Banque",
    "Se connecter",
    "Changer de banque : la marche à suivre pour ne rien oublier",
    "Vous voulez quitter votre banque ? Voici comment vous y prendre, étape par étape, sans frais.",
    "Par la rédaction",
    "Publié le 2 avril 2024 à 07h30",
    "Partager",
    "Avant de commencer, réunissez vos documents : votre pièce d'identité, votre justificatif de "
    "domicile et le relevé d'identité de votre ancien compte.",
    "Ouvrez d'abord votre nouveau compte : c'est votre nouvelle banque qui s'occupe du reste et "
    "qui prévient vos créanciers.",
    "Vous pouvez aussi lui demander la liste de vos prélèvements : vérifiez-la, car un oubli vous "
    "coûterait des frais de rejet.",
    "Gardez l'ancien compte quelques semaines ; vous éviterez qu'un chèque oublié soit rejeté.",
    "Fermez-le ensuite par lettre, en demandant le virement du solde sur votre nouveau compte.",
    "Publicité",
    "Les plus lus",
    "Mentions légales",
]


def test_a_how_to_that_speaks_to_its_reader_is_prose(book: RuleBook) -> None:
    # "vous", "votre", "vos" and the elided "l'", "d'", "qu'" are French stop words the language
    # pack adds to jusText's (Wikipedia's third person) list; « : » and « ; » set apart are no words
    text, _ = _clean(Engine(book), HOWTO)
    assert text == _lines(HOWTO, (4, 5, 9, 10, 11, 12, 13))
    bare = replace(book, langs={**book.langs, "fr": replace(book.langs["fr"], stopwords=())})
    without, _ = _clean(Engine(bare), HOWTO)
    assert (
        without is not None and HOWTO[11] not in without
    )  # "Gardez l'ancien compte ... ; vous éviterez qu'un"


RECIPE = [
    "Cuisine Facile",
    "Recettes",
    "Desserts",
    "Se connecter",
    "Clafoutis aux cerises de grand-mère",
    "Un dessert de saison tout simple : des cerises entières, une pâte souple à la vanille, "
    "et le tour est joué en moins d'une heure.",
    "★★★★☆ 4,5/5 (87 avis)",
    "Imprimer",
    "Partager",
    "Ingrédients pour 6 personnes",
    "−",
    "6 personnes",
    "+",
    "",
    "500 g de cerises",
    "3 œufs",
    "100 g de sucre",
    "80 g de farine",
    "40 cl de lait",
    "1 sachet de sucre vanillé",
    "",
    "Ajouter à ma liste de courses",
    "",
    "Préparation",
    "1. Préchauffez le four à 180 °C. Lavez et équeutez les cerises, puis disposez-les dans un "
    "plat beurré sans les dénoyauter.",
    "2. Fouettez les œufs avec le sucre, ajoutez la farine puis le lait peu à peu, jusqu'à "
    "obtenir une pâte lisse.",
    "3. Versez la pâte sur les cerises et enfournez 40 minutes, jusqu'à ce que le dessus soit doré.",
    "Publicité",
    "Mentions légales",
]


def test_a_recipe_keeps_its_list_of_ingredients(engine: Engine, book: RuleBook) -> None:
    # the short lines under "Ingrédients ..." are the list's items, not a menu (the stepper's
    # "−" and "+" are skipped, its "6 personnes" taken); the list ends at its block's blank line
    text, _ = _clean(engine, RECIPE)
    assert text is not None
    kept = text.splitlines()
    wanted = [RECIPE[k - 1] for k in (5, 6, 10, 12, 15, 16, 17, 18, 19, 20, 24, 25, 26, 27)]
    assert [line for line in kept if line in wanted] == wanted  # all of them, in order
    assert not {"Recettes", "★★★★☆ 4,5/5 (87 avis)", "Imprimer", "Publicité"} & set(kept)
    without, _ = _clean(Engine(_with_paragraphs(book, {})), RECIPE)  # no list headings
    assert without is not None and "500 g de cerises" not in without


FORUM = [
    "Forum des jardiniers",
    "Connexion",
    "Accueil ‹ Potager ‹ Tomates",
    "Tomates : faut-il vraiment couper les gourmands ?",
    "Message par lucie_b » mar. 4 juin 2024 09:12",
    "Bonjour à tous,",
    "Je cultive mes premières tomates cette année et je lis tout et son contraire sur les "
    "gourmands. Faut-il vraiment les couper, et à quel moment de la saison ? Mon voisin dit "
    "qu'il ne faut jamais y toucher, ma belle-mère les coupe tous dès qu'ils apparaissent, et "
    "les vidéos que j'ai regardées ne sont pas d'accord entre elles. J'ai six pieds en pleine "
    "terre, des cœurs-de-bœuf et des tomates cerises, arrosés deux fois par semaine.",
    "lucie_b",
    "Messages : 2",
    "Inscription : mars 2021",
    "Haut",
    "Message par Jardinier64 » mar. 4 juin 2024 10:40",
    "Pour les variétés à croissance indéterminée, je les pince tant qu'ils sont petits : la "
    "plante concentre son énergie sur les fruits et l'aération est meilleure.",
    "Jardinier64",
    "Messages : 1520",
    "Inscription : mars 2021",
    "Haut",
    "Message par Potagère » mar. 4 juin 2024 12:05",
    "Pas toujours ! Sur les tomates cerises, je laisse tout pousser et je n'ai jamais eu "
    "autant de récolte qu'en laissant faire la plante.",
    "Potagère",
    "Messages : 311",
    "Inscription : mars 2021",
    "Haut",
    "Message par lucie_b » mar. 4 juin 2024 18:30",
    "Merci à vous deux, je vais essayer les deux méthodes sur deux pieds différents et je vous "
    "dirai ce qui a le mieux marché à la fin de l'été.",
    "Qui est en ligne",
    "Mentions légales",
]


def test_a_forum_thread_keeps_every_post(engine: Engine) -> None:
    # each post is under a header like the others' ("Message par ... » date"), the first one too:
    # the posts are the page, not an article and its comments
    text, _ = _clean(engine, FORUM)
    assert text is not None
    kept = text.splitlines()
    for k in (7, 13, 19, 25):
        assert FORUM[k - 1] in kept
    assert not {"Messages : 2", "Jardinier64", "Qui est en ligne", "Mentions légales"} & set(kept)


def test_a_forum_thread_keeps_every_post_whoever_wrote_it(engine: Engine) -> None:
    # "Message" over "par <member> » <date>": the headers start alike though each names its
    # member (one with digits in the name), so the posts are a thread, not an article's comments
    blocks = []
    for line in FORUM:
        blocks.append(line.replace("Message par ", "Message\npar ", 1))
    result = engine.process(Source("page", Path("page.txt"), content="\n\n".join(blocks).encode()))
    kept = (result.text or "").splitlines()
    for k in (7, 13, 19, 25):
        assert FORUM[k - 1] in kept
    assert not {"Qui est en ligne", "Mentions légales"} & set(kept)


REVIEW = [
    "Ciné Mag",
    "Critiques",
    "« La Dernière Marée » : un premier film âpre sur la fin d'un port de pêche",
    "Par Paul Marchand",
    "De Lina Costa. Avec Anna Riva, Marc Delorme. Drame. France. 1 h 38. Sortie le 3 avril.",
    "Bande-annonce",
    "Dans « La Dernière Marée », Anna Riva joue une mareyeuse qui voit son port se vider de ses "
    "bateaux, et Lina Costa filme son visage de près, sans forcer l'émotion, tout un hiver.",
    "Face à elle, Marc Delorme compose un patron de chalutier usé, et le duo porte ce premier "
    "film sur la fin d'un port avec une justesse qui tient jusqu'à la dernière scène.",
    "Lina Costa signe là un premier long métrage remarqué, que Anna Riva et Marc Delorme "
    "portent de bout en bout, loin des clichés du film social.",
    "Mentions légales",
]


def test_a_line_with_a_full_stop_is_no_title(engine: Engine) -> None:
    # the credits repeat the names the review is full of, but a title has no full stop
    text, _ = _clean(engine, REVIEW)
    assert text is not None and text.splitlines()[0] == REVIEW[2]


SHORT_SENTENCES = [
    "Office de tourisme",
    "Découvrir",
    "Séjourner",
    "Agenda",
    "Le vieux port de Honfleur",
    "Maisons étroites, quais pavés et voiliers : le vieux port se découvre à pied, au fil de l'eau.",
    "Partager",
    "Le vieux bassin date du dix-septième siècle.",
    "Les maisons qui le bordent sont hautes et très étroites.",
    "Certaines comptent sept étages sous leur toit d'ardoise.",
    "Le matin, les pêcheurs vendent leur poisson sur le quai.",
    "Le soir, les terrasses des restaurants se remplissent vite.",
    "L'église Sainte-Catherine se trouve à deux pas du port.",
    "Elle est entièrement construite en bois, comme une coque de navire renversée.",
    "Son clocher se dresse à part, de l'autre côté de la place.",
    "Pensez à réserver votre table en été, les places sont rares.",
    "Brochures",
    "Mentions légales",
]


def test_a_page_written_in_one_sentence_paragraphs(engine: Engine, book: RuleBook) -> None:
    # a run of short lines that are all sentences is prose, however long; a menu is no sentence
    text, _ = _clean(engine, SHORT_SENTENCES)
    assert text is not None
    # the last two, which no good text closes before the footer, are judged as before
    assert _paragraphs(text) == SHORT_SENTENCES[4:6] + SHORT_SENTENCES[7:14]
    without, _ = _clean(_setting(book, "sentence_words", 0), SHORT_SENTENCES)
    assert without is None or SHORT_SENTENCES[9] not in without


CAR_REVIEW = [
    "Auto Plus Ouest",
    "Essais",
    "Occasion",
    "Se connecter",
    "Essai du Verano Hybride : le SUV familial qui soigne sa consommation en ville",
    "",
    "Nous avons conduit pendant une semaine la version hybride de ce SUV compact, entre les "
    "embouteillages de la rocade et les routes de campagne, avec toute la famille à bord.",
    "",
    "En ville, le moteur électrique prend le relais à chaque arrêt et la consommation reste "
    "très contenue, mais le bruit du moteur thermique devient vite présent à l'accélération.",
    "",
    "Les plus",
    "",
    "Habitabilité arrière",
    "",
    "Consommation en ville",
    "",
    "Les moins",
    "",
    "Bruit à l'accélération",
    "",
    "Suspension ferme",
    "",
    "Fiche technique",
    "",
    "Puissance cumulée : 145 ch",
    "",
    "Coffre : 480 l",
    "",
    "Prix : à partir de 33 490 €",
    "",
    "Mots-clés : SUV, hybride, essai",
    "",
    "Nos derniers essais",
    "",
    "Essai de la citadine Mira : une bonne surprise",
    "",
    "Comparatif des breaks familiaux",
    "",
    "Mentions légales",
]


def test_a_reviews_verdict_and_data_sheet_are_lists(engine: Engine, book: RuleBook) -> None:
    # "Les plus", "Les moins", "Fiche technique" head lists whose items are each set apart; the
    # tags line that the language pack removes ends the last one: the teasers after it go
    text, _ = _clean(engine, CAR_REVIEW)
    assert text is not None
    kept = _paragraphs(text)
    assert kept == [line for line in CAR_REVIEW[4:29] if line]
    headings = (book.default.cleaners or {})["paragraphs"]["list_headings"].value
    reviews = [h for h in headings if "fiche" not in h.source]
    without, _ = _clean(_setting(book, "list_headings", reviews), CAR_REVIEW)
    assert without is None or "Coffre : 480 l" not in without


def test_a_shops_strong_and_weak_points_are_lists(engine: Engine) -> None:
    """ "Les points forts", "Les points faibles", "On a aimé", "Les +": a shop's or a review's list
    headings too."""
    for plus, minus in (
        ("Les points forts", "Les points faibles"),
        ("On a aimé", "On a moins aimé"),
        ("Les +", "Les -"),
    ):
        page = [{"Les plus": plus, "Les moins": minus}.get(x, x) for x in CAR_REVIEW]
        text, _ = _clean(engine, page)
        assert text is not None and _paragraphs(text) == [x for x in page[4:29] if x], plus


HEALTH = [
    "Santé Pratique",
    "Maladies",
    "Symptômes",
    "Angine ou simple mal de gorge : comment les reconnaître ?",
    "Gorge qui pique, voix enrouée, fièvre ou non : les deux se ressemblent au début, mais leur "
    "évolution et leur traitement ne sont pas les mêmes.",
    "Partager",
    "Le mal de gorge est l'un des motifs de consultation les plus fréquents de l'hiver, et il "
    "touche les enfants comme les adultes, souvent après un simple rhume.",
    "Il est le plus souvent causé par un virus.",
    "Il guérit alors seul en quelques jours.",
    "Les antibiotiques ne servent à rien contre lui.",
    "Publicité",
    "L'angine bactérienne",
    "Elle touche surtout les enfants de plus de trois ans.",
    "La fièvre est élevée et les ganglions du cou sont gonflés, mais la toux est le plus souvent "
    "absente, ce qui aide le médecin à faire la différence.",
    "Mentions légales",
]


def test_one_sentence_paragraphs_under_subheadings(engine: Engine, book: RuleBook) -> None:
    # short sentences, then an ad marker and a subheading, then a sentence: one section after
    # another of a page written in one-sentence paragraphs, all kept
    text, _ = _clean(engine, HEALTH)
    assert text is not None
    assert _paragraphs(text) == HEALTH[3:5] + HEALTH[6:10] + HEALTH[11:14]
    without, _ = _clean(_setting(book, "sentence_words", 0), HEALTH)
    assert without is None or HEALTH[8] not in without


BAKERY = [
    "Le Courrier de l'Ouest",
    "Vitré : la boulangerie de la place du Château rouvre après l'incendie",
    "",
    "Ravagée par un incendie en février, la boulangerie a rouvert samedi matin, et les clients "
    "attendaient dès l'aube devant la vitrine toute neuve.",
    "",
    "Il était 6 h 30, ce samedi, quand le boulanger a relevé le rideau de fer, sept mois après "
    "l'incendie qui avait détruit le fournil et une partie de la boutique.",
    "",
    "Pour fêter la réouverture, le boulanger a imaginé un pain spécial aux noix et au miel, "
    "vendu toute la semaine au prix d'une baguette.",
    "",
    "Le premier jour, les 150 pains sont partis avant 10 heures.",
    "",
    "La boutique est ouverte du mardi au dimanche, de 6 h 30 à 19 h 30.",
    "",
    "Cet article vous a-t-il été utile ?",
    "",
    "Vitré",
    "Commerces",
    "Faits divers",
    "Nos partenaires",
]


def test_an_article_that_ends_in_one_sentence_paragraphs(engine: Engine, book: RuleBook) -> None:
    # its last two paragraphs, a short sentence each, end where the reader box under it was
    # removed: the article's end, not the footer, which stays out
    text, _ = _clean(engine, BAKERY)
    assert text is not None
    assert _paragraphs(text) == [line for line in BAKERY[1:13] if line]
    without, _ = _clean(_setting(book, "sentence_words", 0), BAKERY)
    assert without is not None and BAKERY[11] not in without


COURT = [
    "La Dépêche du Quercy",
    "Faits divers",
    "Un automobiliste condamné après avoir percuté un abribus à Cahors",
    "Le conducteur, qui roulait sans permis, a été jugé mardi par le tribunal correctionnel.",
    "Le tribunal correctionnel de Cahors a jugé mardi un homme de 34 ans qui avait percuté un "
    "abribus du boulevard Gambetta en octobre dernier, blessant légèrement deux lycéennes.",
    "Le procureur a requis huit mois de prison avec sursis probatoire et l'annulation du permis "
    "de conduire, en rappelant que le prévenu avait déjà été condamné pour les mêmes faits.",
    "Le tribunal l'a finalement condamné à six mois d'emprisonnement avec sursis probatoire "
    "pendant deux ans, avec obligation de soins et interdiction de conduire.",
    "Il devra aussi verser 2 000 euros à chacune des deux victimes.",
]


def test_an_article_that_ends_in_one_short_sentence(engine: Engine) -> None:
    # its last paragraph, one short sentence, right over the share bar or a related link that went:
    # the article's end; over a single line that went (a copyright), a footer's sentence
    for under in (
        ["Partager", "Facebook", "Copier le lien"],
        ["Lire aussi : Cahors : le boulevard Gambetta rouvre", "Partager"],
    ):
        text, _ = _clean(engine, [*COURT, *under, "Mentions légales", "Contact"])
        assert text is not None and _paragraphs(text)[-1] == COURT[-1], under
    text, _ = _clean(
        engine,
        [
            *COURT[:-1],
            "Reproduction interdite sans autorisation préalable du journal.",
            "© 2024 La Dépêche du Quercy. Tous droits réservés.",
        ],
    )
    assert text is not None and "Reproduction" not in text and COURT[-2] in text
    # nor a sentence that speaks to the reader or for the site, whatever went under it; a report's
    # "... nous répondre" or a meeting's "rendez-vous" is none
    for line in ("Retrouvez toute l'actualité du Lot sur notre site.", "Merci de votre lecture attentive."):
        text, _ = _clean(engine, [*COURT[:-1], line, "Partager", "Facebook", "Copier le lien", "Contact"])
        assert text is not None and line not in text and COURT[-2] in text, line
    for line in (
        "Contacté, le propriétaire n'a pas souhaité nous répondre.",
        "Le prochain rendez-vous est fixé au 14 juin prochain.",
    ):
        text, _ = _clean(engine, [*COURT[:-1], line, "Partager", "Facebook", "Copier le lien", "Contact"])
        assert text is not None and _paragraphs(text)[-1] == line, line


LEGAL = [
    "Droit Pratique",
    "Préavis de départ d'un logement loué vide : un mois ou trois mois ?",
    "",
    "Le locataire qui veut quitter son logement doit prévenir son bailleur à l'avance, dans un délai "
    "qui dépend de la situation du logement et de celle du locataire lui-même.",
    "",
    "Le congé doit être notifié au bailleur par écrit, et la loi ne laisse que peu de choix au "
    "locataire. Trois moyens sont possibles :",
    "",
    "par lettre recommandée avec accusé de réception ;",
    "",
    "par acte de commissaire de justice ;",
    "",
    "par remise en main propre contre récépissé.",
    "",
    "Télécharger notre modèle de lettre (PDF, 40 Ko)",
    "",
    "À partir de quand court le délai ?",
    "",
    "Le délai de préavis commence à courir le jour où le bailleur reçoit la lettre, et non le jour "
    "où le locataire l'a envoyée, ce qui peut faire une différence de plusieurs jours.",
    "",
    "Mentions légales",
]


def test_the_items_a_sentence_announces(engine: Engine) -> None:
    # under "... Trois moyens sont possibles :", short lines in lower case that end with ";" and
    # the last with "." are the sentence's items, not a menu
    text, _ = _clean(engine, LEGAL)
    assert text is not None
    kept = _paragraphs(text)
    assert kept == [line for line in LEGAL[1:19] if line and "PDF" not in line]
    with (
        mock.patch("dechaff.cleaners.classifier_core._clauses", return_value=[]),
        mock.patch("dechaff.cleaners.classifier_core._announces", return_value=False),
    ):
        without, _ = _clean(engine, LEGAL)
    assert without is None or LEGAL[7] not in without  # judged as short lines, they would go


FUEL = [
    "Motorama",
    "Carburants : les prix à la pompe reculent pour la troisième semaine de suite",
    "",
    "Bonne nouvelle pour les automobilistes : selon les relevés publiés ce lundi, le prix moyen des "
    "carburants a encore baissé la semaine dernière, une première depuis l'automne.",
    "",
    "Voici les prix moyens relevés dans les stations-service françaises :",
    "",
    "• Gazole : 1,689 euro le litre",
    "",
    "• Sans-plomb 95-E10 : 1,781 euro le litre",
    "",
    "• GPL : 0,997 euro le litre",
    "",
    "Lire aussi : Quelle est la station la moins chère près de chez vous ?",
    "",
    "Un baril moins cher",
    "",
    "Cette baisse s'explique principalement par le recul des cours du pétrole brut, alors que les "
    "craintes sur la croissance mondiale pèsent sur la demande.",
    "",
    "Mentions légales",
]


def test_the_bullets_a_sentence_announces(engine: Engine) -> None:
    text, _ = _clean(engine, FUEL)
    assert text is not None
    assert _paragraphs(text) == [line for line in FUEL[1:19] if line and not line.startswith("Lire")]
    with mock.patch("dechaff.cleaners.classifier_core._clauses", return_value=[]):
        without, _ = _clean(engine, FUEL)
    assert without is None or FUEL[7] not in without


SEEDLINGS = [
    "Le Potager Malin",
    "Légumes",
    "Fruits",
    "Outils",
    "Boutique",
    "Accueil > Légumes > Tomates",
    "Semer ses tomates en godets : la méthode simple",
    "Un semis réussi commence à l'intérieur, au chaud, six à huit semaines avant les dernières gelées.",
    "Par Hélène Garnier",
    "Publié le 02/03/2024",
    "Quand semer ?",
    "Comptez six à huit semaines avant la date des dernières gelées de votre région, souvent fin "
    "février dans le Sud et fin mars dans le Nord.",
    "Un repère simple : semez quand les jours rallongent nettement.",
    "Les graines lèvent en une semaine à vingt degrés, plus lentement au frais.",
    "Le bon terreau",
    "Choisissez un terreau fin et léger, spécial semis, que vous humidifiez avant de remplir les "
    "godets jusqu'à un centimètre du bord.",
    "Évitez le terreau de rempotage. Il est trop riche.",
    "Boutique Le Potager Malin",
    "Godets biodégradables x 50 – 6,90 €",
    "Terreau semis 20 L – 9,50 €",
    "Ajouter au panier",
    "Les gestes, étape par étape",
    "1. Déposez deux graines par godet.",
    "2. Couvrez de terreau et tassez.",
    "3. Arrosez en pluie fine, sans détremper.",
    "4. Placez les godets à la lumière, près d'une fenêtre orientée au sud, sans soleil direct "
    "derrière la vitre aux heures chaudes de la journée.",
    "Après la levée, gardez le plant le plus vigoureux de chaque godet et coupez l'autre au ras "
    "du terreau, sans l'arracher pour ne pas abîmer les racines du premier.",
    "Discussions récentes sur le forum",
    "Mes semis filent, que faire ?",
    "Mentions légales",
]


def test_a_how_to_split_by_a_shop_box_stays_whole(engine: Engine) -> None:
    """A shop box in the middle of a how-to (its heading, two products, a button): the box goes,
    and the one-sentence paragraphs and steps on either side of it stay with the article."""
    text, row = _clean(engine, SEEDLINGS)
    assert text == _lines(SEEDLINGS, (7, 8, *range(11, 18), *range(22, 28)))
    assert row["author"] == "Hélène Garnier"


SERVICE = [
    "Ville de Saint-Aubin",
    "Vivre à Saint-Aubin",
    "Démarches",
    "Agenda",
    "Accueil > Vivre à Saint-Aubin > Piscine",
    "La piscine municipale rouvre ses portes après six mois de travaux",
    "Après la rénovation complète de ses bassins et de ses vestiaires, la piscine municipale "
    "accueille de nouveau le public depuis le lundi 2 septembre.",
    "Horaires d'ouverture",
    "Lundi : 12 h – 14 h",
    "Mercredi : 10 h – 19 h",
    "Samedi : 9 h – 18 h",
    "Dimanche : fermé",
    "Pendant les vacances scolaires, le bassin extérieur est ouvert tous les jours de 10 heures à "
    "19 heures, sauf en cas d'orage.",
    "Ce que vous trouverez sur place",
    "• Un bassin sportif de vingt-cinq mètres avec six lignes d'eau",
    "• Un bassin d'apprentissage pour les enfants et les cours de natation",
    "• Des vestiaires collectifs et individuels entièrement accessibles",
    "Les cartes de dix entrées achetées avant les travaux restent valables jusqu'à la fin de "
    "l'année, sur présentation à l'accueil de la piscine.",
    "Voir aussi",
    "Médiathèque : les horaires d'été et les animations pour les enfants",
    "Conservatoire : les inscriptions sont ouvertes",
    "Mentions légales",
]


def test_a_services_opening_hours_and_list_stay_between_its_paragraphs(engine: Engine) -> None:
    """A town's page: opening hours as "Mardi : 14 h – 18 h" and a bulleted list written in words,
    each between paragraphs, are the page's content; titles "Médiathèque : ..." under "Voir aussi"
    go (a headline reads on after its colon, a value is a number or a few words)."""
    text, _ = _clean(engine, SERVICE)
    assert text == _lines(SERVICE, tuple(range(6, 19)))
    with mock.patch("dechaff.cleaners.classifier_core._item", return_value=False):
        without, _ = _clean(engine, SERVICE)
    assert without is not None and SERVICE[8] not in without and SERVICE[14] not in without


AD_SLOT = [
    "Le Balcon Fleuri",
    "Bouturer ses géraniums : la méthode pas à pas",
    "Une bouture prise à la fin de l'été donne au printemps suivant une plante vigoureuse, à "
    "condition de choisir une tige saine et un substrat léger.",
    "Quand bouturer ?",
    "Publicité",
    "Partager sur Facebook",
    "Prélevez les boutures fin août ou début septembre.",
    "Les racines apparaissent en trois semaines au chaud.",
    "Un repère simple : bouturez avant les premières nuits fraîches.",
    "Retirez les feuilles du bas, plantez la tige dans un godet de terreau léger et arrosez "
    "modérément, sans laisser l'eau stagner dans la soucoupe.",
    "Mentions légales",
]


def test_a_subheading_that_asks_over_an_ad_slot_stays(engine: Engine) -> None:
    """ "Quand bouturer ?" over an ad marker and a share button, then its one-sentence paragraphs:
    a subheading that asks is no box's heading, and the ad slot under it cuts nothing."""
    text, _ = _clean(engine, AD_SLOT)
    assert text == _lines(AD_SLOT, (2, 3, 4, 7, 8, 9, 10))
    with mock.patch("dechaff.cleaners.classifier_core._asks", side_effect=lambda lines: [False] * len(lines)):
        without, _ = _clean(engine, AD_SLOT)
    assert without is not None and AD_SLOT[3] not in without


def test_a_sites_name_above_a_block_that_opens_with_its_headline_is_no_title(engine: Engine) -> None:
    """The block opens with the headline (a near-good line over the text); the site's name above
    it, two words the text repeats, is the header's, not a title over it."""
    page = [
        "Le Fil Vert",
        "L'actu de la planète, sans jargon",
        "Accueil",
        "Climat",
        "Énergie",
        "Climat > Océans",
        "Brève",
        "Samedi 14 septembre 2024 à 16h05",
        "Les coraux de la mer Rouge blanchissent plus tôt que prévu cet été",
        "Les coraux de la mer Rouge ont commencé à blanchir dès le mois de juillet, selon une équipe "
        "de biologistes qui suit les récifs depuis vingt ans, et le phénomène inquiète les scientifiques.",
        "Les biologistes de l'équipe ont relevé des températures de l'eau supérieures de deux degrés à "
        "la moyenne, une anomalie qui explique selon eux le blanchissement précoce des coraux.",
        "« Nous n'avions jamais vu les récifs blanchir aussi tôt dans la saison », explique la "
        "responsable de l'étude, qui travaille pour un institut de recherche au bord de la mer Rouge.",
        "Le Fil Vert a contacté les autorités locales, qui n'ont pas souhaité réagir à ces résultats "
        "pour le moment.",
        "Mentions légales",
        "Contact",
    ]
    result = engine.process(Source("page", Path("page.txt"), content="\n\n".join(page).encode()))
    assert result.text == _lines(page, (9, 10, 11, 12, 13))


def test_a_menus_entry_above_a_kicker_and_its_headline_is_no_title(engine: Engine) -> None:
    """The block opens with a kicker ("ESSAI") over the headline: a menu's entry above it, two
    words the text repeats, is the menu's, not a title over the block."""
    page = [
        "AUTO MAG",
        "le magazine des amateurs de voitures",
        "Nouveautés",
        "Occasion",
        "Électrique",
        "Sport auto",
        "Guide d'achat",
        "Cote auto",
        "Accueil > Tests > Familiales",
        "ESSAI",
        "Essai du Kerva Hybride : un SUV familial qui préfère la douceur au sport",
        "Le Kerva Hybride arrive sur un segment très disputé avec un moteur sobre et un habitacle "
        "spacieux, que nous avons conduit pendant une semaine entre Lyon et Grenoble.",
        "Sur autoroute, le moteur se fait oublier et la consommation reste sous les six litres, ce qui "
        "place ce SUV parmi les plus sobres de sa catégorie selon nos relevés.",
        "En ville, la boîte automatique se montre douce, mais le mode sport n'apporte pas grand-chose "
        "à ce modèle qui préfère nettement la conduite apaisée au volant.",
        "Mentions légales",
    ]
    result = engine.process(Source("page", Path("page.txt"), content="\n\n".join(page).encode()))
    assert result.text == _lines(page, (11, 12, 13, 14))


SQUAD = [
    "Le Journal du Sport",
    "Accueil",
    "Football",
    "Rugby",
    "Handball : la liste des joueuses retenues pour le tournoi de Bercy",
    "",
    "Le sélectionneur a dévoilé ce mardi sa liste pour le tournoi de préparation, qui se tiendra à "
    "Paris du 4 au 8 mars, avec deux nouvelles venues et le retour de la capitaine après sa blessure.",
    "",
    "Les joueuses retenues pour le stage qui commence lundi à la Maison du handball sont les suivantes :",
    "",
    "Léa Morel (Metz)",
    "Inès Caron (Brest)",
    "Julie Perrot (Nantes)",
    "Chloé Marchand (Dijon)",
    "Sarah Lemaire (Paris 92)",
    "",
    "Newsletter",
    "Recevez l'essentiel du sport chaque matin",
    "Mentions légales",
]


def test_the_list_a_sentence_of_prose_announces(engine: Engine) -> None:
    """Under prose that ends with a colon, a run of short lines is the list it announces (three
    items or more: one line under a call to action is more often a form than an item)."""
    text, _ = _clean(engine, SQUAD)
    assert text is not None
    assert _paragraphs(text) == [line for line in SQUAD[4:16] if line]
    with mock.patch("dechaff.cleaners.classifier_core._announces", return_value=False):
        without, _ = _clean(engine, SQUAD)
    assert without is not None and SQUAD[11] not in without  # judged as short lines, they would go
    two, _ = _clean(engine, [*SQUAD[:12], *SQUAD[15:]])  # two players, then the footer
    assert two is not None and SQUAD[8] in two and SQUAD[11] not in two
    more = (
        "La capitaine, remise de sa blessure au genou, retrouvera le groupe dès le premier jour du "
        "stage, a précisé l'encadrement, qui compte sur son expérience pour ce tournoi."
    )
    closed, _ = _clean(
        engine,
        [
            *SQUAD[:10],
            "Léa Morel, Inès Caron, Julie Perrot, Chloé Marchand, Sarah Lemaire (Paris 92)",
            "",
            more,
            *SQUAD[15:],
        ],
    )  # one, then prose
    assert closed is not None and "Inès" in closed
    form, _ = _clean(engine, [*SQUAD[:10], "Nom", "Prénom", "Adresse e-mail", "Ville", *SQUAD[15:]])
    assert form is not None and "Prénom" not in form  # a form's fields: words too few for a list


ENCYCLOPEDIA = [
    "Wikimémo",
    "Accueil",
    "Article au hasard",
    "Moulin du Birlot",
    "Le moulin du Birlot est un moulin à marée situé sur l'île de Bréhat, dans les Côtes-d'Armor, "
    "construit au XVIIe siècle pour moudre le grain des habitants de l'île et des îlots voisins.",
    "Histoire",
    "[modifier | modifier le code]",
    "Origines",
    "[modifier | modifier le code]",
    "Le moulin est bâti en 1633 sur une digue qui ferme une anse au nord de l'île ; la mer, retenue "
    "à marée haute dans l'étang, fait tourner la roue quand elle se retire à marée basse.",
    "Restauration",
    "[modifier | modifier le code]",
    "Abandonné au début du XXe siècle, il est restauré par une association de l'île à partir de "
    "1990 et se visite aujourd'hui l'été, quand la marée permet de faire tourner la roue.",
    "Dernière modification de cette page le 3 mars 2024.",
]


def test_an_encyclopedias_headings_over_their_edit_links(engine: Engine) -> None:
    """An edit link under a heading belongs to it: it goes, and the heading is still right above
    its text (a subheading), not a short line cut off from it."""
    text, _ = _clean(engine, ENCYCLOPEDIA)
    assert text is not None
    assert [line for line in ENCYCLOPEDIA[4:13] if "[" not in line] == _paragraphs(text)[-6:]
    clean = UiTokens.clean

    def detached(self: UiTokens, lines: Sequence[Line], ctx: Context) -> Outcome:
        return replace(clean(self, lines, ctx), attached=frozenset())

    with mock.patch.object(UiTokens, "clean", detached):
        cut, _ = _clean(engine, ENCYCLOPEDIA)
    assert cut is not None and "Origines" not in _paragraphs(cut)
