/* lemma.c: a language's Hunspell dictionary, asked of words and lemmas. */
#include "lemma.h"
#include "analyze.h"
#include "corpus.h"
#include "digraph.h"
#include "fold.h"
#include "hash.h"
#include "lang_pack.h"
#include "resources.h"
#include "utf8.h"

#include <dirent.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <hunspell/hunspell.h>
#include <utf8proc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LEXICON_MAX_WORD 256     /* longer words are not looked up */

/* What the dictionary said of a word, remembered: a verdict costs tens of
 * thousands of instructions inside Hunspell, a lookup here a hash. The
 * words of questions repeat (the FAQ's own words typed with their accents,
 * "países" for the index's "paises"; the names an answer lists), so most
 * verdicts are asked for again. Its room is taken once, when the lexicon
 * opens (a verdict never allocates), and when it is full it starts over. */
#define MEMO_SLOTS 32768         /* a power of two; at most half of them used */
#define MEMO_TEXT (256 * 1024)   /* the words' bytes */
#define MEMO_KNOWS_SET 1u
#define MEMO_KNOWS 2u
#define MEMO_NAME_SET 4u
#define MEMO_NAME 8u
#define MEMO_READ_SET 16u        /* << reading_kind: its readings remembered */
/* Readings remembered whole (the word as respelled, then each reading,
 * each ended by a NUL) up to these; a word with more is asked each time. */
#define MEMO_READ_MAX 64
#define MEMO_READ_BYTES 4096

typedef struct memo_item {
    uint32_t off;               /* in text */
    uint16_t len;               /* 0: an empty slot (words have a byte or more) */
    uint16_t flags;             /* MEMO_* */
    uint32_t read_off[2];       /* by reading_kind, with MEMO_READ_SET << kind: */
    uint8_t read_n[2];          /* the readings in text, and how many */
} memo_item;

struct lexicon {
    lexicon *next;              /* in the loaded list */
    char *dic;                  /* the dictionary's path: what names it there */
    int users;                  /* opens not yet let go (under loaded_mu) */
    Hunhandle *h;
    pthread_mutex_t mu;         /* Hunspell keeps scratch state: one call at a time */
    digraphs dg;                /* the language pack's letters typed as two */
    memo_item *memo;            /* MEMO_SLOTS, open addressing */
    char *text;                 /* MEMO_TEXT */
    size_t memo_n, text_used;
    int numbers_plain;          /* no word of digits alone is one of its words (numbers_read()) */
};

static uint64_t memo_hash(const char *w, size_t n)
{
    return hash_bytes(HASH_SEED, w, n);
}

/* The slot of word (n bytes, 1 to LEXICON_MAX_WORD - 1): where it is
 * remembered, or the empty slot where it would go. */
static memo_item *memo_slot(const lexicon *lx, const char *w, size_t n)
{
    size_t mask = MEMO_SLOTS - 1;
    size_t i = (size_t)memo_hash(w, n) & mask;
    while (lx->memo[i].len && !(lx->memo[i].len == n && memcmp(lx->text + lx->memo[i].off, w, n) == 0))
        i = (i + 1) & mask;
    return &lx->memo[i];
}

/* The slot of word w, remembered with room for more bytes after it in
 * text (it: memo_slot's); when the memory is full it starts over. */
static memo_item *memo_room(lexicon *lx, memo_item *it, const char *w, size_t n, size_t more)
{
    if (it->len && lx->text_used + more <= MEMO_TEXT)
        return it;
    if ((!it->len && lx->memo_n + 1 > MEMO_SLOTS / 2) || lx->text_used + n + more > MEMO_TEXT) {
        memset(lx->memo, 0, MEMO_SLOTS * sizeof *lx->memo);
        lx->memo_n = lx->text_used = 0;
        it = memo_slot(lx, w, n);
    }
    if (!it->len) {
        memcpy(lx->text + lx->text_used, w, n);
        *it = (memo_item){.off = (uint32_t)lx->text_used, .len = (uint16_t)n};
        lx->text_used += n;
        lx->memo_n++;
    }
    return it;
}

/* Remember flags of word, in slot it (memo_slot's). */
static void memo_note(lexicon *lx, memo_item *it, const char *w, size_t n, uint16_t flags)
{
    memo_room(lx, it, w, n, 0)->flags |= flags;
}

/* The country a language's dictionaries are first written for, where its
 * code is not the language's own ("sv_SE", not "sv_FI", the first by
 * name): the file of the language as most of its speakers write it. */
static const char *home_region(const char *lang)
{
    static const char *const regions[][2] = {
        {"cs", "CZ"}, {"da", "DK"}, {"el", "GR"}, {"en", "US"}, {"et", "EE"},
        {"ga", "IE"}, {"hy", "AM"}, {"nb", "NO"}, {"sl", "SI"}, {"sv", "SE"},
        {"uk", "UA"},
    };
    for (size_t i = 0; i < sizeof regions / sizeof *regions; i++)
        if (strcmp(regions[i][0], lang) == 0)
            return regions[i][1];
    return NULL;
}

