/* lemma.h: what a language's general dictionary (Hunspell's, as the system
 * installs it) says of a word: whether it is a word of the language at all,
 * and its lemma ("muere" -> "morir", "peux" -> "pouvoir"). The search weighs a
 * question's word the FAQ lacks by it: a word of the language is an ordinary
 * word the FAQ happens not to use, a non-word (a slip, a name, a code) is
 * more telling.
 *
 * Ownership: any number of threads may share a lexicon: Hunspell keeps
 * scratch state, so its calls take the lexicon's lock one at a time, and
 * the verdicts of lexicon_knows() and lexicon_is_name() and Hunspell's
 * readings of a word (the stems and analyses lemmas are picked from) are
 * remembered per word (a bounded memory), since a dictionary load and a
 * Hunspell verdict are dear and the words asked about repeat. A dictionary is loaded once
 * per process and stays loaded: lexicon_open() of the same language again
 * (the next index the server swaps in) gives the same lexicon, and
 * lexicon_free() only lets it go (it accepts NULL), until
 * lexicon_unload_unused().
 * Words go in and out as UTF-8, case-folded; results are copied into the
 * caller's buffer. A word the dictionary lacks as typed is asked again with
 * its language pack's letters typed as two read (digraph.h: German
 * "Gebuehr" as "Gebühr"), as the analyzer reads it. */
#ifndef FAQ_LEMMA_H
#define FAQ_LEMMA_H

#include <stddef.h>

#include "analyze.h"
#include "decompound.h"

typedef struct lexicon lexicon;

/* The dictionary of language code lang ("es"): <lang>_<LANG>.dic under dir,
 * else the first <lang>_*.dic there. dir NULL: resources_hunspell_dir() (an
 * empty one: no dictionaries, for hermetic tests).
 * Returns 0 with *out set, NULL when there is none (a lexicon is optional),
 * or -1 when memory ran out. */
int lexicon_open(const char *lang, const char *dir, lexicon **out);
void lexicon_free(lexicon *lx);

/* Unload the dictionaries every lexicon_open() of which has been let go:
 * for a process that will not ask for them again (an index build, once
 * its words have their verdicts), since one is ten to twenty megabytes. */
void lexicon_unload_unused(void);

/* The file <prefix><lang>_<LANG><suffix> under dir ("es_ES.dic"), else the
 * one of the language's home country where that is another ("sv_SE.dic"),
 * else the first by name of <prefix><lang>_*<suffix> ("en_US.dic"): its
 * path into out.
 * Returns 0, or -1 when there is none. For the system's dictionaries and
 * thesauri alike, which are named by language and region. */
int lexicon_find_file(const char *dir, const char *prefix, const char *lang, const char *suffix,
                      char *out, size_t cap);

/* What names the dictionary lexicon_open(lang, NULL, ...) would load:
 * its files' paths, sizes and times, into out (cap bytes, NUL-terminated),
 * so that verdicts kept from it (spellings.h) are known to be its. Returns
 * 0, or -1 when there is none (or it does not fit). */
int lexicon_stamp(const char *lang, char *out, size_t cap);

/* Whether the dictionary is asked of a number (digits alone): 1 where it
 * might read one as a word or form of its own (a root, an affix or a
 * conversion with a digit: English's "1st"), 0 where its verdicts on
 * numbers are told without it. Read from its files when it loads. */
int lexicon_asks_numbers(const lexicon *lx);

/* 1 if word (len bytes) is a word of the language, as written or
 * capitalised, else 0. A number (digits alone) is, by Hunspell's rule. */
int lexicon_knows(lexicon *lx, const char *word, size_t len);

/* 1 if the dictionary holds word as one word of its own (it gives a stem),
 * 0 if not, or only as a compound of its words ("Spiegelserver"). */
int lexicon_is_simple(lexicon *lx, const char *word, size_t len);

/* The parts of word (lower case, len bytes) of a language whose linking
 * elements are links (decompound_parts()), each a word the dictionary
 * knows: into out (cap parts), the head last. A word the dictionary holds
 * on its own ("Bestandteil", "vollständig", "erstellen" read as "erst" +
 * "ellen") is no compound of its parts, even where they are words: 0, as
 * for a word that does not split. */
size_t lexicon_compound_parts(lexicon *lx, const decompound_links *links, const char *word,
                              size_t len, decompound_part *out, size_t cap);

/* The two parts of word (lower case, len bytes) of a language whose
 * linking elements are links where the dictionary reads it only as a
 * compound of parts it holds for compounds alone ("Elektroauto": de_DE
 * lists "Elektro" with compound flags only, so lexicon_compound_parts()
 * finds no word to split at): split before the last part Hunspell's
 * analysis names ("pa:auto"), or that of the word without one of links'
 * plural endings ("Elektrofahrzeug|e"), into out (cap, 2 at least), the
 * head last; a head of DECOMPOUND_MIN_PART code points or more. 0 when Hunspell
 * names none, when it reads the word as a word of its own, and when
 * lexicon_compound_parts() splits it (a compound of words: "Autoschlüssel").
 * A listed word of a language that says "!listed" is split as
 * lexicon_lowercase_listed_parts() splits it, into as many parts. */
