"""Names for the demo data set: common Uzbek given names and surnames, and names typical of
the partners' countries for the visiting professors.

Each name is a pair (Latin spelling, original script). Uzbek Latin follows the 1995
alphabet with ʻ (U+02BB) in oʻ, gʻ and ʼ (U+02BC) for the tutuq; the original script of an
Uzbek name here is Uzbek Cyrillic, as older passports and diplomas have it. Surnames are
given in their male form; the female form adds ``a`` in both scripts (Karimov, Karimova;
Каримов, Каримова). Foreign surnames with male and female forms are given as four strings.
Nothing here is about a real person: names are combined at random.
"""

# fmt: off
UZ_MALE: list[tuple[str, str]] = [
    ("Abdulla", "Абдулла"), ("Abbos", "Аббос"), ("Akmal", "Акмал"), ("Alisher", "Алишер"),
    ("Anvar", "Анвар"), ("Asror", "Асрор"), ("Azamat", "Азамат"), ("Aziz", "Азиз"),
    ("Bahodir", "Баҳодир"), ("Behruz", "Беҳруз"), ("Bekzod", "Бекзод"), ("Bobur", "Бобур"),
    ("Botir", "Ботир"), ("Dilshod", "Дилшод"), ("Diyor", "Диёр"), ("Doniyor", "Дониёр"),
    ("Elbek", "Элбек"), ("Eldor", "Элдор"), ("Erkin", "Эркин"), ("Farhod", "Фарҳод"),
    ("Farrux", "Фаррух"), ("Fayzulla", "Файзулла"), ("Gʻayrat", "Ғайрат"), ("Hamid", "Ҳамид"),
    ("Husan", "Ҳусан"), ("Ibrohim", "Иброҳим"), ("Ilhom", "Илҳом"), ("Islom", "Ислом"),
    ("Ixtiyor", "Ихтиёр"), ("Jahongir", "Жаҳонгир"), ("Jamshid", "Жамшид"), ("Jasur", "Жасур"),
    ("Javohir", "Жавоҳир"), ("Kamol", "Камол"), ("Laziz", "Лазиз"), ("Mansur", "Мансур"),
    ("Mirzo", "Мирзо"), ("Muhammad", "Муҳаммад"), ("Murod", "Мурод"), ("Nodir", "Нодир"),
    ("Nuʼmon", "Нуъмон"), ("Nurbek", "Нурбек"), ("Odil", "Одил"), ("Otabek", "Отабек"),
    ("Oybek", "Ойбек"), ("Poʻlat", "Пўлат"), ("Qodir", "Қодир"), ("Ravshan", "Равшан"),
    ("Rustam", "Рустам"), ("Sanjar", "Санжар"), ("Sardor", "Сардор"), ("Sarvar", "Сарвар"),
    ("Shavkat", "Шавкат"), ("Sherzod", "Шерзод"), ("Shohruh", "Шоҳруҳ"),
    ("Sirojiddin", "Сирожиддин"), ("Sobir", "Собир"), ("Suhrob", "Суҳроб"), ("Temur", "Темур"),
    ("Toʻlqin", "Тўлқин"), ("Ulugʻbek", "Улуғбек"), ("Umid", "Умид"), ("Xurshid", "Хуршид"),
    ("Yusuf", "Юсуф"), ("Zafar", "Зафар"), ("Zohid", "Зоҳид"),
]

