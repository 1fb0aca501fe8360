"""Whole French pages whose article holds lists and tables between its paragraphs: a recipe in
parts, a match report's minutes, a race's results. Short lines with no sentence look like menus;
here they are the article's, and the paragraphs under them are the article too. Also a headline
that shares few words with the text, found over its standfirst. Pages written for these tests."""

from __future__ import annotations

from pathlib import Path

from dechaff.engine.engine import Engine
from dechaff.io.source import Source


def _clean(engine: Engine, page: str) -> str | None:
    return engine.process(Source("page", Path("page.txt"), content=page.encode())).text


def _kept(text: str | None) -> list[str]:
    assert text is not None
    return [line for line in text.splitlines() if line]


MENU = "Le Petit Gourmet\n\nRecettes\nEntrées\nPlats\nDesserts\nVidéos\n\nRechercher\n\n"

RECIPE = (
    MENU + "Gâteau renversé aux pommes et au caramel, la recette de ma tante Odile\n\n"
    "Un dessert d'automne qui se prépare en un quart d'heure et que toute la famille réclame. "
    "Ma tante le faisait chaque dimanche, toujours dans le même moule en fonte.\n\n"
    "Partager\n\n"
    "Chez nous, la saison des pommes ne commençait vraiment qu'avec ce gâteau. Le caramel coule "
    "au fond du moule, les fruits fondent dessus, et la pâte monte autour d'eux pendant la cuisson.\n\n"
    "La version d'Odile ajoute une pincée de fleur de sel au caramel et un peu de crème dans la pâte. "
    "Le résultat est moelleux, à peine sucré, et il se garde deux jours sous une cloche.\n\n"
    "Ingrédients\n\n"
    "Pour le caramel\n150 g de sucre\n40 g de beurre demi-sel\n1 pincée de fleur de sel\n\n"
    "Pour la pâte\n200 g de farine\n3 œufs\n100 g de sucre\n10 cl de crème liquide\n1 sachet de levure\n\n"
    "Publicité\n\n"
    "Préparation\n\n"
    "1. Faire fondre le sucre à sec dans le moule jusqu'à obtenir un caramel blond.\n\n"
    "2. Ajouter le beurre et la fleur de sel, remuer, puis laisser tiédir quelques minutes.\n\n"
    "3. Disposer les quartiers de pommes serrés sur le caramel, face bombée contre le fond.\n\n"
    "4. Mélanger la farine, les œufs, le sucre, la crème et la levure jusqu'à une pâte lisse.\n\n"
    "5. Verser la pâte sur les pommes et cuire quarante minutes à 180 degrés dans le four.\n\n"
    "Le conseil d'Odile\n\n"
    "Démoulez le gâteau encore chaud, sinon le caramel durcit et colle au fond du moule. "
    "Et si vous n'avez pas de moule en fonte, un moule à manqué beurré fera très bien l'affaire.\n\n"
    "Nos recettes de saison\n\n"
    "Mentions légales\nContact\n"
)


def test_a_recipes_list_under_les_ingredients(engine: Engine) -> None:
    """ "Les ingrédients" heads the list as "Ingrédients" does."""
    page = RECIPE.replace("Ingrédients\n\n", "Les ingrédients\n\n")
    kept = _kept(_clean(engine, page))
    assert "Les ingrédients" in kept and "1 sachet de levure" in kept and kept[2].startswith("Chez nous")


def test_a_recipe_in_parts_keeps_its_lists_and_the_story_above(engine: Engine) -> None:
    """A list heading's items go on over a blank line when the next block is the recipe's next
    part: a short line over quantities. The paragraphs above the lists stay in the article."""
    kept = _kept(_clean(engine, RECIPE))
    assert kept[0].startswith("Gâteau renversé") and kept[2].startswith("Chez nous")
    for item in ("Pour le caramel", "1 pincée de fleur de sel", "Pour la pâte", "1 sachet de levure"):
        assert item in kept, item
    assert kept[-1].startswith("Démoulez")
    assert not {"Recettes", "Desserts", "Publicité", "Partager", "Mentions légales"} & set(kept)


MATCH = (
    "Sport Ouest\n\nFootball\nRugby\nBasket\nRésultats\n\n"
    "Le Mans renverse Quevilly au bout d'un match fou (3-2)\n\n"
    "Menés de deux buts à la pause, les Manceaux ont arraché la victoire dans les dernières minutes "
    "grâce à un doublé de leur attaquant remplaçant.\n\n"
    "Par Léo Garnier\n\n"
    "Personne n'y croyait plus dans les tribunes du stade Marie-Marvingt. Après quarante-cinq minutes "
    "ratées, les joueurs de Le Mans sont revenus des vestiaires avec une autre intention.\n\n"
    "L'entraîneur avait changé de système, et l'entrée de Karim Diop a tout changé en attaque.\n\n"
    "Le film du match\n\n"
    "12e : Penalty de Quevilly sur une faute de main (0-1).\n\n"
    "31e : Quevilly double la mise sur un contre (0-2).\n\n"
    "58e : Karim Diop réduit l'écart de la tête (1-2).\n\n"
    "77e : Le capitaine égalise sur un corner (2-2).\n\n"
    "90e+3 : Karim Diop donne la victoire à son équipe (3-2).\n\n"
    "Une remontée au classement\n\n"
    "Avec ce succès, Le Mans remonte à la septième place, à deux points des places de barrage. "
    "Le club se déplacera samedi prochain à Sochaux pour confirmer ce regain de forme.\n\n"
    "Partager sur :\nFacebook\nX\n\n"
    "Les plus lus\n\nMercato : les dix transferts de l'hiver\n\n© 2025 Sport Ouest\n"
)


def test_a_match_reports_minutes_are_its_sentences(engine: Engine) -> None:
    """Lines that start with a match minute ("58e : ", "90e+3 : ") are sentences of the report
    (a numbered step's shape): they stay, and so does the section under them."""
    kept = _kept(_clean(engine, MATCH))
    minutes = [line for line in MATCH.splitlines() if line[:2].isdigit() and "e" in line[:6]]
    assert len(minutes) == 5 and all(line in kept for line in minutes)
    assert kept[-1].startswith("Avec ce succès") and kept[-2] == "Une remontée au classement"
    assert not {"Rugby", "Par Léo Garnier", "Facebook", "Les plus lus"} & set(kept)