/* Is path a file one can open? */
static int readable(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

int lexicon_find_file(const char *dir, const char *prefix, const char *lang, const char *suffix,
                      char *out, size_t cap)
{
    lang = corpus_lang_code_written(lang);
    size_t n = strlen(lang), np = strlen(prefix), ns = strlen(suffix);
    if (n == 0 || n > 3)
        return -1;
    char upper[4];
    for (size_t i = 0; i <= n; i++)
        upper[i] = (char)(lang[i] >= 'a' && lang[i] <= 'z' ? lang[i] - 'a' + 'A' : lang[i]);
    snprintf(out, cap, "%s/%s%s_%s%s", dir, prefix, lang, upper, suffix);
    if (readable(out))
        return 0;
    const char *home = home_region(lang);
    if (home) {
        snprintf(out, cap, "%s/%s%s_%s%s", dir, prefix, lang, home, suffix);
        if (readable(out))
            return 0;
    }
    /* else the first of the language's regional files, by name */
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char best[256] = "";
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *name = de->d_name;
        size_t m = strlen(name);
        if (m < np + n + 2 + ns || m >= sizeof best || strncmp(name, prefix, np) != 0 ||
            strncmp(name + np, lang, n) != 0 || name[np + n] != '_' ||
            strcmp(name + m - ns, suffix) != 0)
            continue;
        if (!best[0] || strcmp(name, best) < 0)
            memcpy(best, name, m + 1);
    }
    closedir(d);
    if (!best[0])
        return -1;
    snprintf(out, cap, "%s/%s", dir, best);
    return 0;
}

/* The dictionaries loaded, one per file, for the process. A dictionary is
 * the language's, not an index's: each index the server swaps in asks for
 * the same ones, and loading one costs ~180 M instructions and ~20 MB that
 * the allocator, freed and taken again, does not give back whole. So one
 * stays loaded, its verdicts remembered, when its last user lets it go. */
static pthread_mutex_t loaded_mu = PTHREAD_MUTEX_INITIALIZER;
static lexicon *loaded;

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Might the dictionary read a word of digits alone as one of its words or
 * a form of one? Only through a root that holds a digit (en_US holds 0 to
 * 9, for "1st" and "10th"), an affix that adds one, or a conversion or
 * ignored character that touches one: the files are read for those once,
 * at load. Where none is, Hunspell knows a number by its own rule (digits
 * are a word of any language) and stems it to nothing. 1 also when a file
 * cannot be read. */
static int numbers_read(const char *aff, const char *dic)
{
    FILE *f = fopen(dic, "r");
    if (!f)
        return 1;
    char line[4096];
    int found = 0;
    for (int first = 1; !found && fgets(line, sizeof line, f); first = 0)
        found = !first && has_digit(line, strcspn(line, "/\t\r\n"));
    fclose(f);
    if (found || !(f = fopen(aff, "r")))
        return 1;
    /* a table is a header that counts its rows ("SFX A Y 81": a flag,
     * whether it combines, 81 rules; "ICONV 42") and then its rows ("SFX A
     * re 0 are": the flag, what it strips, what it adds; "ICONV ’ '"): a
     * header's count is no digit of a word, nor an affix "0", the empty one */
    long rows_left = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char kind[16], flag[64], strip[256], add[256], from[256];
        if (sscanf(line, "%15s", kind) != 1)
            continue;
        int conv = !strcmp(kind, "ICONV") || !strcmp(kind, "OCONV");
        int affix = !strcmp(kind, "PFX") || !strcmp(kind, "SFX");
        if (!strcmp(kind, "IGNORE")) {
            found = has_digit(line + strlen(kind), strlen(line + strlen(kind)));
        } else if (conv && rows_left == 0 && sscanf(line, "%*15s %255s", from) == 1) {
            rows_left = strtol(from, NULL, 10);
        } else if (conv) {
            rows_left -= rows_left > 0;
            found = has_digit(line + strlen(kind), strlen(line + strlen(kind)));
        } else if (affix && sscanf(line, "%*15s %63s %255s %255s", flag, strip, add) == 3) {
            if (rows_left == 0) {
                rows_left = strtol(add, NULL, 10);
            } else {
                rows_left--;
                size_t n = strcspn(add, "/");
                found = !(n == 1 && add[0] == '0') && has_digit(add, n);   /* "0": adds nothing */
            }
        }
    }
    fclose(f);
    return found;
}

/* Returns 0 with *out set (NULL when Hunspell would not read the files),
 * or -1 when memory ran out. */
static int lexicon_load(const char *aff, const char *dic, lexicon **out)
{
    lexicon *lx = calloc(1, sizeof *lx);
    int rc = -1;
    if (!lx || !(lx->memo = calloc(MEMO_SLOTS, sizeof *lx->memo)) ||
        !(lx->text = malloc(MEMO_TEXT)) || !(lx->dic = strdup(dic)))
        goto fail;
    rc = 0;
    if (!(lx->h = Hunspell_create(aff, dic)))
        goto fail;
    lx->numbers_plain = !numbers_read(aff, dic);
    pthread_mutex_init(&lx->mu, NULL);
    *out = lx;
    return 0;
fail:
    if (lx) {
        free(lx->memo);
        free(lx->text);
        free(lx->dic);
    }
    free(lx);
    return rc;
}

/* The dictionary's two files for lang under dir (NULL: as lexicon_open()
 * says): 0 with their paths set, or -1 when there is none. */