UZ_FEMALE: list[tuple[str, str]] = [
    ("Aziza", "Азиза"), ("Barno", "Барно"), ("Charos", "Чарос"), ("Dilbar", "Дилбар"),
    ("Dildora", "Дилдора"), ("Dilfuza", "Дилфуза"), ("Dilnoza", "Дилноза"),
    ("Durdona", "Дурдона"), ("Feruza", "Феруза"), ("Fotima", "Фотима"), ("Gavhar", "Гавҳар"),
    ("Gulchehra", "Гулчеҳра"), ("Gulnora", "Гулнора"), ("Gulnoza", "Гулноза"),
    ("Hilola", "Ҳилола"), ("Iroda", "Ирода"), ("Kamola", "Камола"), ("Komila", "Комила"),
    ("Laylo", "Лайло"), ("Lola", "Лола"), ("Madina", "Мадина"), ("Maftuna", "Мафтуна"),
    ("Malika", "Малика"), ("Marjona", "Маржона"), ("Mohinur", "Моҳинур"), ("Mohira", "Моҳира"),
    ("Munisa", "Муниса"), ("Muqaddas", "Муқаддас"), ("Mushtariy", "Муштарий"),
    ("Muxlisa", "Мухлиса"), ("Nargiza", "Наргиза"), ("Nigora", "Нигора"),
    ("Nilufar", "Нилуфар"), ("Nodira", "Нодира"), ("Nozima", "Нозима"), ("Oydin", "Ойдин"),
    ("Ozoda", "Озода"), ("Parizoda", "Паризода"), ("Rayhona", "Райҳона"), ("Robiya", "Робия"),
    ("Ruxsora", "Рухсора"), ("Sabina", "Сабина"), ("Saida", "Саида"),
    ("Sarvinoz", "Сарвиноз"), ("Sevara", "Севара"), ("Shahlo", "Шаҳло"),
    ("Shahnoza", "Шаҳноза"), ("Shahzoda", "Шаҳзода"), ("Shoira", "Шоира"), ("Sitora", "Ситора"),
    ("Umida", "Умида"), ("Xadicha", "Хадича"), ("Xurshida", "Хуршида"),
    ("Yorqinoy", "Ёрқиной"), ("Yulduz", "Юлдуз"), ("Zarina", "Зарина"), ("Zebo", "Зебо"),
    ("Zilola", "Зилола"), ("Zulfiya", "Зулфия"), ("Ominaxon", "Оминахон"),
]

UZ_SURNAMES: list[tuple[str, str]] = [
    ("Abdullayev", "Абдуллаев"), ("Abdurahmonov", "Абдураҳмонов"), ("Ahmedov", "Аҳмедов"),
    ("Alimov", "Алимов"), ("Aminov", "Аминов"), ("Azimov", "Азимов"), ("Begmatov", "Бегматов"),
    ("Boboyev", "Бобоев"), ("Davletov", "Давлетов"), ("Ergashev", "Эргашев"),
    ("Fayziyev", "Файзиев"), ("Gʻofurov", "Ғофуров"), ("Hamidov", "Ҳамидов"),
    ("Hasanov", "Ҳасанов"), ("Haydarov", "Ҳайдаров"), ("Ismoilov", "Исмоилов"),
    ("Jalilov", "Жалилов"), ("Joʻrayev", "Жўраев"), ("Karimov", "Каримов"),
    ("Komilov", "Комилов"), ("Madaminov", "Мадаминов"), ("Mahmudov", "Маҳмудов"),
    ("Mamajonov", "Мамажонов"), ("Mamatov", "Маматов"), ("Mirzayev", "Мирзаев"),
    ("Murodov", "Муродов"), ("Nazarov", "Назаров"), ("Neʼmatov", "Неъматов"),
    ("Normatov", "Норматов"), ("Nurmatov", "Нурматов"), ("Odilov", "Одилов"),
    ("Olimov", "Олимов"), ("Oripov", "Орипов"), ("Qodirov", "Қодиров"), ("Qosimov", "Қосимов"),
    ("Qurbonov", "Қурбонов"), ("Rahimov", "Раҳимов"), ("Rasulov", "Расулов"),
    ("Rustamov", "Рустамов"), ("Saidov", "Саидов"), ("Salimov", "Салимов"),
    ("Sattorov", "Сатторов"), ("Sharipov", "Шарипов"), ("Shukurov", "Шукуров"),
    ("Sobirov", "Собиров"), ("Sodiqov", "Содиқов"), ("Sultonov", "Султонов"),
    ("Tojiboyev", "Тожибоев"), ("Toshpoʻlatov", "Тошпўлатов"), ("Tursunov", "Турсунов"),
    ("Turgʻunov", "Турғунов"), ("Umarov", "Умаров"), ("Usmonov", "Усмонов"),
    ("Valiyev", "Валиев"), ("Xolmatov", "Холматов"), ("Xoʻjayev", "Хўжаев"),
    ("Yoqubov", "Ёқубов"), ("Yoʻldoshev", "Йўлдошев"), ("Yusupov", "Юсупов"),
    ("Zokirov", "Зокиров"),
]
# fmt: on


