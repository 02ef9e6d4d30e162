/* langid.c: libexttextcat behind a small lazy wrapper (see langid.h). */
#include "langid.h"

#include <libexttextcat/textcat.h>
#include <stdlib.h>
#include <string.h>

#define TEXTCAT_DIR "/usr/share/libexttextcat/"
#define TEXTCAT_CONF TEXTCAT_DIR "fpdb.conf"
#define LANGID_MIN_BYTES 12     /* below this n-grams say nothing */

struct langid {
    void *tc;
    int tried;
};

langid *langid_new(void)
{
    return calloc(1, sizeof(langid));
}

void langid_free(langid *li)
{
    if (!li)
        return;
    if (li->tc)
        textcat_Done(li->tc);
    free(li);
}

int langid_guess(langid *li, const char *text, size_t len, char codes[][8], int max)
{
    if (!li || len < LANGID_MIN_BYTES || max <= 0)
        return 0;
    if (!li->tried) {
        li->tried = 1;
        li->tc = special_textcat_Init(TEXTCAT_CONF, TEXTCAT_DIR);
    }
    if (!li->tc)
        return 0;
    /* The answer looks like "[es--utf8][pt--utf8]", or SHORT / UNKNOWN. */
    const char *r = textcat_Classify(li->tc, text, len);
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
