"""Language identification: langdetect on the page's paragraph-like lines, then the script checks."""

from __future__ import annotations

from collections import Counter

import pytest

from dechaff.text import langid
from dechaff.text.langdetect_fast import profiles
from dechaff.text.langid import LANG_OF_SCRIPT, SCRIPT_OF, detect_language, named_by_script
from dechaff.text.scripts import count_scripts, main_script, script_of

# A Chinese article under a long English menu and a code sample: the sample the detector reads
# first is English, most of the page's letters are Chinese.
ENGLISH = [
    "Home page of the city news service with the latest stories from the council and the region",
    "Sign in to read more, subscribe to the newsletter and follow us on every social network today",
    "function loadComments() { return fetch('/api/comments?page=1').then(render).catch(report); }",
] * 4
CHINESE = [
    "市政府星期二宣布了新的交通计划，目的是减少市中心的拥堵，并改善公共汽车和地铁的服务。",
    "市长表示，这项计划的资金将来自其他部门的节约，以及一项新的停车费，明年一月开始实施。",
    "反对派议员批评这项计划，认为停车费会伤害小商店，并要求在实施之前进行更多的公开讨论。",
] * 10


def test_a_language_of_another_script_than_the_page_is_found_again_in_the_main_script() -> None:
    lines = ENGLISH + CHINESE
    assert main_script(lines) == "CJK"
    assert detect_language(ENGLISH)[0] == "en"
    assert detect_language(lines)[0] == "zh"


def test_a_chinese_tutorial_with_more_latin_letters_than_han_characters_is_chinese() -> None:
    """Code samples give a Chinese tutorial more Latin letters than han characters, and the
    detector's sample reads English; a han character weighs as three letters (a Chinese word is
    one or two characters), so the page's main script is CJK and its language Chinese."""
    code = ["arr = np.array([1, 2, 3, 4, 5])", "print(arr)", "print(type(arr))", "import numpy as np"]
    text = ["数组中的维是数组深度的一个级别。", "我们可以使用函数创建数组对象。"]
    lines = (code + text) * 4
    han = sum(count_scripts(line).get("CJK", 0) for line in lines)
    latin = sum(count_scripts(line).get("LATIN", 0) for line in lines)
    assert latin > han and main_script(lines) == "LATIN"
    assert detect_language(lines)[0] == "zh"


def test_a_page_without_a_clear_main_script_keeps_the_first_answer() -> None:
    lines = ENGLISH * 2 + CHINESE[:6]  # most letters Latin: English stands
    assert detect_language(lines)[0] == "en"


def test_every_script_named_is_one_the_script_counter_gives() -> None:
    samples = {"CYRILLIC": "Москва", "GREEK": "Αθήνα", "CJK": "東京", "ARABIC": "القاهرة", "THAI": "กรุงเทพ"}
    for script, word in samples.items():
        assert main_script([word]) == script
        assert script in SCRIPT_OF.values()


# Written for these tests: a few sentences in each script that names its language.
NAMED = {
    "el": "Η δημοτική αρχή ανακοίνωσε χθες νέο σχέδιο για τις συγκοινωνίες της πόλης και των προαστίων.",
    "he": "העירייה הודיעה אתמול על תוכנית חדשה לתחבורה הציבורית בעיר ובפרברים שסביבה.",
    "th": "เทศบาลประกาศแผนการคมนาคมใหม่เมื่อวานนี้ เพื่อลดการจราจรติดขัดในใจกลางเมือง",
    "ja": "市役所はきのう、市内の交通を改善するための新しい計画を発表しました。",
    "ko": "시청은 어제 도심의 교통 체증을 줄이기 위한 새로운 대중교통 계획을 발표했다.",
    "zh": "市政府昨天宣布了新的交通计划，以减少市中心的拥堵。",
    "ta": "நகராட்சி நேற்று நகரின் போக்குவரத்தை மேம்படுத்த புதிய திட்டத்தை அறிவித்தது.",
}
GEORGIAN = "მერიამ გუშინ ქალაქის საზოგადოებრივი ტრანსპორტის ახალი გეგმა გამოაცხადა."
ARMENIAN = "Քաղաքապետարանը երեկ հայտարարեց քաղաքի հասարակական տրանսպորտի նոր ծրագրի մասին։"


