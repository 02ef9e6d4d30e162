/* langid.c: libexttextcat behind a small lazy wrapper (see langid.h). */
#include "langid.h"

#include "corpus.h"

#include <libexttextcat/textcat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#define TEXTCAT_DIR "/usr/share/libexttextcat/"
#define LANGID_MIN_BYTES 12     /* below this n-grams say nothing */
#define LANGID_MAX_BYTES 1024   /* a question's first kilobyte tells its language */

#define LANGID_MAX_LANGS 64

struct langid {
    void *tc;
    int tried;
    int n_langs;
    uint32_t writers[LANGID_MAX_LANGS];   /* each language's code_bit(), found once */
    char conf[4096];            /* the models to load, as textcat's conf text */
};

static uint32_t code_bit(const char *code);

langid *langid_new(const char *const *codes, int n)
{
    langid *li = calloc(1, sizeof *li);
    if (!li)
        return NULL;
    li->n_langs = n < LANGID_MAX_LANGS ? n : LANGID_MAX_LANGS;
    for (int i = 0; i < li->n_langs; i++)
        li->writers[i] = code_bit(codes[i]);
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        /* a model named otherwise ("nb.lm" for "no") answers with the
         * index's code */
        const char *model = corpus_lang_code_written(codes[i]);
        char path[512];
        snprintf(path, sizeof path, TEXTCAT_DIR "%s.lm", model);
        if (access(path, R_OK) != 0)
            continue;   /* no model for it: the index's evidence alone decides */
        int k = snprintf(li->conf + o, sizeof li->conf - o, "%s.lm %s--utf8\n", model, codes[i]);
        if (k < 0 || (size_t)k >= sizeof li->conf - o)
            break;
        o += (size_t)k;
    }
    return li;
}

/* textcat reads its list of models from a file: write ours to a private
 * temporary one, load, remove it. */
static void *load_models(const char *conf)
{
    char path[] = "/tmp/faqbot-langid-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    size_t n = strlen(conf);
    int ok = write(fd, conf, n) == (ssize_t)n;
    close(fd);
    void *tc = ok ? special_textcat_Init(path, TEXTCAT_DIR) : NULL;
    unlink(path);
    return tc;
}

void langid_free(langid *li)
{
    if (!li)
        return;
    if (li->tc)
        textcat_Done(li->tc);
    free(li);
}

/* textcat reads its input up to a NUL whatever length it is given, and
 * steps over UTF-8 by lead bytes alone, so a byte 0xF8 or a sequence cut
 * short walks it past the end. It gets a NUL-terminated copy of whole,
 * valid characters only; anything else becomes a space. */
static size_t clean_copy(char *dst, size_t cap, const char *src, size_t len)
{
    size_t o = 0, i = 0;
    while (i < len && o + 4 < cap) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)src + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0 || cp == 0) {
            dst[o++] = ' ';
            i++;
            continue;
        }
        memcpy(dst + o, src + i, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    dst[o] = '\0';
    return o;
}

int langid_guess(langid *li, const char *text, size_t len, char codes[][8], int max)
{
    if (!li || len < LANGID_MIN_BYTES || max <= 0)
        return 0;
    if (!li->tried) {
        li->tried = 1;
        li->tc = li->conf[0] ? load_models(li->conf) : NULL;
    }
    if (!li->tc)
        return 0;
    char clean[LANGID_MAX_BYTES];
    size_t n_clean = clean_copy(clean, sizeof clean, text, len);
    /* The answer looks like "[es--utf8][pt--utf8]", or SHORT / UNKNOWN. */
    const char *r = textcat_Classify(li->tc, clean, n_clean);
    int n = 0;
    while (r && n < max && (r = strchr(r, '[')) != NULL) {
        r++;
        size_t k = strcspn(r, "-]");
        if (k >= 2 && k <= 3) {
            memcpy(codes[n], r, k);
            codes[n][k] = '\0';
            n++;
        }
    }
    return n;
}

/* ---- signs ---- */

/* The languages whose letters are known, a bit each: a sign's writers are
 * a mask of them. */
static const char known_langs[][3] = {"ca", "da", "de", "el", "en", "es", "fi", "fr", "hu",
                                      "it", "nl", "no", "pt", "ro", "ru", "sv", "tr",
                                      "ar", "fa", "ur"};
enum {
    L_CA = 1 << 0, L_DA = 1 << 1, L_DE = 1 << 2, L_EL = 1 << 3, L_EN = 1 << 4,
    L_ES = 1 << 5, L_FI = 1 << 6, L_FR = 1 << 7, L_HU = 1 << 8, L_IT = 1 << 9,
    L_NL = 1 << 10, L_NO = 1 << 11, L_PT = 1 << 12, L_RO = 1 << 13, L_RU = 1 << 14,
    L_SV = 1 << 15, L_TR = 1 << 16, L_AR = 1 << 17, L_FA = 1 << 18, L_UR = 1 << 19
};
#define N_KNOWN (sizeof known_langs / sizeof *known_langs)
_Static_assert(N_KNOWN == 20, "a mask bit each, in known_langs' order");