static int dictionary_files(const char *lang, const char *dir, char *aff, char *dic, size_t cap)
{
    if (!dir)
        dir = resources_hunspell_dir();
    if (!*dir || lexicon_find_file(dir, "", lang, ".dic", dic, cap) != 0)
        return -1;
    snprintf(aff, cap, "%.*s.aff", (int)(strlen(dic) - 4), dic);
    FILE *f = fopen(aff, "r");
    if (!f)
        return -1;
    fclose(f);
    return 0;
}

int lexicon_stamp(const char *lang, char *out, size_t cap)
{
    char aff[600], dic[600];
    struct stat sa, sd;
    if (dictionary_files(lang, NULL, aff, dic, sizeof aff) != 0 || stat(aff, &sa) != 0 ||
        stat(dic, &sd) != 0)
        return -1;
    int n = snprintf(out, cap, "%s %lld %lld.%09ld %s %lld %lld.%09ld", dic, (long long)sd.st_size,
                     (long long)sd.st_mtim.tv_sec, sd.st_mtim.tv_nsec, aff, (long long)sa.st_size,
                     (long long)sa.st_mtim.tv_sec, sa.st_mtim.tv_nsec);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

int lexicon_open(const char *lang, const char *dir, lexicon **out)
{
    *out = NULL;
    char aff[600], dic[600];
    if (dictionary_files(lang, dir, aff, dic, sizeof aff) != 0)
        return 0;
    int rc = 0;
    pthread_mutex_lock(&loaded_mu);
    lexicon *lx = loaded;
    while (lx && strcmp(lx->dic, dic) != 0)
        lx = lx->next;
    if (!lx && (rc = lexicon_load(aff, dic, &lx)) == 0 && lx) {
        const char *stop = lang_pack_file(lang, "stopwords.txt");
        if (stop)
            digraphs_parse(&lx->dg, stop);
        lx->next = loaded;
        loaded = lx;
    }
    if (lx)
        lx->users++;
    pthread_mutex_unlock(&loaded_mu);
    *out = lx;
    return rc;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    /* it stays loaded, in the list, for the next lexicon_open() */
    pthread_mutex_lock(&loaded_mu);
    lx->users--;
    pthread_mutex_unlock(&loaded_mu);
}

void lexicon_unload_unused(void)
{
    pthread_mutex_lock(&loaded_mu);
    for (lexicon **at = &loaded; *at;) {
        lexicon *lx = *at;
        if (lx->users > 0) {
            at = &lx->next;
            continue;
        }
        *at = lx->next;
        Hunspell_destroy(lx->h);
        pthread_mutex_destroy(&lx->mu);
        free(lx->memo);
        free(lx->text);
        free(lx->dic);
        free(lx);
    }
    pthread_mutex_unlock(&loaded_mu);
#ifdef __GLIBC__
    /* Hunspell's many small blocks lie amid the heap: hand their pages back
     * to the system now, not only to the allocator, whose later large
     * blocks are mappings of their own */
    malloc_trim(0);
#endif
}

/* word as a C string in buf, or NULL when too long or holding a NUL */
static const char *cstr(const char *word, size_t len, char *buf)
{
    if (len == 0 || len >= LEXICON_MAX_WORD || memchr(word, '\0', len))
        return NULL;
    memcpy(buf, word, len);
    buf[len] = '\0';
    return buf;
}

/* Does the dictionary hold buf, as written or capitalised? The question's
 * words come folded: a word it holds only capitalised ("Linux", German
 * nouns) is still a word of the language. */
static int spelled(lexicon *lx, char *buf)
{
    if (Hunspell_spell(lx->h, buf))
        return 1;
    if (buf[0] < 'a' || buf[0] > 'z')
        return 0;
    buf[0] = (char)(buf[0] - 'a' + 'A');
    int yes = Hunspell_spell(lx->h, buf) != 0;
    buf[0] = (char)(buf[0] - 'A' + 'a');
    return yes;
}

/* buf, a word as typed, respelled in place with the language's letters
 * typed as two read ("Gebuehr": "Gebühr", digraph.h) when the dictionary
 * knows it so and not as typed, as the analyzer reads it: the dictionary
 * holds the letters. A capital at its start stays one. Returns whether the
 * dictionary knows buf as it leaves it (spelled()), or -1 when it was not
 * asked (no pair in the word). Under lx->mu. */
static int known_spelling(lexicon *lx, char *buf)
{
    if (!lx->dg.n)
        return -1;
    size_t n = strlen(buf);
    int cap = buf[0] >= 'A' && buf[0] <= 'Z';
    char low[LEXICON_MAX_WORD], read[LEXICON_MAX_WORD];
    memcpy(low, buf, n + 1);
    if (cap)
        low[0] = (char)(low[0] - 'A' + 'a');
    long k = digraphs_read(&lx->dg, low, n, read, sizeof read);
    if (k <= 0)
        return -1;
    if (spelled(lx, buf))
        return 1;
    if (cap) {
        utf8proc_int32_t c;
        utf8proc_ssize_t w = utf8proc_iterate((const utf8proc_uint8_t *)read, k, &c);
        utf8proc_uint8_t up[4];
        utf8proc_ssize_t u = w > 0 ? utf8proc_encode_char(utf8proc_toupper(c), up) : 0;
        if (u != w)
            return 0;   /* its capital is another length: left as typed */
        memcpy(read, up, (size_t)u);
    }
    if (!spelled(lx, read))
        return 0;
    memcpy(buf, read, (size_t)k + 1);
    return 1;
}

static int knows(lexicon *lx, char *buf)
{
    int known = known_spelling(lx, buf);
    return known >= 0 ? known : spelled(lx, buf);
}

/* Hunspell's stems or its analyses of a word */
typedef enum { READ_STEMS, READ_ANALYSES } reading_kind;

/* What a caller makes of Hunspell's list for a word (n entries, 0 when
 * it has none); the list is valid only during the call. */
typedef int (*readings_fn)(void *ctx, char **list, int n);

/* read() of Hunspell's stems or analyses of buf, respelled in place as
 * known_spelling() leaves it (the spelling, not the verdict): what read()
 * returns. Under lx->mu. */
static int readings_held(lexicon *lx, char *buf, reading_kind kind, readings_fn read, void *ctx)
{
    /* remembered: a reading costs Hunspell tens of thousands of
     * instructions, and a question's words are read again each time it
     * is asked (its lemma for the thesaurus, a term's lemma) */
    size_t w = strlen(buf);
    uint16_t set = (uint16_t)(MEMO_READ_SET << kind);
    memo_item *it = w ? memo_slot(lx, buf, w) : NULL;
    char *kept[MEMO_READ_MAX];
    if (it && (it->flags & set)) {
        char *p = lx->text + it->read_off[kind];
        size_t len = strlen(p);
        memcpy(buf, p, len + 1);
        p += len + 1;
        for (int i = 0; i < it->read_n[kind]; i++, p += strlen(p) + 1)
            kept[i] = p;
        return read(ctx, kept, it->read_n[kind]);
    }
    char word[LEXICON_MAX_WORD];
    if (it)
        memcpy(word, buf, w);
    (void)known_spelling(lx, buf);
    char **list = NULL;
    int n = kind == READ_STEMS ? Hunspell_stem(lx->h, &list, buf) : Hunspell_analyze(lx->h, &list, buf);
    size_t bytes = strlen(buf) + 1;
    for (int i = 0; i < n && bytes <= MEMO_READ_BYTES; i++)
        bytes += strlen(list[i]) + 1;
    if (it && n <= MEMO_READ_MAX && bytes <= MEMO_READ_BYTES) {
        it = memo_room(lx, it, word, w, bytes);
        char *p = lx->text + lx->text_used;
        it->read_off[kind] = (uint32_t)lx->text_used;
        it->read_n[kind] = (uint8_t)(n > 0 ? n : 0);
        it->flags |= set;
        size_t len = strlen(buf) + 1;
        memcpy(p, buf, len);
        p += len;
        for (int i = 0; i < n; i++, p += len) {
            len = strlen(list[i]) + 1;
            memcpy(p, list[i], len);
        }
        lx->text_used += bytes;
    }
    int got = read(ctx, list, n > 0 ? n : 0);
    if (n > 0)
        Hunspell_free_list(lx->h, &list, n);
    return got;
}

/* readings_held(), taking lx->mu */
static int readings(lexicon *lx, char *buf, reading_kind kind, readings_fn read, void *ctx)
{
    pthread_mutex_lock(&lx->mu);
    int got = readings_held(lx, buf, kind, read, ctx);
    pthread_mutex_unlock(&lx->mu);
    return got;
}

/* A verdict (ask: knows or is_name) on word, from the memory when it is
 * there: set is its MEMO_*_SET flag, yes_flag the flag of a yes. */
static int verdict(lexicon *lx, const char *word, size_t len, char *buf,
                   int (*ask)(lexicon *, char *), uint16_t set, uint16_t yes_flag)
{
    pthread_mutex_lock(&lx->mu);
    memo_item *it = memo_slot(lx, word, len);
    int yes;
    if (it->flags & set) {
        yes = (it->flags & yes_flag) != 0;
    } else {
        yes = ask(lx, buf);
        /* asking may have remembered readings, and started the memory over */
        memo_note(lx, memo_slot(lx, word, len), word, len, (uint16_t)(set | (yes ? yes_flag : 0)));
    }
    pthread_mutex_unlock(&lx->mu);
    return yes;
}

/* A number, to a dictionary that holds none: a name (no stem of it is an
 * ordinary word), not simple; told without Hunspell or the memory, which
 * a question's counter would only crowd. (Known and without a lemma in
 * any dictionary.) tests/unit/test_lemma.c holds each dictionary
 * installed to these. */
static int plain_number(const lexicon *lx, const char *word, size_t len)
{
    return lx->numbers_plain && utf8_is_number(word, len);
}

int lexicon_asks_numbers(const lexicon *lx) { return lx && !lx->numbers_plain; }

int lexicon_knows(lexicon *lx, const char *word, size_t len)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || !cstr(word, len, buf))
        return 0;
    /* Hunspell takes digits alone for a word before it reads its
     * dictionary, whichever it is */
    if (utf8_is_number(word, len))
        return 1;
    return verdict(lx, word, len, buf, knows, MEMO_KNOWS_SET, MEMO_KNOWS);
}

