from __future__ import annotations

from dechaff.core.document import Context

from conftest import SITE_FILE, cleaner_from, dropped, kept, lines_of


def test_caption_then_caption_with_credit(run_cleaner) -> None:
    text = (
        "Un manifestant devant le Parlement, le 4 mai 2021\n\n"
        "Un manifestant devant le Parlement, le 4 mai 2021 - Thomas SAMSON / AFP\n\n"
        "Le texte a été adopté en première lecture."
    )
    assert kept(run_cleaner("captions", text)) == ["Le texte a été adopté en première lecture."]


def test_credit_lines_without_a_colon(run_cleaner) -> None:
    credits = [
        "Photo Le Courrier du Midi, Bernard Salles",
        "PHOTO ÉDOUARD LAMBERT, ARCHIVES LE QUOTIDIEN",
        "Keystone/Laurent Gillieron",
        "ATS/ats",
        "(avec AFP)",
        "Avec AFP",
        "avec agences.",
    ]
    prose = [
        "Photo de famille du G7 à Biarritz, où les dirigeants se sont retrouvés samedi.",
        "AFP/Reuters ont rapporté que le président était arrivé dans la nuit à Genève.",
        "Avec l'AFP, le ministère a publié un démenti commun.",
        "PHOTO : voir plus bas",
    ]
    out = run_cleaner("captions", "\n\n".join([*credits, *prose]))
    assert kept(out) == prose[:3]


def test_copyright_agency_and_image_file_lines(run_cleaner) -> None:
    text = (
        "© AFP 2023 Jean Martin\nPhotoNews\nReuters\nIMG_2041-1000w_q95.jpg\n(jw/L'essentiel)\n(ats/nxp)\n"
        "Photo : 20 Minutes\n"
        "Le match s'est terminé sur un nul."
    )
    assert kept(run_cleaner("captions", text)) == ["Le match s'est terminé sur un nul."]


def test_site_caption_and_glued_related_title(run_cleaner) -> None:
    text = (
        "Des ouvriers sur un chantier - Le Journal\n"
        "Le bâtiment recrute encore\n\n"
        "Le secteur cherche des milliers de candidats.\n\n"
        "Une grue à Lyon - Le Journal\n"
        "Lyon lance un nouveau quartier\n\n"
        "Les travaux commencent en mai."
    )
    out = run_cleaner("captions", text)
    assert kept(out) == ["Le secteur cherche des milliers de candidats.", "Les travaux commencent en mai."]


def test_lookalikes_survive(run_cleaner) -> None:
    text = (
        "Le PSG s'impose face à Lyon - une victoire méritée selon l'entraîneur.\n"
        "L'AFP a révélé que le ministre avait menti.\n"
        "Photographie et cinéma: les deux arts se rapprochent\n"
        "Le fichier rapport.pdf a été publié sur le site du ministère.\n"
        "Photo : 50 Mpx grand-angle + 12 Mpx téléobjectif\n"  # a data sheet's line
        "Le conseil a adopté le texte mardi. [Mise à jour - Le préfet a suspendu la délibération]"
    )
    assert dropped(run_cleaner("captions", text)) == []


def test_site_caption_needs_known_site_or_repetition(run_cleaner) -> None:
    text = "Paris Saint-Germain - Real Madrid\n\nLe match aura lieu mardi."
    assert dropped(run_cleaner("captions", text)) == []


