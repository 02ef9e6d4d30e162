/* fold.c: case and accent folding, the analyzer's and the front ends'. */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_tables.h"
#include "utf8.h"

/* Arabic letters a writer varies at will, in out (o bytes) in place, for
 * the accent-folded form: the tatweel (U+0640, a stroke that only draws a
 * word out: "كيـــف" is "كيف") dropped, teh marbuta written as heh
 * (U+0629 as U+0647: "الاقامه" for "الإقامة") and alef maqsura as yeh
 * (U+0649 as U+064A: "الي" for "إلى"), as Arabic is typed; hamza and madda
 * on the alef and the short vowels are marks, stripped already. Returns
 * the new length. */
static size_t fold_arabic(char *out, size_t o)
{
    if (!memchr(out, 0xD8, o) && !memchr(out, 0xD9, o))
        return o;
    size_t w = 0;
    for (size_t i = 0; i < o; i++) {
        unsigned char c = (unsigned char)out[i], d = i + 1 < o ? (unsigned char)out[i + 1] : 0;
        if (c == 0xD9 && d == 0x80) {   /* tatweel */
            i++;
            continue;
        }
        if (c == 0xD8 && d == 0xA9) {   /* teh marbuta -> heh */
            out[w++] = (char)0xD9, out[w++] = (char)0x87, i++;
            continue;
        }
        if (c == 0xD9 && d == 0x89) {   /* alef maqsura -> yeh */
            out[w++] = (char)0xD9, out[w++] = (char)0x8A, i++;
            continue;
        }
        out[w++] = (char)c;
    }
    out[w] = '\0';
    return w;
}

/* Fold one piece of valid UTF-8 with utf8proc into out; ASCII and two-byte
 * letters take a short cut (a table utf8proc filled) because they are
 * nearly all of what a FAQ in a European language holds (unicode_tables.h:
 * utf8proc's own folds of them, tabulated when faqbot is built). */
long fold_into(utf8proc_int32_t *cps, size_t cps_cap, const char *s, size_t len,
               char *out, size_t cap, int strip_accents)
{
    size_t o = 0;
    /* a letter of the Arabic block folded (lead byte 0xD8 to 0xDB; no other
     * two-byte letter folds into it): only then is fold_arabic() asked, the
     * fast path being most of what is folded */
    unsigned arabic = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 2 > cap)
                return -1;
            out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            i++;
            continue;
        }
        if ((c & 0xE0) != 0xC0 || i + 1 >= len)
            goto slow;
        uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
        if (cp < UNICODE_FOLD2_FIRST)
            goto slow;
        const unicode_fold2 *f = &unicode_fold2_table[strip_accents != 0][cp - UNICODE_FOLD2_FIRST];
        if (f->len == 0xFF)
            goto slow;   /* a combining mark (it would join the letter before) */
        if (o + f->len + 1 > cap)
            return -1;
        memcpy(out + o, f->bytes, f->len);
        arabic |= (c & 0xFC) == 0xD8;
        o += f->len;
        i += 2;
    }
    out[o] = '\0';
    return (long)(strip_accents && arabic ? fold_arabic(out, o) : o);
slow:
    o = 0;
    utf8proc_option_t opt = UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE;
    if (strip_accents)
        opt |= UTF8PROC_STRIPMARK;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                            cps, (utf8proc_ssize_t)cps_cap, opt);
    if (n < 0 || (size_t)n > cps_cap)
        return -1;
    n = utf8proc_normalize_utf32(cps, n, opt);
    if (n < 0)
        return -1;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(cps[i], enc);
        if (o + (size_t)k + 1 > cap)
            return -1;
        memcpy(out + o, enc, (size_t)k);
        o += (size_t)k;
    }
    out[o] = '\0';
    return (long)(strip_accents ? fold_arabic(out, o) : o);
}

static long fold_alloc(const char *text, size_t len, char *out, size_t cap, int strip_accents)
{
    if (!utf8_valid(text, len))
        return -1;
    size_t cps_cap = len * 3 + 16;   /* decomposition may grow a code point into three */
    utf8proc_int32_t *cps = malloc(cps_cap * sizeof *cps);
    if (!cps)
        return -1;
    long n = fold_into(cps, cps_cap, text, len, out, cap, strip_accents);
    free(cps);
    return n;
}