static int any_reading(void *ctx, char **list, int n)
{
    return n > 0;
}

int lexicon_is_simple(lexicon *lx, const char *word, size_t len)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || !cstr(word, len, buf) || plain_number(lx, word, len))
        return 0;
    return readings(lx, buf, READ_STEMS, any_reading, NULL);
}

/* s after its first character (UTF-8) */
static const char *after_first(const char *s)
{
    s++;
    while (utf8_continues((unsigned char)*s))
        s++;
    return s;
}

static int stems_name(void *ctx, char **list, int n)
{
    /* Hunspell reads a capital as a sentence's first letter and gives the
     * lower-case stems too: "Marruecos" -> "marrueco", "Chile" -> "chile".
     * An ordinary word is a lower-case stem that the word has no
     * capitalised one beside, or one that is the same word ("Paket" and
     * "paket": German keeps its nouns in lower case for compounds). */
    int lower = 0, upper = 0, same = 0;
    for (int i = 0; i < n; i++) {
        if (!list[i][0])
            continue;
        int up = starts_upper(list[i], strlen(list[i]));
        lower += !up;
        upper += up;
        for (int k = 0; k < n && up && !same; k++)
            same = list[k][0] && !starts_upper(list[k], strlen(list[k])) &&
                   strcmp(after_first(list[i]), after_first(list[k])) == 0;
    }
    return !(lower && (!upper || same));
}

