/* messages.c: localized sentences with placeholders (see messages.h). */
#include "messages.h"

#include <string.h>

#include "lang_pack.h"
#include "message_keys.h"
#include "utf8.h"

/* The text of key in the messages.txt of the pack faqbot ships for code,
 * into buf; NULL when there is no pack or it lacks the key. */
static const char *pack_message(const char *code, const char *key, char *buf, size_t cap)
{
    const char *text = code ? lang_pack_file(code, "messages.txt") : NULL;
    return text ? message_value(text, strlen(text), key, buf, cap) : NULL;
}

/* Key's text for language lang: the index's; else, for an index written
 * before the key existed or a corpus whose "# replace" left it out, the
 * text of the pack faqbot ships for the language; else English's, the
 * index's then the pack's, which has every key. A language's name is its
 * own (English's would call Dutch "English"), else its code. NULL for a
 * key faqbot does not know. */
static const char *template_of(const faq_index *ix, uint32_t lang, const char *key, char *buf,
                               size_t cap)
{
    const char *code = faq_index_lang_code(ix, lang);
    if (faq_index_message(ix, lang, key, buf, cap) || pack_message(code, key, buf, cap))
        return buf;
    if (strcmp(key, "lang_name") == 0)
        return code;
    int en = faq_index_lang_find(ix, "en");
    if ((en >= 0 && faq_index_message(ix, (uint32_t)en, key, buf, cap)) ||
        pack_message("en", key, buf, cap))
        return buf;
    return NULL;
}

size_t msg_format(const faq_index *ix, uint32_t lang, const char *key,
                  const char *const *kv, char *out, size_t cap)
{
    if (!cap)
        return 0;
    char tmpl[1024];
    const char *t = template_of(ix, lang, key, tmpl, sizeof tmpl);
    if (!t)
        t = key;
    size_t o = 0;
    if (!kv) {
        /* nothing to put in: the text as it is, copied at once (a decline's
         * or a clarification's, on every such answer) */
        o = strnlen(t, cap - 1);
        memcpy(out, t, o);
    }
    for (const char *p = t + o; *p && o + 1 < cap;) {
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
    /* a cut must not split a character: the text may go into JSON, which
     * refuses invalid UTF-8 */
    if (o + 1 == cap)
        o = utf8_whole(out, o);
    out[o] = '\0';
    return o;
}

size_t msg_lang_name(const faq_index *ix, uint32_t in, uint32_t named, char *out, size_t cap)
{
    if (!cap)
        return 0;
    /* the table of the language the sentence is written in: a language
     * with no texts of its own speaks English's */
    const char *table = lang_pack_file(msg_text_lang(ix, in), "languages.txt");
    const char *code = faq_index_lang_code(ix, named);
    if (table && code && message_value(table, strlen(table), code, out, cap))
        return strlen(out);
    return msg_format(ix, named, "lang_name", NULL, out, cap);
}

size_t msg_decline(const faq_index *ix, uint32_t lang, char *out, size_t cap)
{
    if (faq_index_lang_entries(ix, lang))
        return msg_format(ix, lang, "decline", NULL, out, cap);
    char langs[512], name[128];
    size_t o = 0;
    langs[0] = '\0';
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++) {
        if (!faq_index_lang_entries(ix, l))
            continue;
        size_t n = msg_lang_name(ix, lang, l, name, sizeof name);
        if (o + n + 3 > sizeof langs)
            break;      /* more than a sentence holds: the first ones */
        if (o) {
            memcpy(langs + o, ", ", 2);
            o += 2;
        }
        memcpy(langs + o, name, n + 1);
        o += n;
    }
    const char *kv[] = {"langs", langs, NULL};
    return msg_format(ix, lang, "decline_langs", kv, out, cap);
}

const char *msg_text_lang(const faq_index *ix, uint32_t lang)
{
    char buf[1024];
    const char *code = faq_index_lang_code(ix, lang);
    if (faq_index_message(ix, lang, "page_title", buf, sizeof buf) ||
        pack_message(code, "page_title", buf, sizeof buf))
        return code;
    return "en";
}

const char *msg_text_dir(const char *code)
{
    static const char rtl[][3] = {"ar", "fa", "he", "ur"};
    for (size_t i = 0; i < sizeof rtl / sizeof *rtl; i++)
        if (strncmp(code, rtl[i], 2) == 0 && (code[2] == '\0' || code[2] == '-'))
            return "rtl";
    return "ltr";
}

uint32_t msg_lang(const faq_index *ix, const char *code)
{
    int l = code ? faq_index_lang_find(ix, code) : -1;
    return l < 0 ? faq_index_lang_default(ix) : (uint32_t)l;
}
