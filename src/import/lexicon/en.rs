//! The English table. Lowercase; phrases are matched word by word.

use super::Lexicon;

/// What the importer knows about English.
#[rustfmt::skip]
pub static EN: Lexicon = Lexicon {
    tag: "en",
    stop_words: &[
        "the", "of", "and", "to", "in", "is", "for", "on", "with", "that", "by", "as", "at", "from",
        "this", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "their",
        "our", "we", "they", "he", "she", "his", "her", "will", "would", "which", "who", "an",
        "not", "or", "but", "also", "these", "those",
    ],
    months: &[
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
        ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
        ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9), ("october", 10),
        ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    ],
    weekdays: &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ],
    date_labels: &[
        "published", "published on", "first published", "release date", "date", "issued", "issued on", "released",
    ],
    speech_verbs: &[
        "said", "says", "say", "added", "adds", "noted", "notes", "stressed", "stresses",
        "explained", "explains", "emphasized", "emphasised", "emphasizes", "emphasises",
        "underlined", "underlines", "highlighted", "highlights", "stated", "states", "declared",
        "declares", "remarked", "remarks", "observed", "observes", "commented", "comments",
        "concluded", "concludes", "continued", "continues", "told", "warned", "warns", "affirmed",
        "affirms", "insisted", "insists", "recalled", "recalls", "announced", "announces",
        "acknowledged", "acknowledges", "urged", "urges", "asserted", "asserts", "argued", "argues",
        "indicated", "indicates", "reiterated", "reiterates", "underscored", "underscores",
        "summarized", "summarised", "replied", "responded", "explained", "pointed out",
        "points out", "went on", "goes on", "was quoted as saying", "writes", "wrote", "confirmed",
        "confirms", "adding", "saying", "noting", "stressing", "explaining", "warning",
        "concluding", "insisting", "emphasizing", "emphasising", "cautioned", "cautions",
        "vowed", "vows", "pledged", "admitted", "admits", "conceded", "recounted", "tweeted",
        "posted",
    ],
    verb_fillers: &[
        "has", "had", "have", "also", "then", "further", "later", "again", "once", "would", "will",
        "previously", "earlier", "recently", "added",
    ],
    according_to: &[
        "according to", "in the words of",
    ],
    inverted_pronouns: &[],
    pronouns: &[
        "he", "she",
    ],
    honorifics: &[
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor",
        "sir", "dame", "lord", "lady", "his excellency", "her excellency", "h.e.", "rev.", "hon.",
        "the honourable", "the honorable",
    ],
    roles: &[
        "executive director", "deputy executive director", "director-general", "director general",
        "deputy director-general", "deputy director general", "regional director", "director",
        "secretary general", "secretary-general", "deputy secretary-general",
        "deputy secretary general", "under-secretary-general", "assistant secretary-general",
        "executive secretary", "secretary of state", "secretary", "president", "vice president",
        "vice-president", "prime minister", "deputy prime minister", "minister", "deputy minister",
        "spokesperson", "spokesman", "spokeswoman", "ambassador", "high commissioner",
        "commissioner", "high representative", "special representative", "representative",
        "special envoy", "envoy", "chief executive officer", "chief executive", "ceo", "chief",
        "head", "chair", "chairman", "chairwoman", "chairperson", "coordinator", "prosecutor",
        "attorney general", "attorney-general", "judge", "mayor", "governor", "senator",
        "congressman", "congresswoman", "member of parliament", "adviser", "advisor", "founder",
        "co-founder", "administrator", "chancellor", "commander", "officer", "inspector general",
        "managing director", "general manager", "manager", "special rapporteur", "rapporteur",
        "king", "queen", "premier", "chief constable", "deputy chief constable",
        "assistant chief constable", "chief superintendent", "detective chief superintendent",
        "detective superintendent", "superintendent", "detective chief inspector",
        "detective inspector", "chief inspector", "inspector", "detective sergeant", "sergeant",
        "detective constable", "police constable", "constable", "sheriff", "police chief",
        "det. supt.", "det. supt", "det supt", "det. ch. supt.", "ch. supt.", "supt.", "supt",
        "det. insp.", "det. ch. insp.", "ch. insp.", "insp.", "det. sgt.", "sgt.", "det. con.",
        "dci", "dsupt", "analyst", "researcher", "campaigner", "lawyer", "economist",
    ],
    indefinites: &[
        "a", "an", "one",
    ],
    role_modifiers: &[
        "deputy", "acting", "interim", "former", "vice", "assistant", "senior",
    ],
    role_prepositions: &[
        "of", "for", "at", "to", "on",
    ],
    role_institutions: &[
        ("minister", "Ministry"), ("deputy minister", "Ministry"),
    ],
    org_words: &[
        "ministry", "office", "organization", "organisation", "agency", "commission", "council",
        "government", "bureau", "programme", "program", "fund", "bank", "union", "nations",
        "institute", "foundation", "committee", "department", "directorate", "service", "police",
        "parliament", "assembly", "court", "tribunal", "embassy", "association", "federation",
        "secretariat", "ngo", "company", "corporation", "group", "authority", "university",
        "centre", "center", "force", "administration", "board",
    ],
    org_connectors: &[
        "of", "for", "and", "on", "the", "against", "in", "&", "de",
    ],
    not_orgs: &[
        "ngo", "ceo", "cfo", "coo", "pdf", "tv", "ok", "usd", "eur", "gbp", "gmt", "utc", "am", "pm", "ii",
        "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xx", "xxi", "covid-19", "covid",
        "aids", "hiv", "faq", "url", "q&a", "ends", "i", "sevastopol", "simferopol", "mariupol",
        "melitopol", "tiraspol", "ternopol",
    ],
    org_names: &[
        "europol", "interpol", "eurojust", "frontex", "cepol", "enisa", "eurostat", "eurocontrol",
        "unicef", "unesco", "unaids", "unitaid", "unwomen", "gavi", "nato", "oxfam", "amnesty",
        "caritas", "fedpol", "ofcom", "ofgem", "ofsted", "ofwat", "asean", "mercosur", "ecowas",
    ],
    org_endings: &["pol"],
    determiners: &[
        "the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those",
        "your", "some", "any",
    ],
    partitives: &[],
    action_suffixes: &["ment", "tion", "sion", "ing", "ance", "ence"],
    name_particles: &[
        "de", "van", "von", "der", "den", "da", "di", "del", "della", "dos", "bin", "ben", "ibn", "ó", "ní",
        "al", "el", "le", "la", "ter", "ten",
    ],
    boilerplate: &[
        "press release", "news release", "for immediate release", "media advisory", "media release",
        "press statement", "statement", "news", "newsroom", "embargoed",
    ],
    more_info_headings: &[
        "for more information", "for further information", "more information",
        "further information", "for more details", "more details", "related links", "useful links",
        "links", "see also", "resources", "learn more", "find out more", "media contact",
        "media contacts", "press contact", "press contacts", "contact", "contacts",
        "for media enquiries", "for media inquiries", "media enquiries", "media inquiries",
        "read more",
    ],
    end_headings: &[
        "about", "notes to editors", "note to editors", "editor's note", "editors' note",
        "notes for editors", "background", "ends", "end",
    ],
    photo_cues: &[
        "photo", "photo credit", "©", "credit", "caption", "image", "pictured",
    ],
    event_cues: &[
        "on the sidelines of", "on the margins of", "on the margin of", "at the", "at a", "at an",
        "during the", "during a", "during an", "on the occasion of", "as part of",
        "in the framework of", "in the context of", "at its",
    ],
    event_nouns: &[
        "session", "conference", "summit", "meeting", "forum", "event", "ceremony", "assembly",
        "congress", "symposium", "workshop", "convention", "week", "expo", "festival", "dialogue",
        "round table", "roundtable", "seminar", "gathering", "visit", "launch", "commission",
        "consultation", "signing", "exhibition", "day", "talks",
    ],
    time_words: &[
        "today", "yesterday", "tomorrow", "this week", "this morning", "tonight",
    ],
    place_cues: &[
        "held in", "taking place in", "took place in", "hosted in", "convened in", "met in",
        "gathered in", "which took place in", "being held in", "to be held in",
    ],
    context_cues: &[
        "during", "at", "in his", "in her", "in a", "in an", "in the", "before", "while", "when",
        "speaking at", "speaking to", "on the sidelines", "as he", "as she", "opening", "closing",
        "addressing", "in remarks", "in response",
    ],
    cooperation_cues: &[
        "work together on", "work together to", "work together against", "will work together on",
        "worked together on", "working together on", "cooperate on", "cooperate in",
        "cooperate against", "co-operate on", "collaborate on", "collaborate in", "cooperation on",
        "cooperation in", "co-operation on", "cooperation against", "collaboration on",
        "collaboration in", "partnership on", "partnership in", "partnership against",
        "joint efforts against", "joint efforts on", "joint action against",
        "joint operations against", "expand our cooperation", "expand their cooperation",
        "expand cooperation", "strengthen our cooperation", "strengthen their cooperation",
        "strengthen cooperation", "deepen cooperation", "deepen our cooperation",
        "deepen their cooperation", "step up cooperation", "include", "includes", "included",
        "will include", "cover", "covers", "will cover", "focus on", "focuses on", "will focus on",
        "areas of cooperation", "following areas", "fields of cooperation", "jointly combat",
        "jointly tackle", "jointly address", "together to combat", "together to tackle",
        "together to fight", "together against", "join forces against", "join forces to",
        "joined forces against", "joined forces to", "combat", "tackle", "fight against",
        "strengthen cooperation on", "strengthen their cooperation on",
        "strengthen our cooperation on", "deepen cooperation on", "deepen their cooperation on",
        "step up cooperation on", "will cooperate on", "agreed to cooperate on",
    ],
    threat_cues: &[
        "threats", "threat", "dangers", "danger", "scourges", "scourge", "risks", "challenges",
        "menaces",
    ],
    emerging_words: &[
        "emerging", "new", "newly", "evolving", "emergent", "nascent", "new and emerging", "novel",
    ],
    list_intros: &[
        "including", "such as", "like", "namely", "notably", "posed by", "from", "of",
        "in particular", "especially", "which include", "which includes", "among them",
        "ranging from", "linked to", "related to", "include", "includes", "included",
        "that include", "that includes",
    ],
    list_connectors: &[
        "and", "as well as", "or", "along with", "plus", "and also",
    ],
    focus_words: &[
        "against", "to combat", "to fight", "to counter", "to tackle", "to address", "to prevent",
        "fight against", "in the fight against", "in the field of", "in the fields of",
        "in the area of", "in the areas of", "on countering", "countering", "combating",
        "combatting", "tackling",
    ],
    list_stoppers: &[
        "which", "that", "who", "whose", "is", "are", "was", "were", "has", "have", "had", "will",
        "would", "can", "could", "should", "must", "said", "says", "he", "she", "it", "they", "we",
        "you", "according", "while", "whereas", "because", "since", "where", "when", "so", "but",
    ],
    list_drops: &[
        "among others", "amongst others", "among other things", "etc", "etc.", "and more",
        "and others", "inter alia", "among other activities", "and so on",
    ],
    item_fillers: &[
        "also", "notably", "particularly", "especially", "in particular", "further", "additionally",
        "finally", "more recently",
    ],
    pair_words: &[
        "between", "both",
    ],
    fixed_phrases: &[
        "search and rescue", "research and development", "drugs and crime", "drug and crime",
        "law and order", "peace and security", "health and safety", "monitoring and evaluation",
        "command and control", "supply and demand", "justice and home affairs", "oil and gas",
        "mergers and acquisitions", "small and medium-sized", "small and medium",
        "bosnia and herzegovina", "trinidad and tobago", "antigua and barbuda",
        "saint kitts and nevis", "sao tome and principe", "saint vincent and the grenadines",
        "heard and mcdonald", "turks and caicos", "wallis and futuna",
        "prevention and control", "preparedness and response", "water and sanitation",
        "arms and ammunition",
    ],
    bullet_cues: &[
        "commit to", "commits to", "committed to", "will", "shall", "agree to", "agreed to",
        "undertake to", "undertook to", "pledge to", "pledged to", "aim to", "aims to",
        "are to", "will also", "will jointly", "plan to", "plans to", "intend to",
    ],
    complementizers: &[
        "that",
    ],
    title_cues: &[
        "report", "entitled", "titled", "called", "dubbed", "named", "campaign", "operation",
        "programme", "program", "project", "initiative", "publication", "book", "film",
        "exhibition", "slogan", "theme", "motto", "hashtag", "app", "platform", "journal",
        "magazine", "newsletter", "so-called", "term",
    ],
    abbreviations: &[
        "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "etc.", "p.", "no.", "vol.", "art.", "inc.",
        "ltd.", "co.", "corp.", "jr.", "sr.", "vs.", "e.g.", "i.e.", "u.s.", "u.k.", "u.n.", "jan.",
        "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
        "hon.", "rev.", "gen.", "col.", "lt.", "h.e.", "approx.", "det.", "supt.", "insp.", "sgt.",
        "ch.", "con.", "cmdr.", "capt.", "maj.", "sen.", "rep.", "gov.",
    ],
    other_speakers: "Other speakers",
    organisation_role: "the organisation itself",
};
