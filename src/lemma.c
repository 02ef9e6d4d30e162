/* lemma.c: a language's Hunspell dictionary, asked of words and lemmas. */
#include "lemma.h"
#include "analyze.h"
#include "utf8.h"

#include <dirent.h>
#include <hunspell/hunspell.h>
#include <utf8proc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEXICON_DIR "/usr/share/hunspell"
#define LEXICON_MAX_WORD 256     /* longer words are not looked up */

struct lexicon {
    Hunhandle *h;
};

int lexicon_find_file(const char *dir, const char *prefix, const char *lang, const char *suffix,
                      char *out, size_t cap)
{
    size_t n = strlen(lang), np = strlen(prefix), ns = strlen(suffix);
    if (n == 0 || n > 3)
        return -1;
    char upper[4];
    for (size_t i = 0; i <= n; i++)
        upper[i] = (char)(lang[i] >= 'a' && lang[i] <= 'z' ? lang[i] - 'a' + 'A' : lang[i]);
    snprintf(out, cap, "%s/%s%s_%s%s", dir, prefix, lang, upper, suffix);
    FILE *f = fopen(out, "r");
    if (f) {
        fclose(f);
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

int lexicon_open(const char *lang, const char *dir, lexicon **out)
{
    *out = NULL;
    char aff[600], dic[600];
    if (lexicon_find_file(dir ? dir : LEXICON_DIR, "", lang, ".dic", dic, sizeof dic) != 0)
        return 0;
    snprintf(aff, sizeof aff, "%.*s.aff", (int)(strlen(dic) - 4), dic);
    FILE *f = fopen(aff, "r");
    if (!f)
        return 0;
    fclose(f);
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return -1;
    lx->h = Hunspell_create(aff, dic);
    if (!lx->h) {
        free(lx);
        return 0;
    }
    *out = lx;
    return 0;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    Hunspell_destroy(lx->h);
    free(lx);
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

int lexicon_knows(lexicon *lx, const char *word, size_t len)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || !cstr(word, len, buf))
        return 0;
    if (Hunspell_spell(lx->h, buf))
        return 1;
    /* the question's words come folded: a word the dictionary holds only
     * capitalised ("Linux", German nouns) is still a word of the language */
    if (buf[0] >= 'a' && buf[0] <= 'z') {
        buf[0] = (char)(buf[0] - 'a' + 'A');
        return Hunspell_spell(lx->h, buf) != 0;
    }
    return 0;
}

int lexicon_is_simple(lexicon *lx, const char *word, size_t len)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || !cstr(word, len, buf))
        return 0;
    char **list = NULL;
    int n = Hunspell_stem(lx->h, &list, buf);
    if (n > 0)
        Hunspell_free_list(lx->h, &list, n);
    return n > 0;
}

/* s after its first character (UTF-8) */
static const char *after_first(const char *s)
{
    s++;
    while ((*s & 0xC0) == 0x80)
        s++;
    return s;
}

int lexicon_is_name(lexicon *lx, const char *word, size_t len)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || !cstr(word, len, buf))
        return 1;
    char **list = NULL;
    int n = Hunspell_stem(lx->h, &list, buf);
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
    if (n > 0)
        Hunspell_free_list(lx->h, &list, n);
    return !(lower && (!upper || same));
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

size_t lexicon_lemma_if(lexicon *lx, const char *word, size_t len, lemma_fn accept, void *ctx,
                        char *out, size_t cap)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || cap == 0 || !cstr(word, len, buf))
        return 0;
    out[0] = '\0';
    char **list = NULL;
    int n = Hunspell_analyze(lx->h, &list, buf);
    /* a word that one reading takes as a lemma of its own is that lemma:
     * "header" is no form of "head", "give" of "g", "mise" (the noun) of
     * "mettre" */
    int own = 0;
    for (int i = 0; i < n && !own; i++) {
        int derived;
        size_t m = reading_lemma(list[i], out, cap, &derived);
        own = m && !derived && same_word(out, m, buf, len);
    }
    size_t got = 0;
    for (int i = 0; i < n && !own && !got; i++) {
        int derived;
        size_t m = reading_lemma(list[i], out, cap, &derived);
        if (m && !derived && strcmp(out, buf) != 0 && (!accept || accept(ctx, out, m)))
            got = m;
    }
    if (n > 0)
        Hunspell_free_list(lx->h, &list, n);
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

long lemma_term(lexicon *lx, analyzer *a, const char *word, size_t len, const char *stem,
                size_t stem_len, char *out, size_t cap)
{
    char lemma[LEXICON_MAX_WORD];
    term_pick p = {a, stem, stem_len, out, cap, 0, 0};
    if (!lx || !a || cap == 0 || !lexicon_lemma_if(lx, word, len, other_term, &p, lemma, sizeof lemma))
        return 0;
    return p.failed ? -1 : (long)p.len;
}