RACE = (
    "Le Rayon\n\nRoute\nPiste\nCalendrier\n\n"
    "Tour des Combes : Hugo Ferrand gagne en solitaire à Nantua\n\n"
    "Publié le 12 mai 2025\n\n"
    "Le grimpeur savoyard a attaqué dans la dernière côte pour s'imposer avec vingt secondes "
    "d'avance sur un petit groupe de poursuivants. Il prend aussi la tête du classement général.\n\n"
    "Dans l'ascension finale, longue de six kilomètres, Hugo Ferrand a laissé ses équipiers durcir "
    "le rythme avant de placer deux accélérations. Personne n'a pu suivre le coureur savoyard.\n\n"
    "Classement de l'étape\n\n"
    '1 Hugo Ferrand (FRA) Alpes Cycling 3h58\'12"\n2 Jens Mertens (BEL) Flandria à 20"\n'
    '3 Pablo Ruiz (ESP) Iberia à 24"\n4 Marco Bessi (ITA) Piemonte à 31"\n\n'
    "Une dernière étape pour les sprinteurs\n\n"
    "Dimanche, la dernière étape relie Nantua à Bourg-en-Bresse sur un parcours plat, qui devrait "
    "sourire aux sprinteurs, même si le vent peut encore provoquer des bordures dans la plaine.\n\n"
    "Tags : Tour des Combes, Hugo Ferrand\n\n"
    "Calendrier des courses\n\n18/05 — Grand Prix de Saint-Genis\n\n© Le Rayon 2025\n"
)


def test_a_races_results_table_stays_between_its_paragraphs(engine: Engine) -> None:
    """A results table under its heading ("Classement de l'étape") is a list of the article: its
    rows stay, and the paragraphs after it are no page furniture. A bare calendar does not."""
    kept = _kept(_clean(engine, RACE))
    rows = [line for line in RACE.splitlines() if line[:2] in ("1 ", "2 ", "3 ", "4 ")]
    assert "Classement de l'étape" in kept and all(row in kept for row in rows)
    assert kept[-1].startswith("Dimanche, la dernière étape")
    assert not {"Route", "Calendrier des courses", "18/05 — Grand Prix de Saint-Genis"} & set(kept)


HALF = (
    "Le Quotidien de la Baie\nSports\nAthlétisme\n\n"
    "Semi-marathon de la Baie : record de participation sous la chaleur\n\n"
    "Plus de deux mille coureurs ont pris le départ dimanche matin sur la digue, malgré une "
    "chaleur inhabituelle pour la saison qui a pesé sur les organismes en fin de course.\n\n"
    "Chez les hommes, Maxime Le Goff a mené la course de bout en bout et s'impose avec près d'une "
    "minute d'avance sur son dauphin, après avoir fait seul toute la seconde moitié du parcours.\n\n"
    "Chez les femmes, la victoire s'est jouée dans les trois derniers kilomètres, où Élodie Marchal "
    "a distancé ses deux rivales dans la montée vers le phare, avant de filer seule vers l'arrivée.\n\n"
    "Les podiums\n"
    "Hommes : 1. Maxime Le Goff (Stade granvillais) 1 h 09'48'' ; 2. Julien Hamel (AC Saint-Lô) "
    "1 h 10'31'' ; 3. Romain Lecoq (individuel) 1 h 11'05''.\n"
    "Femmes : 1. Élodie Marchal (Rennes Triathlon) 1 h 18'12'' ; 2. Camille Durand (Avranches AC) "
    "1 h 21'40'' ; 3. Anaïs Rivière (individuelle) 1 h 22'17''.\n\n"
    "{ad}"
    "Côté organisation, la quarantaine de bénévoles de l'association n'a pas ménagé sa peine pour "
    "prévoir davantage de ravitaillements et renforcer la sécurité aux carrefours du parcours.\n\n"
    "Seul bémol : quelques coureurs ont été victimes de coups de chaleur en fin de parcours et ont "
    "été pris en charge par la Protection civile, sans qu'aucun ne soit hospitalisé.\n\n"
    "Les photos de la course seront publiées dès ce lundi soir sur la page de l'association, et le "
    "classement complet est consultable sur son site internet.\n\n"
    "Partager\nFacebook\nCopier le lien\n\nMentions légales\nContact\n"
)


def test_a_races_podium_between_its_paragraphs(engine: Engine) -> None:
    """Lines of data under their heading ("Les podiums": long, few stop words, in parts) are a
    box of the article, not its end: the paragraphs under them stay, and an ad slot's label
    between the box and them ("Publicité") parts nothing."""
    for ad in ("", "Publicité\n\n"):
        kept = _kept(_clean(engine, HALF.format(ad=ad)))
        assert kept[-1].startswith("Les photos de la course"), ad
        assert "Les podiums" in kept and sum(line.startswith(("Hommes :", "Femmes :")) for line in kept) == 2
        assert not {"Publicité", "Partager", "Mentions légales"} & set(kept)


DERBY = (
    "Sports Plus\n\nFootball\nBasket\nTennis\n\nFootball > Ligue > Liège\n\n"
    "Liège s'offre le derby au bout du suspense face à Namur (2-1)\n\n"
    "Menés à la pause, les Liégeois ont renversé la rencontre en fin de partie grâce à Samir Benali "
    "et à un penalty de Tom Lejeune dans le temps additionnel.\n\n"
    "Rédaction Sports Plus\n\nPublié le 16-03-2024 à 22h14\n\nPartager\n\n"
    "Ligue wallonne - 28e journée\n\nVidéo : les temps forts en images\n\n"
    "Stade de Rocourt, 12 000 spectateurs\n\nArbitre : M. Paul Simon\n\n"
    "Puis le stade a explosé.\n\n"
    "Dans une enceinte pleine, les Rouges de Liège ont longtemps buté sur la défense de Namur.\n\n"
    "Entré à la pause, Samir Benali a changé le visage de la partie par sa vitesse sur le côté.\n\n"
    "C'est lui qui a égalisé à la 71e minute, d'une frappe enroulée du gauche dans la lucarne.\n\n"
    "Bousculé dans la surface, Tom Lejeune a obtenu un penalty après intervention de la vidéo.\n\n"
    "Il l'a transformé lui-même, en force, à la 93e minute, devant une tribune en fusion.\n\n"
    "« On savait qu'on avait les jambes pour finir fort », a lancé le capitaine au coup de sifflet final.\n\n"
    "Commentaires (4)\n\nMentions légales\n"
)


