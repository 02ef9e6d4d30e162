/* import_csv.c: QnA Maker's export read into entries (see import_csv.h): CSV
 * (RFC 4180: quoted fields hold the delimiter, line ends and doubled
 * quotes; semicolons where the header reads so) or TSV, a header row
 * naming the columns. Rows that share one
 * answer are one entry, the first row's question its own and the others'
 * its alternates. The Metadata column ("name:value|name:value", as QnA
 * Maker exports it) becomes the server's "name=value, name=value" and the
 * Source column is kept beside it (see import_write_md()). A QnaId column
 * gives the entries' ids: QnA Maker's numbers after the prefix, any other
 * (faqbot export's) as it is; rows of one answer with two ids are two entries.
 * A Source that is a corpus file's name ("faq.md") is no source of its own:
 * it is what faqbot export writes for an entry without one (the default,
 * its file's name), so no comment is written for it and export then import
 * gives back the file as it was. */
#include "import_csv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "asked.h"
#include "buf.h"
#include "lang_names.h"
#include "limits.h"
#include "utf8.h"

typedef struct field { char *s; size_t n, cap; } field;

typedef struct record {
    field *f;
    size_t n, cap;
} record;

typedef struct reader {
    const char *p, *end;
    char delim;
    unsigned line;      /* of the next character */
} reader;

static int field_put(field *f, char c)
{
    if (grow(&f->s, &f->cap, f->n + 2, 1, 64) != 0)
        return -1;
    f->s[f->n++] = c;
    f->s[f->n] = '\0';
    return 0;
}

/* The next field into rec; 1 when the record goes on, 0 when it ended, -1
 * (message in err) on an error. */
static int next_field(reader *r, record *rec, char *err, size_t errlen)
{
    if (rec->n == rec->cap) {
        size_t old = rec->cap;
        if (grow(&rec->f, &rec->cap, rec->n + 1, sizeof *rec->f, 8) != 0)
            goto oom;
        memset(rec->f + old, 0, (rec->cap - old) * sizeof *rec->f);
    }
    field *f = &rec->f[rec->n++];
    f->n = 0;
    if (field_put(f, '\0') != 0)
        goto oom;
    f->n = 0;
    if (r->p < r->end && *r->p == '"') {
        unsigned opened = r->line;
        r->p++;
        for (;;) {
            if (r->p >= r->end) {
                snprintf(err, errlen, "line %u: a quoted field is never closed", opened);
                return -1;
            }
            char c = *r->p++;
            if (c == '"') {
                if (r->p < r->end && *r->p == '"')
                    r->p++;   /* "" is one quote */
                else
                    break;
            }
            if (c == '\r' && r->p < r->end && *r->p == '\n')
                continue;   /* a CRLF inside a field is a line end like any other */
            if (c == '\n')
                r->line++;
            if (field_put(f, c) != 0)
                goto oom;
        }
        if (r->p < r->end && *r->p != r->delim && *r->p != '\n' && *r->p != '\r') {
            snprintf(err, errlen, "line %u: text after a quoted field's closing quote", r->line);
            return -1;
        }
    } else {
        while (r->p < r->end && *r->p != r->delim && *r->p != '\n') {
            if (*r->p == '\r' && (r->p + 1 == r->end || r->p[1] == '\n')) {
                r->p++;
                continue;
            }
            if (field_put(f, *r->p++) != 0)
                goto oom;
        }
    }
    if (r->p < r->end && *r->p == '\r')
        r->p++;
    if (r->p < r->end && *r->p == r->delim) {
        r->p++;
        return 1;
    }
    if (r->p < r->end && *r->p == '\n') {
        r->p++;
        r->line++;
    }
    return 0;
oom:
    snprintf(err, errlen, "line %u: out of memory", r->line);
    return -1;
}

