/* message_keys.c: the keys of the bot's texts (see message_keys.h). */
#include "message_keys.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Each key and the placeholders its front end fills (docs/messages.md). */
static const struct { const char *key, *placeholders; } keys[] = {
    {"lang_name", ""}, {"decline", ""}, {"decline_langs", "langs"}, {"suggestions", ""}, {"clarify", ""},
    {"did_you_mean", "q"}, {"other_lang", "lang"}, {"prompt", ""}, {"repl_welcome", ""},
    {"repl_help", ""}, {"repl_lang", "lang"}, {"repl_reloaded", "n smalltalk"},
    {"repl_unknown_lang", "code langs"}, {"repl_unknown_command", "command"},
    {"repl_reload_failed", "error"}, {"repl_nothing_to_pick", ""}, {"repl_pick_range", "max"},
    {"question_too_long", "max"},
    {"question_unreadable", ""}, {"page_title", ""}, {"page_welcome", ""}, {"page_placeholder", ""},
    {"page_send", ""}, {"page_typing", ""}, {"page_error", ""}, {"page_question", ""}, {"page_answers", ""},
    {"page_alternatives", ""}, {"page_language", ""}, {"page_helpful", ""}, {"page_unhelpful", ""},
    {"page_thanks", ""}, {"page_open", ""}, {"page_close", ""}, {"page_new", ""},
    {"import_parts", ""},
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

/* The line p..eol: 1 for "key = value" (its key at *k, klen bytes; *value
 * just past the "="), 0 for a blank line or a comment, -1 for another. */
static int line_key(const char *p, const char *eol, const char **k, size_t *klen,
                    const char **value)
{
    while (p < eol && is_blank(*p))
        p++;
    if (p == eol || *p == '#')
        return 0;
    *k = p;
    while (p < eol && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
        p++;
    *klen = (size_t)(p - *k);
    while (p < eol && is_blank(*p))
        p++;
    if (*klen == 0 || p == eol || *p != '=')
        return -1;
    *value = p + 1;
    return 1;
}

const char *message_value(const char *text, size_t len, const char *key, char *buf, size_t cap)
{
    size_t want = strlen(key);
    if (!cap)
        return NULL;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *k, *v;
        if (!eol)
            eol = end;
        size_t klen;
        int kind = line_key(p, eol, &k, &klen, &v);
        p = eol + (eol < end);
        if (kind != 1 || klen != want || memcmp(k, key, want) != 0)
            continue;
        while (v < eol && (*v == ' ' || *v == '\t'))
            v++;
        const char *z = eol;
        while (z > v && is_blank(z[-1]))
            z--;
        size_t n = (size_t)(z - v) < cap ? (size_t)(z - v) : cap - 1;
        memcpy(buf, v, n);
        buf[n] = '\0';
        return buf;
    }
    return NULL;
}

/* The number of the line before end (in text) that sets key k (klen
 * bytes), or 0. */
static unsigned key_line_before(const char *text, const char *end, const char *k, size_t klen)
{
    unsigned line = 0;
    for (const char *p = text; p < end;) {
        line++;
        const char *eol = p + strcspn(p, "\n"), *key, *v;
        size_t n;
        if (line_key(p, eol, &key, &n, &v) == 1 && n == klen && memcmp(key, k, klen) == 0)
            return line;
        p = eol + (*eol == '\n');
    }
    return 0;
}

unsigned message_text_check(const char *text, unsigned after, char *err, size_t errlen)
{
    unsigned line = 0;
    for (const char *p = text; *p;) {
        line++;
        const char *start = p, *eol = p + strcspn(p, "\n"), *a;
        p = eol + (*eol == '\n');
        if (line <= after)
            continue;
        const char *k;
        size_t klen;
        int kind = line_key(start, eol, &k, &klen, &a);
        if (kind == 0)
            continue;
        if (kind < 0) {
            snprintf(err, errlen, "expected \"key = value\" (page_welcome = Hello. Ask me a question.)");
            return line;
        }
        if (!message_key_known(k, klen)) {
            snprintf(err, errlen, "unknown message key \"%.*s\" (docs/messages.md lists them)",
                     (int)utf8_cut(k, klen, 64), k);
            return line;
        }
        /* the first is the one used: a second, often a line added below to
         * change the text, would never be */
        unsigned first = key_line_before(text, start, k, klen);
        if (first) {
            snprintf(err, errlen, "%.*s is set twice, on line %u too: the first is the one used",
                     (int)klen, k, first);
            return line;
        }
        /* a placeholder the front end does not fill would be shown as it is */
        const char *given = keys[key_index(k, klen)].placeholders, *name;
        size_t len;
        for (const char *v = a; (name = message_placeholder_next(v, eol, &len)) != NULL; v = name + len + 1)
            if (!among(given, name, len)) {
                snprintf(err, errlen, "{%.*s} is no placeholder of %.*s (%s%s; docs/messages.md)",
                         (int)utf8_cut(name, len, 64), name, (int)klen, k, *given ? "its placeholders: " : "it has none",
                         given);
                return line;
            }
    }
    return 0;
}