def test_a_headline_found_over_its_standfirst(engine: Engine) -> None:
    """A headline that shares few words with the text ("derby", "suspense") is still the title
    when the prose right under it, the standfirst, shares many: both stay, the byline goes."""
    kept = _kept(_clean(engine, DERBY))
    assert kept[0].startswith("Liège s'offre le derby") and kept[1].startswith("Menés à la pause")
    assert "Rédaction Sports Plus" not in kept and "Football > Ligue > Liège" not in kept


FILM = (
    "Écrans\n\nFilms\nSéries\nFestivals\n\n"
    "« La Nuit des phares » : Léa Morand filme la dernière garde d'un gardien de phare breton\n\n"
    "Pour son troisième film, la cinéaste suit un homme seul sur son île pendant la tempête de trop.\n\n"
    "Par Paul Girard\n\nPublié le 12 février 2025\n\n"
    "NOTRE NOTE\n\nGenre : Drame\n\nDurée : 1h52\n\nRéalisé par Léa Morand\n\n"
    "Avec Jean Ferrand, Claire Ody\n\nDistributeur : Les Films du Large\n\n"
    "Il est cinq heures quand Yann monte l'escalier du phare pour la dernière fois. Léa Morand ne "
    "quitte jamais son personnage, filmé au plus près, dans le bruit du vent et de la mer.\n\n"
    "Le dispositif pourrait sembler austère. Il produit au contraire une tension constante, car "
    "chaque geste du gardien, chaque appel radio, prend le poids d'un dernier adieu à son île.\n\n"
    "Jean Ferrand, que Léa Morand avait déjà dirigé il y a six ans, trouve ici son plus beau rôle : "
    "une nuit de tempête racontée sans un mot de trop, dans la lumière tournante du phare breton.\n\n"
    "Lire aussi : Les films de la semaine\n\nMentions légales\n"
)


def test_a_line_of_two_names_is_no_title(engine: Engine) -> None:
    """The director's credit ("Réalisé par Léa Morand") shares all its words with a review that
    names her again and again; the headline shares fewer, but it has the words of a title: it
    wins, and its standfirst comes back with it."""
    kept = _kept(_clean(engine, FILM))
    assert kept[0].startswith("« La Nuit des phares »") and kept[1].startswith("Pour son troisième film")
    assert "Réalisé par Léa Morand" not in kept and "Par Paul Girard" not in kept


def test_a_headline_beats_a_credit_line_without_a_standfirst(engine: Engine) -> None:
    """With no standfirst under it, the headline still wins over the credit line that shares all
    of its two words with the text: it has the words of a title."""
    page = FILM.replace(
        "Pour son troisième film, la cinéaste suit un homme seul sur son île pendant la tempête de trop.\n\n",
        "",
    )
    kept = _kept(_clean(engine, page))
    assert kept[0].startswith("« La Nuit des phares »") and "Réalisé par Léa Morand" not in kept


JOB = (
    "Verrerie du Lac - Carrières\n\nNos métiers\nNos sites\nCandidature spontanée\n\n"
    "Accueil / Carrières / Opérateur de four H/F\n\n"
    "Opérateur de four H/F\n\nCDI\nAnnecy (74)\n\nPostuler\n\n"
    "Fondée en 1952, la Verrerie du Lac produit chaque année des millions de flacons pour la "
    "parfumerie et emploie trois cents personnes sur deux sites savoyards.\n\n"
    "Vos missions\n\n"
    "Sous la responsabilité du chef d'équipe, vous conduisez le four de fusion et surveillez la "
    "qualité du verre à chaque étape de la production, de jour comme de nuit.\n\n"
    "Ce que nous offrons\n\n"
    "Un contrat à durée indéterminée à temps plein, en équipes alternées selon le planning ;\n"
    "Un salaire de 26 000 à 30 000 euros brut par an selon votre expérience du métier ;\n"
    "Prime de nuit et treizième mois ;\n"
    "Tickets restaurant ;\n"
    "Une mutuelle d'entreprise (famille).\n\n"
    "Comment postuler\n\n"
    "Envoyez votre CV par le formulaire ci-dessous : notre équipe vous répond sous dix jours et "
    "vous propose un entretien sur le site, avec une visite de l'atelier.\n\n"
    "Offres similaires\n\nRégleur de machine H/F\n\n© Verrerie du Lac 2025\n"
)


def test_an_enumerations_short_items_stay_with_the_others(engine: Engine) -> None:
    """The items of an enumeration, one a line ending with ";" and the last with ".", stay
    together when some are prose: "Tickets restaurant ;" is a benefit of the offer like the long
    items around it, not a menu's link, and the section after the list is the article too. The
    output cleaned again (every line its own paragraph) keeps them all."""
    text = _clean(engine, JOB)
    kept = _kept(text)
    items = [line for line in JOB.splitlines() if line.endswith(";") or line.startswith("Une mutuelle")]
    assert len(items) == 5 and all(line in kept for line in items)
    assert kept[-1].startswith("Envoyez votre CV")
    assert "Postuler" not in kept and "Offres similaires" not in kept
    assert _clean(engine, text) == text


