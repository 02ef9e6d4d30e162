/* langid.c: libexttextcat behind a small lazy wrapper (see langid.h). */
#include "langid.h"

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

struct langid {
    void *tc;
    int tried;
    char conf[4096];            /* the models to load, as textcat's conf text */
};

langid *langid_new(const char *const *codes, int n)
{
    langid *li = calloc(1, sizeof *li);
    if (!li)
        return NULL;
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, TEXTCAT_DIR "%s.lm", codes[i]);
        if (access(path, R_OK) != 0)
            continue;   /* no model for it: the index's evidence alone decides */
        int k = snprintf(li->conf + o, sizeof li->conf - o, "%s.lm %s--utf8\n", codes[i], codes[i]);
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