/* A sign (a lowercase code point, or a script's block of them: a question
 * in Cyrillic is no English one, whatever its words) and the known
 * languages that write it in ordinary words; loanwords and names aside
 * ("façade", "Müller"). Serbian, written in both alphabets, is left
 * unknown: it writes every sign. */
#define SIGN(cp, langs) {cp, cp, langs, 0}
#define OWN(cp, langs) {cp, cp, langs, 1}
static const struct {
    utf8proc_int32_t lo, hi;
    uint32_t langs;
    /* a letter its languages write in their own words, which the other
     * languages of its script spell a loanword or name without: not a
     * name's letter, as "ñ" is in "Muñoz" */
    int own;
} signs[] = {
    SIGN(0x00BF, L_ES),                         /* ¿ */
    SIGN(0x00A1, L_ES),                         /* ¡ */
    SIGN(0x00F1, L_ES),                         /* ñ */
    SIGN(0x00E3, L_PT),                         /* ã */
    SIGN(0x00F5, L_PT),                         /* õ */
    SIGN(0x00DF, L_DE),                         /* ß */
    SIGN(0x00E4, L_DE | L_FI | L_SV),           /* ä */
    SIGN(0x00F6, L_DE | L_FI | L_HU | L_SV | L_TR), /* ö */
    SIGN(0x00FC, L_DE | L_HU | L_TR),           /* ü */
    SIGN(0x0153, L_FR),                         /* œ */
    SIGN(0x00E7, L_CA | L_FR | L_PT | L_TR),    /* ç */
    SIGN(0x00E0, L_CA | L_FR | L_IT | L_PT),    /* à */
    SIGN(0x00E8, L_CA | L_FR | L_IT),           /* è */
    SIGN(0x00F9, L_FR | L_IT),                  /* ù */
    SIGN(0x00EC, L_IT),                         /* ì */
    SIGN(0x00F2, L_CA | L_IT),                  /* ò */
    SIGN(0x00EB, L_FR | L_NL),                  /* ë */
    SIGN(0x00EF, L_CA | L_FR | L_NL),           /* ï */
    SIGN(0x00EE, L_FR | L_RO),                  /* î */
    SIGN(0x00FB, L_FR),                         /* û */
    SIGN(0x00E2, L_FR | L_PT | L_RO),           /* â */
    SIGN(0x00EA, L_FR | L_PT),                  /* ê */
    SIGN(0x00F4, L_FR | L_PT),                  /* ô */
    SIGN(0x00E1, L_ES | L_HU | L_PT),           /* á */
    SIGN(0x00ED, L_CA | L_ES | L_HU | L_PT),    /* í */
    SIGN(0x00F3, L_CA | L_ES | L_HU | L_PT),    /* ó */
    SIGN(0x00FA, L_CA | L_ES | L_HU | L_PT),    /* ú */
    SIGN(0x00E9, L_CA | L_ES | L_FR | L_HU | L_IT | L_NL | L_PT), /* é */
    SIGN(0x00E5, L_DA | L_NO | L_SV),           /* å */
    SIGN(0x00E6, L_DA | L_NO),                  /* æ */
    SIGN(0x00F8, L_DA | L_NO),                  /* ø */
    SIGN(0x0103, L_RO),                         /* ă */
    SIGN(0x0219, L_RO),                         /* ș */
    SIGN(0x021B, L_RO),                         /* ț */
    SIGN(0x011F, L_TR),                         /* ğ */
    SIGN(0x0131, L_TR),                         /* ı */
    SIGN(0x015F, L_RO | L_TR),                  /* ş */
    SIGN(0x0151, L_HU),                         /* ő */
    SIGN(0x0171, L_HU),                         /* ű */
    {0x0370, 0x03FF, L_EL, 0},                 /* Greek */
    {0x1F00, 0x1FFF, L_EL, 0},                 /* Greek with its old accents */
    {0x0400, 0x052F, L_RU, 0},                 /* Cyrillic */
    /* Persian and Urdu letters Arabic has no use for; the Arabic script's
     * other letters are each of them's. Keheh and Farsi yeh are what
     * their keyboards type for every kaf and yeh. */
    OWN(0x067E, L_FA | L_UR),                  /* پ */
    OWN(0x0686, L_FA | L_UR),                  /* چ */
    OWN(0x0698, L_FA | L_UR),                  /* ژ */
    OWN(0x06AF, L_FA | L_UR),                  /* گ */
    OWN(0x06A9, L_FA | L_UR),                  /* ک */
    OWN(0x06CC, L_FA | L_UR),                  /* ی */
    OWN(0x0679, L_UR),                         /* ٹ */
    OWN(0x0688, L_UR),                         /* ڈ */
    OWN(0x0691, L_UR),                         /* ڑ */
    OWN(0x06BA, L_UR),                         /* ں */
    OWN(0x06D2, L_UR),                         /* ے */
    OWN(0x06C1, L_UR),                         /* ہ */
};
#undef SIGN
#undef OWN
#define N_SIGNS (sizeof signs / sizeof *signs)
_Static_assert(N_SIGNS <= 64, "one bit a sign");