ADVICE_HEAD = (
    "Budget Malin\n\nImpôts\nÉpargne\nRetraite\nSimulateurs\n\n"
    "Prime d'activité : qui peut la toucher et comment la calculer\n\n"
    "Cette aide de la CAF complète les revenus des travailleurs modestes. Conditions, montants et "
    "démarches, avec un exemple chiffré.\n\n"
    "Publié le 4 mars 2025\n\n"
    "Qui peut en bénéficier ?\n\n"
    "La prime d'activité s'adresse aux salariés et aux indépendants de plus de dix-huit ans dont les "
    "revenus d'activité restent modestes, qu'ils travaillent à temps plein ou à temps partiel.\n\n"
    "Les étudiants et les apprentis peuvent aussi la demander, à condition de percevoir un salaire "
    "supérieur à un certain seuil pendant les trois derniers mois.\n\n"
    "Estimez votre prime en moins de deux minutes\n\nVotre situation familiale (seul, en couple)\n\n"
    "Vos revenus d'activité du mois (€)\n\nVos autres revenus, pensions ou allocations (€)\n\n"
    "Nombre d'enfants à charge\n\nLancer l'estimation\n\nRésultat indicatif : -- € par mois\n\n"
)
RESUMED = (
    "Un exemple chiffré\n\n"
    "Léa vit seule et gagne 1 300 euros net par mois comme vendeuse à temps partiel. Elle peut "
    "espérer une prime d'environ 180 euros, versée chaque mois par la caisse d'allocations familiales. "
    "Le montant est recalculé tous les trois mois, à partir des revenus qu'elle déclare en ligne.\n\n"
    "Si son salaire augmente de cent euros, la prime baisse un peu, mais ses revenus totaux "
    "progressent : l'aide est conçue pour que le travail reste toujours plus rentable.\n\n"
)
HELP_BOX = (
    "Où s'informer ?\n\n"
    "Pour toute question sur vos droits, vous pouvez contacter gratuitement un conseiller de la "
    "CAF de votre département, par téléphone ou dans l'un de ses points d'accueil, du lundi au "
    "vendredi ; un rendez-vous peut aussi être pris en ligne depuis votre espace personnel, où vous "
    "retrouverez vos attestations, vos paiements, vos courriers et le suivi de vos démarches en "
    "cours, ainsi que la liste des pièces justificatives à fournir pour chacune d'elles.\n\n"
)
ADVICE_FOOT = "Partager\n\nFacebook\n\nMentions légales\nContact\n\n© 2025 Budget Malin\n"


def test_the_article_resumes_under_a_simulators_box(engine: Engine) -> None:
    """A simulator's form set in the article (short lines, no sentence) ends the main block; the
    article that resumes under it, with two paragraphs of prose or more, is the article too. The
    form's lines stay out, and the output cleaned again is the same."""
    text = _clean(engine, ADVICE_HEAD + RESUMED + ADVICE_FOOT)
    kept = _kept(text)
    assert kept[-3:] == [line for line in RESUMED.splitlines() if line]
    assert not {"Lancer l'estimation", "Nombre d'enfants à charge"} & set(kept)
    assert _clean(engine, text) == text


def test_a_help_box_under_the_article_is_no_more_of_it(engine: Engine) -> None:
    """One paragraph under a box is the page's help box, not the article resumed."""
    kept = _kept(_clean(engine, ADVICE_HEAD + HELP_BOX + ADVICE_FOOT))
    assert kept[-1].startswith("Les étudiants et les apprentis")


def test_text_under_a_box_after_a_line_a_rule_removed_is_the_pages(engine: Engine) -> None:
    """A line a rule removes between the box and the text under it (tags, share buttons) says the
    article ended above: the text under them is the page's (a teaser, another article)."""
    tags = "Mots-clés : prime d'activité, CAF\n\n"
    box = ADVICE_HEAD.index("Estimez votre prime")
    for page in (ADVICE_HEAD + tags + RESUMED, ADVICE_HEAD[:box] + tags + ADVICE_HEAD[box:] + RESUMED):
        kept = _kept(_clean(engine, page + ADVICE_FOOT))
        assert kept[-1].startswith("Les étudiants et les apprentis")


LISTING = (
    "ImmoPlus\n\nAcheter\nLouer\nEstimer\nMon compte\n\n"
    "Maison 5 pièces avec jardin à Quimper\n\n"
    "Au calme, à dix minutes du centre, une maison familiale de 1975 rénovée en 2019, avec un "
    "jardin clos de 600 m² et un garage attenant.\n\n"
    "Le rez-de-chaussée comprend une entrée, un séjour lumineux ouvert sur la terrasse, une cuisine "
    "équipée et une chambre avec salle d'eau, pratique pour recevoir.\n\n"
    "À l'étage, trois chambres et une salle de bains se partagent le palier ; les combles restent "
    "aménageables, et la toiture a été refaite il y a cinq ans.\n\n"
    "Caractéristiques\n\n"
    "Surface habitable : 118 m²\nTerrain : 600 m²\nChambres : 4\nChauffage : pompe à chaleur\n"
    "Exposition : sud-ouest\n\n"
    "Équipements :\n\nGarage\nTerrasse\nCellier\n\n"
    "Simuler mon prêt\n\nSignaler l'annonce\n\n"
    "Détails\n\nAcheter\nLouer\nNos agences\n\n© 2025 ImmoPlus\n"
)


def test_a_listings_features_under_their_heading_stay(engine: Engine) -> None:
    """Under "Caractéristiques" and "Équipements :", a listing's short lines are its
    features (each a set of words, no sentence), not a menu: they stay with the description above
    them. A bare "Détails" (a tab bar's) over the site's menu keeps nothing."""
    kept = _kept(_clean(engine, LISTING))
    features = [
        "Surface habitable : 118 m²",
        "Chauffage : pompe à chaleur",
        "Exposition : sud-ouest",
        "Garage",
        "Cellier",
    ]
    assert all(line in kept for line in features)
    assert not {"Simuler mon prêt", "Signaler l'annonce", "Louer", "Nos agences"} & set(kept)


