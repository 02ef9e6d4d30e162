/* translit.c: Cyrillic and Greek letters read in Latin ones (translit.h).
 * One table for every Cyrillic language and Greek: a visitor's Latin
 * spelling of a letter is the keyboard's habit, not the language's, and
 * the key folds the habits' differences away on both sides. */
#include "translit.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* Lower-case Cyrillic а..я (U+0430..U+044F) in Latin letters: "" for the
 * signs, which a Latin spelling drops or writes as an apostrophe */
static const char *const cyr[32] = {
    "a", "b", "v",  "g",  "d",  "e",    "zh", "z", "i",  "i", "k", "l", "m",  "n",  "o", "p",
    "r", "s", "t",  "u",  "f",  "h",    "c",  "ch", "sh", "sh", "", "y", "",  "e",  "iu", "ia"};

/* U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ (Ukrainian, Belarusian,
 * Serbian, Macedonian) */
static const char *const cyr_ext[16] = {"e", "e",  "dj", "g", "ie", "dz", "i", "i",
                                        "j", "lj", "nj", "c", "k",  "i",  "u", "dz"};

/* Lower-case Greek ΐ..ώ (U+0390..U+03CE); NULL: no letter */
static const char *greek(uint32_t c)
{
    static const char *const lower[25] = {"a", "v", "g", "d", "e", "z", "i", "th", "i",
                                          "k", "l", "m", "n", "ks", "o", "p", "r", "s",
                                          "s", "t", "i", "f", "h", "ps", "o"};
    if (c >= 0x3B1 && c <= 0x3C9)
        return lower[c - 0x3B1];
    switch (c) {
    case 0x3AC: return "a";
    case 0x3AD: return "e";
    case 0x390: case 0x3AE: case 0x3AF: case 0x3B0: case 0x3CA: case 0x3CB: case 0x3CD: return "i";
    case 0x3CC: case 0x3CE: return "o";
    default: return NULL;
    }
}

/* The code point at s[*i] (advanced past it), or UINT32_MAX if malformed */
static uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    if (*i >= n)
        return UINT32_MAX;
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i, (utf8proc_ssize_t)(n - *i), &c);
    if (k <= 0)
        return UINT32_MAX;
    *i += (size_t)k;
    return (uint32_t)c;
}

/* Greek omicron and upsilon, either case, with or without tonos (an
 * upsilon with dialytika is said apart: "οϋ" is no "ου") */
static int greek_omicron(uint32_t c) { return c == 0x3BF || c == 0x39F || c == 0x3CC || c == 0x38C; }
static int greek_upsilon(uint32_t c) { return c == 0x3C5 || c == 0x3A5 || c == 0x3CD || c == 0x38E; }

/* Code point c in Latin letters; NULL when it is a letter of another script
 * or a Latin one with an accent */
static const char *latin_of(uint32_t c, char *one)
{
    if (c < 0x80) {
        one[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        one[1] = 0;
        return one;
    }
    if (c >= 0x410 && c <= 0x42F)      /* upper case: the word may not be folded */
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    if (c >= 0x430 && c <= 0x44F)
        return cyr[c - 0x430];
    if (c >= 0x450 && c <= 0x45F)
        return cyr_ext[c - 0x450];
    if (c == 0x491)                     /* ґ */
        return "g";
    if (c >= 0x391 && c <= 0x3A9)
        c += 0x20;
    return greek(c);
}

/* One spelling of a sound at l[i] ("shch", "kh", "ts", "y"...) as the key
 * writes it, into *out; how many of l's bytes it took */
static size_t key_letter(const char *l, size_t i, size_t n, const char **out)
{
    static const struct { const char *from, *to; } many[] = {
        {"shch", "sh"}, {"sch", "sh"}, {"kh", "h"}, {"ts", "c"}, {"tz", "c"}, {"ou", "u"}};
    for (size_t k = 0; k < sizeof many / sizeof *many; k++) {
        size_t m = strlen(many[k].from);
        if (i + m <= n && memcmp(l + i, many[k].from, m) == 0) {
            *out = many[k].to;
            return m;
        }
    }
    switch (l[i]) {
    case 'y': case 'j': *out = "i"; break;
    /* Greeks type "w" for "ω", the letter it looks like ("thelw"); a
     * Cyrillic "в" is typed "v" in every usual spelling */
    case 'w': *out = "o"; break;
    /* ... and "8" for "θ" ("8elw"): within a word no number means */
    case '8': *out = "th"; break;
    case 'x': *out = "h"; break;      /* "х" and "χ" typed as the letter they look like */
    case '\'': *out = ""; break;       /* the soft sign typed */
    default: *out = NULL;
    }
    return 1;
}

/* Letters to onto key out (*k of cap bytes so far), a letter the key
 * ends with not again: a letter typed twice is once. 0, or -1 when out is
 * full. */
static int put_key(char *out, size_t cap, size_t *k, const char *to)
{
    for (; *to; to++) {
        if (*k && out[*k - 1] == *to)
            continue;
        if (*k + 1 >= cap)
            return -1;
        out[(*k)++] = *to;
    }
    return 0;
}

/* Key out (k bytes) NUL-ended: its length, or -1 with no room */
static long end_key(char *out, size_t cap, size_t k)
{
    if (!cap)
        return -1;
    out[k] = 0;
    return (long)k;
}

long translit_key(const char *s, size_t n, char *out, size_t cap)
{
    char latin[256];
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        char one[2];
        uint32_t c = next_cp(s, n, &i);
        const char *l = c == UINT32_MAX ? NULL : latin_of(c, one);
        /* "ου" is one sound, typed "ou" (or "u"), not "o" and the "i" of
         * a lone "υ" */
        size_t at = i;
        if (greek_omicron(c) && greek_upsilon(next_cp(s, n, &at))) {
            l = "u";
            i = at;
        }
        size_t m = l ? strlen(l) : 0;
        if (!l || len + m >= sizeof latin)
            return -1;
        memcpy(latin + len, l, m);
        len += m;
    }
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        const char *to;
        size_t took = key_letter(latin, i, len, &to);
        char single[2] = {latin[i], 0};
        if (!to)
            to = single;
        i += took;
        if (put_key(out, cap, &k, to) != 0)   /* "ss" and "s", "ii" (ий) and "i" */
            return -1;
    }
    return end_key(out, cap, k);
}