/* code's bit, 0 when faqbot does not know its letters (or it is no
 * two-letter code) */
static uint32_t code_bit(const char *code)
{
    if (!code[0] || !code[1] || code[2])
        return 0;
    for (size_t k = 0; k < N_KNOWN; k++)
        if (known_langs[k][0] == code[0] && known_langs[k][1] == code[1])
            return 1u << k;
    return 0;
}

/* Does a language (its code_bit()) write a sign whose writers are the
 * mask writes? Every sign, when its letters are not known. */
static int writes_sign(uint32_t bit, uint32_t writes)
{
    return !bit || (writes & bit);
}

/* The signs text holds, a bit each of signs[]. */
static uint64_t signs_seen(const char *text, size_t len)
{
    uint64_t seen = 0;
    for (size_t i = 0; i < len;) {
        /* ASCII with no combining mark after it: no sign (the most of a
         * question, passed over without decoding, eight bytes at a time
         * while they are all ASCII: the first seven of them are so) */
        uint64_t eight;
        if (i + 8 <= len) {
            memcpy(&eight, text + i, 8);
            if (!(eight & 0x8080808080808080ull)) {
                i += 7;
                continue;
            }
        }
        if ((unsigned char)text[i] < 0x80 && (i + 1 >= len || (unsigned char)text[i + 1] < 0x80)) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        i += (size_t)k;
        /* a decomposed letter, "e" and U+0301, is the letter composed */
        utf8proc_int32_t mark;
        utf8proc_ssize_t m = i < len ? utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                                        (utf8proc_ssize_t)(len - i), &mark)
                                     : 0;
        if (m > 0 && mark >= 0x0300 && mark <= 0x036F) {
            utf8proc_int32_t pair[2] = {cp, mark};
            if (utf8proc_normalize_utf32(pair, 2, UTF8PROC_COMPOSE) == 1) {
                cp = pair[0];
                i += (size_t)m;
            }
        }
        if (cp < 0x80)
            continue;
        cp = utf8proc_tolower(cp);
        for (size_t s = 0; s < N_SIGNS; s++)
            if (signs[s].lo <= cp && cp <= signs[s].hi) {
                seen |= 1ull << s;
                break;      /* a sign is listed once */
            }
    }
    return seen;
}

/* The scores of the signs seen for n languages: bits[i] the first 64's
 * code_bit(), codes[i] the rest's codes. */
static void score_signs(uint64_t seen, const uint32_t *bits, const char *const *codes, int n,
                        double *scores)
{
    for (int i = 0; i < n; i++)
        scores[i] = 0;
    for (size_t s = 0; s < N_SIGNS && seen; s++) {
        if (!((seen >> s) & 1))
            continue;
        uint32_t writes = signs[s].langs;
        int writers = 0;
        for (int i = 0; i < n; i++)
            writers += writes_sign(i < 64 ? bits[i] : code_bit(codes[i]), writes);
        if (writers == 0 || writers == n)
            continue;   /* nobody's, or everybody's: no evidence */
        for (int i = 0; i < n; i++)
            if (writes_sign(i < 64 ? bits[i] : code_bit(codes[i]), writes))
                scores[i] += LANGID_SIGN_WEIGHT / writers;
    }
}

void langid_signs(const char *text, size_t len, const char *const *codes, int n,
                  double *scores)
{
    uint64_t seen = signs_seen(text, len);
    uint32_t bits[64];          /* the first languages' code_bit() */
    for (int i = 0; i < n && i < 64 && seen; i++)
        bits[i] = code_bit(codes[i]);
    score_signs(seen, bits, codes, n, scores);
}

uint64_t langid_text_signs(const char *text, size_t len)
{
    return signs_seen(text, len);
}

void langid_question_signs(const langid *li, uint64_t seen, double *scores)
{
    score_signs(seen, li->writers, NULL, li->n_langs, scores);
}

int langid_question_foreign(const langid *li, uint64_t seen)
{
    int n = 0;
    for (size_t s = 0; s < N_SIGNS && seen; s++) {
        if (!((seen >> s) & 1) || !signs[s].own)
            continue;
        int writers = 0;
        for (int i = 0; i < li->n_langs; i++)
            writers += writes_sign(li->writers[i], signs[s].langs);
        n += writers == 0;
    }
    return n;
}