LETTER = (
    "Le Journal des idées\n\nDébats\nTribunes\nEntretiens\n\n"
    "« Rendons aux écoles rurales leurs bibliothèques »\n\n"
    "Enseignants, auteurs et bibliothécaires appellent l'État à financer un fonds pour les "
    "bibliothèques des écoles de village, fermées l'une après l'autre depuis dix ans.\n\n"
    "Dans bien des communes, la bibliothèque de l'école était le seul endroit où un enfant pouvait "
    "emprunter un livre. Faute de crédits et de bénévoles, beaucoup ont fermé sans bruit.\n\n"
    "Nous demandons un fonds de dix millions d'euros par an, confié aux départements, pour rouvrir "
    "ces lieux et y rémunérer des personnes formées à la lecture avec les enfants.\n\n"
    "Premiers signataires :\n\n"
    "Hélène Roux, professeure des écoles, Aurillac\nMarc Duval, auteur jeunesse\n"
    "Inès Bouzid, bibliothécaire, Tulle\nPaul Lemoine, maire de Salers\n\n"
    "Partager\n\n© Le Journal des idées\n"
)


def test_an_open_letters_signatories_stay(engine: Engine) -> None:
    """Under "Premiers signataires :", the names and roles are the letter's, not a list of links."""
    kept = _kept(_clean(engine, LETTER))
    assert kept[-5:] == [
        "Premiers signataires :",
        "Hélène Roux, professeure des écoles, Aurillac",
        "Marc Duval, auteur jeunesse",
        "Inès Bouzid, bibliothécaire, Tulle",
        "Paul Lemoine, maire de Salers",
    ]


TUTORIAL = (
    "L'Atelier de Jeanne\n\nAccueil\nTutos\nPatrons\nBoutique\n\n"
    "Coudre un tote bag doublé en une heure\n\n"
    "Un sac solide et réversible, idéal pour les courses ou la plage, qui se coud en une heure "
    "même quand on débute à la machine.\n\n"
    "Les fournitures\n\n"
    "2 rectangles de toile de 40 x 45 cm\n2 rectangles de doublure de 40 x 45 cm\n"
    "2 bandes de sangle de 60 cm\nDu fil assorti\n\n"
    "Étape 1\n\nAssemblez les deux rectangles de toile, endroit contre endroit.\n\n"
    "Piquez les côtés et le fond à un centimètre du bord.\n\n"
    "Étape 2\n\nFaites de même avec la doublure, en laissant une ouverture au fond.\n\n"
    "Étape 3\n\nÉpinglez les anses entre la toile et la doublure, puis piquez le haut du sac.\n\n"
    "Partager sur Pinterest\n\n© L'Atelier de Jeanne\n"
)


def test_a_tutorials_supplies_and_numbered_steps_stay(engine: Engine) -> None:
    """Under "Les fournitures" the supplies, under "Étape 1", "Étape 2" the step's short
    instructions: the tutorial whole, not a run of short lines dropped as a menu."""
    kept = _kept(_clean(engine, TUTORIAL))
    body = [line for line in TUTORIAL.split("\n\n", 2)[2].splitlines() if line][:-2]
    assert kept == body


def _box_page(removed_at: int = -1) -> tuple[list[str], list[str], list[str], list[object], list[int]]:
    """Prose, a box of three short lines, prose: the lines, their classes alone, their labels in
    context (the box's are not good), their features and the lines removed above each."""
    from dechaff.cleaners.classifier_core import ClassifierParams, _features_of

    prose = (
        "Le chantier impose de fermer la rue Battant à la circulation pendant trois semaines, "
        "à partir du lundi 3 juin, et les bus emprunteront les quais dans les deux sens. Les temps "
        "de parcours peuvent s'allonger de cinq minutes aux heures de pointe."
    )
    lines = [prose, "Ce qui change", prose + " Bis.", "Plan de la déviation", "Cliquez pour agrandir"]
    lines += ["Arrêts non desservis", prose + " Ter.", prose + " Quater.", prose + " Fin."]
    classes = ["good", "short", "good", "short", "short", "short", "good", "good", "good"]
    labels = [
        "good",
        "good",
        "good",
        "short_isolated",
        "short_isolated",
        "short_isolated",
        "good",
        "good",
        "good",
    ]
    holes = [0] * len(lines)
    if removed_at >= 0:
        holes[removed_at] = 2
    return lines, classes, labels, _features_of(lines, frozenset(), False, ClassifierParams()), holes


def test_the_article_on_either_side_of_a_box_set_in_it() -> None:
    """From the main block's last line down, or from its first line up, over a box of short
    lines: the article's other part, two paragraphs of prose or more; not across a line a rule
    removed where the box meets the block (a byline, share buttons: the article starts or ends)."""
    from dechaff.cleaners.classifier_core import ClassifierParams, _resumed

    p = ClassifierParams()
    lines, classes, labels, feats, holes = _box_page()
    assert _resumed(lines, labels, classes, feats, holes, (), 6, -1, p) == (
        range(0, 3),
        range(0),
    )  # the head above the box
    assert _resumed(lines, labels, classes, feats, holes, (), 2, 1, p) == (
        range(6, 9),
        range(0),
    )  # the rest under it
    assert _resumed(lines, labels, classes, feats, holes, (), 6, -1, ClassifierParams(widget_lines=2))[
        0
    ] == range(0)
    gaps = [True] * 9
    assert _resumed(lines, labels, classes, feats, holes, gaps, 6, -1, p) == (range(0, 3), range(0))
    gaps[4] = False  # two of the box's lines one paragraph: a menu's
    assert _resumed(lines, labels, classes, feats, holes, gaps, 6, -1, p) == (range(0), range(0))
    assert _resumed(lines, labels, classes, feats, holes, gaps, 2, 1, p) == (range(0), range(0))
    for removed_at in (3, 6):  # right under the head, right above the rest
        lines, classes, labels, feats, holes = _box_page(removed_at)
        assert _resumed(lines, labels, classes, feats, holes, (), 6, -1, p) == (range(0), range(0)), (
            removed_at
        )
        assert _resumed(lines, labels, classes, feats, holes, (), 2, 1, p) == (range(0), range(0)), removed_at


