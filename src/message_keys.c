/* message_keys.c: the keys of the bot's texts (see message_keys.h). */
#include "message_keys.h"

#include <stdio.h>
#include <string.h>

/* Each key and the placeholders its front end fills (docs/messages.md). */
static const struct { const char *key, *placeholders; } keys[] = {
    {"lang_name", ""}, {"decline", ""}, {"suggestions", ""}, {"clarify", ""},
    {"did_you_mean", "q"}, {"other_lang", "lang"}, {"prompt", ""}, {"repl_welcome", ""},
    {"repl_help", ""}, {"repl_lang", "lang"}, {"repl_reloaded", "n smalltalk"},
    {"repl_unknown_lang", "code langs"}, {"repl_unknown_command", "command"},
    {"repl_reload_failed", "error"}, {"repl_nothing_to_pick", ""}, {"repl_pick_range", "max"},
    {"question_too_long", "max"},
    {"question_unreadable", ""}, {"page_title", ""}, {"page_welcome", ""}, {"page_placeholder", ""},
    {"page_send", ""}, {"page_typing", ""}, {"page_error", ""}, {"page_answers", ""},
    {"page_alternatives", ""}, {"page_language", ""}, {"page_helpful", ""}, {"page_unhelpful", ""},
    {"page_thanks", ""}, {"page_open", ""}, {"page_close", ""}, {"import_parts", ""},
};

static long key_index(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strlen(keys[i].key) == len && memcmp(keys[i].key, key, len) == 0)
            return (long)i;
    return -1;
}

int message_key_known(const char *key, size_t len)
{
    return key_index(key, len) >= 0;
}

const char *message_key(size_t i)
{
    return i < sizeof keys / sizeof *keys ? keys[i].key : NULL;
}

const char *message_key_placeholders(const char *key)
{
    long i = key_index(key, strlen(key));
    return i >= 0 ? keys[i].placeholders : NULL;
}

/* Is the placeholder name (len bytes) one of the space-separated names? */
static int among(const char *names, const char *name, size_t len)
{
    for (const char *p = names; *p;) {
        size_t n = strcspn(p, " ");
        if (n == len && memcmp(p, name, len) == 0)
            return 1;
        p += n + (p[n] == ' ');
    }
    return 0;
}

const char *message_placeholder_next(const char *s, const char *end, size_t *len)
{
    for (const char *p = s; p < end; p++) {
        if (*p != '{')
            continue;
        const char *q = p + 1;
        while (q < end && ((*q >= 'a' && *q <= 'z') || *q == '_'))
            q++;
        if (q > p + 1 && q < end && *q == '}') {
            *len = (size_t)(q - p - 1);
            return p + 1;
        }
    }
    return NULL;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

const char *message_value(const char *text, size_t len, const char *key, char *buf, size_t cap)
{
    size_t klen = strlen(key);
    if (!cap)
        return NULL;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *a = p;
        p = eol + (eol < end);
        while (a < eol && (*a == ' ' || *a == '\t'))
            a++;
        if ((size_t)(eol - a) <= klen || memcmp(a, key, klen) != 0)
            continue;
        const char *q = a + klen;
        while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
        if (q == eol || *q != '=')
            continue;
        q++;
        while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
        const char *z = eol;
        while (z > q && is_blank(z[-1]))
            z--;
        size_t n = (size_t)(z - q);
        if (n >= cap)
            n = cap - 1;
        memcpy(buf, q, n);
        buf[n] = '\0';
        return buf;
    }
    return NULL;
}

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
        /* a placeholder the front end does not fill would be shown as it is */
        const char *given = keys[key_index(k, klen)].placeholders, *name;
        size_t len;
        for (const char *v = a + 1; (name = message_placeholder_next(v, eol, &len)) != NULL; v = name + len + 1)
            if (!among(given, name, len)) {
                snprintf(err, errlen, "{%.*s} is no placeholder of %.*s (%s%s; docs/messages.md)",
                         (int)(len < 64 ? len : 64), name, (int)klen, k, *given ? "its placeholders: " : "it has none",
                         given);
                return line;
            }
    }
    return 0;
}
