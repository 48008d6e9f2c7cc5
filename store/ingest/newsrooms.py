"""News outlets as journalists' labels in a briefing's transcript.

China's Foreign Ministry (and some others) print a question under the name of the
journalist's outlet, not the journalist's: "CCTV: …", "AFP: …", "Kyodo News: …",
"Hubei Media Group: …". Such a label is an unnamed journalist: no speaker, a
question. The outlets are a list of real newsrooms, kept here in one place, plus the
shape of a newsroom's name: a place or a brand followed by a media word ("Dragon TV",
"Beijing Daily", "Anadolu Agency").
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from store.ingest.names import COUNTRIES, DEMONYMS
from store.ingest.report_header import OUTLETS as DATELINE_OUTLETS


def _names(text: str) -> frozenset[str]:
    """One outlet per line, compared case-insensitively."""
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())


#: Newsrooms that ask at foreign ministries' briefings, as their labels spell them. The
#: news agencies a dateline names (``report_header.OUTLETS``) are added below.
NEWS_OUTLETS: frozenset[str] = _names(
    """
    CCTV
    CGTN
    CNR
    CRI
    China Radio International
    China Daily
    China News Service
    China Review News
    Global Times
    People's Daily
    People’s Daily
    Guangming Daily
    Beijing Youth Daily
    The Paper
    Caixin
    Phoenix TV
    Hong Kong Commercial Daily
    Ta Kung Pao
    Wen Wei Po
    Macau Monthly
    Lianhe Zaobao
    South China Morning Post
    RTHK
    TVB
    Xinhua News Agency
    Kyodo News
    Jiji Press
    NHK
    TBS
    Fuji TV
    Nikkei
    Asahi Shimbun
    Yomiuri Shimbun
    Mainichi Shimbun
    Yonhap News Agency
    KBS
    MBC
    SBS
    Arirang
    Associated Press
    Agence France-Presse
    Reuters
    Bloomberg
    Dow Jones
    CNN
    BBC
    NBC
    CBS
    ABC
    Fox News
    NPR
    VOA
    Voice of America
    Radio Free Asia
    RFI
    France 24
    Deutsche Welle
    DW
    Al Jazeera
    Al Arabiya
    TRT
    Anadolu Agency
    EFE
    Prensa Latina
    Notimex
    Sputnik
    RIA Novosti
    TASS
    RT
    Rossiya Segodnya
    Interfax
    Ukrinform
    IRNA
    Tasnim
    Bernama
    Antara
    Straits Times
    Channel NewsAsia
    CNA
    ABS-CBN
    PTI
    Press Trust of India
    ANI
    WION
    NDTV
    Doordarshan
    Prasar Bharati
    New York Times
    The New York Times
    Wall Street Journal
    The Wall Street Journal
    Washington Post
    The Washington Post
    Financial Times
    The Economist
    Le Monde
    Le Figaro
    Der Spiegel
    Politico
    Axios
    The Hindu
    Hong Kong Bastille Post
    Bastille Post
    Sing Tao Daily
    Kompas
    Asia Times
    CNBC
    MSNBC
    Nikkei Asia
    Yicai
    Jiemian
    Al Mayadeen
    Sputnik News
    TV Asahi
    Yomiuri
    Asahi
    Mainichi
    Sankei
    Prensa Latina
    EFE News
    ANSA
    Euronews
    Agence Anadolu
    Economic Daily
    Arab News
    """
) | frozenset(DATELINE_OUTLETS)

#: ``newsroom-shape``: the last words of a newsroom's name. "Dragon TV", "Beijing
#: Daily", "Hubei Media Group", "Anadolu Agency", "Kyodo News" end so; a person's name
#: or an office ("Press Secretary") does not.
_MEDIA_TAIL = re.compile(
    r"^(?:[A-Z][\w’'&.\-]*\s+){1,4}(?:(?:Satellite\s+)?TV|Television|Radio|Daily|News|"
    r"(?:News\s+)?Agency|Media(?:\s+Group)?|Broadcasting(?:\s+Corporation)?|Shimbun|"
    r"Times|Post|Journal|Press|Herald|Tribune|Gazette|Weekly|Monthly|News\s+Service|Network)$"
)


_TAIL_WORDS = frozenset(
    str.split("""
    tv television radio daily news agency media group broadcasting corporation shimbun
    times post journal press herald tribune gazette weekly monthly service network satellite
    """)
)


def _brand_word(words: list[str]) -> bool:
    """``newsroom-brand``: a newsroom's name holds a brand or a place ("Dragon TV",
    "Hubei Media Group", "China Youth Daily"); a heading over links ("Related News",
    "Latest News", "World Times") holds only everyday words."""
    for w in words:
        bare = w.strip(".’'").casefold()
        if bare in _TAIL_WORDS:
            continue
        if bare in COUNTRIES or bare in DEMONYMS or zipf_frequency(bare, "en") < 4.5:
            return True
    return False


def is_outlet_label(label: str) -> bool:
    """``outlet-label``: a label that is a newsroom's name stands for its journalist.

    "CCTV:", "Reuters:", "Global Times:" open an unnamed journalist's question; so does
    a name shaped like a newsroom's ("Shenzhen TV", "Hubei Media Group").
    """
    core = " ".join(label.split()).strip(" :.")
    if not core:
        return False
    if core.casefold() in NEWS_OUTLETS:
        return True
    return bool(_MEDIA_TAIL.match(core)) and _brand_word(core.split())


__all__ = ["NEWS_OUTLETS", "is_outlet_label"]