long fold_text(const char *text, size_t len, char *out, size_t cap)
{
    return fold_alloc(text, len, out, cap, 1);
}

long fold_case(const char *text, size_t len, char *out, size_t cap)
{
    return fold_alloc(text, len, out, cap, 0);
}

long fold_middot(char *w, size_t n, size_t cap)
{
    /* every token passes here and almost none holds a mark */
    if (!memchr(w, '.', n) && !memchr(w, 0xA7, n)) {
        if (n + 1 > cap)
            return -1;
        w[n] = '\0';
        return (long)n;
    }
    size_t grow = 0;
    for (size_t i = 0; i < n; i++)
        grow += w[i] == '.';
    if (n + grow + 1 > cap)
        return -1;
    /* from the end, so a period's second byte has room */
    size_t o = n + grow;
    w[o] = '\0';
    for (size_t i = n; i > 0;) {
        unsigned char c = (unsigned char)w[--i];
        if (c == '.' || (c == 0xA7 && i >= 2 && (unsigned char)w[i - 1] == 0x80 &&
                         (unsigned char)w[i - 2] == 0xE2)) {
            if (c != '.')
                i -= 2;
            w[--o] = (char)0xB7;
            w[--o] = (char)0xC2;
        } else {
            w[--o] = (char)c;
        }
    }
    /* U+2027's three bytes became two: the word moves down to the start */
    if (o)
        memmove(w, w + o, n + grow - o + 1);
    return (long)(n + grow - o);
}

/* The letters fold_bare() reads, as their two bytes of UTF-8, and what is
 * typed for them. */
static const struct { unsigned char b0, b1; const char *typed; } bare_letters[] = {
    {0xC3, 0xB8, "o"},  /* ø */
    {0xC3, 0xA6, "ae"}, /* æ */
    {0xC5, 0x93, "oe"}, /* œ */
    {0xC5, 0x82, "l"},  /* ł */
    {0xC4, 0x91, "d"},  /* đ */
    {0xC3, 0xB0, "d"},  /* ð */
    {0xC3, 0xBE, "th"}, /* þ */
    {0xC4, 0xB1, "i"},  /* ı */
    {0xC2, 0xB7, ""},   /* the middle dot of Catalan's l·l (fold_middot()) */
};

/* fold_bare(), and with one_ell fold_bare_ell(). */
static long bare_into(const char *w, size_t n, char *out, size_t cap, int one_ell)
{
    size_t o = 0;
    int read = 0;
    for (size_t i = 0; i < n;) {
        const char *typed = NULL;
        unsigned char c = (unsigned char)w[i];
        if (i + 1 < n && c >= 0xC2 && c <= 0xC5)   /* the lead bytes of bare_letters */
            for (size_t k = 0; k < sizeof bare_letters / sizeof *bare_letters && !typed; k++)
                if ((unsigned char)w[i] == bare_letters[k].b0 &&
                    (unsigned char)w[i + 1] == bare_letters[k].b1)
                    typed = bare_letters[k].typed;
        size_t used = typed ? 2 : 1, len = typed ? strlen(typed) : 1;
        /* l·l as one l: the dot and the l after it dropped */
        if (one_ell && c == 0xC2 && typed && i + 2 < n && (w[i + 2] == 'l' || w[i + 2] == 'L'))
            used = 3;
        if (o + len + 1 > cap)
            return -1;
        memcpy(out + o, typed ? typed : w + i, len);
        o += len;
        i += used;
        read |= typed != NULL;
    }
    out[o] = '\0';
    return read ? (long)o : -1;
}

long fold_bare(const char *w, size_t n, char *out, size_t cap)
{
    return bare_into(w, n, out, cap, 0);
}

long fold_bare_ell(const char *w, size_t n, char *out, size_t cap)
{
    return bare_into(w, n, out, cap, 1);
}