def test_each_removal_names_its_list_or_heuristic_and_the_rule_file() -> None:
    """A phrase list's hit names the list and the line of its pattern; a heuristic's names the
    heuristic; every one names the rule file that configured the cleaner."""
    rules = (
        "version: 1\n"
        "cleaners:\n"
        "  captions:\n"
        "    credit_lines:\n"
        '      - "^Cliché : "\n'
        "    agencies:\n"
        "      - Studio Nord\n"
        "    agency_credits:\n"
        '      - " - \\\\w+ / Studio Nord$"\n'
        "    image_files:\n"
        '      - "\\\\.webp$"\n'
    )
    text = (
        "Cliché : Marc Vidal\nStudio Nord\nLe quai au lever du jour - Marc / Studio Nord\nphare_quai.webp\n"
        "Le vieux phare sous la pluie\nLe vieux phare sous la pluie - Photo Marc Vidal\n"
        "Des voiliers dans la baie - Le Petit Écho\nLa baie attend les grands voiliers\n\n"
        "Le port a accueilli samedi la grande régate d'automne."
    )
    out = cleaner_from("captions", rules).clean(lines_of(text), Context(site_name="Le Petit Écho"))
    assert kept(out) == ["Le port a accueilli samedi la grande régate d'automne."]
    assert {r.cleaner for r in out.removed} == {"captions"}
    assert {r.rule_file for r in out.removed} == {SITE_FILE}
    assert [(r.line_no, r.rule_id) for r in out.removed] == [
        (1, "captions.credit@5"),
        (2, "captions.agency@7"),
        (3, "captions.agency_credit@9"),
        (4, "captions.image_file@11"),
        (5, "captions.credit_pair"),
        (6, "captions.credit_pair"),
        (7, "captions.site_caption"),
        (8, "captions.related_after_caption"),
    ]


def test_a_credit_line_with_an_accent(run_cleaner) -> None:
    text = "Le port a rouvert lundi.\nCrédit : Jean Dupont / Agence Ouest\nCrédits photos : Anne Martin\n"
    assert kept(run_cleaner("captions", text)) == ["Le port a rouvert lundi."]


def test_photo_credits_in_other_languages(run_cleaner) -> None:
    """Photo credits in other languages: "fot.:" (Polish), "Foto:" (German, Italian, Spanish), "Фото:"."""
    text = "Le port a rouvert lundi.\nfot.: Jan Kowalski\nFoto: Anna Weber\nФото: Иван Петров\n"
    assert kept(run_cleaner("captions", text)) == ["Le port a rouvert lundi."]


def test_a_credit_after_the_captions_last_sentence(run_cleaner) -> None:
    """Credits printed after the caption's last sentence, in the forms news sites use: capitals
    with a slash, a pipe and a newsroom in capitals, capitals in brackets, a dash and a name with
    a slash, a photo service."""
    captions = [
        "Des agriculteurs devant le Parlement européen, le 14 mars 2024. JEAN DUPONT / AFP",
        "La nouvelle salle de lecture, au premier étage. | OUEST JOURNAL",
        "Un rayon de supermarché à Lyon, le 3 mai 2024. (MARIE DURAND / HANS LUCAS / AFP)",
        "Le nouvel éditeur de formules (capture : Notabene)",
        "Illustration d'un bus de la RATP. — V. Wartner / Vingt Infos",
        "La neige pourrait tomber jusqu'en plaine samedi. Getty Images/iStockphoto",
        "Les brise-lames du Sillon, à Saint-Malo. | ARCHIVES JEAN DUPONT, L'ÉCHO DE L'OUEST",
        "Des élèves d'une classe enfantine à Lausanne. [KEYSTONE - Laurent Dupuis]",
        "Prélèvement de sédiments à bord d'un navire. © Institut océanographique, tous droits réservés",
        "Le port de Brest au petit matin. Photo : Jean Dupont",
        "Le buron de la Fontaine, deuxième étape de la boucle. Photo : J. Martin / Office de tourisme",
        "Une agence immobilière du centre-ville. Photo d'illustration : Getty Images",
        "Pour Élodie, le déclic est venu un dimanche soir. - iStock",
        "Un minibus du service de transport, ici à Échallens. [Laurent Dupuis - Keystone]",
        "Un atelier de mécanique à Sainte-Croix. [Keystone - Laurent Dupuis]",
        "Un guichet de la poste de Morges. Photo d'illustration.",
        "Vue aérienne du camping et de ses emplacements – Photo : Les Pins Verts",
        "Jean-Luc Michaud dans une de ses parcelles, mardi. Photo Voix du Jura / C.R.",
        "Les plus grosses citrouilles dépassaient les 200 kg. Photo Le Progrès /Marc DUPONT",
        "Des apprentis lors d'une séance pratique au centre de formation. Photo AIP",
        "Le navire à quai au port de Ziguinchor (photo d'archives).",
        "Dans la bibliothèque de Riom-ès-Montagnes, en 2023. (Lucas Bernard/Libération)",
        "Une ruche dans un rucher du Gers, le 3 juillet 2024 (AFP / Valentine CHAPUIS)",
        "Le logo du groupe à son siège de Menlo Park. - Photo Jane Doe / Getty Images via AFP",
        "Le chapiteau accueillera les têtes d'affiche. - Photo archives Le Courrier / Pascal Hervé",
        "Le maire dans son bureau de l'hôtel de ville, mardi. DR",
        "La façade du musée après sa rénovation. - D.R.",
        "La Voie lactée depuis le plateau de Millevaches. Photo d'illustration Le Journal / Pierre Aubry",
    ]
    body = "Le texte a été adopté en première lecture."
    out = run_cleaner("captions", "\n\n".join([*captions, body]))
    assert kept(out) == [body]
    assert {r.rule_id.split("@")[0] for r in out.removed} == {"captions.agency_credit"}


