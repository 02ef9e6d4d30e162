/* message_keys.c: the keys of the bot's texts (see message_keys.h). */
#include "message_keys.h"

#include <stdio.h>
#include <string.h>

static const char *const keys[] = {
    "lang_name", "decline", "suggestions", "clarify", "did_you_mean", "other_lang",
    "prompt", "repl_welcome", "repl_help", "repl_lang", "repl_reloaded", "repl_unknown_lang",
    "repl_reload_failed", "question_too_long", "question_unreadable", "page_title", "page_welcome", "page_placeholder", "page_send",
    "page_typing", "page_error", "page_answers", "page_alternatives", "page_language",
    "page_helpful", "page_unhelpful", "page_thanks", "page_open", "page_close", "import_parts",
};

int message_key_known(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strlen(keys[i]) == len && memcmp(keys[i], key, len) == 0)
            return 1;
    return 0;
}

const char *message_key(size_t i)
{
    return i < sizeof keys / sizeof *keys ? keys[i] : NULL;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

unsigned message_text_check(const char *text, char *err, size_t errlen)
{
    unsigned line = 0;
    for (const char *p = text; *p;) {
        line++;
        size_t n = strcspn(p, "\n");
        const char *a = p, *eol = p + n;
        p = eol + (*eol == '\n');
        while (a < eol && is_blank(*a))
            a++;
        if (a == eol || *a == '#')
            continue;
        const char *k = a;
        while (a < eol && ((*a >= 'a' && *a <= 'z') || (*a >= '0' && *a <= '9') || *a == '_'))
            a++;
        size_t klen = (size_t)(a - k);
        while (a < eol && is_blank(*a))
            a++;
        if (klen == 0 || a == eol || *a != '=') {
            snprintf(err, errlen, "expected \"key = value\" (page_welcome = Hello. Ask me a question.)");
            return line;
        }
        if (!message_key_known(k, klen)) {
            snprintf(err, errlen, "unknown message key \"%.*s\" (docs/messages.md lists them)",
                     (int)(klen < 64 ? klen : 64), k);
            return line;
        }
    }
    return 0;
}
