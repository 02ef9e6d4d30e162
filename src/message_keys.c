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

void message_line_start(message_line *l, const char *text, size_t len)
{
    memset(l, 0, sizeof *l);
    /* a text saved by an editor that marks UTF-8 with a BOM: its first
     * key is still a key */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    l->next_ = text;
    l->end_ = text + len;
}

message_line_kind message_line_next(message_line *l)
{
    if (l->next_ >= l->end_)
        return MESSAGE_LINE_END;
    const char *p = l->next_, *end = l->end_, *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
        eol = end;
    l->line = p;
    l->eol = eol;
    l->number++;
    l->next_ = eol + (eol < end);
    while (p < eol && is_blank(*p))
        p++;
    if (p == eol || *p == '#')
        return MESSAGE_LINE_NONE;
    l->key = p;
    while (p < eol && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
        p++;
    l->key_len = (size_t)(p - l->key);
    while (p < eol && is_blank(*p))
        p++;
    if (l->key_len == 0 || p == eol || *p != '=')
        return MESSAGE_LINE_BAD;
    const char *v = p + 1, *z = eol;
    while (v < eol && (*v == ' ' || *v == '\t'))
        v++;
    while (z > v && is_blank(z[-1]))
        z--;
    l->value = v;
    l->value_len = (size_t)(z - v);
    return MESSAGE_LINE_PAIR;
}

const char *message_value(const char *text, size_t len, const char *key, char *buf, size_t cap)
{
    size_t want = strlen(key);
    if (!cap)
        return NULL;
    message_line l;
    message_line_kind kind;
    message_line_start(&l, text, len);
    while ((kind = message_line_next(&l)) != MESSAGE_LINE_END) {
        if (kind != MESSAGE_LINE_PAIR || l.key_len != want || memcmp(l.key, key, want) != 0)
            continue;
        size_t n = l.value_len < cap ? l.value_len : cap - 1;
        memcpy(buf, l.value, n);
        buf[n] = '\0';
        return buf;
    }
    return NULL;
}

/* The number of the line before the one at end (in text) that sets key k
 * (klen bytes), or 0. */
static unsigned key_line_before(const char *text, const char *end, const char *k, size_t klen)
{
    message_line l;
    message_line_kind kind;
    message_line_start(&l, text, (size_t)(end - text));
    while ((kind = message_line_next(&l)) != MESSAGE_LINE_END)
        if (kind == MESSAGE_LINE_PAIR && l.key_len == klen && memcmp(l.key, k, klen) == 0)
            return l.number;
    return 0;
}

unsigned message_text_check(const char *text, unsigned after, char *err, size_t errlen)
{
    message_line l;
    message_line_kind kind;
    message_line_start(&l, text, strlen(text));
    while ((kind = message_line_next(&l)) != MESSAGE_LINE_END) {
        if (l.number <= after || kind == MESSAGE_LINE_NONE)
            continue;
        if (kind == MESSAGE_LINE_BAD) {
            snprintf(err, errlen, "expected \"key = value\" (page_welcome = Hello. Ask me a question.)");
            return l.number;
        }
        const char *k = l.key;
        size_t klen = l.key_len;
        if (!message_key_known(k, klen)) {
            snprintf(err, errlen, "unknown message key \"%.*s\" (docs/messages.md lists them)",
                     (int)utf8_cut(k, klen, 64), k);
            return l.number;
        }
        /* the first is the one used: a second, often a line added below to
         * change the text, would never be */
        unsigned first = key_line_before(text, l.line, k, klen);
        if (first) {
            snprintf(err, errlen, "%.*s is set twice, on line %u too: the first is the one used",
                     (int)klen, k, first);
            return l.number;
        }
        /* a placeholder the front end does not fill would be shown as it is */
        const char *given = keys[key_index(k, klen)].placeholders, *name;
        const char *vend = l.value + l.value_len;
        size_t len;
        for (const char *v = l.value; (name = message_placeholder_next(v, vend, &len)) != NULL;
             v = name + len + 1)
            if (!among(given, name, len)) {
                snprintf(err, errlen, "{%.*s} is no placeholder of %.*s (%s%s; docs/messages.md)",
                         (int)utf8_cut(name, len, 64), name, (int)klen, k, *given ? "its placeholders: " : "it has none",
                         given);
                return l.number;
            }
    }
    return 0;
}
