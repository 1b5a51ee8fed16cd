"""Names of the foreign degree students' countries that the guests' lists lack, in the same
form as :data:`hamkor.demo.mobility.names.FOREIGN`: (Latin, original script); surnames as
(male Latin, male original, female Latin, female original). Tajik, Turkmen and Afghan
surnames in -ov/-ova are common in passports; Afghan and Pakistani names are written in
Perso-Arabic script, Indian names in Devanagari. Nothing here is about a real person."""

# fmt: off
STUDENT_NAMES: dict[str, dict] = {
    "TJ": {
        "order": "family",
        "male": [
            ("Firdavs", "Фирдавс"), ("Rustam", "Рустам"), ("Daler", "Далер"),
            ("Farrukh", "Фаррух"), ("Shahrom", "Шаҳром"), ("Bahrom", "Баҳром"),
            ("Umed", "Умед"), ("Parviz", "Парвиз"), ("Siyovush", "Сиёвуш"),
            ("Jamshed", "Ҷамшед"), ("Khurshed", "Хуршед"), ("Suhrob", "Суҳроб"),
        ],
        "female": [
            ("Nigina", "Нигина"), ("Madina", "Мадина"), ("Zarina", "Зарина"),
            ("Tahmina", "Таҳмина"), ("Firuza", "Фируза"), ("Sitora", "Ситора"),
            ("Manizha", "Манижа"), ("Gulnoz", "Гулноз"),
        ],
        "surnames": [
            ("Rahimov", "Раҳимов", "Rahimova", "Раҳимова"),
            ("Nazarov", "Назаров", "Nazarova", "Назарова"),
            ("Sharipov", "Шарипов", "Sharipova", "Шарипова"),
            ("Safarov", "Сафаров", "Safarova", "Сафарова"),
            ("Davlatov", "Давлатов", "Davlatova", "Давлатова"),
            ("Qodirov", "Қодиров", "Qodirova", "Қодирова"),
            ("Saidov", "Саидов", "Saidova", "Саидова"),
            ("Mirzoev", "Мирзоев", "Mirzoeva", "Мирзоева"),
            ("Nurov", "Нуров", "Nurova", "Нурова"),
            ("Khojaev", "Хоҷаев", "Khojaeva", "Хоҷаева"),
        ],
    },
    "TM": {
        "order": "family",
        "male": [
            ("Myrat", "Myrat"), ("Merdan", "Merdan"), ("Serdar", "Serdar"),
            ("Batyr", "Batyr"), ("Döwlet", "Döwlet"), ("Arslan", "Arslan"),
            ("Begench", "Begenç"), ("Maksat", "Maksat"), ("Rowshen", "Röwşen"),
        ],
        "female": [
            ("Aynur", "Aýnur"), ("Maya", "Maýa"), ("Jennet", "Jennet"),
            ("Ogulgerek", "Ogulgerek"), ("Selbi", "Selbi"), ("Bahar", "Bahar"),
            ("Gulshat", "Gülşat"),
        ],
        "surnames": [
            ("Annayev", "Annaýew", "Annayeva", "Annaýewa"),
            ("Ovezov", "Öwezow", "Ovezova", "Öwezowa"),
            ("Berdiyev", "Berdiýew", "Berdiyeva", "Berdiýewa"),
            ("Orazov", "Orazow", "Orazova", "Orazowa"),
            ("Hojayev", "Hojaýew", "Hojayeva", "Hojaýewa"),
            ("Durdyyev", "Durdyýew", "Durdyyeva", "Durdyýewa"),
            ("Atayev", "Ataýew", "Atayeva", "Ataýewa"),
            ("Charyyev", "Çaryýew", "Charyyeva", "Çaryýewa"),
        ],
    },
    "AF": {
        "order": "given",
        "male": [
            ("Ahmad", "احمد"), ("Mohammad", "محمد"), ("Farid", "فرید"), ("Hamid", "حمید"),
            ("Jawad", "جواد"), ("Naweed", "نوید"), ("Sohail", "سهیل"), ("Wahid", "وحید"),
            ("Zabihullah", "ذبیح‌الله"), ("Rahmatullah", "رحمت‌الله"),
        ],
        "female": [
            ("Mariam", "مریم"), ("Fatima", "فاطمه"), ("Zahra", "زهرا"), ("Shabnam", "شبنم"),
            ("Mursal", "مرسل"), ("Parwana", "پروانه"),
        ],
        "surnames": [
            ("Ahmadi", "احمدی", "Ahmadi", "احمدی"),
            ("Rahimi", "رحیمی", "Rahimi", "رحیمی"),
            ("Karimi", "کریمی", "Karimi", "کریمی"),
            ("Haidari", "حیدری", "Haidari", "حیدری"),
            ("Sultani", "سلطانی", "Sultani", "سلطانی"),
            ("Noori", "نوری", "Noori", "نوری"),
            ("Amiri", "امیری", "Amiri", "امیری"),
            ("Hakimi", "حکیمی", "Hakimi", "حکیمی"),
        ],
    },
    "IN": {
        "order": "given",
        "male": [
            ("Rahul", "राहुल"), ("Amit", "अमित"), ("Vikram", "विक्रम"), ("Arjun", "अर्जुन"),
            ("Rohit", "रोहित"), ("Sanjay", "संजय"), ("Karan", "करण"), ("Aditya", "आदित्य"),
        ],
        "female": [
            ("Priya", "प्रिया"), ("Anjali", "अंजलि"), ("Neha", "नेहा"), ("Pooja", "पूजा"),
            ("Kavya", "काव्या"), ("Sneha", "स्नेहा"),
        ],
        "surnames": [
            ("Sharma", "शर्मा", "Sharma", "शर्मा"), ("Verma", "वर्मा", "Verma", "वर्मा"),
            ("Gupta", "गुप्ता", "Gupta", "गुप्ता"), ("Singh", "सिंह", "Singh", "सिंह"),
            ("Yadav", "यादव", "Yadav", "यादव"), ("Patel", "पटेल", "Patel", "पटेल"),
            ("Kumar", "कुमार", "Kumari", "कुमारी"),
        ],
    },
    "PK": {
        "order": "given",
        "male": [
            ("Ali", "علی"), ("Usman", "عثمان"), ("Bilal", "بلال"), ("Hamza", "حمزہ"),
            ("Imran", "عمران"), ("Zain", "زین"),
        ],
        "female": [
            ("Ayesha", "عائشہ"), ("Sana", "ثنا"), ("Hira", "حرا"), ("Mahnoor", "ماہ نور"),
        ],
        "surnames": [
            ("Khan", "خان", "Khan", "خان"), ("Malik", "ملک", "Malik", "ملک"),
            ("Qureshi", "قریشی", "Qureshi", "قریشی"), ("Chaudhry", "چوہدری", "Chaudhry", "چوہدری"),
            ("Butt", "بٹ", "Butt", "بٹ"),
        ],
    },
}
# fmt: on