def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> None:
        raise AssertionError(f"the n-gram model was asked about {text[:30]!r}")

    monkeypatch.setattr(langid, "detect_langs", refuse)


@pytest.mark.parametrize("lang", sorted(NAMED))
def test_a_script_that_names_its_language_answers_as_langdetect_would(lang: str) -> None:
    page = [NAMED[lang]] * 3
    assert detect_language(page)[0] == lang == langid._detect(" ".join(page))[0]


@pytest.mark.parametrize(
    ("text", "lang"), [*((v, k) for k, v in NAMED.items()), (GEORGIAN, "ka"), (ARMENIAN, "hy")]
)
def test_a_script_answer_needs_no_model_and_its_probability_is_the_share_of_its_letters(
    text: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_model(monkeypatch)
    ours = sum(count_scripts(text).values())
    share = round(4 * ours / (4 * ours + len("Readmore")), 4)
    assert 0.9 < share < 1
    assert detect_language([" ".join([text] * 4) + " Read more"]) == (lang, share)
    assert detect_language([text]) == (lang, 1.0)


def test_georgian_and_armenian_which_langdetect_names_estonian_get_their_own_names() -> None:
    assert langid._detect(GEORGIAN)[0] == langid._detect(ARMENIAN)[0] == "et"
    assert detect_language([GEORGIAN])[0] == "ka"
    assert detect_language([ARMENIAN])[0] == "hy"


def test_the_model_decides_below_the_share_or_against_the_page_main_script(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    real = langid.detect_langs
    monkeypatch.setattr(langid, "detect_langs", lambda text: asked.append(text) or real(text))
    greek = NAMED["el"]
    mixed = [greek, "The city council announced a new transport plan for the town and its suburbs today."]
    assert named_by_script(" ".join(mixed)) is None
    detect_language(mixed)
    assert len(asked) == 1
    # The sample (paragraph-like lines first) is Greek, but most of the page's letters are Latin.
    page = [greek, *["Home", "News", "Sports", "Weather", "Contact us", "About", "Archive"] * 20]
    assert named_by_script(langid.sample(page)) == ("el", 1.0)
    assert main_script(page) == "LATIN"
    assert detect_language(page)[0] == "en"
    assert len(asked) == 3  # the sample, then the lines in the main script


def test_cyrillic_arabic_devanagari_and_latin_are_left_to_the_model() -> None:
    for text in (
        "Москва — столица России",
        "القاهرة عاصمة مصر",
        "दिल्ली भारत की राजधानी है",
        "Paris est la capitale",
    ):
        assert named_by_script(text) is None


def test_a_script_named_for_a_language_holds_almost_only_that_language_s_n_grams() -> None:
    """Why the script answer is langdetect's: in its profiles, n-grams with letters of such a script
    are (but for a few strays) its language's only."""
    table = profiles()
    held: dict[str, Counter[str]] = {}
    for gram, at in table.word_lang_prob_map.items():
        for script in {script_of(ch) for ch in gram} & set(LANG_OF_SCRIPT):
            langs = table.langs[table.indptr[at] : table.indptr[at + 1]]
            held.setdefault(script, Counter()).update(table.langlist[k] for k in langs)
    for script, lang in LANG_OF_SCRIPT.items():
        if lang in table.langlist:
            counts = held[script]
            assert counts[lang] > 0.9 * sum(counts.values()), (script, counts.most_common(3))
        else:  # Georgian, Armenian: langdetect has no profile, only strays in others
            assert sum(held.get(script, Counter()).values()) < 10