COURSE_HEAD = (
    "Atelier Secours\n\nNos stages\nEntreprises\nContact\n\n"
    "Initiation aux gestes de premiers secours\n\n"
    "En une journée, apprenez à protéger, alerter et secourir une victime en attendant les "
    "secours. Le stage s'adresse à tous, sans connaissance préalable, à partir de dix ans.\n\n"
    "Chaque année, des milliers d'accidents domestiques pourraient être moins graves si un proche "
    "savait réagir dans les premières minutes. Nos formateurs, tous sapeurs-pompiers volontaires, "
    "partent de situations vécues et font pratiquer chaque geste sur des mannequins.\n\n"
)
COURSE_LIST = (
    "Déroulé de la journée\n\n"
    "Matin – Protéger et alerter\n"
    "- Repérer les dangers et sécuriser les lieux\n"
    "- Passer une alerte claire aux services de secours\n"
    "- Installer une victime en position latérale de sécurité\n"
    "Après-midi – Secourir\n"
    "- Réaliser un massage cardiaque sur un adulte et un enfant\n"
    "- Utiliser un défibrillateur automatisé externe\n"
    "- Arrêter un saignement abondant avec les moyens du bord\n\n"
)
COURSE_TEASERS = (
    "Nos autres stages\n\n"
    "Secourisme en milieu sportif\nPremiers secours en santé mentale\nGestes d'urgence pour les parents\n"
    "Sauveteur secouriste du travail\nPrévention des risques en cuisine\nSécurité incendie au bureau\n"
    "Secourisme pour les seniors\nFormer les formateurs\nRecyclage annuel des gestes\n\n"
)
COURSE_TAIL = (
    "Évaluation\n\n"
    "Les gestes sont évalués tout au long de la journée par des mises en situation, sans examen "
    "écrit. Chaque participant repart avec une attestation et un mémo illustré des gestes appris, "
    "et peut revenir gratuitement à une séance de rappel dans l'année qui suit. Les formateurs "
    "conseillent de refaire les gestes au moins une fois par an, car ils s'oublient vite quand on "
    "ne les pratique pas, et la plupart des participants reviennent avec un proche.\n\n"
    "Partager\n\nFacebook\n\nMentions légales\nContact\n\n© 2025 Atelier Secours\n"
)


def test_a_courses_programme_stays_between_its_paragraphs(engine: Engine) -> None:
    """A list set under the article, longer than a box (a heading, then items each with a bullet
    or in parts: "Matin – Protéger et alerter"), and the article resumed under it with one
    paragraph: the list and the paragraph are the article's, and stay so when cleaned again."""
    text = _clean(engine, COURSE_HEAD + COURSE_LIST + COURSE_TAIL)
    kept = _kept(text)
    listed = [line for line in COURSE_LIST.splitlines() if line]
    assert kept[-len(listed) - 2 :] == [*listed, "Évaluation", kept[-1]]
    assert kept[-1].startswith("Les gestes sont évalués")
    assert _clean(engine, text) == text


def test_a_list_of_teasers_set_under_the_article_is_no_more_of_it(engine: Engine) -> None:
    """A heading over short lines that are neither bulleted nor in parts (the site's other pages)
    is no list of the article's: it ends the article, and the paragraph under it is the page's;
    so are headlines in parts over a site's one-sentence blurb (too little prose beyond them)."""
    kept = _kept(_clean(engine, COURSE_HEAD + COURSE_TEASERS + COURSE_TAIL))
    assert kept[-1].startswith("Chaque année, des milliers")
    headlines = "".join(f"Lyon : {t.lower()} ouvre ses portes\n" for t in COURSE_TEASERS.splitlines()[2:-1])
    blurb = "Atelier Secours forme chaque année des milliers de personnes aux gestes qui sauvent.\n\n"
    kept = _kept(
        _clean(engine, COURSE_HEAD + "En ce moment\n\n" + headlines + "\n" + blurb + COURSE_TAIL[-60:])
    )
    assert kept[-1].startswith("Chaque année, des milliers")


def test_a_tables_rows_with_a_number_first_stay_in_the_article(engine: Engine) -> None:
    """Rows of a small table set between two parts of the article, each a number first, a colon
    and a value ("30 personnes : environ 71 %", "70 personnes : plus de 99,9 %"), are its items."""
    rows = [
        "10 personnes : environ 12 %",
        "23 personnes : environ 51 %",
        "30 personnes : environ 71 %",
        "70 personnes : plus de 99,9 %",
    ]
    page = (
        "Maths en poche\n\nAccueil\nArticles\nÀ propos\n\n"
        "Le paradoxe des anniversaires\n\n"
        "Dans une classe de vingt-trois élèves, il y a plus d'une chance sur deux que deux d'entre eux "
        "fêtent leur anniversaire le même jour. Le résultat surprend presque tout le monde.\n\n"
        "Le calcul passe par l'événement contraire : on compte la probabilité que tous les anniversaires "
        "soient différents, puis on la retranche de un. Chaque élève a un peu moins de jours libres.\n\n"
        "Quelques valeurs\n\n" + "\n".join(rows) + "\n\n"
        "Pourquoi l'intuition se trompe\n\n"
        "On pense à soi, alors qu'il faut penser aux paires d'élèves. Avec vingt-trois élèves, il y a deux "
        "cent cinquante-trois paires, et chacune est une occasion de coïncidence.\n\n"
        "Partager\n\nMentions légales\n"
    )
    kept = _kept(_clean(engine, page))
    assert rows[0] in kept and rows[-1] in kept