/* The next record; 1, 0 at the end of the text, -1 on an error. */
static int next_record(reader *r, record *rec, char *err, size_t errlen)
{
    rec->n = 0;
    if (r->p >= r->end)
        return 0;
    int rc;
    while ((rc = next_field(r, rec, err, errlen)) == 1)
        ;
    return rc < 0 ? -1 : 1;
}

/* Can s (n bytes) be an entry's id in faqbot's Markdown ("{#id}")? */
static int entry_id(const char *s, size_t n)
{
    if (n > FAQ_MAX_ID_BYTES)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", s[i]) || !s[i])
            return 0;
    return 1;
}

static void record_free(record *rec)
{
    for (size_t i = 0; i < rec->cap; i++)
        free(rec->f[i].s);
    free(rec->f);
}

static void trim(const char **s, size_t *n)
{
    while (*n && strchr(" \t\r\n", **s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && strchr(" \t\r\n", (*s)[*n - 1]))
        (*n)--;
}

static int column(const record *rec, const char *name)
{
    for (size_t i = 0; i < rec->n; i++) {
        const char *s = rec->f[i].s;
        size_t n = rec->f[i].n;
        trim(&s, &n);
        if (n == strlen(name) && strncasecmp(s, name, n) == 0)
            return (int)i;
    }
    return -1;
}

/* The first column named one of names (NULL-terminated), or -1. */
static int column_of(const record *rec, const char *const *names)
{
    for (; *names; names++) {
        int c = column(rec, *names);
        if (c >= 0)
            return c;
    }
    return -1;
}

/* A language column as spreadsheets and exports name it, in English and
 * in the pack languages' own words: each row's language, a file of its own */
static const char *const LANG_COLUMNS[] = {
    "Language", "Lang", "Locale", "Language code", "LanguageCode", "Culture", "Språk", "Sprog",
    "Sprache", "Langue", "Idioma", "Lingua", "Língua", "Taal", "Kieli", "Llengua", "Dil", "Язык",
    "Γλώσσα", "اللغة", NULL};
/* The entries' ids: QnA Maker's QnaId, a sheet's own id column; rows of
 * two languages with one id are translations of each other */
static const char *const ID_COLUMNS[] = {"QnaId", "Id", NULL};

/* Can s (n bytes) stand inside an HTML comment of one line, and, as a
 * metadata name or value (meta set), between the comment's "," and "="? */
static int fits_comment(const char *s, size_t n, int meta)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r' || (meta && (s[i] == ',' || s[i] == '=')))
            return 0;
        if (i + 3 <= n && memcmp(s + i, "-->", 3) == 0)
            return 0;
    }
    return 1;
}

/* QnA Maker's "name:value|name:value" (s, n bytes) as "name=value, ..." in
 * *out (NULL when there are no pairs). 0, or -1 with the reason in err. */
static int convert_meta(const char *s, size_t n, unsigned line, char **out, char *err, size_t errlen)
{
    import_text t = {0};
    *out = NULL;
    for (const char *p = s, *end = s + n; p < end;) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *item_end = bar ? bar : end;
        const char *colon = memchr(p, ':', (size_t)(item_end - p));
        const char *k = p, *v = colon ? colon + 1 : item_end;
        size_t kn = (size_t)((colon ? colon : item_end) - p), vn = (size_t)(item_end - v);
        trim(&k, &kn);
        trim(&v, &vn);
        p = bar ? bar + 1 : end;
        if (!kn && !vn && !colon)
            continue;   /* "a:b|" */
        if (!colon || !kn) {
            snprintf(err, errlen, "line %u: metadata \"%.*s\" is not name:value", line,
                     (int)(item_end - k), k);
            goto fail;
        }
        if (!fits_comment(k, kn, 1) || !fits_comment(v, vn, 1)) {
            snprintf(err, errlen, "line %u: metadata \"%.*s\" holds a comma, \"=\", \"-->\" or a line end, "
                     "which faqbot's metadata comment cannot keep", line, (int)kn, k);
            goto fail;
        }
        if (t.n)
            import_text_put(&t, ", ", 2);
        import_text_put(&t, k, kn);
        import_text_put(&t, "=", 1);
        import_text_put(&t, v, vn);
    }
    if (t.oom) {
        snprintf(err, errlen, "line %u: out of memory", line);
        goto fail;
    }
    *out = t.s;
    return 0;
