"""Language identification: langdetect on the page's paragraph-like lines, then the script checks."""

from __future__ import annotations

from dechaff.text.langid import SCRIPT_OF, detect_language
from dechaff.text.scripts import main_script

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


def test_a_page_without_a_clear_main_script_keeps_the_first_answer() -> None:
    lines = ENGLISH * 2 + CHINESE[:6]  # most letters Latin: English stands
    assert detect_language(lines)[0] == "en"


def test_every_script_named_is_one_the_script_counter_gives() -> None:
    samples = {"CYRILLIC": "Москва", "GREEK": "Αθήνα", "CJK": "東京", "ARABIC": "القاهرة", "THAI": "กรุงเทพ"}
    for script, word in samples.items():
        assert main_script([word]) == script
        assert script in SCRIPT_OF.values()