static int is_name(lexicon *lx, char *buf)
{
    return readings_held(lx, buf, READ_STEMS, stems_name, NULL);
}

int lexicon_is_name(lexicon *lx, const char *word, size_t len)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || !cstr(word, len, buf) || plain_number(lx, word, len))
        return 1;
    return verdict(lx, word, len, buf, is_name, MEMO_NAME_SET, MEMO_NAME);
}

/* The lemma of one of Hunspell's readings of a word ("de st:función fl:g")
 * into out: its "st:" field, or 0 when it has none. *derived is set when
 * the reading takes a prefix off (anything before "st:": the prefix's
 * morpheme, "de", "un", Portuguese's "PFSEM=not+", or its flag, English's
 * "fl:C") or reads a compound ("pa:" fields): a prefix makes another word
 * ("defunción" is no form of "función", nor "configured" of "figure"),
 * and a compound's "st:" is one of its parts. */
static size_t reading_lemma(const char *r, char *out, size_t cap, int *derived)
{
    const char *st = strstr(r, "st:");
    if (!st)
        return 0;
    *derived = strstr(r, "pa:") != NULL;
    for (const char *p = r; p < st; p++)
        *derived |= *p != ' ';
    st += 3;
    size_t m = strcspn(st, " \t");
    if (!m || m >= cap)
        return 0;
    memcpy(out, st, m);
    out[m] = '\0';
    return m;
}

/* Is lemma (n bytes) the word itself, but for the case of its first
 * letter ("Which", a sentence's first word, and "which")? */
static int same_word(const char *lemma, size_t n, const char *word, size_t len)
{
    utf8proc_int32_t a, b;
    utf8proc_ssize_t la = utf8proc_iterate((const utf8proc_uint8_t *)lemma, (utf8proc_ssize_t)n, &a);
    utf8proc_ssize_t lb = utf8proc_iterate((const utf8proc_uint8_t *)word, (utf8proc_ssize_t)len, &b);
    return la > 0 && lb > 0 && utf8proc_tolower(a) == utf8proc_tolower(b) &&
           n - (size_t)la == len - (size_t)lb && memcmp(lemma + la, word + lb, n - (size_t)la) == 0;
}

typedef struct lemma_pick {
    const char *word;           /* as respelled: the buffer Hunspell reads */
    lemma_fn accept;
    void *ctx;
    char *out;
    size_t cap;
} lemma_pick;

static int pick_lemma(void *ctx, char **list, int n)
{
    lemma_pick *p = ctx;
    size_t len = strlen(p->word);
    /* a word that one reading takes as a lemma of its own is that lemma:
     * "header" is no form of "head", "give" of "g", "mise" (the noun) of
     * "mettre" */
    int own = 0;
    for (int i = 0; i < n && !own; i++) {
        int derived;
        size_t m = reading_lemma(list[i], p->out, p->cap, &derived);
        own = m && !derived && same_word(p->out, m, p->word, len);
    }
    size_t got = 0;
    for (int i = 0; i < n && !own && !got; i++) {
        int derived;
        size_t m = reading_lemma(list[i], p->out, p->cap, &derived);
        /* a lemma of one letter is none: the dictionaries hold the
         * alphabet's letters as words, and a suffix read on one ("per" as
         * "p" + -er, "us" as "u" + -s) is no inflection */
        if (m && !derived && utf8_length(p->out, m) > 1 && strcmp(p->out, p->word) != 0 &&
            (!p->accept || p->accept(p->ctx, p->out, m)))
            got = m;
    }
    return (int)got;
}

/* lexicon_lemma() of the readings whose lemma accept takes; accept NULL
 * takes the first. */