fail:
    free(t.s);
    return -1;
}

/* Notes q (qn bytes, of line, in entry) if a row before asked it in another
 * entry (case and accents aside), as the index warns of a question asked
 * twice; 0, or -1 when memory runs out. */
static int asked_again(asked_set *asked, import_doc *doc, const char *q, size_t qn, unsigned line, size_t entry)
{
    int oom = 0;
    const asked_place *first = asked_before(asked, q, qn, NULL, line, (uint32_t)entry, &oom);
    if (oom)
        return -1;
    if (!first)
        return 0;
    return import_doc_note(doc, line, 0, "the question \"%.*s\" is asked twice (first at line %u) in two "
                           "entries: the bot can only ask which was meant; merge them, or word one apart",
                           (int)utf8_cut(q, qn, 80), q, first->line) != 0 ? -1 : 0;
}

/* Is s (n bytes) the name of a corpus file, as export writes it for an
 * entry without a source: a ".md" name, no folder, no address? */
static int corpus_file_name(const char *s, size_t n)
{
    return n > 3 && memcmp(s + n - 3, ".md", 3) == 0 && !memchr(s, '/', n) && !memchr(s, ':', n);
}

/* Does e hold this source and metadata (NULL or "" for none)? */
static int same_or_none(const char *have, const char *want)
{
    return strcmp(have ? have : "", want ? want : "") == 0;
}

/* Is field f a header name that a shell takes as it is and --columns
 * reads as one name: no blank, comma, quote or other sign a shell reads? */
static int shell_word(const field *f)
{
    const char *s = f->s;
    size_t n = f->n;
    trim(&s, &n);
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x80 && !isalnum((unsigned char)s[i]) && !strchr("_-.", s[i]))
            return 0;
    return 1;
}

/* The header's columns, quoted and comma-separated, into out (a hint for
 * --columns when the names asked for are not among them). */
static void header_names(const record *rec, char *out, size_t outlen)
{
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < rec->n && at + 1 < outlen; i++) {
        const char *s = rec->f[i].s;
        size_t n = rec->f[i].n;
        trim(&s, &n);
        int w = snprintf(out + at, outlen - at, "%s\"%.*s\"", i ? ", " : "", (int)utf8_cut(s, n, 40), s);
        at = w < 0 ? outlen : at + (size_t)w;
    }
}

/* A header column import does not read is told once, at line 1, by name: a
 * spreadsheet's "Language" or "Category" column was dropped without a word,
 * and a Swedish row went into the English file. */
static int note_unread_columns(import_doc *doc, const record *head, int qc, int ac, int sc, int mc, int ic,
                               int lc, const char *qname, const char *aname)
{
    char names[256];
    size_t at = 0, n_unread = 0;
    names[0] = '\0';
    for (size_t i = 0; i < head->n; i++) {
        const char *s = head->f[i].s;
        size_t n = head->f[i].n;
        trim(&s, &n);
        if (!n || (int)i == qc || (int)i == ac || (int)i == sc || (int)i == mc || (int)i == ic ||
            (int)i == lc)
            continue;
        n_unread++;
        if (at + 1 < sizeof names) {
            int w = snprintf(names + at, sizeof names - at, "%s\"%.*s\"", at ? ", " : "",
                             (int)utf8_cut(s, n, 40), s);
            at = w < 0 ? sizeof names : at + (size_t)w;
        }
    }
    if (!n_unread)
        return 0;
    return import_doc_note(doc, 1, 0,
                           "%s %s %s not read (import reads %s, %s, Source, Metadata, QnaId, Language): a "
                           "fact to keep goes in Metadata (name:value|name:value)",
                           n_unread > 1 ? "the columns" : "the column", names, n_unread > 1 ? "are" : "is", qname, aname);
}