def test_a_contact_boxs_lines_are_no_items_of_the_article(engine: Engine) -> None:
    """A line that is a label and only a phone number, an e-mail or a web address ("Phone: 065 555
    0182", "Tél. : 04 50 12 34 56") is a contact box's, not a row of the article's data: counted as
    items, they carried the article on through a parish's opening hours, its office and the
    diocese's notice in the sidebar under it."""
    page = (
        "St. Brendan's Parish\n"
        "Kilbarry, Co. Clare\n"
        "\n"
        "Home\n"
        "Mass Times\n"
        "Sacraments\n"
        "Groups\n"
        "Contact\n"
        "\n"
        "Parish Bulletin: Third Sunday of Lent, 3 March 2024\n"
        "\n"
        "News, notices and events from our parish community this week.\n"
        "\n"
        "From the parish priest\n"
        "\n"
        "Dear parishioners, the readings this weekend ask us to clear out what clutters our lives "
        "and make room for what matters. Lent is half over, and it is not too late to begin again.\n"
        "\n"
        "Confirmation\n"
        "\n"
        "Sixth class pupils from Scoil Bhríde will be confirmed by the bishop on Friday, 12 April, "
        "at 11 a.m. A short rehearsal will take place in the church on the Wednesday before.\n"
        "\n"
        "Lenten alms\n"
        "\n"
        "Trócaire boxes are available at the back of the church. Please return them by Holy "
        "Thursday so that the parish contribution can be sent on before Easter.\n"
        "\n"
        "Senior citizens' lunch\n"
        "\n"
        "The community lunch returns to the parish hall on Tuesday at 1 p.m. New helpers for the "
        "kitchen are always welcome; speak to Bridget after any Mass.\n"
        "\n"
        "Parish draw\n"
        "\n"
        "Last week's draw raised €1,240 for the roof fund. Congratulations to the Hogan family, who"
        " won the hamper, and thanks to everyone who sold tickets.\n"
        "\n"
        "Recently deceased\n"
        "\n"
        "We remember in our prayers Seán Malone, Church Road, whose funeral Mass was celebrated on "
        "Thursday, and all whose anniversaries occur at this time.\n"
        "\n"
        "Church cleaning\n"
        "\n"
        "The church will be cleaned on Saturday morning from 10 a.m. Many hands make light work, so"
        " please come along for an hour if you can, and bring a duster.\n"
        "\n"
        "Mass Times\n"
        "\n"
        "Saturday Vigil: 8 p.m.\n"
        "Sunday: 10 a.m. and 12 noon\n"
        "Weekdays: Monday to Friday, 9.30 a.m.\n"
        "Confessions: Saturday after the 8 p.m. Mass\n"
        "\n"
        "Parish Office\n"
        "\n"
        "Open Monday to Wednesday, 9 a.m. to 12 p.m.\n"
        "Phone: 065 555 0182\n"
        "Email: office@kilbarryparish.example.ie\n"
        "\n"
        "Safeguarding\n"
        "\n"
        "The Diocese of Killaloe is committed to the safeguarding of children and vulnerable adults"
        " in all its activities. Contact details for the designated liaison persons are displayed "
        "in the church porch and on the diocesan website.\n"
        "\n"
        "Previous bulletins\n"
        "25 February 2024\n"
        "18 February 2024\n"
        "\n"
        "Registered Charity Number 20109876\n"
        "\n"
        "Website by Parish Pages | Privacy | Cookies\n"
    )
    kept = _kept(_clean(engine, page))
    assert kept[-1].startswith("The church will be cleaned"), kept[-3:]
    assert "Phone: 065 555 0182" not in kept and "Saturday Vigil: 8 p.m." not in kept


def test_a_list_of_widget_size_above_the_rest_of_the_article_stays(engine: Engine) -> None:
    """A heading and six places in parts ("West Salem Library, 395 Glen Creek Road NW, Salem — 10
    a.m. to 8 p.m."), prose on either side: the article began above the list (its title, its
    standfirst, three paragraphs), the list is its own, though no longer than a widget's box; two
    paragraphs of prose on the other side are asked then, as for any box."""
    page = (
        "Skip to main content\n"
        "\n"
        "Official website of Marion County, Oregon\n"
        "\n"
        "Residents\n"
        "Business\n"
        "Government\n"
        "Departments\n"
        "How Do I...\n"
        "\n"
        "Home › News › Press Releases › Warming shelters\n"
        "\n"
        "Marion County opens extra warming shelters as the cold snap extends into next week\n"
        "\n"
        "Churches, community halls and two libraries will offer free heated space, hot drinks and "
        "cots through Tuesday morning.\n"
        "\n"
        "FOR IMMEDIATE RELEASE\n"
        "\n"
        "Published on January 12, 2024\n"
        "\n"
        "Media contact: Dana Holt, Public Information Officer\n"
        "503-555-0117\n"
        "\n"
        "SALEM, Ore. — Marion County will open six additional warming shelters on Friday after the "
        "National Weather Service extended its freezing-temperature warning through Monday night.\n"
        "\n"
        "The shelters are open to anyone who needs a warm place to stay, with no registration or "
        "identification required. Visitors can bring children, pets in carriers and service "
        "animals.\n"
        "\n"
        '"Cold kills quietly, and it hits hardest the people who are already struggling, like older'
        ' adults living alone and those without a home," said Commissioner Ruth Alvarez.\n'
        "\n"
        "Warming shelter locations\n"
        "\n"
        "West Salem Library, 395 Glen Creek Road NW, Salem — 10 a.m. to 8 p.m.\n"
        "Grace Fellowship Hall, 1820 Center St. NE, Salem — open overnight\n"
        "Keizer Community Center, 930 Chemawa Road N, Keizer — 8 a.m. to 10 p.m.\n"
        "Woodburn Public Library, 280 Garfield St., Woodburn — 10 a.m. to 6 p.m.\n"
        "Stayton Grange Hall, 415 Third Ave., Stayton — noon to 9 p.m.\n"
        "Silverton Senior Center, 115 Westfield St., Silverton — 8 a.m. to 5 p.m.\n"
        "\n"
        "Hours may change if a building loses power or fills up. Updates will be posted on the "
        "county website and on the county's social media accounts.\n"
        "\n"
        "Staying safe in freezing weather\n"
        "\n"
        "The county health department recommends dressing in layers, keeping a phone charged and "
        "checking on older neighbors at least twice a day while temperatures stay below freezing.\n"
        "\n"
        "Signs of hypothermia include shivering, slurred speech, drowsiness and confusion. Anyone "
        "who finds a person showing these signs outdoors should call 911 and stay with them until "
        "help arrives.\n"
        "\n"
        "Residents who need a ride to a warming shelter can call the county's transportation line, "
        "which will run extra vans every day between 7 a.m. and 9 p.m.\n"
        "\n"
        "###\n"
        "\n"
        "Share this page\n"
        "\n"
        "Facebook\n"
        "X\n"
        "Email\n"
        "\n"
        "Related News\n"
        "\n"
        "County expands winter coat drive to all libraries\n"
        "January 8, 2024\n"
        "\n"
        "Road crews ready sand and de-icer for the weekend\n"
        "January 5, 2024\n"
        "\n"
        "Was this page helpful?\n"
        "Yes\n"
        "No\n"
        "\n"
        "© 2024 Marion County, Oregon. All rights reserved.\n"
    )
    kept = _kept(_clean(engine, page))
    assert kept[0].startswith("Marion County opens extra warming shelters"), kept[:2]
    assert (
        "Warming shelter locations" in kept
        and "Keizer Community Center" in kept[kept.index("Warming shelter locations") + 3]
    )
    assert kept[-1].startswith("Residents who need a ride")