static size_t lexicon_lemma_if(lexicon *lx, const char *word, size_t len, lemma_fn accept, void *ctx,
                               char *out, size_t cap)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || cap == 0 || !cstr(word, len, buf))
        return 0;
    out[0] = '\0';
    /* a number does not inflect: no dictionary's reading of digits alone
     * gives a lemma other than the number (English's holds 0 to 9, each
     * its own, for "1st"), and a question's counter would cost a reading */
    if (utf8_is_number(word, len))
        return 0;
    lemma_pick p = {buf, accept, ctx, out, cap};
    size_t got = (size_t)readings(lx, buf, READ_ANALYSES, pick_lemma, &p);
    if (!got)
        out[0] = '\0';
    return got;
}

size_t lexicon_lemma(lexicon *lx, const char *word, size_t len, char *out, size_t cap)
{
    return lexicon_lemma_if(lx, word, len, NULL, NULL, out, cap);
}

typedef struct term_pick {
    analyzer *a;
    const char *stem;           /* the word's own term */
    size_t stem_len;
    char *out;
    size_t cap, len;
    int failed;                 /* memory ran out */
} term_pick;

static int on_lemma_token(void *ctx, const token *t)
{
    term_pick *p = ctx;
    if (t->is_stop || t->is_synonym)
        return 0;
    if (t->term_len < p->cap && (t->term_len != p->stem_len || memcmp(t->term, p->stem, t->term_len))) {
        memcpy(p->out, t->term, t->term_len);
        p->out[t->term_len] = '\0';
        p->len = t->term_len;
    }
    return 1;
}

/* A lemma whose term, as the analyzer makes it, is another than the
 * word's own: no stop word ("sont" -> "être"), no phrase. A dictionary
 * in another encoding than UTF-8 gives none. */
static int other_term(void *ctx, const char *lemma, size_t len)
{
    term_pick *p = ctx;
    p->len = 0;
    if (!utf8_valid(lemma, len))
        return 0;
    if (analyzer_run(p->a, lemma, len, on_lemma_token, p) < 0)
        p->failed = 1;
    return p->failed || p->len > 0;
}

/* The same of word as written or, if not, capitalised: a text's word in
 * lower case ("platte", which German's dictionary holds as "Platte" and,
 * in lower case, only inside a compound). */
static int lexicon_is_simple_any_case(lexicon *lx, const char *word, size_t len)
{
    char upper[LEXICON_MAX_WORD];
    if (lexicon_is_simple(lx, word, len))
        return 1;
    size_t m = utf8_first_case(word, len, 1, upper, sizeof upper);
    return m && lexicon_is_simple(lx, upper, m);
}

/* A part is a word; a word the dictionary holds on its own is not split
 * again (decompound_has_fn). */
static int dictionary_part(void *ctx, const char *w, size_t n)
{
    lexicon *lx = ctx;
    if (!lexicon_knows(lx, w, n))
        return 0;
    return lexicon_is_simple_any_case(lx, w, n) ? 2 : 1;
}

size_t lexicon_compound_parts(lexicon *lx, const decompound_links *links, const char *word,
                              size_t len, decompound_part *out, size_t cap)
{
    if (!lx || !links->on || lexicon_is_simple_any_case(lx, word, len))
        return 0;
    return decompound_parts(word, len, links, dictionary_part, lx, out, cap);
}

/* Held by the dictionary capitalised: in a language that capitalises its
 * nouns (German), a noun ("Säge", also a verb's form "säge"); only so, and
 * not in lower case: a noun and nothing else ("Tischkreissäge"). In a
 * language that does not, no ordinary word is. */
static int held_capitalised(lexicon *lx, const char *lower, size_t len, int only)
{
    char upper[LEXICON_MAX_WORD];
    if (only && lexicon_is_simple(lx, lower, len))
        return 0;
    size_t m = utf8_first_case(lower, len, 1, upper, sizeof upper);
    return m && lexicon_is_simple(lx, upper, m);
}

/* Is lower (n bytes), capitalised, a form of a noun: a stem the
 * dictionary reads it as is capitalised ("Reiche": "Reich"; "Platze" is
 * only "platzen"'s)? */
static int any_capitalised(void *ctx, char **list, int n)
{
    for (int i = 0; i < n; i++)
        if (list[i][0] && starts_upper(list[i], strlen(list[i])))
            return 1;
    return 0;
}

static int noun_form(lexicon *lx, const char *lower, size_t n)
{
    char upper[LEXICON_MAX_WORD];
    size_t m = utf8_first_case(lower, n, 1, upper, sizeof upper);
    return m && readings(lx, upper, READ_STEMS, any_capitalised, NULL);
}

/* A form made from a word, for stem_is_word_or_form(). */
typedef struct form_of {
    const char *word, *form;
    size_t word_len, form_len;
} form_of;

/* Is stem (m bytes) the end of w (n bytes), but for the case of its first
 * letter? */
static int ends_with_stem(const char *stem, size_t m, const char *w, size_t n)
{
    return m <= n && same_word(stem, m, w + n - m, m);
}

/* Is a form (stems list, n) one of the word it was made from: a stem is
 * that word or the form itself (a plural the dictionary lists as a word:
 * Danish "forbruger" beside "forbrug"), or the end of either (a compound
 * Hunspell reads by its last part: "sygesikringskorte", "kort"), each but
 * for the case of its first letter ("Festplatte" of "festplatten"); or it
 * has none (known as a compound of the dictionary's words alone:
 * "Tischkreissägen")? */
