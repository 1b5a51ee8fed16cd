"""Real universities for the demo data set when the world directory is not loaded.

Facts only: English name, ISO country code, city, and the QS World University Rankings 2027
rank as published (None where the university is not ranked). ``hamkor load-directory``
brings the full, current lists; these stand in for it on a fresh clone.
"""

# fmt: off
PARTNERS: list[tuple[str, str, str, str | None]] = [
    # Russia
    ("Kazan (Volga region) Federal University", "RU", "Kazan", "468"),
    ("RUDN University", "RU", "Moscow", "359"),
    ("Tomsk State University", "RU", "Tomsk", "510"),
    ("Ural Federal University", "RU", "Yekaterinburg", "504"),
    ("Altai State University", "RU", "Barnaul", "901-950"),
    ("South Ural State University", "RU", "Chelyabinsk", "951-1000"),
    ("Far Eastern Federal University", "RU", "Vladivostok", "741-750"),
    ("Plekhanov Russian University of Economics", "RU", "Moscow", "721-730"),
    ("Southern Federal University", "RU", "Rostov-on-Don", "1001-1200"),
    ("Herzen State Pedagogical University of Russia", "RU", "Saint Petersburg", None),
    # Türkiye
    ("Middle East Technical University", "TR", "Ankara", "305"),
    ("Hacettepe University", "TR", "Ankara", "570"),
    ("Istanbul University", "TR", "Istanbul", "629"),
    ("Selcuk University", "TR", "Konya", "1201-1400"),
    ("Sakarya University", "TR", "Sakarya", "1401+"),
    ("Karadeniz Technical University", "TR", "Trabzon", "1401+"),
    ("Akdeniz University", "TR", "Antalya", "1401+"),
    ("Cukurova University", "TR", "Adana", "1401+"),
    # Belarus
    ("Belarusian State University", "BY", "Minsk", "533"),
    ("Belarusian National Technical University", "BY", "Minsk", "901-950"),
    ("Yanka Kupala State University of Grodno", "BY", "Grodno", None),
    # Kazakhstan
    ("Al-Farabi Kazakh National University", "KZ", "Almaty", "177"),
    ("L.N. Gumilyov Eurasian National University", "KZ", "Astana", "338"),
    ("Abai Kazakh National Pedagogical University", "KZ", "Almaty", "634"),
    ("Auezov South Kazakhstan University", "KZ", "Shymkent", "781-790"),
    ("Khoja Akhmet Yassawi International Kazakh-Turkish University", "KZ", "Turkestan",
     "851-900"),
    ("Buketov Karaganda National Research University", "KZ", "Karaganda", "951-1000"),
    # Kyrgyzstan
    ("American University of Central Asia", "KG", "Bishkek", "801-850"),
    ("Kyrgyz Russian Slavic University", "KG", "Bishkek", "901-950"),
    ("Kyrgyz-Turkish Manas University", "KG", "Bishkek", "1001-1200"),
    ("Kyrgyz National University", "KG", "Bishkek", "1201-1400"),
    ("Osh State University", "KG", "Osh", None),
    # Czech Republic
    ("Charles University", "CZ", "Prague", "273"),
    ("Masaryk University", "CZ", "Brno", "454"),
    ("Palacký University Olomouc", "CZ", "Olomouc", "711-720"),
    ("Czech University of Life Sciences Prague", "CZ", "Prague", "731-740"),
    ("Mendel University in Brno", "CZ", "Brno", "951-1000"),
    # South Korea
    ("Hanyang University", "KR", "Seoul", "155"),
    ("Kookmin University", "KR", "Seoul", "1001-1200"),
    ("Soonchunhyang University", "KR", "Asan", "1001-1200"),
    ("Pukyong National University", "KR", "Busan", "1201-1400"),
    ("Jeju National University", "KR", "Jeju", "1201-1400"),
    # United Kingdom
    ("University of Salford", "GB", "Salford", "1001-1200"),
    ("University of Wolverhampton", "GB", "Wolverhampton", "1001-1200"),
    ("University of Derby", "GB", "Derby", "1201-1400"),
    ("University of South Wales", "GB", "Pontypridd", "1201-1400"),
    # Netherlands
    ("University of Groningen", "NL", "Groningen", "157"),
    ("Wageningen University & Research", "NL", "Wageningen", "154"),
    # China
    ("Nanjing University", "CN", "Nanjing", "90"),
    ("Henan University", "CN", "Kaifeng", "1201-1400"),
    ("Zhejiang Sci-Tech University", "CN", "Hangzhou", "1201-1400"),
    ("Shanghai International Studies University", "CN", "Shanghai", "1401+"),
    # Belgium
    ("Ghent University", "BE", "Ghent", "150"),
    ("Hasselt University", "BE", "Diepenbeek", "639"),
    # Azerbaijan
    ("Baku State University", "AZ", "Baku", "565"),
    ("Azerbaijan State University of Economics", "AZ", "Baku", "634"),
    ("Khazar University", "AZ", "Baku", "801-850"),
    # Indonesia
    ("Universitas Airlangga", "ID", "Surabaya", "276"),
    ("Universitas Brawijaya", "ID", "Malang", "616"),
    # Malaysia
    ("Universiti Putra Malaysia", "MY", "Serdang", "138"),
    ("Universiti Teknologi Malaysia", "MY", "Johor Bahru", "158"),
    ("UCSI University", "MY", "Kuala Lumpur", "282"),
]
# fmt: on

# The web domain of the partners whose name the directory writes differently ("Abai State
# University", "Karaganda State Buketov University"): the demo finds their row by it.
DOMAINS: dict[str, str] = {
    "Abai Kazakh National Pedagogical University": "kaznpu.kz",
    "L.N. Gumilyov Eurasian National University": "enu.kz",
    "Buketov Karaganda National Research University": "ksu.kz",
    "Azerbaijan State University of Economics": "unec.edu.az",
    "Belarusian National Technical University": "bntu.by",
    "Yanka Kupala State University of Grodno": "grsu.by",
    "Universiti Putra Malaysia": "upm.edu.my",
    "Akdeniz University": "akdeniz.edu.tr",
    "Czech University of Life Sciences Prague": "czu.cz",
}