size_t lexicon_flagged_compound_parts(lexicon *lx, const decompound_links *links,
                                      const char *word, size_t len, decompound_part *out,
                                      size_t cap);

/* The heads of word (lower case, len bytes), a noun the dictionary holds
 * on its own that is yet a compound of its words ending in a noun, in a
 * language whose linking elements are links and that capitalises its nouns
 * ("Tischkreissäge", listed as one word: "kreissäge" and "säge"): each
 * span from a part to the word's end that is a word, the longest first,
 * into out (cap). A listed word is no compound to lexicon_compound_parts(),
 * since many read falsely as one ("vollständig", "erstellen": no noun);
 * a noun of nouns names a kind of its head. A noun that takes none of
 * links' plural endings where its head is a noun that takes one is a name
 * ("Frankreich", no "Reich"): none. No head is links' derivational
 * suffix, nor the suffix with its base's last letter ("Gemeinschaft" no
 * "Schaft", "Kombination" no "Nation": decompound_suffix_cut()). Returns
 * how many, 0 when none. */
size_t lexicon_listed_compound_heads(lexicon *lx, const decompound_links *links,
                                     const char *word, size_t len, decompound_part *out,
                                     size_t cap);

/* The parts of word (lower case, len bytes), a word the dictionary holds
 * on its own, in a language whose pack says "!listed N" (it writes its
 * nouns in lower case, so no noun test tells a compound from a word that
 * splits by chance): where it has N code points or more and splits into
 * words the dictionary knows ("fietsenstalling": "fietsen" + "stalling",
 * "studentbostad"), its parts into out (cap, 2 at least), the head last.
 * No head is links' derivational suffix (decompound_suffix_cut()); a word
 * that takes none of links' plural endings where its head takes one is a
 * name or a word of its own: none. A form with an ending counts only as a
 * form of that word ("kortar" is "korta"'s, no plural of "kort"). Returns how many, 0 when none. */
size_t lexicon_lowercase_listed_parts(lexicon *lx, const decompound_links *links,
                                      const char *word, size_t len, decompound_part *out,
                                      size_t cap);

/* 1 if word (len bytes, as written: "Berlin", "Paket") is a name: the
 * dictionary does not know it as an ordinary word in lower case, as it
 * knows German's "Paket" (kept as "paket" too) or a sentence's first word;
 * also where it does not know the word at all ("Debian") or there is no
 * dictionary (lx NULL), so that a capital still tells. 0 if an ordinary
 * word. A word both ("Chile", a pepper) is taken as ordinary. */
int lexicon_is_name(lexicon *lx, const char *word, size_t len);

/* The word's lemma into out (cap bytes, NUL-terminated): that of the first
 * of the dictionary's readings of it that gives one other than the word.
 * A reading that takes a prefix off gives none: "defunción" read as
 * "de" + "función", "desinstalar" as "instalar", is another word, not a
 * form of one. A number (digits alone) has none. Returns its length, or 0
 * when there is none (or it does not fit). */
size_t lexicon_lemma(lexicon *lx, const char *word, size_t len, char *out, size_t cap);

/* A test of a lemma (called with it, NUL-terminated): non-zero takes it. */
typedef int (*lemma_fn)(void *ctx, const char *lemma, size_t len);

/* Whether accept takes one of the lemmas the
 * dictionary reads word (len bytes) as, its own among them: "buche" is a
 * form of "buchen" and the noun "Buche" itself. A reading that takes a
 * prefix off or reads a compound gives none, as for lexicon_lemma(). The
 * word is asked in lower case, then capitalised (German's "Bücher"), as
 * by lemma_term(). accept is called under the lexicon's lock: it must not
 * ask the lexicon.
 * Returns 1 if one is taken, 0 if none, -1 when the dictionary reads no
 * lemma in the word (it does not know it; lx NULL). */
int lexicon_lemma_any(lexicon *lx, const char *word, size_t len, lemma_fn accept, void *ctx);

/* The term a word's lemma is indexed and searched under beside the
 * word's own term: LEMMA_MARK, then the lemma's term, where the lemma's
 * term is another than the word's ("muere": "muer", and "~mor" for
 * "morir"); where the stemmer already gives both one term ("installed",
 * "install") there is none. A term no text spells, so that a search can
 * weigh a lemma apart from the word itself. */
#define LEMMA_MARK '~'

/* The lemma's term (unmarked) of word (as written, len bytes) whose own
 * term is stem: the term analyzer a makes of the lemma of the first of
 * the dictionary's readings whose lemma has another term than stem and is
 * no stop word ("sont" -> "être" gives none). The dictionary is asked of
 * the word in lower case (fold_case(): accents kept), then, if it gives
 * none, capitalised (German's "Häuser"): how the text capitalised the
 * word does not change its lemma. Into out (cap bytes,
 * NUL-terminated); returns its length, 0 for none, or -1 when memory ran
 * out. a must not be in the middle of a walk: its scratch is reused. */
long lemma_term(lexicon *lx, analyzer *a, const char *word, size_t len, const char *stem,
                  size_t stem_len, char *out, size_t cap);

#endif
