/* import_qa.c: "Q:" / "A:" text read into entries (see import_qa.h). A line
 * opening with "Q:" starts a question (a second "Q:" before the answer is an
 * alternate); "A:" starts its answer; other lines continue whichever came
 * last. */
#include "import_qa.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

typedef import_text text;

/* 0, or -1 once memory has run out. */
static int add(text *t, const char *s, size_t n)
{
    import_text_put(t, s, n);
    return t->oom ? -1 : 0;
}

/* "Q:" or "A:" (either case) after blanks: the letter, and the rest in *s. */
static char tag(const char **s, size_t *n)
{
    const char *p = *s;
    size_t k = *n;
    while (k && (*p == ' ' || *p == '\t')) {
        p++;
        k--;
    }
    if (k < 2 || p[1] != ':')
        return 0;
    char c = (char)(p[0] | 0x20);
    if (c != 'q' && c != 'a')
        return 0;
    *s = p + 2;
    *n = k - 2;
    return c;
}

static void trim_text(text *t)
{
    while (t->n && strchr(" \t\r\n", t->s[t->n - 1]))
        t->s[--t->n] = '\0';
}

static size_t lead(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

typedef struct qa {
    text q, a;
    char **alts;
    size_t n_alts;
    unsigned q_line;
} qa;

/* The entry read so far into doc, or a note when it has no answer (left
 * out, as the other formats do: the rest of the file still comes): 0, -1
 * (no question: message in err), -2 (out of memory). */
static int flush(qa *x, import_doc *doc, char *err, size_t errlen)
{
    trim_text(&x->a);
    trim_text(&x->q);
    if (!x->q.n) {
        snprintf(err, errlen, "line %u: a \"Q:\" with no question", x->q_line);
        return -1;
    }
    if (!x->a.n) {
        if (import_doc_note(doc, x->q_line, 1, "the question \"%.*s\" has no answer: left out",
                            (int)utf8_cut(x->q.s, x->q.n, 80), x->q.s) != 0)
            return -2;
        free(x->q.s);
        free(x->a.s);
        for (size_t i = 0; i < x->n_alts; i++)
            free(x->alts[i]);
        free(x->alts);
        memset(x, 0, sizeof *x);
        return 0;
    }
    import_entry *e = import_doc_add(doc);
    if (!e)
        return -2;
    e->question = x->q.s;
    e->answer = x->a.s;
    e->alts = x->alts;
    e->n_alts = x->n_alts;
    memset(x, 0, sizeof *x);
    return 0;
}

int import_qa(const char *txt, size_t len, import_doc *doc, char *err, size_t errlen)
{
    qa x = {0};
    int state = 0, rc = -1, f;   /* state: 0 before a question, 'q', 'a' */
    unsigned line = 0;
    for (const char *p = txt, *end = txt + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *s = p;
        size_t n = (size_t)((eol ? eol : end) - p);
        p = eol ? eol + 1 : end;
        line++;
        if (n && s[n - 1] == '\r')
            n--;
        char t = tag(&s, &n);
        size_t k = lead(s, n);
        if (t == 'q') {
            if (state == 'a' && (f = flush(&x, doc, err, errlen)) != 0)
                goto fail;
            if (state == 'q') {
                /* another phrasing of the same question */
                if (strv_add(&x.alts, &x.n_alts, s + k, n - k) != 0)
                    goto oom;
            } else {
                if (add(&x.q, s + k, n - k) != 0)
                    goto oom;
                x.q_line = line;
                state = 'q';
            }
        } else if (t == 'a') {
            if (state != 'q') {
                snprintf(err, errlen, "line %u: an answer (\"A:\") with no question (\"Q:\") before it", line);
                goto out;
            }
            if (add(&x.a, s + k, n - k) != 0 || add(&x.a, "\n", 1) != 0)
                goto oom;
            state = 'a';
        } else if (state == 'a') {
            if (add(&x.a, s, n) != 0 || add(&x.a, "\n", 1) != 0)
                goto oom;
        } else if (state == 'q' && k < n) {
            /* a question that goes on to the next line */
            if (add(&x.q, " ", 1) != 0 || add(&x.q, s + k, n - k) != 0)
                goto oom;
        }
    }
    if (state && (f = flush(&x, doc, err, errlen)) != 0)
        goto fail;
    if (!doc->n) {
        snprintf(err, errlen, "no \"Q:\" line followed by an \"A:\" line");
        goto out;
    }
    rc = (int)doc->n;
    goto out;
fail:
    if (f == -1)
        goto out;
oom:
    snprintf(err, errlen, "line %u: out of memory", line);
out:
    free(x.q.s);
    free(x.a.s);
    for (size_t i = 0; i < x.n_alts; i++)
        free(x.alts[i]);
    free(x.alts);
    return rc;
}
