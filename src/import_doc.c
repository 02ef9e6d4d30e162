/* import_doc.c: the document the import readers build and its Markdown
 * writing (see import_doc.h). */
#include "import_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "corpus_parse.h"
#include "utf8.h"


import_entry *import_doc_add(import_doc *doc)
{
    if (grow(&doc->entries, &doc->cap, doc->n + 1, sizeof *doc->entries, 64) != 0)
        return NULL;
    import_entry *e = &doc->entries[doc->n++];
    memset(e, 0, sizeof *e);
    return e;
}


int import_doc_found(const import_doc *doc, const char *what, char *err, size_t errlen)
{
    if (doc->n)
        return (int)doc->n;
    snprintf(err, errlen, "no %s found; for another format, see --format", what);
    return -1;
}

int import_doc_note(import_doc *doc, unsigned line, int left_out, const char *fmt, ...)
{
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (grow(&doc->notes, &doc->cap_notes, doc->n_notes + 1, sizeof *doc->notes, 8) != 0)
        return -1;
    import_note *note = &doc->notes[doc->n_notes];
    if (!(note->what = strdup(what)))
        return -1;
    note->line = line;
    note->left_out = left_out;
    doc->n_notes++;
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

static void entry_free(import_entry *e)
{
    free(e->question);
    for (size_t k = 0; k < e->n_alts; k++)
        free(e->alts[k]);
    free(e->alts);
    free(e->answer);
    free(e->id);
    free(e->meta);
    free(e->source);
    free(e->file);
    free(e->part);
    free(e->lang);
}

size_t import_doc_files(const import_doc *doc, char *out, size_t cap)
{
    size_t files = 0, at = 0;
    if (cap)
        out[0] = '\0';
    for (size_t i = 0; i < doc->n; i++) {
        const char *f = doc->entries[i].file;
        size_t k = 0;
        while (f && k < i && !(doc->entries[k].file && strcmp(doc->entries[k].file, f) == 0))
            k++;
        if (!f || k < i)
            continue;   /* none, or met before */
        int w = snprintf(at < cap ? out + at : NULL, at < cap ? cap - at : 0, "%s%s",
                         files ? ", " : "", f);
        at += w > 0 ? (size_t)w : 0;
        files++;
    }
    return files;
}

size_t import_doc_keep_file(import_doc *doc, const char *name)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->n; i++) {
        import_entry *e = &doc->entries[i];
        if (e->file && strcmp(e->file, name) == 0)
            doc->entries[kept++] = *e;
        else
            entry_free(e);
    }
    doc->n = kept;
    return kept;
}

void import_doc_free(import_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++)
        entry_free(&doc->entries[i]);
    free(doc->entries);
    for (size_t i = 0; i < doc->n_notes; i++)
        free(doc->notes[i].what);
    free(doc->notes);
    free(doc->title);
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

/* Would this answer line read as a heading ("## x", "##x", or "# x", which
 * ends an answer too), an alternate question ("? x", or "?x", a slip of
 * one) or a bare "?", which is left out as one not yet written, in
 * faqbot's Markdown? */
static int needs_escape(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && p[i] == ' ')
        i++;
    if (n - i >= 2 && p[i] == '#' && p[i + 1] == '#' && (n - i == 2 || p[i + 2] != '#'))
        return 1;
    if (n - i >= 1 && p[i] == '#' && (n - i == 1 || p[i + 1] == ' ' || p[i + 1] == '\t'))
        return 1;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return n - i >= 1 && p[i] == '?' && (n - i == 1 || p[i + 1] != '?');
}

