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

# The partners' names in Uzbek and Russian, as the universities and the press write them;
# the English name stays the original for the institutions the demo creates.
NAMES: dict[str, tuple[str, str]] = {
    "Kazan (Volga region) Federal University": (
        "Qozon (Volgaboʻyi) federal universiteti",
        "Казанский (Приволжский) федеральный университет",
    ),
    "RUDN University": (
        "Rossiya xalqlar doʻstligi universiteti",
        "Российский университет дружбы народов",
    ),
    "Tomsk State University": ("Tomsk davlat universiteti", "Томский государственный университет"),
    "Ural Federal University": ("Ural federal universiteti", "Уральский федеральный университет"),
    "Altai State University": (
        "Oltoy davlat universiteti",
        "Алтайский государственный университет",
    ),
    "South Ural State University": (
        "Janubiy Ural davlat universiteti",
        "Южно-Уральский государственный университет",
    ),
    "Far Eastern Federal University": (
        "Uzoq Sharq federal universiteti",
        "Дальневосточный федеральный университет",
    ),
    "Plekhanov Russian University of Economics": (
        "Plexanov nomidagi Rossiya iqtisodiyot universiteti",
        "Российский экономический университет имени Г. В. Плеханова",
    ),
    "Southern Federal University": ("Janubiy federal universitet", "Южный федеральный университет"),
    "Herzen State Pedagogical University of Russia": (
        "Gersen nomidagi Rossiya davlat pedagogika universiteti",
        "Российский государственный педагогический университет имени А. И. Герцена",
    ),
    "Middle East Technical University": (
        "Oʻrta Sharq texnika universiteti",
        "Ближневосточный технический университет",
    ),
    "Hacettepe University": ("Hajettepe universiteti", "Университет Хаджеттепе"),
    "Istanbul University": ("Istanbul universiteti", "Стамбульский университет"),
    "Selcuk University": ("Saljuq universiteti", "Университет Сельчук"),
    "Sakarya University": ("Sakarya universiteti", "Университет Сакарья"),
    "Karadeniz Technical University": (
        "Qoradengiz texnika universiteti",
        "Черноморский технический университет",
    ),
    "Akdeniz University": ("Oʻrtayer dengizi universiteti", "Средиземноморский университет"),
    "Cukurova University": ("Chukurova universiteti", "Университет Чукурова"),
    "Belarusian State University": (
        "Belarus davlat universiteti",
        "Белорусский государственный университет",
    ),
    "Belarusian National Technical University": (
        "Belarus milliy texnika universiteti",
        "Белорусский национальный технический университет",
    ),
    "Yanka Kupala State University of Grodno": (
        "Yanka Kupala nomidagi Grodno davlat universiteti",
        "Гродненский государственный университет имени Янки Купалы",
    ),
    "Al-Farabi Kazakh National University": (
        "Al-Farobiy nomidagi Qozoq milliy universiteti",
        "Казахский национальный университет имени аль-Фараби",
    ),
    "L.N. Gumilyov Eurasian National University": (
        "L. N. Gumilyov nomidagi Yevrosiyo milliy universiteti",
        "Евразийский национальный университет имени Л. Н. Гумилёва",
    ),
    "Abai Kazakh National Pedagogical University": (
        "Abay nomidagi Qozoq milliy pedagogika universiteti",
        "Казахский национальный педагогический университет имени Абая",
    ),
    "Auezov South Kazakhstan University": (
        "M. Auezov nomidagi Janubiy Qozogʻiston universiteti",
        "Южно-Казахстанский университет имени М. Ауэзова",
    ),
    "Khoja Akhmet Yassawi International Kazakh-Turkish University": (
        "Xoja Ahmad Yassaviy nomidagi Xalqaro qozoq-turk universiteti",
        "Международный казахско-турецкий университет имени Ходжи Ахмеда Ясави",
    ),
    "Buketov Karaganda National Research University": (
        "Buketov nomidagi Qaragʻandi milliy tadqiqot universiteti",
        "Карагандинский национальный исследовательский университет имени Е. А. Букетова",
    ),
    "American University of Central Asia": (
        "Markaziy Osiyo Amerika universiteti",
        "Американский университет в Центральной Азии",
    ),
    "Kyrgyz Russian Slavic University": (
        "Qirgʻiz-Rossiya Slavyan universiteti",
        "Кыргызско-Российский Славянский университет",
    ),
    "Kyrgyz-Turkish Manas University": (
        "Qirgʻiz-Turk „Manas“ universiteti",
        "Кыргызско-Турецкий университет «Манас»",
    ),
    "Kyrgyz National University": (
        "Qirgʻiz milliy universiteti",
        "Кыргызский национальный университет",
    ),
    "Osh State University": ("Oʻsh davlat universiteti", "Ошский государственный университет"),
    "Charles University": ("Karl universiteti", "Карлов университет"),
    "Masaryk University": ("Masaryk universiteti", "Университет Масарика"),
    "Palacký University Olomouc": (
        "Olomoutsdagi Palatskiy universiteti",
        "Университет Палацкого в Оломоуце",
    ),
    "Czech University of Life Sciences Prague": (
        "Praga Chexiya qishloq xoʻjaligi universiteti",
        "Чешский агротехнический университет в Праге",
    ),
    "Mendel University in Brno": ("Brnodagi Mendel universiteti", "Университет Менделя в Брно"),
    "Hanyang University": ("Hanyang universiteti", "Университет Ханьян"),
    "Kookmin University": ("Kukmin universiteti", "Университет Кукмин"),
    "Soonchunhyang University": ("Sunchxonxyan universiteti", "Университет Сунчхонхян"),
    "Pukyong National University": ("Pugyon milliy universiteti", "Национальный университет Пукён"),
    "Jeju National University": ("Chejudo milliy universiteti", "Национальный университет Чеджу"),
    "University of Salford": ("Salford universiteti", "Солфордский университет"),
    "University of Wolverhampton": ("Vulverxempton universiteti", "Вулвергемптонский университет"),
    "University of Derby": ("Derbi universiteti", "Университет Дерби"),
    "University of South Wales": ("Janubiy Uels universiteti", "Университет Южного Уэльса"),
    "University of Groningen": ("Groningen universiteti", "Гронингенский университет"),
    "Wageningen University & Research": (
        "Vageningen universiteti va tadqiqot markazi",
        "Вагенингенский университет",
    ),
    "Nanjing University": ("Nankin universiteti", "Нанкинский университет"),
    "Henan University": ("Xenan universiteti", "Хэнаньский университет"),
    "Zhejiang Sci-Tech University": (
        "Chjetszyan fan va texnologiyalar universiteti",
        "Чжэцзянский университет науки и технологий",
    ),
    "Shanghai International Studies University": (
        "Shanxay xalqaro tadqiqotlar universiteti",
        "Шанхайский университет иностранных языков",
    ),
    "Ghent University": ("Gent universiteti", "Гентский университет"),
    "Hasselt University": ("Hasselt universiteti", "Университет Хасселта"),
    "Baku State University": ("Boku davlat universiteti", "Бакинский государственный университет"),
    "Azerbaijan State University of Economics": (
        "Ozarbayjon davlat iqtisodiyot universiteti",
        "Азербайджанский государственный экономический университет",
    ),
    "Khazar University": ("Xazar universiteti", "Университет Хазар"),
    "Universitas Airlangga": ("Erlangga universiteti", "Университет Эрлангга"),
    "Universitas Brawijaya": ("Bravijaya universiteti", "Университет Бравиджая"),
    "Universiti Putra Malaysia": ("Malayziya Putra universiteti", "Университет Путра Малайзия"),
    "Universiti Teknologi Malaysia": (
        "Malayziya texnologiya universiteti",
        "Технологический университет Малайзии",
    ),
    "UCSI University": ("UCSI universiteti", "Университет UCSI"),
}

