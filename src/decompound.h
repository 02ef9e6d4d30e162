/* decompound.h: a compound word as the words it is made of
 * ("spiegelserver" -> "spiegel" + "server", "versionsnummer" -> "version" +
 * "nummer"), in the manner of a dictionary decompounder: the caller says
 * which parts count as words.
 *
 * Two uses: a question's word the index lacks searched as two words it
 * holds (decompound()), and, at index time, a text's compound of a
 * compounding language posted with its parts (decompound_parts()), so that
 * a question's simple word ("Platte") meets the FAQ's compound
 * ("Festplatte"). A language compounds when its stopwords.txt says so:
 *
 *   !compounds s es       the linking elements that may end a part ("s":
 *                         "Versions|nummer"); the line alone: none
 *   !plurals e en n er    the endings of a noun's plural ("Reich|e",
 *                         "Nummer|n"): a noun the dictionary lists with
 *                         none of them, a name or a mass noun
 *                         ("Frankreich"), is no kind of a head that takes
 *                         one ("Reich"); the line absent: not asked
 *   !suffixes schaft ...  the endings that derive a noun ("Gemein|schaft",
 *                         "Kombin|ation"): a listed noun's head is never
 *                         the suffix, nor the suffix with its base's last
 *                         letter ("Schaft", "Nation"); absent: not asked
 *   !listed 10            a language that writes its nouns in lower case
 *                         (Dutch, Swedish), so that no noun test tells a
 *                         listed compound ("fietsenstalling") from a
 *                         listed word that splits by chance: a listed word
 *                         of this many letters or more is read as a
 *                         compound of its words; absent: none is
 *
 * In the Germanic languages a compound's last part, its head, names what
 * the compound is (a "Festplatte" is a "Platte"); the parts before it only
 * narrow it down. */
#ifndef FAQ_DECOMPOUND_H
#define FAQ_DECOMPOUND_H

#include <stddef.h>

#define DECOMPOUND_MIN_PART 4   /* code points of the shortest part */
#define DECOMPOUND_MAX_PARTS 4  /* a longer split is rather a misreading */
#define DECOMPOUND_MAX_LINKS 8
#define DECOMPOUND_LINK_BYTES 7
#define DECOMPOUND_MAX_SUFFIXES 24

/* The terms a compound's parts are posted under at index time beside the
 * compound's own: the mark, then the part's term ("^platt" for
 * "Festplatte", "<fest"). Terms no text spells (a token is letters,
 * marks and digits), so that a search weighs a part apart from a word. */
#define PART_HEAD_MARK '^'
#define PART_MODIFIER_MARK '<'
/* ... and the heads of a compound its language's dictionary lists as a
 * word of its own ("Tischkreissäge": ">kreissag", ">sag"), a surer word
 * than its parts and so read as a compound only for its heads; in a
 * language that says "!listed", every part of such a compound
 * ("fietsenstalling": ">fiets", ">stalling"), so that one weight is the
 * rule's. */
#define PART_LISTED_HEAD_MARK '>'

/* Is (w, n) a word? 0: no; 1: yes, one that may be a compound; 2: yes, a
 * word of its own that is not split further (decompound_parts(): a
 * dictionary's word that it reads as no compound). ctx is the caller's. */
typedef int (*decompound_has_fn)(void *ctx, const char *w, size_t n);

typedef struct decompound_split {
    size_t head_len;            /* the first part is word[0 .. head_len) */
    size_t tail_off;            /* the rest is word[tail_off .. len): past a linking
                                   "s" or "-" when the first part ends there */
} decompound_split;

/* The split of word (valid UTF-8, len bytes) whose two parts are words by
 * has(), the longest first part first; a linking "s" ("Versions|nummer")
 * or hyphen between them is dropped. Returns 1 with *out filled, 0 if
 * none. */
int decompound(const char *word, size_t len, decompound_has_fn has, void *ctx,
               decompound_split *out);

/* As decompound(), for a word typed as one that is two words written
 * apart or with a hyphen ("wifi" for "Wi-Fi"), which may be short: parts
 * of min_part code points at least (1 when 0), nothing between them. */
int decompound_apart(const char *word, size_t len, size_t min_part, decompound_has_fn has,
                     void *ctx, decompound_split *out);

/* Whether a language compounds, its linking elements, and its nouns'
 * plural endings. */