def test_prose_that_ends_in_a_slash_or_a_name_is_no_credit(run_cleaner) -> None:
    text = (
        "Le taux est passé de 3 % à 4 %. Soit 1/3 de plus.\n\n"
        "Il a rencontré le ministre. Jean Dupont / Marie Durand\n\n"
        "Le vote a eu lieu mardi. | le résultat est attendu ce soir\n\n"
        "Selon l'agence, les chiffres sont bons. AFP\n\n"
        "Le rapport cite la photographe. (Interview réalisée par Anne / Paul)\n\n"
        "Elle a quitté son blog pour réfléchir à la suite. [Read More]\n\n"
        "Le maire a présenté le projet. Photo interdite, a-t-il ajouté.\n\n"
        "Il a retrouvé les archives (photo d'archives comprises) dans le grenier de la mairie.\n\n"
        "Le lynx a été photographié par un piège dans le Jura (capture réalisée le 12 mars)\n\n"
        "Il pose devant la mairie. Photo : il l'a prise lui-même. Elle a plu à tout le monde\n\n"
        "Le déficit se creuse encore. Illustration : la dette atteint 110 % du PIB.\n\n"
        "Il a été soigné au CHU. DR Martin, son médecin, le suit depuis.\n\n"
        "Le club a gagné. - Photo de groupe, puis un pot / un repas avec les bénévoles\n\n"
        "Ses photos ont fait le tour du monde. Photos Instagram / Facebook : le débat est relancé."
    )
    assert dropped(run_cleaner("captions", text)) == []


def test_prose_that_ends_in_capitals_a_slash_or_brackets_is_no_credit(run_cleaner) -> None:
    """A review found these removed by the first version of the credit patterns."""
    text = (
        "Il a obtenu 52 % des voix au second tour. LR / PS\n\n"
        "La fusion a été validée par Bruxelles en mars. (EDF / ENGIE)\n\n"
        "The airline has expanded its routes this summer. - New York/Boston service resumes\n\n"
        "I fixed the broken link in the first post. [EDIT - thanks to John for spotting it]\n\n"
        "Le montant est fixé pour cinq ans. Crédit : 3 000 euros à taux zéro"
    )
    assert dropped(run_cleaner("captions", text, lang="en")) == []


def test_a_caption_printed_again_after_any_dash_or_a_bullet(run_cleaner) -> None:
    pairs = [
        ("Le téléphone vu de face", "Le téléphone vu de face — Source : Le Site"),
        ("Le niveau de la rivière, jeudi matin.", "Le niveau de la rivière, jeudi matin. • © Télé Région"),
        ("Le port au lever du jour", "Le port au lever du jour – Jean Dupont"),
        ("Le pont au lever du jour", "Le pont au lever du jour – photo d'archives de la ville de Nantes"),
        ("Le port au lever du jour, le 3 mai 2024.", "Le port au lever du jour, le 3 mai 2024. . Le Site"),
    ]
    body = "Le port a accueilli samedi la grande régate d'automne."
    for bare, credited in pairs:
        out = run_cleaner("captions", f"{bare}\n{credited}\n{body}")
        assert kept(out) == [body] and {r.rule_id for r in out.removed} == {"captions.credit_pair"}, bare