/* The header, the first record of r's text, into rec: next_record()'s
 * result. Where r reads commas and they do not give the question's column
 * (or give one column only) but semicolons give the question's and the
 * answer's (or two columns or more), r reads semicolons from then on: a
 * spreadsheet where the decimal mark is a comma (German, French, Spanish,
 * Portuguese, Italian) saves its CSV with semicolons. */
static int read_header(reader *r, record *rec, const char *qname, const char *aname, char *err,
                       size_t errlen)
{
    const char *text = r->p;
    int got = next_record(r, rec, err, errlen);
    if (got != 0 && r->delim == ',' && (got < 0 || column(rec, qname) < 0 || rec->n < 2)) {
        reader semi = {text, r->end, ';', 1};
        record head = {0};
        char semi_err[128];
        if (next_record(&semi, &head, semi_err, sizeof semi_err) > 0 &&
            ((column(&head, qname) >= 0 && column(&head, aname) >= 0) || (got > 0 && rec->n < 2 && head.n >= 2))) {
            *r = semi;
            got = 1;
            record swap = *rec;
            *rec = head;
            head = swap;
        }
        record_free(&head);
    }
    return got;
}

/* Into err, why header rec (got: read_header()'s result, 0 when there was
 * none) lacks the question's or the answer's column, and the option that
 * names them where the header suggests it. */
static void no_columns(const record *rec, int got, char delim, const char *qname, const char *aname,
                       char *err, size_t errlen)
{
    char names[256];
    header_names(rec, names, sizeof names);
    if (strcmp(qname, "Question") != 0 || strcmp(aname, "Answer") != 0)
        snprintf(err, errlen, "line 1: no \"%.40s\" and \"%.40s\" columns in the header (its columns: %s)",
                 qname, aname, names);
    else if (got && rec->n == 2 && shell_word(&rec->f[0]) && shell_word(&rec->f[1])) {
        /* two columns: the question's and the answer's, most likely in
         * that order; the option to copy, with their names */
        const char *q = rec->f[0].s, *a = rec->f[1].s;
        size_t qn = rec->f[0].n, an = rec->f[1].n;
        trim(&q, &qn);
        trim(&a, &an);
        snprintf(err, errlen,
                 "line 1: no \"Question\" and \"Answer\" columns in the header (its columns: %s): "
                 "name yours with --columns %.*s,%.*s", names, (int)utf8_cut(q, qn, 40), q,
                 (int)utf8_cut(a, an, 40), a);
    }
    else if (got && rec->n >= 2)
        snprintf(err, errlen,
                 "line 1: no \"Question\" and \"Answer\" columns in the header (its columns: %s): "
                 "name yours with --columns QUESTION,ANSWER", names);
    else
        snprintf(err, errlen,
                 "line 1: no header with \"Question\" and \"Answer\" columns (QnA Maker's export: "
                 "Question%sAnswer%sSource%sMetadata)",
                 delim == '\t' ? "\\t" : ",", delim == '\t' ? "\\t" : ",", delim == '\t' ? "\\t" : ",");
}