int translit_script(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c = next_cp(s, n, &i);
        if (c == UINT32_MAX)
            return 0;
        if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF))
            return TRANSLIT_CYRILLIC_GREEK;
        if (c >= 0x621 && c <= 0x64A)
            return TRANSLIT_ARABIC;
    }
    return 0;
}

/* Arabic letter c (U+0621..U+064A) as its consonant class; "" for the
 * letters that are vowels as often as not (alef, waw, yeh, hamza's seats,
 * teh marbuta), NULL for none */
static const char *arabic_class(uint32_t c)
{
    /* U+0621 ء .. U+063A غ, then U+0641 ف .. U+064A ي */
    static const char *const lo[26] = {
        "", "", "", "", "", "", "", "b", "", "t", "t", "j", "h", "h", "d", "d",
        "r", "z", "s", "S", "s", "d", "t", "d", "3", "g"};
    static const char *const hi[10] = {"f", "q", "k", "l", "m", "n", "h", "", "", ""};
    if (c >= 0x621 && c <= 0x63A)
        return lo[c - 0x621];
    if (c >= 0x641 && c <= 0x64A)
        return hi[c - 0x641];
    return NULL;
}

/* A Latin-letter spelling of an Arabic sound at l[i] as its consonant
 * class, into *out; how many bytes it took. Vowels, "w", "y" and the
 * hamza's "2" are "" (Arabic writes short vowels not at all, long ones
 * with the letters the Arabic side drops too); the digits are the letters
 * they look like: "3" ع, "7" ح, "9" ق, "5" خ. */
static size_t skeleton_letter(const char *l, size_t i, size_t n, const char **out)
{
    static const struct { const char *from, *to; } many[] = {
        {"sh", "S"}, {"ch", "S"}, {"kh", "h"}, {"gh", "g"}, {"dj", "j"}, {"th", "t"}, {"dh", "d"}};
    for (size_t k = 0; k < sizeof many / sizeof *many; k++) {
        size_t m = strlen(many[k].from);
        if (i + m <= n && memcmp(l + i, many[k].from, m) == 0) {
            *out = many[k].to;
            return m;
        }
    }
    static const char from[] = "bptjg75hxdrzs3fv9qkclmnaeiouwy2'";
    static const char *const to[] = {"b", "b", "t", "j", "j", "h", "h", "h", "h", "d", "r", "z",
                                     "s", "3", "f", "f", "q", "q", "k", "k", "l", "m", "n", "",
                                     "", "",  "",  "",  "",  "",  "",  ""};
    _Static_assert(sizeof from - 1 == sizeof to / sizeof *to, "a class each");
    const char *at = l[i] ? strchr(from, l[i]) : NULL;
    *out = at ? to[at - from] : NULL;
    return 1;
}

long translit_skeleton(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        const char *to;
        size_t at = i;
        uint32_t c = next_cp(s, n, &i);
        if (c == UINT32_MAX)
            return -1;
        if (c >= 0x80) {
            to = arabic_class(c);
            /* a last heh is teh marbuta folded, or "his": no root letter */
            if (c == 0x647 && i == n)
                to = "";
        } else {
            i = at + skeleton_letter(s, at, n, &to);   /* s is lower case */
        }
        if (!to || put_key(out, cap, &k, to) != 0)   /* "njdded": the shadda's letter once */
            return -1;
    }
    return end_key(out, cap, k);
}