def test_a_credit_with_initials_and_a_caption_from_the_archives(run_cleaner) -> None:
    body = "Le port a accueilli samedi la grande régate d'automne."
    captions = [
        "Crédit : Département du Nord / P. Lemaire",
        "Le pont avant sa rénovation, en 1998. Photo archives Le Courrier de l'Ouest",
    ]
    assert kept(run_cleaner("captions", "\n".join([*captions, body]))) == [body]
    prose = ["Le maire a cherché dans les archives. Photo à l'appui, il a montré le pont de 1998."]
    assert kept(run_cleaner("captions", "\n".join([*prose, body]))) == [*prose, body]


def test_a_title_that_repeats_its_kicker_is_no_credited_caption(run_cleaner) -> None:
    """ "Épisode 42" over "Épisode 42 – Abeilles sauvages : les pollinisatrices qu'on oublie": the
    tail after the dash reads on in lower case, the rest of a title, not a credit."""
    body = "Le port a accueilli samedi la grande régate d'automne."
    title = "Épisode 42 – Abeilles sauvages : les pollinisatrices qu'on oublie"
    out = run_cleaner("captions", f"Épisode 42\n{title}\n{body}")
    assert kept(out) == ["Épisode 42", title, body]
    heading = "Le marché de Noël de Strasbourg"  # a heading, then its paragraph that starts the same
    told = f"{heading} – source de fierté pour toute la ville, il date de 1570."
    assert kept(run_cleaner("captions", f"{heading}\n{told}\n{body}")) == [heading, told, body]
    credited = "Épisode 42 - Photo d'illustration : Jean-Paul Martin / La Voix du Nord"
    assert kept(run_cleaner("captions", f"Épisode 42\n{credited}\n{body}")) == [body]


def test_a_caption_printed_again_with_a_credit_after_its_final_stop(run_cleaner) -> None:
    """The second print's credit is one the credit patterns find after a sentence (". Crédit
    photo : Site"): the bare print above it is the same caption, and goes too."""
    bare = "Les deux fondateurs dans les locaux du studio, à Nantes."
    body = "Le port a accueilli samedi la grande régate d'automne."
    credits = (
        "Crédit photo : Le Site pour la Ville de Nantes et la Région des Pays de la Loire",  # no signature
        "Photo d'illustration : Getty Images",
        "DDM - Sophie Rieux",  # a signature the credit patterns do not know
    )
    for credit in credits:
        out = run_cleaner("captions", f"{bare}\n\n{bare} {credit}\n\n{body}")
        assert kept(out) == [body], credit
        rules = [r.rule_id.split("@")[0] for r in out.removed]
        assert rules[0] == "captions.credit_pair" and len(rules) == 2, credit


def test_a_credit_after_a_colon_and_a_subheading_that_starts_like_one(run_cleaner) -> None:
    """ "Photo : Jean Dupont", "Photo : archives Le Progrès": credits. "Photo : polyvalent de
    jour, plus limité la nuit", a review's subheading, reads on in lower case: it stays."""
    credits = [
        "Photo : Jean Dupont / Le Journal",
        "Photo : archives Le Progrès",
        "PHOTO : DR",
        "Image : iStock",
    ]
    heading = "Photo : polyvalent de jour, plus limité la nuit"
    assert kept(run_cleaner("captions", "\n".join([*credits, heading]))) == [heading]


def test_a_photographers_credit_for_the_outlet_and_an_agencys_with_a_dash(run_cleaner) -> None:
    """ ". JANE DOE POUR « LE MONDE »" and "(AFP - Jane DOE)" close a caption; a sentence that
    quotes two titles in capitals does not."""
    captions = [
        "Le réservoir du village, alimenté par camion-citerne, le 28 mai. JEANNE MARTIN POUR « LE MONDE »",
        "La coureuse célèbre sa victoire à Concarneau, le 21 mai 2025 (AFP - Fred TANGUY)",
    ]
    prose = [
        "Le chanteur a repris « LA VIE EN ROSE » POUR « LE PUBLIC »",
        "Il a longtemps travaillé pour l'agence américaine (AP - Associated Press)",
    ]
    assert kept(run_cleaner("captions", "\n".join([*captions, *prose]))) == prose
