/* export_csv.c: a corpus as QnA Maker's CSV (see export_csv.h). */
#include "export_csv.h"

#include <string.h>

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

static void put_row(FILE *out, const char *q, const char *a, const char *source)
{
    put_field(out, q);
    fputc(',', out);
    put_field(out, a);
    fputc(',', out);
    put_field(out, source);
    fputs(",\r\n", out);
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
    fputs("Question,Answer,Source,Metadata\r\n", out);
    for (size_t i = 0; i < l->n_entries; i++) {
        const corpus_entry *e = &l->entries[i];
        if (e->kind != ENTRY_FAQ)
            continue;
        const char *slash = strrchr(e->file, '/');
        const char *source = slash ? slash + 1 : e->file;
        put_row(out, e->question, e->answer, source);
        for (size_t k = 0; k < e->n_alts; k++)
            put_row(out, e->alts[k], e->answer, source);
        n++;
    }
    if (ferror(out)) {
        snprintf(err, errlen, "write error");
        return -1;
    }
    return n;
}
