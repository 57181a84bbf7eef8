"""Domain knowledge: how titles, organizations, mechanisms and countries are named in diplomatic news.

Generic lists only: nothing here names a person or an organization of a particular article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from ..slugs import fold

# Words that make a phrase a person's title. Lower-case forms; multi-word titles are built from these.
TITLE_WORDS = frozenset(["president", "vice-president", "minister", "ministers", "ambassador", "envoy", "director", "director-general", "deputy", "secretary", "secretary-general", "general", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman", "chair", "chairperson", "head", "counselor", "counsellor", "councilor", "councillor", "editor", "editor-in-chief", "premier", "chancellor", "governor", "mayor", "member", "commissioner", "representative", "consul", "consul-general", "attache", "attaché", "adviser", "advisor", "professor", "dean", "king", "queen", "prince", "princess", "emperor", "leader", "speaker", "senator", "lawmaker", "legislator", "congressman", "congresswoman", "official", "chief", "ceo", "founder", "president-elect", "vice", "vice-chairman", "vice-chair", "vice-minister", "vice-premier", "ministerial", "undersecretary", "under-secretary", "executive", "coordinator", "rector", "researcher", "fellow", "scholar", "expert", "analyst", "diplomat", "delegate", "correspondent", "publisher", "anchor", "host", "officer", "commander", "general-secretary", "assistant", "principal", "manager", "partner", "captain", "lieutenant", "spokesperson-in-chief", "prosecutor", "judge", "justice", "minister-counselor", "counsellor-general", "sheikh", "emir", "sultan", "aide", "negotiator"])
# Words that may stand inside a title phrase without being a title themselves.
TITLE_JOINERS = frozenset(["of", "the", "for", "to", "and", "in", "on", "at", "&", "'s", "’s"])
# Leading words of a title that are not part of the job: "also general secretary of ...".
TITLE_LEADERS = frozenset(["also", "and", "as", "the", "a", "an", "its", "his", "her", "their", "former", "then", "current", "acting"])

NATIONALITIES = {
    "afghan": "Afghanistan", "african": "Africa", "albanian": "Albania", "algerian": "Algeria",
    "american": "United States", "angolan": "Angola", "argentine": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan",
    "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium", "bolivian": "Bolivia",
    "brazilian": "Brazil", "british": "United Kingdom", "bruneian": "Brunei", "bulgarian": "Bulgaria",
    "burmese": "Myanmar", "cambodian": "Cambodia", "cameroonian": "Cameroon", "canadian": "Canada",
    "chilean": "Chile", "chinese": "China", "colombian": "Colombia", "croatian": "Croatia",
    "cuban": "Cuba", "cypriot": "Cyprus", "czech": "Czech Republic", "danish": "Denmark",
    "dutch": "Netherlands", "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates",
    "ethiopian": "Ethiopia", "european": "Europe", "filipino": "Philippines", "finnish": "Finland",
    "french": "France", "georgian": "Georgia", "german": "Germany", "ghanaian": "Ghana", "greek": "Greece",
    "hungarian": "Hungary", "indian": "India", "indonesian": "Indonesia", "iranian": "Iran",
    "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy", "japanese": "Japan",
    "jordanian": "Jordan", "kazakh": "Kazakhstan", "kenyan": "Kenya", "korean": "Korea",
    "kuwaiti": "Kuwait", "kyrgyz": "Kyrgyzstan", "lao": "Laos", "laotian": "Laos", "latvian": "Latvia",
    "lebanese": "Lebanon", "libyan": "Libya", "lithuanian": "Lithuania", "malagasy": "Madagascar",
    "malaysian": "Malaysia", "maldivian": "Maldives", "malian": "Mali", "mexican": "Mexico",
    "mongolian": "Mongolia", "moroccan": "Morocco", "mozambican": "Mozambique", "namibian": "Namibia",
    "nepali": "Nepal", "nepalese": "Nepal", "nigerian": "Nigeria", "norwegian": "Norway",
    "omani": "Oman", "pakistani": "Pakistan", "palestinian": "Palestine", "peruvian": "Peru",
    "philippine": "Philippines", "polish": "Poland", "portuguese": "Portugal", "qatari": "Qatar",
    "romanian": "Romania", "russian": "Russia", "rwandan": "Rwanda", "saudi": "Saudi Arabia",
    "senegalese": "Senegal", "serbian": "Serbia", "singaporean": "Singapore", "slovak": "Slovakia",
    "slovenian": "Slovenia", "somali": "Somalia", "spanish": "Spain", "sri lankan": "Sri Lanka",
    "sudanese": "Sudan", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria",
    "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand", "tunisian": "Tunisia",
    "turkish": "Turkey", "turkmen": "Turkmenistan", "ugandan": "Uganda", "ukrainian": "Ukraine",
    "uruguayan": "Uruguay", "uzbek": "Uzbekistan", "venezuelan": "Venezuela", "vietnamese": "Vietnam",
    "yemeni": "Yemen", "zambian": "Zambia", "zimbabwean": "Zimbabwe", "serb": "Serbia",
}


def iso_country_names() -> set[str]:
    """Every country's short, common and official name as ISO 3166 (pycountry) keeps them, lower case, the
    inverted forms turned round ("Korea, Republic of" -> "republic of korea") and without accents."""
    names: set[str] = set()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if not name or "(" in name:
                continue
            head, _, tail = name.partition(", ")
            for form in ([f"{tail} {head}", head] if tail else [name]):
                form = form.removeprefix("The ")
                names |= {form.lower(), fold(form)}
    return names


COUNTRIES = frozenset(iso_country_names() | {c.lower() for c in NATIONALITIES.values()} | {
    "china", "japan", "the philippines", "philippines", "us", "u.s.", "usa", "uae", "the united states", "uk",
    "the united kingdom", "rok", "dprk", "south korea", "north korea", "republic of korea", "vietnam", "viet nam", "laos", "cambodia",
    "myanmar", "thailand", "brunei", "singapore", "indonesia", "malaysia", "timor-leste", "africa",
    "asia", "europe", "latin america", "the middle east", "asia-pacific", "the asia-pacific region",
    "central asia", "southeast asia", "south asia", "east asia", "west asia", "arab states", "the arab states",
    "the caribbean", "caribbean", "the pacific", "pacific", "latin america and the caribbean", "the arctic",
    "hong kong", "macao", "macau", "taiwan", "the people's republic of china", "people's republic of china",
    "the people’s republic of china", "people’s republic of china",
})

# Organization names end in one of these (a "Society", a "Ministry" ...), or start with one and go on
# with "of ..." ("Ministry of Information of Cambodia").
ORG_HEADS = frozenset(["agency", "ministry", "politburo", "nations", "community", "tribunal", "airlines", "airways", "ltd", "inc", "holdings", "enterprises", "department", "committee", "party", "society", "union", "center", "centre", "bureau", "group", "association", "council", "commission", "embassy", "consulate", "institute", "institution", "university", "academy", "federation", "foundation", "office", "administration", "government", "congress", "assembly", "parliament", "corporation", "company", "bank", "network", "station", "system", "television", "tv", "radio", "daily", "news", "times", "post", "herald", "tribune", "organization", "organisation", "league", "chamber", "club", "secretariat", "court", "army", "navy", "police", "cabinet", "senate", "house", "delegation", "mission", "alliance", "coalition", "think-tank", "school", "college", "press", "service", "services", "authority", "board", "broadcasting", "museum", "library", "hospital", "fund", "trust", "network", "communications", "publishing", "publications", "conference", "npo", "ngo"])
# Organizations that read as "Foreign Ministry" are the "Ministry of Foreign Affairs".
MINISTRY_ALIASES = {"foreign": "foreign affairs", "defense": "defense", "defence": "defence",
                    "commerce": "commerce", "finance": "finance", "education": "education"}

# Names of recurring frameworks end in one of these.
MECHANISM_HEADS = frozenset(["forum", "dialogue", "dialogues", "mechanism", "program", "programme", "summit", "seminar", "symposium", "activity", "festival", "expo", "exposition", "week", "roundtable", "round-table", "consultation", "consultations", "talks", "conference", "exchange", "exchanges", "initiative", "partnership", "games", "fair", "series", "tour", "campaign", "corridor"])
# A mechanism named by these words alone ("the High-Level Strategic Dialogue") is one of the pair of
# countries the sentence or the article is about.
GENERIC_MECHANISM_WORDS = MECHANISM_HEADS | frozenset([
    "high-level", "high", "level", "strategic", "economic", "trade", "security", "cultural", "people-to-people",
    "ministerial", "vice-ministerial", "cooperation", "media", "political", "parliamentary", "joint", "annual",
    "bilateral", "and", "of", "on", "the", "for", "financial", "diplomatic", "defense", "defence", "policy"])
# Heads that name a recurring framework only when they carry a proper name before them.
WEAK_MECHANISM_HEADS = frozenset(["conference", "exchange", "exchanges", "initiative", "partnership", "talks", "tour", "campaign"])
# "the seventh meeting of X": the words that make X a numbered series.
SESSION_WORDS = r"meeting|session|round|edition|plenary|conference|forum|dialogue|summit|consultation"

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "thirtieth": 30,
}
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def is_title_word(word: str) -> bool:
    """A word of a title: "Minister", "vice-minister" (by its first part), "Director-General"."""
    low = word.lower()
    return low in TITLE_WORDS or low.split("-")[0] in TITLE_WORDS


def says_more(long: str, short: str) -> bool:
    """Whether a title is another said with more before it: "Chinese Foreign Minister" of "Foreign minister",
    which is one title, not two."""
    return len(long) > len(short) and long.lower().endswith(" " + short.lower())


def fewest_titles(titles: list[str]) -> list[str]:
    """Each title once: without those another says with more before them, first-written order kept."""
    return [t for t in titles if not any(says_more(other, t) for other in titles)]


def is_org_head(word: str) -> bool:
    """A word an organization's name ends in or opens with: "Ministry", "Association", "Daily" ("Ministry's" too)."""
    return without_possessive(word.lower()).strip("’'") in ORG_HEADS


