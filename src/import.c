/* import.c: the common part of faqbot import (see import.h). */
#include "import.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"

static const char *const format_names[] = {"guess", "csv", "tsv", "qa", "numbered", "html"};

int import_format_parse(const char *name, import_format *f)
{
    for (int i = 1; i < (int)(sizeof format_names / sizeof *format_names); i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *f = (import_format)i;
            return 0;
        }
    }
    return -1;
}

const char *import_format_name(import_format f)
{
    return format_names[f];
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The first line of text, without its end. */
static size_t first_line(const char *text, size_t len)
{
    const char *eol = memchr(text, '\n', len);
    return eol ? (size_t)(eol - text) : len;
}

import_format import_guess(const char *name, const char *text, size_t len)
{
    if (name) {
        if (ends_with(name, ".csv"))
            return IMPORT_CSV;
        if (ends_with(name, ".tsv"))
            return IMPORT_TSV;
        if (ends_with(name, ".html") || ends_with(name, ".htm"))
            return IMPORT_HTML;
    }
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    if (i < len && text[i] == '<')
        return IMPORT_HTML;
    /* a header naming the question and answer columns */
    size_t n = first_line(text + i, len - i);
    char head[256];
    snprintf(head, sizeof head, "%.*s", (int)(n < sizeof head ? n : sizeof head - 1), text + i);
    for (char *c = head; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + ('a' - 'A'));
    if (strstr(head, "question") && strstr(head, "answer"))
        return memchr(head, '\t', strlen(head)) ? IMPORT_TSV : IMPORT_CSV;
    /* a line opening with "Q:" */
    for (const char *p = text + i, *end = text + len; p < end;) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (end - p >= 2 && (p[0] == 'Q' || p[0] == 'q') && p[1] == ':')
            return IMPORT_QA;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        p = eol ? eol + 1 : end;
    }
    return IMPORT_NUMBERED;
}

int import_read(import_format f, const char *text, size_t len, import_doc *doc, char *err,
                size_t errlen)
{
    if (!utf8_valid(text, len)) {
        snprintf(err, errlen, "the text is not valid UTF-8");
        return -1;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (f == IMPORT_GUESS)
        f = import_guess(NULL, text, len);
    switch (f) {
    case IMPORT_CSV: return import_csv(text, len, ',', doc, err, errlen);
    case IMPORT_TSV: return import_csv(text, len, '\t', doc, err, errlen);
    case IMPORT_QA: return import_qa(text, len, doc, err, errlen);
    case IMPORT_HTML: return import_html(text, len, doc, err, errlen);
    case IMPORT_NUMBERED:
    case IMPORT_GUESS: break;
    }
    int n = import_numbered(text, len, doc, err, errlen);
    /* an id twice would stop faqbot index */
    for (size_t i = 0; n > 0 && i < doc->n; i++)
        for (size_t k = 0; doc->entries[i].id && k < i; k++)
            if (doc->entries[k].id && strcmp(doc->entries[i].id, doc->entries[k].id) == 0) {
                snprintf(err, errlen, "the number %.64s is given to two questions (\"%.80s\" and \"%.80s\")",
                         doc->entries[i].id, doc->entries[k].question, doc->entries[i].question);
                return -1;
            }
    return n;
}

char *import_dup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

import_entry *import_doc_add(import_doc *doc)
{
    if (doc->n == doc->cap) {
        size_t cap = doc->cap ? doc->cap * 2 : 64;
        import_entry *e = realloc(doc->entries, cap * sizeof *e);
        if (!e)
            return NULL;
        doc->entries = e;
        doc->cap = cap;
    }
    import_entry *e = &doc->entries[doc->n++];
    memset(e, 0, sizeof *e);
    return e;
}

int import_entry_add_alt(import_entry *e, const char *s, size_t n)
{
    char **a = realloc(e->alts, (e->n_alts + 1) * sizeof *a);
    if (!a)
        return -1;
    e->alts = a;
    if (!(a[e->n_alts] = import_dup(s, n)))
        return -1;
    e->n_alts++;
    return 0;
}

void import_text_put(import_text *t, const char *s, size_t n)
{
    if (t->oom)
        return;
    if (t->n + n + 1 > t->cap) {
        size_t cap = (t->n + n + 1) * 2;
        char *p = realloc(t->s, cap);
        if (!p) {
            t->oom = 1;
            return;
        }
        t->s = p;
        t->cap = cap;
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
}

void import_doc_free(import_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        import_entry *e = &doc->entries[i];
        free(e->question);
        for (size_t k = 0; k < e->n_alts; k++)
            free(e->alts[k]);
        free(e->alts);
        free(e->answer);
        free(e->id);
        free(e->meta);
        free(e->source);
    }
    free(doc->entries);
    memset(doc, 0, sizeof *doc);
}

/* A question on one line: its line ends and tabs as spaces, "{#" as "{ #",
 * which would otherwise open the heading's id, and the last '#' of a
 * closing run ("C #", "#") escaped, which a heading would drop. */
static void put_line(FILE *out, const char *s)
{
    size_t n = strlen(s), last = n;
    while (last && strchr(" \t\r\n", s[last - 1]))
        last--;     /* the heading's blanks go before "#"s are looked at */
    size_t h = last;
    while (h && s[h - 1] == '#')
        h--;
    int closing = h < last && (h == 0 || strchr(" \t\r\n", s[h - 1]));
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#' && i && s[i - 1] == '{')
            fputc(' ', out);
        if (closing && i == last - 1)
            fputc('\\', out);
        fputc(s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i], out);
    }
}

/* Would this answer line read as a heading ("## x", "##x") or an alternate
 * question ("? x") in faqbot's Markdown? */
static int needs_escape(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && p[i] == ' ')
        i++;
    if (n - i >= 2 && p[i] == '#' && p[i + 1] == '#' && (n - i == 2 || p[i + 2] != '#'))
        return 1;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return n - i >= 2 && p[i] == '?' && (p[i + 1] == ' ' || p[i + 1] == '\t');
}

int import_write_md(const import_doc *doc, const char *title, const char *prefix, FILE *out)
{
    fprintf(out, "# %s\n", title);
    for (size_t i = 0; i < doc->n; i++) {
        const import_entry *e = &doc->entries[i];
        fputs("\n## ", out);
        put_line(out, e->question);
        if (e->id)
            fprintf(out, " {#%s-%s}\n", prefix, e->id);
        else
            fprintf(out, " {#%s-%zu}\n", prefix, i + 1);
        for (size_t k = 0; k < e->n_alts; k++) {
            if (!e->alts[k][strspn(e->alts[k], " \t\r\n")])
                continue;   /* a phrasing of blanks says nothing */
            fputs("? ", out);
            put_line(out, e->alts[k]);
            fputc('\n', out);
        }
        fputc('\n', out);
        if (e->meta)
            fprintf(out, "<!-- meta: %s -->\n", e->meta);
        if (e->source)
            fprintf(out, "<!-- source: %s -->\n", e->source);
        /* a carriage return alone ends a line too (old Mac text): the
         * corpus would read the rest as a blank-led line */
        for (const char *p = e->answer; *p;) {
            size_t n = strcspn(p, "\r\n");
            const char *eol = p[n] ? p + n : NULL;
            if (needs_escape(p, n))
                fputc('\\', out);
            fwrite(p, 1, n, out);
            fputc('\n', out);
            p += n + (eol ? 1 + (eol[0] == '\r' && eol[1] == '\n') : 0);
        }
    }
    return ferror(out) ? -1 : 0;
}