typedef struct decompound_links {
    int on;                     /* a "!compounds" line was read */
    int n;
    char link[DECOMPOUND_MAX_LINKS][DECOMPOUND_LINK_BYTES + 1];   /* NUL-ended */
    int n_plural;               /* of the "!plurals" lines */
    char plural[DECOMPOUND_MAX_LINKS][DECOMPOUND_LINK_BYTES + 1];
    int n_suffix;               /* of the "!suffixes" lines */
    char suffix[DECOMPOUND_MAX_SUFFIXES][DECOMPOUND_LINK_BYTES + 1];
    int listed_min;             /* of the "!listed" line: code points; 0 none */
} decompound_links;

/* The "!compounds", "!plurals", "!suffixes" and "!listed" lines of text (a
 * stopwords.txt, NUL-ended) into r, which starts zeroed; a second line
 * adds to the first. An element longer than DECOMPOUND_LINK_BYTES, or past
 * DECOMPOUND_MAX_LINKS (DECOMPOUND_MAX_SUFFIXES), is passed over. */
void decompound_links_parse(decompound_links *r, const char *text);

typedef struct decompound_part {
    size_t off, len;            /* word[off .. off + len) */
} decompound_part;

/* The parts of word (valid UTF-8, len bytes), each a word by has() of
 * DECOMPOUND_MIN_PART code points at least, a linking element of links
 * after a part dropped ("Versions|nummer"), into out (cap parts) in the
 * word's order: the last is the head. A part that has() says may be a
 * compound is split again where it splits, and so is a word of its own as
 * long as links' "!listed" says (a dictionary that lists compounds:
 * "syge|sikringskort" is "syge|sikrings|kort"), but not where its head
 * would be a derivational suffix ("tilladelse", not "tillad|else"). Of the readings, the one
 * with the fewest parts left as compounds has() cannot split
 * ("Paket|auswahl", not "Paketau|swahl"), then with the fewest parts
 * ("Fehler|behebung", not "Fehl|erbe|hebung"), then with the fewest parts
 * ending in a derivational suffix of links with no linking element before
 * the next ("sundhed|s|kort", not "sundhed|skort"), then with the longest
 * last part ("Datei|endung", not "Dateien|dung"). Returns how many (2 or
 * more), or 0 when the word does not split, or splits into more than cap
 * or DECOMPOUND_MAX_PARTS. */
size_t decompound_parts(const char *word, size_t len, const decompound_links *links,
                        decompound_has_fn has, void *ctx, decompound_part *out, size_t cap);

/* The length of word (len bytes) without the linking element of links it
 * ends in ("Antrags" of "Antrags|formular": "Antrag"), its first part of
 * DECOMPOUND_MIN_PART code points at least; len when none. A dictionary
 * reads such a part as the word it is ("Antrags", a genitive) where the
 * compound's first word is the one without it. */
size_t decompound_unlinked(const char *word, size_t len, const decompound_links *links);

/* Is the group of a split's parts first .. last (indices, inclusive) a
 * word? ctx is the caller's. */
typedef int (*decompound_group_fn)(void *ctx, size_t first, size_t last);

/* The dictionary's parts of a compound (n of them, from decompound_parts())
 * grouped into two or more runs of adjacent parts, each run a word by
 * held(): a dictionary splits a compound into its finest parts, down into
 * a part it holds only as a compound ("Wohnsitz|bescheinigung" is
 * "Wohn|sitz|bescheinigung"), where a FAQ says the coarser word. Of the
 * groupings, with coarse set the one with the fewest groups first
 * ("Meldebescheinigung|gebühr" before "Melde|bescheinigung|gebühr"), else
 * the one with the most; then the longest last group. Into last_of[i]
 * the index of group i's last part; returns how many groups, 0 when no
 * grouping holds. */
size_t decompound_group(size_t n, int coarse, decompound_group_fn held, void *ctx,
                        size_t *last_of);

/* Where in word (lower case, len bytes) a head may start at most: at the
 * letter before the derivational suffix of links it ends in, itself
 * maybe followed by a plural ending or a linking element
 * ("Gemeinschaft|en"), or len when it ends in none. A head from there on
 * is the suffix read as a word ("Gemein|schaft", "Kombi|nation"). */
size_t decompound_suffix_cut(const char *word, size_t len, const decompound_links *links);

#endif