def test_a_list_of_widget_size_asks_two_paragraphs_on_its_other_side() -> None:
    """A heading and three items in parts, no longer than a widget's box: a list of the article's
    own on either side of the main block, with two paragraphs of prose beyond it; one is too few
    for a box this size, however long (it is how a site's teaser box over its blurb looks)."""
    from dechaff.cleaners.classifier_core import ClassifierParams, _features_of, _resumed

    prose = (
        "Les salles sont ouvertes à toute personne qui a besoin de se rafraîchir, sans inscription "
        "ni pièce d'identité, et les enfants comme les animaux d'assistance y sont les bienvenus. "
        "Les horaires peuvent changer si une salle perd l'électricité ou atteint sa capacité."
    )
    items = [
        "Bibliothèque Kateb-Yacine, 202 Grand'Place, Grenoble — 10 h à 20 h",
        "Gymnase Jean-Moulin, 12 rue des Saules, Échirolles — 9 h à 21 h",
        "Résidence Les Tilleuls, 7 avenue Victor-Hugo, Voiron — 8 h à 17 h",
    ]
    p = ClassifierParams()
    for beyond in (1, 2):
        lines = [prose + " Un.", "Les salles rafraîchies", *items] + [
            f"{prose} {k}. {prose}" for k in range(beyond)
        ]
        lines.append("Mentions légales | Contact")
        classes = ["good", "short"] + ["low_stopwords"] * 3 + ["good"] * beyond + ["separators"]
        labels = ["good", "short_isolated"] + ["low_stopwords"] * 3 + ["good"] * beyond + ["separators"]
        feats = _features_of(lines, frozenset(), False, p)
        holes, gaps = [0] * len(lines), [True] * len(lines)
        under = _resumed(lines, labels, classes, feats, holes, gaps, 0, 1, p)
        assert under == ((range(5, 5 + beyond), range(1, 5)) if beyond == 2 else (range(0), range(0))), beyond
    lines = [prose + " Un.", prose + " Deux.", "Les salles rafraîchies", *items, prose + " Trois."]
    classes = ["good", "good", "short", *["low_stopwords"] * 3, "good"]
    feats = _features_of(lines, frozenset(), False, p)
    above = _resumed(lines, classes, classes, feats, [0] * 7, [True] * 7, 6, -1, p)
    assert above == (range(0, 2), range(2, 6))  # the article began above the list


def test_a_list_over_the_headline_keeps_no_site_blurb_above_it(engine: Engine) -> None:
    """A list between a site's blurb and the article's headline: the article starts under the
    list, so neither the list nor the blurb above it is the article's (a list is sought above the
    main block only right over a paragraph of prose)."""
    page = (
        "L'Écho du Léman\n"
        "\n"
        "Actualités\n"
        "Sports\n"
        "Culture\n"
        "Économie\n"
        "Météo\n"
        "\n"
        "L'Écho du Léman est le quotidien de référence du Chablais depuis 1952. Avec ses huit "
        "éditions locales, ses cent vingt journalistes et ses correspondants dans chaque commune, "
        "il raconte chaque jour la vie du territoire.\n"
        "\n"
        "En vous abonnant, vous soutenez une information locale indépendante et vérifiée. Vous "
        "accédez aussi à l'ensemble de nos articles, à nos newsletters et à l'édition numérique dès"
        " six heures du matin.\n"
        "\n"
        "Les salles rafraîchies\n"
        "Médiathèque Jean-Moulin, 3 place du Marché, Thonon — 10 h à 19 h\n"
        "Salle Olympe, 12 rue des Arts, Évian — 9 h à 18 h\n"
        "Maison des sociétés, 4 avenue du Lac, Publier — 8 h à 20 h\n"
        "Espace Tully, 22 chemin de Tully, Thonon — 10 h à 18 h\n"
        "Centre social du Bourg, 3 rue du Jura, Douvaine — 9 h à 17 h\n"
        "Salle des fêtes, place de la Mairie, Sciez — 14 h à 20 h\n"
        "\n"
        "Canicule : Thonon ouvre six salles rafraîchies pour les plus fragiles\n"
        "\n"
        "La ville met à disposition des espaces climatisés, gratuits et sans inscription, jusqu'à "
        "dimanche soir.\n"
        "\n"
        "La préfecture a placé le département en vigilance orange canicule jeudi, et la ville a "
        "aussitôt ouvert des salles rafraîchies dans plusieurs quartiers, avec le concours des "
        "communes voisines.\n"
        "\n"
        "Les salles sont ouvertes à toute personne qui a besoin de se rafraîchir, sans inscription "
        "ni pièce d'identité, et les enfants y sont les bienvenus avec leurs parents.\n"
        "\n"
        "« La chaleur tue en silence, et elle frappe d'abord les personnes âgées qui vivent seules "
        "», a rappelé l'adjointe chargée des solidarités, jeudi matin.\n"
        "\n"
        "Les horaires peuvent changer si une salle perd l'électricité ou atteint sa capacité. Les "
        "mises à jour seront publiées sur le site de la ville et ses réseaux sociaux.\n"
        "\n"
        "Le centre communal d'action sociale recommande de boire régulièrement, de fermer les "
        "volets en journée et de prendre des nouvelles de ses voisins âgés.\n"
        "\n"
        "Mentions légales | Contact | Plan du site\n"
    )
    kept = _kept(_clean(engine, page))
    assert not any(line.startswith(("L'Écho du Léman est", "En vous abonnant")) for line in kept), kept[:3]
    assert any(line.startswith("Canicule : Thonon ouvre") for line in kept)
