/* lemma.c: a language's Hunspell dictionary, asked of words and lemmas. */
#include "lemma.h"
#include "utf8.h"

#include <dirent.h>
#include <hunspell/hunspell.h>
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

size_t lexicon_lemma(lexicon *lx, const char *word, size_t len, char *out, size_t cap)
{
    char buf[LEXICON_MAX_WORD];
    if (!lx || cap == 0 || !cstr(word, len, buf))
        return 0;
    char **list = NULL;
    int n = Hunspell_stem(lx->h, &list, buf);
    size_t got = 0;
    for (int i = 0; i < n && !got; i++) {
        size_t m = strlen(list[i]);
        if (m && m < cap && strcmp(list[i], buf) != 0) {
            memcpy(out, list[i], m + 1);
            got = m;
        }
    }
    if (n > 0)
        Hunspell_free_list(lx->h, &list, n);
    return got;
}