# Where each city of ``PARTNERS`` lies (GeoNames, as ``city_coordinates`` finds it): the demo
# places its partners on the map without building GeoNames' index of every city (seconds).
CITY_POINTS: dict[tuple[str, str], tuple[float, float]] = {
    ("RU", "Kazan"): (55.78874, 49.12214),
    ("RU", "Moscow"): (55.75204, 37.61781),
    ("RU", "Tomsk"): (56.50049, 84.98216),
    ("RU", "Yekaterinburg"): (56.85733, 60.61529),
    ("RU", "Barnaul"): (53.36199, 83.72786),
    ("RU", "Chelyabinsk"): (55.1611, 61.42877),
    ("RU", "Vladivostok"): (43.10562, 131.87353),
    ("RU", "Rostov-on-Don"): (47.21997, 39.70769),
    ("RU", "Saint Petersburg"): (59.93863, 30.31413),
    ("TR", "Ankara"): (39.91987, 32.85427),
    ("TR", "Istanbul"): (41.01384, 28.94966),
    ("TR", "Konya"): (37.87135, 32.48464),
    ("TR", "Sakarya"): (40.78056, 30.40333),
    ("TR", "Trabzon"): (41.005, 39.72694),
    ("TR", "Antalya"): (36.90812, 30.69556),
    ("TR", "Adana"): (36.98615, 35.32531),
    ("BY", "Minsk"): (53.90019, 27.56653),
    ("BY", "Grodno"): (53.6758, 23.82887),
    ("KZ", "Almaty"): (43.25249, 76.9115),
    ("KZ", "Astana"): (51.1801, 71.44598),
    ("KZ", "Shymkent"): (42.30988, 69.60042),
    ("KZ", "Turkestan"): (43.29458, 68.25685),
    ("KZ", "Karaganda"): (49.80187, 73.10211),
    ("KG", "Bishkek"): (42.87, 74.59),
    ("KG", "Osh"): (40.52828, 72.7985),
    ("CZ", "Prague"): (50.08804, 14.42076),
    ("CZ", "Brno"): (49.19522, 16.60796),
    ("CZ", "Olomouc"): (49.59552, 17.25175),
    ("KR", "Seoul"): (37.566, 126.9784),
    ("KR", "Asan"): (36.78361, 127.00417),
    ("KR", "Busan"): (35.10168, 129.03004),
    ("KR", "Jeju"): (33.50972, 126.52194),
    ("GB", "Salford"): (53.48771, -2.29042),
    ("GB", "Wolverhampton"): (52.58547, -2.12296),
    ("GB", "Derby"): (52.92277, -1.47663),
    ("GB", "Pontypridd"): (51.6021, -3.34211),
    ("NL", "Groningen"): (53.21917, 6.56667),
    ("NL", "Wageningen"): (51.97, 5.66667),
    ("CN", "Nanjing"): (32.06167, 118.77778),
    ("CN", "Kaifeng"): (34.7986, 114.30742),
    ("CN", "Hangzhou"): (30.29365, 120.16142),
    ("CN", "Shanghai"): (31.22222, 121.45806),
    ("BE", "Ghent"): (51.05, 3.71667),
    ("BE", "Diepenbeek"): (50.90769, 5.41875),
    ("AZ", "Baku"): (40.37767, 49.89201),
    ("ID", "Surabaya"): (-7.24917, 112.75083),
    ("ID", "Malang"): (-7.9797, 112.6304),
    ("MY", "Serdang"): (3.03333, 101.71667),
    ("MY", "Johor Bahru"): (1.4655, 103.7578),
    ("MY", "Kuala Lumpur"): (3.1412, 101.68653),
}
