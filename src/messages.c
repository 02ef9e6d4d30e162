/* messages.c: localized sentences with placeholders (see messages.h). */
#include "messages.h"

#include <string.h>

size_t msg_format(const faq_index *ix, uint32_t lang, const char *key,
                  const char *const *kv, char *out, size_t cap)
{
    char tmpl[1024];
    const char *t = faq_index_message(ix, lang, key, tmpl, sizeof tmpl);
    if (!t)
        t = key;
    size_t o = 0;
    if (!cap)
        return 0;
    for (const char *p = t; *p && o + 1 < cap;) {
        if (*p == '{' && kv) {
            const char *close = strchr(p, '}');
            int done = 0;
            for (size_t i = 0; close && kv[i] && kv[i + 1]; i += 2) {
                size_t n = strlen(kv[i]);
                if ((size_t)(close - p - 1) == n && memcmp(p + 1, kv[i], n) == 0) {
                    size_t v = strlen(kv[i + 1]);
                    if (v > cap - 1 - o)
                        v = cap - 1 - o;
                    memcpy(out + o, kv[i + 1], v);
                    o += v;
                    p = close + 1;
                    done = 1;
                    break;
                }
            }
            if (done)
                continue;
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    return o;
}

uint32_t msg_lang(const faq_index *ix, const char *code)
{
    int l = faq_index_lang_find(ix, code);
    return l < 0 ? 0 : (uint32_t)l;
}
