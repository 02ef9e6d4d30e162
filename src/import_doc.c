/* import_doc.c: the document the import readers build and its Markdown
 * writing (see import_doc.h). */
#include "import_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus_parse.h"


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
