/* messages.c: localized sentences with placeholders (see messages.h). */
#include "messages.h"

#include <string.h>

#include "utf8.h"

/* What a corpus with no messages.txt, or an older one, still says: every
 * key the front ends use (docs/messages.md), in English. */
static const struct { const char *key, *text; } builtin[] = {
    {"decline", "Sorry, I don't have an answer to that question."},
    {"suggestions", "Perhaps you meant:"},
    {"clarify", "Did you mean one of these?"},
    {"did_you_mean", "Did you mean \"{q}\"?"},
    {"other_lang", "This answer is only available in {lang}."},
    {"prompt", "question>"},
    {"repl_welcome", "faqbot: type your question (:help for help)."},
    {"repl_help", "Commands: :help, :lang CODE, :reload, :quit. Type a number to pick a suggestion."},
    {"repl_lang", "Conversation language: {lang}"},
    {"repl_unknown_lang", "No language \"{code}\" in this index: {langs}"},
    {"repl_unknown_command", "Unknown command {command}"},
    {"repl_reloaded", "Index reloaded: {n} FAQ entries and {smalltalk} of small talk."},
    {"question_too_long", "That question is too long: at most {max} characters, please."},
    {"question_unreadable", "That question could not be read: it is not text (UTF-8)."},
    {"repl_reload_failed", "Index not reloaded, the old one stays: {error}"},
    {"page_title", "FAQ"},
    {"page_welcome", "Hello. Ask me a question."},
    {"page_placeholder", "Type your question…"},
    {"page_send", "Send"},
    {"page_typing", "Typing…"},
    {"page_error", "The server could not be reached. Please try again."},
    {"page_answers", "Answer to:"},
    {"page_alternatives", "Related questions:"},
    {"page_language", "Language"},
};

size_t msg_format(const faq_index *ix, uint32_t lang, const char *key,
                  const char *const *kv, char *out, size_t cap)
{
    if (!cap)
        return 0;
    char tmpl[1024];
    const char *t = faq_index_message(ix, lang, key, tmpl, sizeof tmpl);
    for (size_t i = 0; !t && i < sizeof builtin / sizeof *builtin; i++)
        if (strcmp(builtin[i].key, key) == 0)
            t = builtin[i].text;
    /* a language with no name in its messages is called by its code */
    if (!t && strcmp(key, "lang_name") == 0 && lang < faq_index_lang_count(ix))
        t = faq_index_lang_code(ix, lang);
    if (!t)
        t = key;
    size_t o = 0;
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
    /* a cut must not split a character: the text may go into JSON, which
     * refuses invalid UTF-8 */
    if (o + 1 == cap)
        o = utf8_whole(out, o);
    out[o] = '\0';
    return o;
}

uint32_t msg_lang(const faq_index *ix, const char *code)
{
    int l = code ? faq_index_lang_find(ix, code) : -1;
    return l < 0 ? faq_index_lang_default(ix) : (uint32_t)l;
}