static int stem_is_word_or_form(void *ctx, char **list, int n)
{
    const form_of *f = ctx;
    if (n == 0)
        return 1;
    for (int i = 0; i < n; i++) {
        size_t m = strlen(list[i]);
        if (ends_with_stem(list[i], m, f->word, f->word_len) ||
            ends_with_stem(list[i], m, f->form, f->form_len))
            return 1;
    }
    return 0;
}

/* Does lower (n bytes) take one of the language's plural endings: a word
 * the dictionary knows with it, or with noun set, a noun's form? A form
 * of another word is none of lower's: Swedish "kortar" is "korta"'s (to
 * shorten), no plural of "kort" (card). */
static int has_plural(lexicon *lx, const decompound_links *links, const char *lower, size_t n,
                      int noun)
{
    char form[LEXICON_MAX_WORD];
    for (int k = 0; k < links->n_plural; k++) {
        size_t e = strlen(links->plural[k]);
        if (n + e >= sizeof form)
            continue;
        memcpy(form, lower, n);
        memcpy(form + n, links->plural[k], e);
        form[n + e] = '\0';
        form_of f = {lower, form, n, n + e};
        if (noun ? noun_form(lx, form, n + e)
                 : lexicon_knows(lx, form, n + e) &&
                       readings(lx, form, READ_STEMS, stem_is_word_or_form, &f))
            return 1;
    }
    return 0;
}

size_t lexicon_listed_compound_heads(lexicon *lx, const decompound_links *links,
                                     const char *word, size_t len, decompound_part *out,
                                     size_t cap)
{
    decompound_part parts[DECOMPOUND_MAX_PARTS];
    if (!lx || !links->on || !held_capitalised(lx, word, len, 1))
        return 0;
    size_t n = decompound_parts(word, len, links, dictionary_part, lx, parts, DECOMPOUND_MAX_PARTS);
    if (n < 2 || !held_capitalised(lx, word + parts[n - 1].off, parts[n - 1].len, 0))
        return 0;
    /* a compound inflects as its head: one with no plural where its head
     * is a noun with one is a name or a word of its own ("Frankreich",
     * "Reich"); a head's form of another word ("Platze", of "platzen",
     * beside "Festplattenplatz") is no plural of it */
    if (links->n_plural && !has_plural(lx, links, word, len, 0) &&
        has_plural(lx, links, word + parts[n - 1].off, parts[n - 1].len, 1))
        return 0;
    /* a derivational suffix names no thing the word is a kind of */
    size_t cut = decompound_suffix_cut(word, len, links);
    size_t k = 0;
    for (size_t i = 1; i < n && k < cap && parts[i].off < cut; i++) {
        decompound_part head = {parts[i].off, len - parts[i].off};
        if (i + 1 == n || lexicon_knows(lx, word + head.off, head.len))
            out[k++] = head;
    }
    return k;
}

size_t lexicon_lowercase_listed_parts(lexicon *lx, const decompound_links *links,
                                      const char *word, size_t len, decompound_part *out,
                                      size_t cap)
{
    decompound_part parts[DECOMPOUND_MAX_PARTS];
    if (!lx || !links->on || links->listed_min <= 0 || cap < 2 ||
        utf8_length(word, len) < (size_t)links->listed_min || !lexicon_is_simple(lx, word, len))
        return 0;   /* held capitalised alone: a name ("Västerbotten") */
    size_t n = decompound_parts(word, len, links, dictionary_part, lx, parts, DECOMPOUND_MAX_PARTS);
    if (n < 2 || n > cap)
        return 0;
    /* a form of its first part is that word inflected, its "head" an
     * ending ("tidtabell|erna") */
    char lemma[LEXICON_MAX_WORD];
    size_t m = lexicon_lemma(lx, word, len, lemma, sizeof lemma);
    if (m && m == parts[0].len && memcmp(lemma, word, m) == 0)
        return 0;
    const decompound_part *head = &parts[n - 1];
    /* the derivational suffix read as a word is no head ("betal|ning") */
    if (head->off >= decompound_suffix_cut(word, len, links))
        return 0;
    /* a compound inflects as its head: one with no plural where its head
     * takes one is a name or a word of its own */
    if (links->n_plural && !has_plural(lx, links, word, len, 0) &&
        has_plural(lx, links, word + head->off, head->len, 0))
        return 0;
    memcpy(out, parts, n * sizeof *parts);
    return n;
}

typedef struct any_pick {
    lemma_fn accept;
    void *ctx;
} any_pick;

static int accept_any(void *ctx, char **list, int n)
{
    any_pick *p = ctx;
    char lemma[LEXICON_MAX_WORD];
    int got = -1;
    for (int i = 0; i < n && got < 1; i++) {
        int derived;
        size_t m = reading_lemma(list[i], lemma, sizeof lemma, &derived);
        if (m && !derived)
            got = p->accept(p->ctx, lemma, m) ? 1 : 0;
    }
    return got;
}

/* What ask() says of word in lower case and, when that is below 1, the
 * larger of that and what it says of the word capitalised: a word the
 * dictionary holds only so (German's nouns). The word in one form
 * whatever its case in the text: which of "Cópia" and "cópia" came first
 * does not change its lemma. -1 when the word does not fold. */