int import_write_md(const import_doc *doc, const char *title, const char *prefix, FILE *out)
{
    fprintf(out, "# %s\n", title);
    /* a prefix that ends in a separator ("it-") takes no second one */
    size_t pn = strlen(prefix);
    const char *sep = pn && strchr("-_.", prefix[pn - 1]) ? "" : "-";
    const char *part = NULL;
    for (size_t i = 0; i < doc->n; i++) {
        const import_entry *e = &doc->entries[i];
        if (e->part && (!part || strcmp(part, e->part) != 0)) {
            fputs("\n# ", out);
            put_line(out, e->part);
            fputc('\n', out);
            part = e->part;
        }
        fputs("\n## ", out);
        put_line(out, e->question);
        if (e->id && e->id_whole)
            fprintf(out, " {#%s}\n", e->id);
        else if (e->id)
            fprintf(out, " {#%s%s%s}\n", prefix, sep, e->id);
        else
            fprintf(out, " {#%s%s%zu}\n", prefix, sep, i + 1);
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
         * corpus would read the rest as a blank-led line; inside a fenced
         * code block no line is a heading, and an escape would show */
        char fence_ch = 0;
        size_t fence = 0;
        for (const char *p = e->answer; *p;) {
            size_t n = strcspn(p, "\r\n");
            const char *eol = p[n] ? p + n : NULL;
            char ch = 0;
            int bare = 0;
            size_t run = corpus_md_fence(p, n, &ch, &bare);
            if (fence && run >= fence && ch == fence_ch && bare)
                fence = 0;
            else if (!fence && run)
                fence = run, fence_ch = ch;
            else if (!fence && needs_escape(p, n))
                fputc('\\', out);
            fwrite(p, 1, n, out);
            fputc('\n', out);
            p += n + (eol ? 1 + (eol[0] == '\r' && eol[1] == '\n') : 0);
        }
        /* a fence the answer leaves open would swallow the next question
         * (the corpus reads fences across the whole file): close it here */
        for (size_t k = 0; fence && k < fence; k++)
            fputc(fence_ch, out);
        if (fence)
            fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int import_link_whole(const char *href, size_t n)
{
    static const char *const schemes[] = {"http://", "https://", "mailto:", "tel:"};
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++) {
        size_t k = strlen(schemes[i]);
        if (n >= k && strncasecmp(href, schemes[i], k) == 0)
            return 1;
    }
    return 0;
}

int import_link_relative(const char *href, size_t n)
{
    return n && *href != '#' && !import_link_whole(href, n) && !memchr(href, ':', n);
}

int import_note_relative_link(import_doc *doc, unsigned line, const char *text, size_t tn, const char *href,
                              size_t hn)
{
    return import_doc_note(doc, line, 0,
                           "the link \"%.*s\" to \"%.*s\" is kept as its text only: a relative address, "
                           "which the chat cannot follow; write it whole (https://...)",
                           (int)utf8_cut(text, tn, 60), text, (int)utf8_cut(href, hn, 80), href);
}

/* The inline link "[text](href)" or "[text](href "title")" at s[i] (a '['),
 * on one line (e: the line's end): the text's and href's spans and the
 * offset after it, and 1; 0 when none is there. */
static int md_link_at(const char *s, size_t i, size_t e, size_t *t0, size_t *t1, size_t *h0, size_t *h1,
                      size_t *after)
{
    size_t j = i + 1;
    while (j < e && s[j] != ']' && s[j] != '[')
        j += s[j] == '\\' && j + 1 < e ? 2 : 1;
    if (j + 1 >= e || s[j] != ']' || s[j + 1] != '(')
        return 0;
    size_t h = j + 2, k = h;
    while (k < e && s[k] != ')' && s[k] != ' ')
        k++;
    size_t close = k;
    if (close < e && s[close] == ' ') {   /* a title: up to the closing parenthesis */
        while (close < e && s[close] != ')')
            close++;
    }
    if (close >= e)
        return 0;
    *t0 = i + 1, *t1 = j, *h0 = h, *h1 = k, *after = close + 1;
    return 1;
}

char *import_md_answer(import_doc *doc, const char *s, size_t n, unsigned line)
{
    import_text t = {0};
    int fence = 0;
    for (size_t b = 0; b < n; line++) {
        size_t e = b;
        while (e < n && s[e] != '\n')
            e++;
        size_t f = b;
        while (f < e && f - b < 3 && s[f] == ' ')
            f++;
        /* a fenced block's lines are code, its links shown as written */
        int mark = e - f >= 3 && (strncmp(s + f, "```", 3) == 0 || strncmp(s + f, "~~~", 3) == 0);
        if (mark)
            fence = !fence;
        size_t i = b, from = b;
        while (!fence && !mark && i < e) {
            size_t t0, t1, h0, h1, after;
            if (s[i] == '\\') {
                i += 2;
            } else if (s[i] == '`') {   /* a code span: to its closing backticks */
                size_t r = i;
                while (r < e && s[r] == '`')
                    r++;
                size_t run = r - i, c = r;
                while (c < e) {
                    size_t q = c;
                    while (q < e && s[q] == '`')
                        q++;
                    if (q - c == run)
                        break;
                    c = q > c ? q : c + 1;
                }
                i = c < e ? c + run : r;
            } else if (s[i] == '[' && (i == b || s[i - 1] != '!') &&
                       md_link_at(s, i, e, &t0, &t1, &h0, &h1, &after) && import_link_relative(s + h0, h1 - h0)) {
                if (import_note_relative_link(doc, line, s + t0, t1 - t0, s + h0, h1 - h0) != 0)
                    t.oom = 1;
                import_text_put(&t, s + from, i - from);
                import_text_put(&t, s + t0, t1 - t0);
                i = from = after;
            } else {
                i++;
            }
        }
        b = e < n ? e + 1 : e;
        import_text_put(&t, s + from, b - from);
    }
    if (!t.oom && !t.s)
        t.s = calloc(1, 1);
    if (t.oom) {
        free(t.s);
        return NULL;
    }
    return t.s;
}