int import_csv(const char *text, size_t len, char delim, const char *qname, const char *aname, import_doc *doc,
               char *err, size_t errlen)
{
    reader r = {text, text + len, delim, 1};
    record rec = {0};
    int rc = -1, qc, ac, sc, mc, ic, lc;
    char *meta = NULL;
    asked_set asked = {0};
    unsigned line = r.line;
    if (!qname)
        qname = "Question";
    if (!aname)
        aname = "Answer";
    int got = read_header(&r, &rec, qname, aname, err, errlen);
    if (got < 0)
        goto out;
    if (got == 0 || (qc = column(&rec, qname)) < 0 || (ac = column(&rec, aname)) < 0) {
        no_columns(&rec, got, delim, qname, aname, err, errlen);
        goto out;
    }
    size_t head_n = rec.n;
    sc = column(&rec, "Source");
    mc = column(&rec, "Metadata");
    ic = column_of(&rec, ID_COLUMNS);
    lc = column_of(&rec, LANG_COLUMNS);
    char lname[64] = "";
    if (lc >= 0)
        snprintf(lname, sizeof lname, "%.*s", (int)utf8_cut(rec.f[lc].s, rec.f[lc].n, 40), rec.f[lc].s);
    if (note_unread_columns(doc, &rec, qc, ac, sc, mc, ic, lc, qname, aname) != 0)
        goto oom;
    for (;;) {
        line = r.line;
        if ((got = next_record(&r, &rec, err, errlen)) <= 0)
            break;
        const char *q = (size_t)qc < rec.n ? rec.f[qc].s : "", *a = (size_t)ac < rec.n ? rec.f[ac].s : "";
        size_t qn = strlen(q), an = strlen(a);
        trim(&q, &qn);
        trim(&a, &an);
        if (!qn && !an)
            continue;   /* an empty row */
        /* a row not written yet (a draft in a spreadsheet) is left out and
         * told, as the other formats' unanswered questions are: the rest
         * of the sheet still comes */
        if (!qn || !an) {
            if ((qn ? import_doc_note(doc, line, 1, "the question \"%.*s\" has no answer: left out",
                                      (int)utf8_cut(q, qn, 80), q)
                    : import_doc_note(doc, line, 0, "an answer with no question: left out")) != 0)
                goto oom;
            continue;
        }
        /* a delimiter in an unquoted answer cuts it short without a word */
        if (rec.n > head_n && rec.f[head_n].n &&
            import_doc_note(doc, line, 0, "%zu fields where the header has %zu: \"%.*s\" is not read (a field "
                            "holding \"%c\" is quoted)", rec.n, head_n, (int)utf8_cut(rec.f[head_n].s, rec.f[head_n].n, 60),
                            rec.f[head_n].s, r.delim) != 0)
            goto oom;
        const char *src = sc >= 0 && (size_t)sc < rec.n ? rec.f[sc].s : "";
        const char *md = mc >= 0 && (size_t)mc < rec.n ? rec.f[mc].s : "";
        size_t srcn = strlen(src), filen = 0;
        trim(&src, &srcn);
        if (corpus_file_name(src, srcn)) {
            filen = srcn;   /* kept apart: import --file takes one file's rows */
            srcn = 0;
        }
        if (!fits_comment(src, srcn, 0)) {
            snprintf(err, errlen, "line %u: a Source with \"-->\" or a line end", line);
            got = -1;
            break;
        }
        free(meta);
        if (convert_meta(md, strlen(md), line, &meta, err, errlen) != 0) {
            got = -1;
            break;
        }
        const char *qna_id = ic >= 0 && (size_t)ic < rec.n ? rec.f[ic].s : "";
        size_t idn = strlen(qna_id);
        trim(&qna_id, &idn);
        if (idn && !entry_id(qna_id, idn) && rec.n > head_n) {
            /* the row's fields shifted: a delimiter in an unquoted field,
             * not a wrong id, is what the editor must mend */
            snprintf(err, errlen, "line %u: %zu fields where the header has %zu, so that its QnaId would be "
                     "\"%.*s\" (a field holding \"%c\" is quoted)", line, rec.n, head_n,
                     (int)utf8_cut(qna_id, idn, 60), qna_id, r.delim);
            got = -1;
            break;
        }
        if (idn && !entry_id(qna_id, idn)) {
            snprintf(err, errlen, "line %u: QnaId \"%.*s\" is no entry id (letters, digits, \".\", \"_\", \"-\")",
                     line, (int)utf8_cut(qna_id, idn, 80), qna_id);
            got = -1;
            break;
        }
        /* the row's language, as a code: "sv", "sv-SE", "Swedish", "svenska" */
        char lang[16] = "";
        if (lc >= 0) {
            const char *lv = (size_t)lc < rec.n ? rec.f[lc].s : "";
            size_t ln = strlen(lv);
            trim(&lv, &ln);
            if (!ln) {
                snprintf(err, errlen, "line %u: no language in the \"%s\" column", line, lname);
                got = -1;
                break;
            }
            if (!lang_code_named(lv, ln, lang, sizeof lang)) {
                snprintf(err, errlen, "line %u: the language \"%.*s\" is no language code or name faqbot knows: "
                         "write its code (sv, en, de)", line, (int)utf8_cut(lv, ln, 60), lv);
                got = -1;
                break;
            }
        }
        char *id = idn ? strndup(qna_id, idn) : NULL;
        if (idn && !id)
            goto oom;
        char *source = srcn ? strndup(src, srcn) : NULL;
        char *file = filen ? strndup(src, filen) : NULL;
        if ((srcn && !source) || (filen && !file)) {
            free(source);
            free(file);
            free(id);
            goto oom;
        }
        /* the entry of this answer, source and metadata, if a row before
         * gave it: QnA Maker exports one row a question of a pair */
        /* the answer as its entry keeps it (relative links as their text),
         * the same for each row of it; told once, for the row that makes
         * the entry */
        import_doc scratch = {0};
        char *answer = import_md_answer(&scratch, a, an, line);
        import_doc_free(&scratch);
        if (!answer) {
            free(source);
            free(file);
            free(id);
            goto oom;
        }
        import_entry *e = NULL;
        for (size_t i = 0; i < doc->n && !e; i++)
            if (strcmp(doc->entries[i].answer, answer) == 0 &&
                same_or_none(doc->entries[i].source, source) && same_or_none(doc->entries[i].meta, meta) &&
                same_or_none(doc->entries[i].id, id) && same_or_none(doc->entries[i].file, file) &&
                same_or_none(doc->entries[i].lang, lang))
                e = &doc->entries[i];
        /* one id in two languages: translations of each other, as the
         * corpus links entries of one id; in one language, two answers */
        for (size_t i = 0; i < doc->n && !e && id; i++)
            if (same_or_none(doc->entries[i].id, id) && same_or_none(doc->entries[i].lang, lang)) {
                snprintf(err, errlen, "line %u: QnaId \"%s\" is given to two answers%s%s", line, id,
                         *lang ? " in " : "", lang);
                got = -1;
                break;
            }
        free(answer);
        if (e || got < 0) {
            free(source);
            free(file);
            free(id);
        }
        if (got < 0)
            break;
        if (e) {
            if (strv_add(&e->alts, &e->n_alts, q, qn) != 0 ||
                asked_again(&asked, doc, q, qn, line, (size_t)(e - doc->entries)) != 0)
                goto oom;
            continue;
        }
        if (!(e = import_doc_add(doc))) {
            free(source);
            free(file);
            free(id);
            goto oom;
        }
        if (*lang && !(e->lang = strdup(lang))) {
            free(source);
            free(file);
            free(id);
            goto oom;
        }
        e->id = id;
        e->id_whole = id && id[strspn(id, "0123456789")] != '\0';
        e->source = source;
        e->file = file;
        e->meta = meta;
        meta = NULL;
        if (!(e->question = strndup(q, qn)) || !(e->answer = import_md_answer(doc, a, an, line)) ||
            asked_again(&asked, doc, q, qn, line, doc->n - 1) != 0)
            goto oom;
    }
    if (got < 0)
        goto out;
    if (!doc->n) {
        snprintf(err, errlen, "no rows under the header");
        goto out;
    }
    rc = (int)doc->n;
    goto out;
oom:
    snprintf(err, errlen, "line %u: out of memory", line);
out:
    asked_clear(&asked);
    free(meta);
    record_free(&rec);
    return rc;
}