static int lower_then_capitalised(lexicon *lx, const char *word, size_t len,
                                  int (*ask)(lexicon *, const char *, size_t, void *), void *ctx)
{
    char lower[LEXICON_MAX_WORD], upper[LEXICON_MAX_WORD];
    long n = fold_case(word, len, lower, sizeof lower);
    if (n <= 0 || memchr(lower, '\0', (size_t)n))
        return -1;
    int got = ask(lx, lower, (size_t)n, ctx);
    size_t m = got < 1 ? utf8_first_case(lower, (size_t)n, 1, upper, sizeof upper) : 0;
    if (m) {
        int as_noun = ask(lx, upper, m, ctx);
        if (as_noun > got)
            got = as_noun;
    }
    return got;
}

static int lemma_any_as(lexicon *lx, const char *word, size_t len, void *ctx)
{
    char buf[LEXICON_MAX_WORD];
    memcpy(buf, word, len + 1);
    return readings(lx, buf, READ_ANALYSES, accept_any, ctx);
}

int lexicon_lemma_any(lexicon *lx, const char *word, size_t len, lemma_fn accept, void *ctx)
{
    if (!lx || utf8_is_number(word, len))
        return -1;
    any_pick p = {accept, ctx};
    return lower_then_capitalised(lx, word, len, lemma_any_as, &p);
}

static int term_as(lexicon *lx, const char *word, size_t len, void *ctx)
{
    char lemma[LEXICON_MAX_WORD];
    return lexicon_lemma_if(lx, word, len, other_term, ctx, lemma, sizeof lemma) != 0;
}

long lemma_term(lexicon *lx, analyzer *a, const char *word, size_t len, const char *stem,
                size_t stem_len, char *out, size_t cap)
{
    term_pick p = {a, stem, stem_len, out, cap, 0, 0};
    if (!lx || !a || cap == 0)
        return 0;
    (void)lower_then_capitalised(lx, word, len, term_as, &p);
    return p.failed ? -1 : (long)p.len;
}

typedef struct head_pick {
    const char *word;           /* in lower case */
    size_t len;
    size_t head_off;            /* where the head Hunspell names starts */
} head_pick;

/* The last part Hunspell names in its readings of a compound ("pa:auto"
 * of "Elektroauto"; "pa:rad st:rad fl:k pa:verleih" of "Fahrradverleih"),
 * where the word ends in it and it leaves a part before: 1 with
 * p->head_off set. Not where a reading is of a word of its own (no "pa:"):
 * a compound is all the dictionary reads. */
static int compound_head(void *ctx, char **list, int n)
{
    head_pick *p = ctx;
    size_t off = 0;
    for (int i = 0; i < n; i++) {
        const char *pa = strstr(list[i], "pa:"), *next;
        if (!pa)
            return 0;
        while ((next = strstr(pa + 3, "pa:")))
            pa = next;
        pa += 3;
        char head[LEXICON_MAX_WORD];
        long k = fold_case(pa, strcspn(pa, " \t"), head, sizeof head);
        if (k <= 0 || (size_t)k >= p->len || memcmp(p->word + p->len - (size_t)k, head, (size_t)k))
            return 0;
        if (off && off != p->len - (size_t)k)
            return 0;   /* two readings, two heads */
        off = p->len - (size_t)k;
    }
    p->head_off = off;
    return off > 0;
}

static int compound_head_as(lexicon *lx, const char *word, size_t len, void *ctx)
{
    char buf[LEXICON_MAX_WORD];
    memcpy(buf, word, len + 1);
    return readings(lx, buf, READ_ANALYSES, compound_head, ctx);
}

size_t lexicon_flagged_compound_parts(lexicon *lx, const decompound_links *links,
                                      const char *word, size_t len, decompound_part *out,
                                      size_t cap)
{
    decompound_part words[DECOMPOUND_MAX_PARTS];
    if (!lx || !links->on || cap < 2 || utf8_is_number(word, len) ||
        lexicon_compound_parts(lx, links, word, len, words, DECOMPOUND_MAX_PARTS))
        return 0;   /* a compound of words is the dictionary split's */
    size_t listed = lexicon_lowercase_listed_parts(lx, links, word, len, out, cap);
    if (listed)
        return listed;
    head_pick p = {word, len, 0};
    int found = lower_then_capitalised(lx, word, len, compound_head_as, &p) > 0;
    /* Hunspell reads a compound's inflected forms ("Elektrofahrzeuge")
     * but names no part of them: the word without one of the language's
     * plural endings, the head then to the word's end */
    char base[LEXICON_MAX_WORD];
    for (int k = 0; !found && k < links->n_plural && len < sizeof base; k++) {
        size_t e = strlen(links->plural[k]);
        if (e >= len || memcmp(word + len - e, links->plural[k], e) != 0)
            continue;
        memcpy(base, word, len - e);
        base[len - e] = '\0';
        p = (head_pick){base, len - e, 0};
        found = lower_then_capitalised(lx, base, len - e, compound_head_as, &p) > 0;
    }
    if (!found || utf8_length(word + p.head_off, len - p.head_off) < DECOMPOUND_MIN_PART)
        return 0;
    out[0] = (decompound_part){0, p.head_off};
    out[1] = (decompound_part){p.head_off, len - p.head_off};
    return 2;
}
