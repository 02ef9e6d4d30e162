/* export_csv.c: a corpus as QnA Maker's CSV (see export_csv.h). */
#include "export_csv.h"

#include <stdlib.h>
#include <string.h>

#define META_OPEN "<!-- meta:"
#define SOURCE_OPEN "<!-- source:"
#define COMMENT_CLOSE "-->"

/* RFC 4180: a field with a comma, a quote or a line end is quoted, its
 * quotes doubled; line ends inside are CRLF like the records'. */
static void put_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (const char *start = s; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        if (*s == '\n' && (s == start || s[-1] != '\r'))
            fputc('\r', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void put_row(FILE *out, const char *q, const char *a, const char *source, const char *meta,
                    const char *id)
{
    put_field(out, q);
    fputc(',', out);
    put_field(out, a);
    fputc(',', out);
    put_field(out, source);
    fputc(',', out);
    put_field(out, meta);
    fputc(',', out);
    put_field(out, id);
    fputs("\r\n", out);
}

/* s from *p to the next e, spaces at both ends dropped, appended to out
 * (room for it is known); *p is left after the end. */
static char *put_trimmed(char *out, const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    memcpy(out, s, (size_t)(e - s));
    return out + (e - s);
}

/* An answer split as import wrote it (import.h): the text without its meta
 * and source comments into text, the pairs in QnA Maker's
 * "name:value|name:value" into meta, the source (if any) into source. Each
 * buffer has room for the answer. */
static void split_answer(const char *a, char *text, char *meta, char *source)
{
    char *t = text, *m = meta, *src = source;
    *src = '\0';
    while (*a) {
        const char *mo = strstr(a, META_OPEN), *so = strstr(a, SOURCE_OPEN);
        const char *open = mo && (!so || mo < so) ? mo : so;
        const char *close = open ? strstr(open, COMMENT_CLOSE) : NULL;
        if (!close) {
            size_t n = strlen(a);
            memcpy(t, a, n);
            t += n;
            break;
        }
        memcpy(t, a, (size_t)(open - a));
        t += open - a;
        if (open == so) {
            src = put_trimmed(source, open + strlen(SOURCE_OPEN), close);
            *src = '\0';
        } else {
            for (const char *q = open + strlen(META_OPEN); q < close;) {
                const char *comma = memchr(q, ',', (size_t)(close - q));
                const char *item_end = comma ? comma : close;
                const char *eq = memchr(q, '=', (size_t)(item_end - q));
                if (eq) {
                    if (m > meta)
                        *m++ = '|';
                    m = put_trimmed(m, q, eq);
                    *m++ = ':';
                    m = put_trimmed(m, eq + 1, item_end);
                }
                q = item_end + 1;
            }
        }
        a = close + strlen(COMMENT_CLOSE);
        if (*a == '\n')
            a++;    /* the comment's own line */
    }
    *t = *m = '\0';
    /* the text as the corpus gives answers: no blank lines at its ends */
    char *s = text;
    while (*s == '\n')
        s++;
    memmove(text, s, strlen(s) + 1);
    for (size_t n = strlen(text); n && text[n - 1] == '\n'; n--)
        text[n - 1] = '\0';
}

int export_csv(const corpus *c, const char *lang, FILE *out, char *err, size_t errlen)
{
    const corpus_lang *l = NULL;
    for (size_t i = 0; i < c->n_langs; i++)
        if (lang ? strcmp(c->langs[i].code, lang) == 0 : c->n_langs == 1)
            l = &c->langs[i];
    if (!l) {
        if (lang)
            snprintf(err, errlen, "no language \"%s\" in the corpus", lang);
        else
            snprintf(err, errlen, "the corpus has %zu languages: choose one with --lang", c->n_langs);
        return -1;
    }
    int n = 0;
    fputs("Question,Answer,Source,Metadata,QnaId\r\n", out);
    for (size_t i = 0; i < l->n_entries; i++) {
        const corpus_entry *e = &l->entries[i];
        if (e->kind != ENTRY_FAQ)
            continue;
        size_t len = strlen(e->answer) + 1;
        char *buf = malloc(3 * len);
        if (!buf) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        char *text = buf, *meta = buf + len, *source = buf + 2 * len;
        split_answer(e->answer, text, meta, source);
        const char *slash = strrchr(e->file, '/');
        const char *src = *source ? source : slash ? slash + 1 : e->file;
        put_row(out, e->question, text, src, meta, e->id);
        for (size_t k = 0; k < e->n_alts; k++)
            put_row(out, e->alts[k], text, src, meta, e->id);
        free(buf);
        n++;
    }
    if (ferror(out)) {
        snprintf(err, errlen, "write error");
        return -1;
    }
    return n;
}