def uz_female_surname(latin: str, cyrillic: str) -> tuple[str, str]:
    """Karimov → Karimova, Каримов → Каримова."""
    return latin + "a", cyrillic + "а"


def uz_patronymic(father: tuple[str, str], female: bool) -> tuple[str, str]:
    """The patronymic as Uzbek documents write it: Rustam → Rustamovich / Rustamovna,
    Abdulla → Abdullayevich / Abdullayevna (Рустамович, Абдуллаевна)."""
    latin, cyrillic = father
    vowel = latin[-1] in "aeiou"
    if female:
        return latin + ("yevna" if vowel else "ovna"), cyrillic + ("евна" if vowel else "овна")
    return latin + ("yevich" if vowel else "ovich"), cyrillic + ("евич" if vowel else "ович")


# Visiting professors: names typical of each partner country. ``order`` says how the
# original-script full name is written: "family" (family name first: Russian documents,
# Korean, Chinese), "given" (given name first), "bin" (Malay: given name, bin/binti, the
# father's name, which stands in the family-name field).
#
# Surnames are (male Latin, male original, female Latin, female original).

# fmt: off
FOREIGN: dict[str, dict] = {
    "RU": {
        "order": "family",
        "male": [
            ("Aleksandr", "Александр"), ("Sergey", "Сергей"), ("Dmitry", "Дмитрий"),
            ("Andrey", "Андрей"), ("Aleksey", "Алексей"), ("Mikhail", "Михаил"),
            ("Ivan", "Иван"), ("Nikolay", "Николай"), ("Vladimir", "Владимир"),
            ("Pavel", "Павел"), ("Oleg", "Олег"), ("Igor", "Игорь"), ("Yury", "Юрий"),
            ("Viktor", "Виктор"), ("Konstantin", "Константин"),
        ],
        "female": [
            ("Elena", "Елена"), ("Olga", "Ольга"), ("Natalya", "Наталья"), ("Irina", "Ирина"),
            ("Tatyana", "Татьяна"), ("Svetlana", "Светлана"), ("Anna", "Анна"),
            ("Marina", "Марина"), ("Yulia", "Юлия"), ("Ekaterina", "Екатерина"),
            ("Galina", "Галина"), ("Lyudmila", "Людмила"),
        ],
        "surnames": [
            ("Ivanov", "Иванов", "Ivanova", "Иванова"),
            ("Smirnov", "Смирнов", "Smirnova", "Смирнова"),
            ("Kuznetsov", "Кузнецов", "Kuznetsova", "Кузнецова"),
            ("Popov", "Попов", "Popova", "Попова"),
            ("Sokolov", "Соколов", "Sokolova", "Соколова"),
            ("Lebedev", "Лебедев", "Lebedeva", "Лебедева"),
            ("Kozlov", "Козлов", "Kozlova", "Козлова"),
            ("Novikov", "Новиков", "Novikova", "Новикова"),
            ("Morozov", "Морозов", "Morozova", "Морозова"),
            ("Volkov", "Волков", "Volkova", "Волкова"),
            ("Pavlov", "Павлов", "Pavlova", "Павлова"),
            ("Semenov", "Семенов", "Semenova", "Семенова"),
            ("Egorov", "Егоров", "Egorova", "Егорова"),
            ("Orlov", "Орлов", "Orlova", "Орлова"),
            ("Vinogradov", "Виноградов", "Vinogradova", "Виноградова"),
            ("Sorokin", "Сорокин", "Sorokina", "Сорокина"),
            ("Zaytsev", "Зайцев", "Zaytseva", "Зайцева"),
            ("Fedorov", "Федоров", "Fedorova", "Федорова"),
            ("Belov", "Белов", "Belova", "Белова"),
            ("Gusev", "Гусев", "Guseva", "Гусева"),
        ],
    },
    "BY": {
        "order": "family",
        "male": [
            ("Aliaksandr", "Аляксандр"), ("Siarhei", "Сяргей"), ("Andrei", "Андрэй"),
            ("Dzmitry", "Дзмітрый"), ("Uladzimir", "Уладзімір"), ("Mikalai", "Мікалай"),
            ("Pavel", "Павел"), ("Ihar", "Ігар"), ("Viktar", "Віктар"),
        ],
        "female": [
            ("Volha", "Вольга"), ("Natallia", "Наталля"), ("Iryna", "Ірына"),
            ("Alena", "Алена"), ("Tatsiana", "Тацяна"), ("Sviatlana", "Святлана"),
            ("Hanna", "Ганна"), ("Maryna", "Марына"),
        ],
        "surnames": [
            ("Kavalenka", "Каваленка", "Kavalenka", "Каваленка"),
            ("Novik", "Новік", "Novik", "Новік"),
            ("Karpovich", "Карповіч", "Karpovich", "Карповіч"),
            ("Lukashevich", "Лукашэвіч", "Lukashevich", "Лукашэвіч"),
            ("Bahdanovich", "Багдановіч", "Bahdanovich", "Багдановіч"),
            ("Zhuk", "Жук", "Zhuk", "Жук"),
            ("Kazlou", "Казлоў", "Kazlova", "Казлова"),
            ("Ivanou", "Іваноў", "Ivanova", "Іванова"),
            ("Marozau", "Марозаў", "Marozava", "Марозава"),
            ("Sakalou", "Сакалоў", "Sakalova", "Сакалова"),
            ("Hrynevich", "Грыневіч", "Hrynevich", "Грыневіч"),
            ("Yakimovich", "Якімовіч", "Yakimovich", "Якімовіч"),
        ],
    },
    "KZ": {
        "order": "family",
        "male": [
            ("Nurlan", "Нұрлан"), ("Yerlan", "Ерлан"), ("Askar", "Асқар"),
            ("Daniyar", "Данияр"), ("Bauyrzhan", "Бауыржан"), ("Serik", "Серік"),
            ("Marat", "Марат"), ("Arman", "Арман"), ("Yerzhan", "Ержан"),
            ("Talgat", "Талғат"), ("Kairat", "Қайрат"),
        ],
        "female": [
            ("Aigerim", "Айгерім"), ("Gulnara", "Гүлнара"), ("Saule", "Сәуле"),
            ("Dinara", "Динара"), ("Aliya", "Әлия"), ("Zhanar", "Жанар"), ("Ainur", "Айнұр"),
            ("Gaukhar", "Гауһар"), ("Assel", "Әсел"),
        ],
        "surnames": [
            ("Akhmetov", "Ахметов", "Akhmetova", "Ахметова"),
            ("Omarov", "Омаров", "Omarova", "Омарова"),
            ("Suleimenov", "Сүлейменов", "Suleimenova", "Сүлейменова"),
            ("Zhakupov", "Жақыпов", "Zhakupova", "Жақыпова"),
            ("Abdrakhmanov", "Абдрахманов", "Abdrakhmanova", "Абдрахманова"),
            ("Iskakov", "Ысқақов", "Iskakova", "Ысқақова"),
            ("Nurpeisov", "Нұрпейісов", "Nurpeisova", "Нұрпейісова"),
            ("Sadykov", "Садықов", "Sadykova", "Садықова"),
            ("Tulegenov", "Төлегенов", "Tulegenova", "Төлегенова"),
            ("Kassymov", "Қасымов", "Kassymova", "Қасымова"),
            ("Baimukhanov", "Баймұханов", "Baimukhanova", "Баймұханова"),
            ("Yessenov", "Есенов", "Yessenova", "Есенова"),
        ],
    },
    "KG": {
        "order": "family",
        "male": [
            ("Almaz", "Алмаз"), ("Bakyt", "Бакыт"), ("Nurbek", "Нурбек"), ("Talant", "Талант"),
            ("Emil", "Эмил"), ("Kanat", "Канат"), ("Ulan", "Улан"), ("Mirlan", "Мирлан"),
            ("Chyngyz", "Чыңгыз"),
        ],
        "female": [
            ("Aizhan", "Айжан"), ("Gulzat", "Гулзат"), ("Nazgul", "Назгүл"),
            ("Cholpon", "Чолпон"), ("Aida", "Аида"), ("Begimai", "Бегимай"),
            ("Meerim", "Мээрим"), ("Jyldyz", "Жылдыз"),
        ],
        "surnames": [
            ("Asanov", "Асанов", "Asanova", "Асанова"),
            ("Usenov", "Усенов", "Usenova", "Усенова"),
            ("Toktogulov", "Токтогулов", "Toktogulova", "Токтогулова"),
            ("Mamytov", "Мамытов", "Mamytova", "Мамытова"),
            ("Sydykov", "Сыдыков", "Sydykova", "Сыдыкова"),
            ("Abdyldaev", "Абдылдаев", "Abdyldaeva", "Абдылдаева"),
            ("Zhumabaev", "Жумабаев", "Zhumabaeva", "Жумабаева"),
            ("Osmonov", "Осмонов", "Osmonova", "Осмонова"),
            ("Beishenaliev", "Бейшеналиев", "Beishenalieva", "Бейшеналиева"),
        ],
    },
    "AZ": {
        "order": "given",
        "male": [
            ("Elvin", "Elvin"), ("Rashad", "Rəşad"), ("Tural", "Tural"), ("Orkhan", "Orxan"),
            ("Elnur", "Elnur"), ("Farid", "Fərid"), ("Kamran", "Kamran"), ("Vugar", "Vüqar"),
            ("Ilham", "İlham"), ("Anar", "Anar"),
        ],
        "female": [
            ("Leyla", "Leyla"), ("Aysel", "Aysel"), ("Gunel", "Günel"), ("Nigar", "Nigar"),
            ("Sevinj", "Sevinc"), ("Aynur", "Aynur"), ("Konul", "Könül"), ("Narmin", "Nərmin"),
        ],
        "surnames": [
            ("Mammadov", "Məmmədov", "Mammadova", "Məmmədova"),
            ("Aliyev", "Əliyev", "Aliyeva", "Əliyeva"),
            ("Hasanov", "Həsənov", "Hasanova", "Həsənova"),
            ("Huseynov", "Hüseynov", "Huseynova", "Hüseynova"),
            ("Guliyev", "Quliyev", "Guliyeva", "Quliyeva"),
            ("Ismayilov", "İsmayılov", "Ismayilova", "İsmayılova"),
            ("Jafarov", "Cəfərov", "Jafarova", "Cəfərova"),
            ("Rzayev", "Rzayev", "Rzayeva", "Rzayeva"),
            ("Karimov", "Kərimov", "Karimova", "Kərimova"),
            ("Hajiyev", "Hacıyev", "Hajiyeva", "Hacıyeva"),
        ],
    },
    "TR": {
        "order": "given",
        "male": [
            ("Mehmet", "Mehmet"), ("Mustafa", "Mustafa"), ("Ahmet", "Ahmet"), ("Ali", "Ali"),
            ("Hüseyin", "Hüseyin"), ("Hasan", "Hasan"), ("İbrahim", "İbrahim"),
            ("Murat", "Murat"), ("Emre", "Emre"), ("Burak", "Burak"), ("Serkan", "Serkan"),
            ("Osman", "Osman"), ("Kemal", "Kemal"), ("Ömer", "Ömer"),
        ],
        "female": [
            ("Ayşe", "Ayşe"), ("Fatma", "Fatma"), ("Zeynep", "Zeynep"), ("Elif", "Elif"),
            ("Emine", "Emine"), ("Hatice", "Hatice"), ("Merve", "Merve"), ("Esra", "Esra"),
            ("Gülşen", "Gülşen"), ("Derya", "Derya"), ("Selin", "Selin"), ("Özlem", "Özlem"),
        ],
        "surnames": [
            (name, name, name, name)
            for name in (
                "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk",
                "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç",
                "Kurt", "Özkan", "Şimşek", "Polat",
            )
        ],
    },
    "CZ": {
        "order": "given",
        "male": [
            ("Jan", "Jan"), ("Petr", "Petr"), ("Jiří", "Jiří"), ("Pavel", "Pavel"),
            ("Tomáš", "Tomáš"), ("Martin", "Martin"), ("Jaroslav", "Jaroslav"),
            ("Miroslav", "Miroslav"), ("Zdeněk", "Zdeněk"), ("Lukáš", "Lukáš"),
            ("Václav", "Václav"), ("Josef", "Josef"),
        ],
        "female": [
            ("Jana", "Jana"), ("Eva", "Eva"), ("Hana", "Hana"), ("Lenka", "Lenka"),
            ("Kateřina", "Kateřina"), ("Lucie", "Lucie"), ("Markéta", "Markéta"),
            ("Petra", "Petra"), ("Veronika", "Veronika"), ("Alena", "Alena"),
        ],
        "surnames": [
            ("Novák", "Novák", "Nováková", "Nováková"),
            ("Svoboda", "Svoboda", "Svobodová", "Svobodová"),
            ("Novotný", "Novotný", "Novotná", "Novotná"),
            ("Dvořák", "Dvořák", "Dvořáková", "Dvořáková"),
            ("Černý", "Černý", "Černá", "Černá"),
            ("Procházka", "Procházka", "Procházková", "Procházková"),
            ("Kučera", "Kučera", "Kučerová", "Kučerová"),
            ("Veselý", "Veselý", "Veselá", "Veselá"),
            ("Horák", "Horák", "Horáková", "Horáková"),
            ("Němec", "Němec", "Němcová", "Němcová"),
            ("Pokorný", "Pokorný", "Pokorná", "Pokorná"),
            ("Růžička", "Růžička", "Růžičková", "Růžičková"),
        ],
    },
    "KR": {
        "order": "family",
        "joined": True,  # 김민준: no space between family and given name
        "male": [
            ("Min-jun", "민준"), ("Seo-jun", "서준"), ("Ji-hoon", "지훈"), ("Hyun-woo", "현우"),
            ("Sung-min", "성민"), ("Jae-won", "재원"), ("Dong-hyun", "동현"),
            ("Young-ho", "영호"), ("Sang-woo", "상우"), ("Jin-ho", "진호"),
        ],
        "female": [
            ("Seo-yeon", "서연"), ("Ji-woo", "지우"), ("Min-seo", "민서"), ("Su-jin", "수진"),
            ("Hye-jin", "혜진"), ("Eun-ji", "은지"), ("Ji-young", "지영"), ("Mi-kyung", "미경"),
            ("Young-mi", "영미"),
        ],
        "surnames": [
            (latin, hangul, latin, hangul)
            for latin, hangul in (
                ("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"),
                ("Kang", "강"), ("Cho", "조"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"),
                ("Han", "한"), ("Shin", "신"),
            )
        ],
    },
    "CN": {
        "order": "family",
        "joined": True,  # 王伟
        "male": [
            ("Wei", "伟"), ("Qiang", "强"), ("Lei", "磊"), ("Jun", "军"), ("Yong", "勇"),
            ("Jie", "杰"), ("Tao", "涛"), ("Ming", "明"), ("Hao", "浩"), ("Jianguo", "建国"),
            ("Zhiqiang", "志强"),
        ],
        "female": [
            ("Fang", "芳"), ("Na", "娜"), ("Min", "敏"), ("Jing", "静"), ("Li", "丽"),
            ("Yan", "艳"), ("Juan", "娟"), ("Xiaoyan", "晓燕"), ("Hui", "慧"), ("Ying", "颖"),
        ],
        "surnames": [
            (latin, hanzi, latin, hanzi)
            for latin, hanzi in (
                ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
                ("Yang", "杨"), ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"),
                ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"),
            )
        ],
    },
    "GB": {
        "order": "given",
        "male": [
            (name, name)
            for name in (
                "James", "John", "David", "Michael", "Richard", "Thomas", "Andrew", "Mark",
                "Paul", "Simon", "Christopher", "Peter",
            )
        ],
        "female": [
            (name, name)
            for name in (
                "Sarah", "Emma", "Helen", "Claire", "Rachel", "Catherine", "Elizabeth",
                "Laura", "Rebecca", "Victoria",
            )
        ],
        "surnames": [
            (name, name, name, name)
            for name in (
                "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
                "Thomas", "Johnson", "Roberts", "Walker", "Wright", "Robinson", "Thompson",
                "Hughes",
            )
        ],
    },
    "NL": {
        "order": "given",
        "male": [
            (name, name)
            for name in (
                "Jan", "Pieter", "Hendrik", "Willem", "Maarten", "Joost", "Bas", "Sander",
                "Thijs", "Ruud",
            )
        ],
        "female": [
            (name, name)
            for name in (
                "Anna", "Sanne", "Eva", "Lotte", "Femke", "Marieke", "Anouk", "Inge", "Esther",
            )
        ],
        "surnames": [
            (name, name, name, name)
            for name in (
                "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
                "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Hendriks",
            )
        ],
    },
    "BE": {
        "order": "given",
        "male": [
            (name, name)
            for name in ("Luc", "Koen", "Wim", "Dirk", "Bart", "Geert", "Pieter", "Jean", "Marc")
        ],
        "female": [
            (name, name)
            for name in ("An", "Katrien", "Els", "Sofie", "Lien", "Griet", "Marie", "Nathalie")
        ],
        "surnames": [
            (name, name, name, name)
            for name in (
                "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
                "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
            )
        ],
    },
    "ID": {
        "order": "given",
        "male": [
            (name, name)
            for name in (
                "Budi", "Agus", "Hendra", "Rudi", "Eko", "Bambang", "Ahmad", "Andi", "Arif",
                "Dwi",
            )
        ],
        "female": [
            (name, name)
            for name in (
                "Siti", "Sri", "Dewi", "Ratna", "Wulan", "Nur", "Ika", "Rina", "Lestari", "Putri",
            )
        ],
        "surnames": [
            (name, name, name, name)
            for name in (
                "Santoso", "Wijaya", "Setiawan", "Pratama", "Hidayat", "Kusuma", "Nugroho",
                "Susanto", "Wibowo", "Hartono", "Gunawan", "Sulistyo",
            )
        ],
    },
    "MY": {
        "order": "bin",
        "male": [
            (name, name)
            for name in (
                "Ahmad", "Mohd Faizal", "Muhammad Hafiz", "Azman", "Rizal", "Kamarul",
                "Nor Azlan", "Zulkifli", "Hafizuddin",
            )
        ],
        "female": [
            (name, name)
            for name in (
                "Nurul Huda", "Siti Aishah", "Noraini", "Farah", "Zarina", "Rohana",
                "Nor Hayati", "Aminah",
            )
        ],
        # The father's given name, written after "bin" (son of) or "binti" (daughter of).
        "surnames": [
            (name, name, name, name)
            for name in (
                "Ismail", "Abdullah", "Hassan", "Ibrahim", "Othman", "Yusof", "Rahman",
                "Omar", "Salleh", "Hamzah", "Aziz",
            )
        ],
    },
}
# fmt: on

# Visiting professors' home countries and how many come from each: 156 in all.
VISITORS_BY_COUNTRY: dict[str, int] = {
    "RU": 30,
    "TR": 24,
    "KZ": 18,
    "KR": 14,
    "BY": 10,
    "KG": 10,
    "CN": 10,
    "CZ": 8,
    "AZ": 8,
    "GB": 6,
    "MY": 6,
    "ID": 5,
    "NL": 4,
    "BE": 3,
}


def foreign_name(
    country: str, female: bool, given: tuple[str, str], family: tuple, styles=FOREIGN
) -> dict:
    """Person name fields for a foreign guest: Latin first and last name and the full name in
    the original script, written in the country's order (``styles``: the name lists by
    country, the guests' by default)."""
    style = styles[country]
    last_latin, last_original = (family[2], family[3]) if female else (family[0], family[1])
    first_latin, first_original = given
    order = style["order"]
    if order == "family":
        joiner = "" if style.get("joined") else " "
        original = f"{last_original}{joiner}{first_original}"
    elif order == "bin":
        original = f"{first_original} {'binti' if female else 'bin'} {last_original}"
    else:
        original = f"{first_original} {last_original}"
    return {"first_name": first_latin, "last_name": last_latin, "name_original": original}
