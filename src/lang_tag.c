/* lang_tag.c: the asker's language as people and browsers write it (see
 * lang_tag.h). */
#include "lang_tag.h"

#include <string.h>

#include "corpus.h"
#include "limits.h"

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

/* The length of the language tag at s[0..n) (BCP 47's shape, with a
 * locale's '_' too: "pt_BR"), its primary subtag's lowercased into code;
 * 0 unless the whole of s[0..n) is one. */
static size_t tag_primary(const char *s, size_t n, char code[9])
{
    size_t p = 0;
    while (p < n && is_alpha(s[p]) && p < 8) {
        code[p] = (char)(s[p] | 0x20);
        p++;
    }
    code[p] = '\0';
    if (!p)
        return 0;
    for (size_t i = p; i < n;) {
        if (s[i] != '-' && s[i] != '_')
            return 0;
        size_t k = ++i;
        while (i < n && is_alnum(s[i]) && i - k < 8)
            i++;
        if (i == k)
            return 0;
    }
    return p;
}

static int find_span(const faq_index *ix, const char *s, size_t n)
{
    char code[9];
    if (!tag_primary(s, n, code))
        return -1;
    int l = faq_index_lang_find(ix, code);
    if (l >= 0)
        return l;
    /* "nb" for Norwegian, which libstemmer and the corpus call "no" */
    const char *usual = corpus_lang_code_usual(code, NULL);
    return usual ? faq_index_lang_find(ix, usual) : -1;
}

int lang_tag_find(const faq_index *ix, const char *tag)
{
    return tag ? find_span(ix, tag, strlen(tag)) : -1;
}

const char *lang_tag_code(const faq_index *ix, const char *tag)
{
    int l = lang_tag_find(ix, tag);
    return l >= 0 ? faq_index_lang_code(ix, (uint32_t)l) : NULL;
}

static const char *trim(const char *s, const char *end, const char **last)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    *last = end;
    return s;
}

/* The q-value of an item's parameters (";q=0.5"), in thousandths: 1000
 * when there is none, -1 when it is malformed (the item is then ignored,
 * as RFC 9110 lets a recipient do). */
static int q_value(const char *p, const char *end)
{
    int q = 1000;
    while (p < end && *p == ';') {
        const char *e = memchr(p + 1, ';', (size_t)(end - p - 1));
        if (!e)
            e = end;
        const char *a, *b;
        a = trim(p + 1, e, &b);
        if (b - a >= 2 && (a[0] == 'q' || a[0] == 'Q') && a[1] == '=') {
            a += 2;
            if (a == b || (*a != '0' && *a != '1'))
                return -1;
            int whole = *a++ - '0', frac = 0, digits = 0;
            if (a < b && *a == '.')
                for (a++; a < b && *a >= '0' && *a <= '9' && digits < 3; a++, digits++)
                    frac = frac * 10 + (*a - '0');
            if (a != b)
                return -1;
            for (; digits < 3; digits++)
                frac *= 10;
            q = whole * 1000 + frac;
            if (q > 1000)
                return -1;
        }
        p = e;
    }
    return q;
}

size_t lang_tag_accepted(const faq_index *ix, const char *header, uint32_t *out, size_t max)
{
    uint32_t n_langs = faq_index_lang_count(ix);
    /* each language's best q-value and first place in the header; a
     * language named only with q=0 stays out (an index opens with
     * FAQ_MAX_LANGS languages at most) */
    int best[FAQ_MAX_LANGS];
    size_t first[FAQ_MAX_LANGS];
    size_t count = 0;
    if (!header || n_langs > FAQ_MAX_LANGS)
        return 0;
    for (uint32_t l = 0; l < n_langs; l++)
        best[l] = -1;
    size_t place = 0;
    for (const char *s = header; *s; place++) {
        const char *comma = strchr(s, ',');
        const char *end = comma ? comma : s + strlen(s);
        const char *semi = memchr(s, ';', (size_t)(end - s));
        const char *tag_end, *tag = trim(s, semi ? semi : end, &tag_end);
        int q = q_value(semi ? semi : end, end);
        int l = find_span(ix, tag, (size_t)(tag_end - tag));
        if (l >= 0 && q > best[l]) {
            if (best[l] < 0)
                first[l] = place;
            best[l] = q;
        }
        s = comma ? comma + 1 : end;
    }
    /* picked by hand: a few languages, the best not yet out each turn */
    while (count < max) {
        int pick = -1;
        for (uint32_t l = 0; l < n_langs; l++)
            if (best[l] > 0 && (pick < 0 || best[l] > best[pick] ||
                                (best[l] == best[pick] && first[l] < first[pick])))
                pick = (int)l;
        if (pick < 0)
            break;
        out[count++] = (uint32_t)pick;
        best[pick] = -1;
    }
    return count;
}