def without_possessive(word: str) -> str:
    """"Ministry" of "Ministry's", "Japan" of "Japan’s"."""
    return re.sub(r"[’']s$", "", word)


def is_country(name: str) -> bool:
    return name.lower().strip() in COUNTRIES or name.lower().removeprefix("the ") in COUNTRIES


def ordinal_number(n: int) -> str:
    """21 -> "21st": how a session is numbered on pages and in the titles of events."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --- the parties to an exchange: countries and blocs, one name each -------------------------------------

# ISO names shortened as the news writes them (pycountry's common names do most of this).
SHORT_COUNTRY_NAMES = {"Russian Federation": "Russia", "Türkiye": "Turkey", "Czechia": "Czech Republic",
                       "Brunei Darussalam": "Brunei", "Palestine, State of": "Palestine",
                       "Congo, The Democratic Republic of the": "DR Congo", "Holy See (Vatican City State)": "Vatican",
                       "Micronesia, Federated States of": "Micronesia", "Cabo Verde": "Cape Verde"}
# Groupings that sit at the table as one side, and the short forms of countries the ISO list lacks.
BLOCS = {"ASEAN": "ASEAN", "Association of Southeast Asian Nations": "ASEAN", "EU": "EU", "European Union": "EU",
         "African Union": "African Union", "Africa": "Africa", "African": "Africa", "Arab States": "Arab States",
         "Arab": "Arab States", "Latin America": "Latin America", "Latin American": "Latin America",
         "CELAC": "CELAC", "Central Asia": "Central Asia", "Central Asian": "Central Asia", "BRICS": "BRICS",
         "SCO": "SCO", "Shanghai Cooperation Organisation": "SCO", "Pacific Island Countries": "Pacific Islands",
         "Pacific Islands": "Pacific Islands", "United Nations": "UN", "UN": "UN", "Europe": "Europe",
         "European": "EU", "Gulf Cooperation Council": "GCC", "GCC": "GCC",
         "US": "United States", "U.S.": "United States", "UAE": "United Arab Emirates", "USA": "United States", "UK": "United Kingdom",
         "ROK": "South Korea", "Republic of Korea": "South Korea", "Korea": "South Korea", "Korean": "South Korea", "South Korean": "South Korea",
         "DPRK": "North Korea", "North Korean": "North Korea", "CPC": "China", "PRC": "China", "Lao": "Laos", "South African": "South Africa",
         "CPV": "Vietnam", "LPRP": "Laos", "Viet Nam": "Vietnam", "Hong Kong": "Hong Kong", "Macao": "Macao"}


def party_forms() -> dict[str, str]:
    """Every way a country or bloc is written (its names, its people's adjective) -> the one name shown."""
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        shown = SHORT_COUNTRY_NAMES.get(country.name) or getattr(country, "common_name", None) or country.name
        if "," in shown or "(" in shown:
            continue
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name and "," not in name and "(" not in name:
                forms[name.removeprefix("The ")] = shown
    forms.update({" ".join(w.capitalize() for w in adjective.split()): country
                  for adjective, country in NATIONALITIES.items()})
    return {**forms, **BLOCS}


@lru_cache(maxsize=1)
def party_alternatives() -> str:
    """Every form of party_forms() as alternatives of a pattern, longest first ("South Korea" before "Korea")."""
    return "|".join(re.escape(f) for f in sorted(party_forms(), key=len, reverse=True))
