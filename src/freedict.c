/* freedict.c: FreeDict's dictionaries: their names and their entries'
 * layout (see freedict.h). */
#include "freedict.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PIECE_MAX 256           /* longer translations are not read */

/* ISO 639-1 (the corpus's folders) -> ISO 639-3 (FreeDict's names), for
 * the languages libstemmer and FreeDict both have. Norwegian is "nor" to
 * FreeDict (Debian 12 has its English-Norwegian dictionary alone). */
static const char *const iso3[][2] = {
    {"da", "dan"}, {"de", "deu"}, {"el", "ell"}, {"en", "eng"}, {"es", "spa"},
    {"fi", "fin"}, {"fr", "fra"}, {"ga", "gle"}, {"hu", "hun"}, {"it", "ita"},
    {"lt", "lit"}, {"nl", "nld"}, {"no", "nor"}, {"pt", "por"}, {"ru", "rus"},
    {"sv", "swe"}, {"tr", "tur"},
};

static const char *iso3_of(const char *code)
{
    for (size_t i = 0; i < sizeof iso3 / sizeof *iso3; i++)
        if (strcmp(iso3[i][0], code) == 0)
            return iso3[i][1];
    return NULL;
}

int freedict_base(const char *dir, const char *from, const char *to, char *base, size_t cap)
{
    const char *a = iso3_of(from), *b = iso3_of(to);
    if (!a || !b || !*dir)
        return 0;
    return snprintf(base, cap, "%s/freedict-%s-%s", dir, a, b) < (int)cap;
}

int freedict_exists(const char *dir, const char *from, const char *to)
{
    char base[4096], path[4200];
    if (!freedict_base(dir, from, to, base, sizeof base))
        return 0;
    snprintf(path, sizeof path, "%s.index", base);
    return access(path, R_OK) == 0;
}

/* ---- a FreeDict entry's translations ---- */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* "12." at s (after spaces): the sense number's length with its dot and
 * the spaces after, or 0. */
static size_t sense_number(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i >= n || s[i] != '.')
        return 0;
    i++;
    if (i < n && !is_space(s[i]))
        return 0;
    while (i < n && is_space(s[i]))
        i++;
    return i;
}

/* One piece between commas: its labels ("[geol.]", "<fem>", "(coll.)",
 * "{ref}") cut away, then trimmed. */
static void give_piece(const char *s, size_t n, freedict_piece_fn fn, void *ctx, int *stop)
{
    char buf[PIECE_MAX];
    size_t k = 0;
    int depth = 0;
    if (n >= sizeof buf)
        return;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[' || c == '<' || c == '(' || c == '{')
            depth++;
        else if ((c == ']' || c == '>' || c == ')' || c == '}') && depth > 0)
            depth--;
        else if (!depth)
            buf[k++] = c;
    }
    size_t a = 0;
    while (a < k && is_space(buf[a]))
        a++;
    while (k > a && is_space(buf[k - 1]))
        k--;
    if (k > a && memchr(buf + a, '"', k - a) == NULL)
        *stop = fn(ctx, buf + a, k - a);
}

/* A line of translations: pieces between commas and semicolons (outside
 * brackets); a trailing sense number ("hora 2.", the next sense's, which
 * some entries put there) cut off. */
static void give_line(const char *s, size_t n, freedict_piece_fn fn, void *ctx, int *stop)
{
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (n >= 2 && s[n - 1] == '.') {
        size_t i = n - 1;
        while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            i--;
        if (i < n - 1 && (i == 0 || is_space(s[i - 1])))
            n = i;
    }
    int depth = 0;
    size_t from = 0;
    for (size_t i = 0; i <= n && !*stop; i++) {
        char c = i < n ? s[i] : ',';
        if (c == '[' || c == '<' || c == '(' || c == '{')
            depth++;
        else if ((c == ']' || c == '>' || c == ')' || c == '}') && depth > 0)
            depth--;
        else if ((c == ',' || c == ';') && (depth == 0 || i == n)) {
            give_piece(s + from, i - from, fn, ctx, stop);
            from = i + 1;
        }
    }
}

static int starts_with(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s, w, k) == 0;
}

void freedict_pieces(const char *text, size_t len, freedict_piece_fn fn, void *ctx)
{
    const char *p = text, *end = text + len;
    int stop = 0;
    for (int line = 0; p < end && !stop; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *s = p;
        p = eol + 1;
        if (line == 0)
            continue;   /* the headword's line */
        while (s < eol && is_space(*s))
            s++;
        size_t n = (size_t)(eol - s);
        size_t num = sense_number(s, n);
        if (num) {
            give_line(s + num, n - num, fn, ctx, &stop);
        } else if (line == 1 && n && *s != '"' && !starts_with(s, n, "Note:") &&
                   !starts_with(s, n, "Synonym") && !starts_with(s, n, "see:")) {
            give_line(s, n, fn, ctx, &stop);
        }
    }
}


/* The first (up to) three letters of s, case- and accent-folded as the
 * analyzer folds them (Latin-1's letters; "ß" as "ss"), into out: how many
 * bytes, stopping at a character it does not fold or that is no letter or
 * digit. A term's stem begins with its word's first letters (Snowball
 * changes a word's end), so a word whose first letters begin no term of
 * the index needs no analysis. */
int freedict_prefix(const char *s, size_t n, char out[FREEDICT_PREFIX_MAX], int max)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty";
    int k = 0;
    for (size_t i = 0; i < n && k < max;) {
        unsigned char c = (unsigned char)s[i];
        char f;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            f = (char)c;
        else if (c >= 'A' && c <= 'Z')
            f = (char)(c - 'A' + 'a');
        else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0xBF && latin1[(unsigned char)s[i + 1] - 0x80] != '.')
            f = latin1[(unsigned char)s[i + 1] - 0x80];
        else
            break;
        out[k++] = f;
        if (f == 's' && c == 0xC3 && (unsigned char)s[i + 1] == 0x9F && k < max)
            out[k++] = 's';
        i += c >= 0x80 ? 2 : 1;
    }
    return k;
}

