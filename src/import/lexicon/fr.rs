//! The French table. Lowercase; phrases are matched word by word, elisions ("d'", "l'")
//! being words of their own.

use super::Lexicon;

/// What the importer knows about French.
#[rustfmt::skip]
pub static FR: Lexicon = Lexicon {
    tag: "fr",
    stop_words: &[
        "le", "la", "les", "l'", "de", "des", "du", "d'", "un", "une", "et", "est", "en", "dans",
        "pour", "que", "qui", "sur", "avec", "par", "au", "aux", "ce", "cette", "ces", "il", "elle",
        "ils", "elles", "nous", "vous", "sont", "ont", "été", "plus", "pas", "ne", "se", "sa",
        "son", "ses", "leur", "leurs", "qu'", "n'", "s'", "à", "où", "mais", "ou", "aussi", "entre",
        "comme", "notre", "nos",
    ],
    months: &[
        ("janvier", 1), ("janv", 1), ("février", 2), ("fevrier", 2), ("févr", 2), ("fév", 2),
        ("mars", 3), ("avril", 4), ("avr", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("juil", 7),
        ("août", 8), ("aout", 8), ("septembre", 9), ("sept", 9), ("octobre", 10), ("oct", 10),
        ("novembre", 11), ("nov", 11), ("décembre", 12), ("decembre", 12), ("déc", 12),
    ],
    weekdays: &[
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    date_labels: &[
        "publié le", "publié", "date de publication", "date", "diffusé le", "communiqué du",
    ],
    speech_verbs: &[
        "dit", "déclaré", "noté", "expliqué", "conclu", "souligné", "ajouté", "affirmé", "indiqué",
        "précisé", "rappelé", "estimé", "insisté", "poursuivi", "commenté", "assuré", "observé",
        "annoncé", "averti", "reconnu", "confié", "répondu", "résumé", "martelé", "lancé", "relevé",
        "témoigné", "plaidé", "insisté", "déclare", "note", "explique", "conclut", "souligne",
        "ajoute", "affirme", "indique", "précise", "rappelle", "estime", "insiste", "poursuit",
        "commente", "assure", "observe", "annonce", "avertit", "reconnaît", "confie", "répond",
        "résume", "martèle", "lance", "relève", "témoigne", "plaide", "déclarait", "expliquait",
        "ajoutait", "soulignait", "disait", "notait", "affirmait", "fait valoir", "fait remarquer",
        "fait savoir", "mis en garde", "met en garde", "ajouter", "déclarer", "souligner",
        "préciser", "expliquer", "rappeler", "affirmer", "indiquer", "conclure", "insister",
        "dénoncé", "dénonce", "salué", "salue", "regretté", "regrette", "prévenu", "prévient",
        "confirmé", "confirme", "répété", "répète", "détaillé", "détaille", "promis", "promet",
        "écrit", "raconté", "raconte", "considéré", "considère", "jugé", "alerté",
        "félicité", "réagi", "réagit", "déploré", "déplore", "interpellé",
    ],
    verb_fillers: &[
        "a", "avait", "aurait", "ont", "avaient", "aussi", "également", "encore", "ensuite",
        "alors", "enfin", "notamment", "quant", "pour", "part", "sa", "son", "côté", "lui",
    ],
    according_to: &[
        "selon", "d'après", "aux dires de", "pour",
    ],
    inverted_pronouns: &[
        "-t-il", "-t-elle", "-il", "-elle",
    ],
    pronouns: &[
        "il", "elle",
    ],
    honorifics: &[
        "m.", "mme", "mme.", "mlle", "mlle.", "mm.", "dr", "dr.", "docteur", "pr", "pr.",
        "professeur", "professeure", "son excellence", "s.e.", "s. e.", "mgr", "monsieur", "madame",
    ],
    roles: &[
        "directeur exécutif", "directrice exécutive", "directeur général", "directrice générale",
        "directeur général adjoint", "directrice générale adjointe", "directeur régional",
        "directrice régionale", "directeur", "directrice", "secrétaire général",
        "secrétaire générale", "secrétaire général adjoint", "secrétaire générale adjointe",
        "secrétaire exécutif", "secrétaire exécutive", "secrétaire d'état",
        "président-directeur général", "pdg", "président", "présidente", "vice-président",
        "vice-présidente", "premier ministre", "première ministre", "ministre", "ministre délégué",
        "ministre déléguée", "porte-parole", "ambassadeur", "ambassadrice", "haut-commissaire",
        "haute-commissaire", "haut commissaire", "commissaire", "haut représentant",
        "haute représentante", "représentant spécial", "représentante spéciale", "représentant",
        "représentante", "envoyé spécial", "envoyée spéciale", "chef", "cheffe", "responsable",
        "coordonnateur", "coordonnatrice", "coordinateur", "coordinatrice", "procureur",
        "procureure", "procureur général", "juge", "maire", "gouverneur", "gouverneure", "préfet",
        "préfète", "sénateur", "sénatrice", "député", "députée", "conseiller", "conseillère",
        "fondateur", "fondatrice", "administrateur", "administratrice", "chancelier", "chancelière",
        "commandant", "commandante", "chef d'état-major", "officier", "inspecteur général",
        "inspectrice générale", "délégué général", "déléguée générale", "rapporteur spécial",
        "rapporteuse spéciale",
    ],
    indefinites: &[
        "un", "une",
    ],
    role_modifiers: &[
        "adjoint", "adjointe", "délégué", "déléguée", "intérimaire", "ancien", "ancienne", "vice",
    ],
    role_prepositions: &[
        "de", "du", "des", "d'", "auprès", "pour", "à",
    ],
    role_institutions: &[
        ("ministre", "ministère"), ("ministre délégué", "ministère"),
    ],
    org_words: &[
        "ministère", "office", "organisation", "agence", "commission", "conseil", "gouvernement",
        "bureau", "programme", "fonds", "banque", "union", "nations", "institut", "fondation",
        "comité", "département", "direction", "service", "police", "gendarmerie", "parlement",
        "assemblée", "cour", "tribunal", "ambassade", "association", "fédération", "secrétariat",
        "ong", "entreprise", "société", "préfecture", "mairie", "académie", "université", "centre",
        "observatoire", "autorité", "haut-commissariat",
    ],
    org_connectors: &[
        "de", "du", "des", "d'", "l'", "la", "le", "les", "et", "pour", "sur", "contre", "en",
        "aux", "à",
    ],
    not_orgs: &[
        "ong", "pdg", "pdf", "tv", "ok", "usd", "eur", "ht", "ttc", "nb", "ps", "tél", "fax", "ii", "iii",
        "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xx", "xxi", "covid-19", "covid", "sida",
        "vih", "sébastopol", "simferopol", "marioupol", "mélitopol", "tiraspol",
    ],
    org_names: &[
        "europol", "interpol", "eurojust", "frontex", "cepol", "enisa", "eurostat", "eurocontrol",
        "unicef", "unesco", "onusida", "unitaid", "gavi", "otan", "oxfam", "amnesty", "caritas",
        "fedpol", "tracfin", "ofast", "cnil", "arcom", "anssi", "asean", "mercosur",
        "cédéao",
    ],
    org_endings: &["pol"],
    determiners: &[
        "le", "la", "les", "l'", "un", "une", "des", "du", "son", "sa", "ses", "leur", "leurs",
        "notre", "nos", "votre", "vos", "ce", "cet", "cette", "ces", "au", "aux", "de la", "de l'",
        "d'",
    ],
    partitives: &[
        "des", "du",
    ],
    action_suffixes: &["ment", "tion", "sion", "age"],
    name_particles: &[
        "de", "du", "des", "d'", "van", "von", "der", "den", "da", "di", "del", "della", "dos",
        "bin", "ben", "ibn", "al", "el", "ter", "ten", "la", "le",
    ],
    boilerplate: &[
        "communiqué de presse", "communiqué", "pour diffusion immédiate",
        "pour publication immédiate", "diffusion immédiate", "avis aux médias",
        "information presse", "dossier de presse", "actualités", "salle de presse",
    ],
    more_info_headings: &[
        "plus d'informations", "pour plus d'informations", "plus d'information",
        "pour plus d'information", "pour en savoir plus", "en savoir plus",
        "informations complémentaires", "liens utiles", "liens", "voir aussi", "ressources",
        "contact presse", "contacts presse", "contact médias", "contacts médias",
        "pour tout renseignement", "renseignements", "pour toute information",
    ],
    end_headings: &[
        "à propos de", "à propos", "note aux rédactions", "notes aux rédactions",
        "note aux rédacteurs", "note à l'intention des rédactions", "fin", "fin du communiqué",
    ],
    photo_cues: &[
        "photo", "crédit photo", "crédits photo", "©", "légende", "image",
    ],
    event_cues: &[
        "en marge de", "en marge du", "en marge des", "lors de", "lors d'", "lors du", "lors des",
        "à l'occasion de", "à l'occasion du", "à l'occasion des", "au cours de", "au cours du",
        "au cours des", "pendant", "durant", "dans le cadre de", "dans le cadre du",
        "dans le cadre des",
    ],
    event_nouns: &[
        "session", "conférence", "sommet", "réunion", "forum", "événement", "évènement",
        "cérémonie", "assemblée", "congrès", "symposium", "colloque", "atelier", "salon", "semaine",
        "table ronde", "rencontre", "séminaire", "journée", "visite", "commission", "consultation",
        "dialogue", "festival", "exposition", "lancement", "signature",
    ],
    time_words: &[
        "aujourd'hui", "hier", "demain", "cette semaine", "ce matin", "ce jour", "ce soir",
        "cet après-midi",
    ],
    place_cues: &[
        "s'est tenu à", "s'est tenue à", "se tient à", "se tiendra à", "tenu à", "tenue à",
        "organisé à", "organisée à", "réunis à", "réunies à", "s'est déroulé à", "s'est déroulée à",
        "se déroule à",
    ],
    context_cues: &[
        "lors de", "lors d'", "lors du", "lors des", "pendant", "durant", "au cours de",
        "au cours du", "au cours d'", "dans son", "dans sa", "dans ses", "dans un", "dans une",
        "devant", "à l'occasion", "en marge", "à la fin", "en ouvrant", "en clôturant",
        "en présentant", "en conclusion", "en conférence", "en réponse",
    ],
    cooperation_cues: &[
        "combattent", "combattront", "luttent contre", "lutteront contre", "coopèrent sur",
        "coopèrent dans", "coopèrent en matière de", "coopéreront sur", "coopéreront dans",
        "collaborent sur", "collaborent dans", "collaboreront sur", "travaillent ensemble sur",
        "travaillent ensemble contre", "travailleront ensemble sur", "travailler ensemble sur",
        "travailleront ensemble contre", "coopération sur", "coopération dans",
        "coopération en matière de", "coopération contre", "coopération dans les domaines",
        "collaboration sur", "collaboration dans", "collaboration en matière de", "partenariat sur",
        "partenariat dans", "partenariat en matière de", "partenariat contre",
        "étendre notre coopération", "étendre leur coopération", "étendre la coopération",
        "renforcer notre coopération", "renforcer leur coopération", "renforcer la coopération",
        "approfondir notre coopération", "approfondir leur coopération",
        "intensifier leur coopération", "intensifier notre coopération", "incluent", "comprennent",
        "englobent", "englobe", "couvre", "couvrent", "couvrira", "couvriront", "portent sur",
        "porte sur", "portera sur", "porteront sur", "domaines de coopération", "domaines suivants",
        "s'engagent à", "efforts conjoints contre", "efforts communs contre",
        "actions conjointes contre", "opérations conjointes contre", "se concentrera sur",
        "se concentreront sur", "travailler ensemble pour", "travailleront ensemble pour",
        "coopérer sur", "coopérer dans", "coopérer en matière de", "collaborer sur",
        "coopéreront en matière de", "collaboreront en matière de", "collaborent en matière de",
        "travailleront en matière de", "sont convenus de renforcer", "sont convenues de renforcer",
        "ont convenu de renforcer", "sont convenus d'intensifier", "ont décidé de renforcer",
        "se sont engagés à renforcer", "s'engagent à renforcer",
    ],
    threat_cues: &[
        "menaces", "menace", "dangers", "danger", "fléaux", "fléau", "risques", "défis",
        "s'inquiètent notamment", "s'inquiètent", "s'inquiète notamment", "s'inquiète",
    ],
    emerging_words: &[
        "émergentes", "émergente", "émergents", "émergent", "nouvelles", "nouveaux", "nouvelle",
        "nouveau", "naissantes", "naissante", "en émergence", "nouvelles formes",
    ],
    list_intros: &[
        "y compris", "notamment", "tels que", "telles que", "tel que", "telle que", "comme",
        "à savoir", "posées par", "posée par", "posés par", "posé par", "liées à", "liée à",
        "liés à", "lié à", "que représentent", "de", "du", "des", "d'", "comprenant",
        "parmi lesquelles", "parmi lesquels", "dont", "incluent", "comprennent", "englobent",
    ],
    list_connectors: &[
        "et", "ainsi que", "ou", "de même que", "mais aussi", "et aussi",
    ],
    focus_words: &[
        "contre", "lutte contre", "lutter contre", "combattre", "face à", "face aux",
        "en matière de", "dans le domaine de", "dans le domaine du", "dans les domaines de",
        "dans les domaines du",
    ],
    list_stoppers: &[
        "qui", "que", "qu'", "n'", "ne", "est", "sont", "a", "ont", "sera", "seront", "était",
        "étaient", "va", "vont", "peut", "peuvent", "doit", "doivent", "dont", "lesquels",
        "lesquelles", "afin", "car", "selon", "a-t-il", "a-t-elle", "explique", "ajoute",
        "souligne", "déclare", "il", "elle", "ils", "elles", "nous", "vous", "on",
    ],
    list_drops: &[
        "entre autres", "entre autres activités", "entre autres choses", "etc", "etc.", "et cetera",
        "parmi d'autres", "et bien d'autres", "parmi d'autres activités",
    ],
    item_fillers: &[
        "également", "notamment", "aussi", "surtout", "en particulier", "particulièrement",
        "plus particulièrement", "enfin", "encore",
    ],
    pair_words: &[
        "entre", "à la fois",
    ],
    fixed_phrases: &[
        "recherche et sauvetage", "recherche et développement", "drogue et le crime",
        "drogue et crime", "drogues et le crime", "paix et la sécurité", "paix et sécurité",
        "santé et sécurité", "hygiène et sécurité", "suivi et évaluation", "suivi et l'évaluation",
        "offre et la demande", "offre et demande", "justice et affaires intérieures",
        "petites et moyennes", "ordre et sécurité", "liberté et sécurité",
        "prévention et la lutte", "prévention et lutte", "saint-kitts-et-nevis",
        "armes et munitions",
    ],
    bullet_cues: &[
        "s'engagent à", "s'engage à", "se sont engagés à", "se sont engagées à", "s'est engagé à",
        "s'est engagée à", "vont", "va", "prévoit", "prévoient", "prévoit de", "prévoient de",
        "visent à", "vise à", "ont convenu de", "conviennent de", "devront", "s'attacheront à",
        "s'emploieront à",
    ],
    complementizers: &[
        "que", "qu'",
    ],
    title_cues: &[
        "rapport", "intitulé", "intitulée", "intitulés", "intitulées", "baptisé", "baptisée",
        "appelé", "appelée", "dénommé", "dénommée", "campagne", "opération", "programme", "projet",
        "initiative", "publication", "ouvrage", "livre", "film", "exposition", "slogan", "thème",
        "titre", "label", "plateforme", "application", "journal", "revue",
    ],
    abbreviations: &[
        "m.", "mm.", "mme.", "mlle.", "dr.", "pr.", "etc.", "p.", "st.", "ste.", "no.", "vol.",
        "art.", "cf.", "env.", "mr.", "mrs.", "ms.", "av.", "apr.", "j.-c.", "janv.", "févr.",
        "avr.", "juil.", "sept.", "oct.", "nov.", "déc.", "s.e.",
    ],
    other_speakers: "Autres intervenants",
    organisation_role: "l'organisation elle-même",
};
