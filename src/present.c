/* present.c: explanation, "did you mean" and highlighting (see present.h). */
#include "present.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "corpus.h"
#include "index_internal.h"

static const char *const alt_kind_name[] = {"exact", "synonym", "other-language", "typo",
                                              "variant", "lemma", "compound-part",
                                              "thesaurus", "translation", "cognate"};

void explain_reset(explain_buf *b)
{
    b->text.max = FAQ_MAX_EXPLAIN_BYTES;
    buf_reset(&b->text);
    b->failed = 0;
}

void explain_free(explain_buf *b) { buf_free(&b->text); }

void explainf(explain_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!b->failed && buf_vprintf(&b->text, fmt, ap) != BUF_OK)
        b->failed = 1;
    va_end(ap);
}

void present_explain(explain_buf *b, const search_ctx *s, uint32_t L, const cand *top, int n_top,
                     const rerank_scratch *trace, double threshold)
{
    const faq_index *ix = s->ix;
    const query *q = s->q;
    explain_reset(b);
    explainf(b, "query language: %s\n", ix->langs[L].code);
    for (int i = 0; i < q->n_slots; i++) {
        const slot *sl = &q->slots[i];
        explainf(b, "%s \"%s\": weight %.3f%s\n", sl->is_phrase ? "phrase, as" : "word", sl->word,
                 sl->weight, sl->n_alts ? "" : " (unknown to the FAQ)");
        for (int k = 0; k < sl->n_alts; k++) {
            const alt_term *a = &sl->alts[k];
            const ix_term *T = &ix->terms[a->term];
            explainf(b, "  -> %s term \"%.*s\" (%s) x%.2f idf %.3f df %u", alt_kind_name[a->kind],
                     (int)T->text.len, ix->strings + T->text.off, ix->langs[T->lang].code,
                     a->weight, T->idf, T->df);
            if (a->rank_share < 1)  /* a rarer form ranking below the word (slots.c) */
                explainf(b, ", ranks x%.2f", a->weight * a->rank_share);
            explainf(b, "\n");
        }
    }
    for (int i = 0; i < n_top && i < 4; i++) {
        const cand *c = &top[i];
        uint32_t e = query_entry_shown(s, c->group, L);
        if (e == IX_NONE)
            continue;
        const ix_entry *E = &ix->entries[e];
        explainf(b, "#%d %.*s: score %.3f, coverage %.3f; matched:", i + 1, (int)E->id_len,
                 ix->texts + E->text_off, c->score, c->cover);
        for (int k = 0; k < q->n_slots && k < FAQ_MAX_QUERY_TERMS; k++)
            if ((c->mask >> k) & 1)
                explainf(b, " %s", q->slots[k].word);
        explainf(b, "\n");
        const struct rerank_trace *t = trace ? rerank_trace_of(trace, c->group) : NULL;
        if (t) {
            explainf(b, "   retrieval %.3f", t->before);
            for (int f = 0; f < rerank_feature_count; f++)
                explainf(b, ", %s x%.3f", rerank_features[f].name, t->factor[f]);
            explainf(b, "\n");
        }
    }
    explainf(b, "decline threshold on coverage: %.2f\n", threshold);
}

/* Is slot sl's word read as a typo the asker should be told of? A word of
 * the language's question-word list is spelt as meant: read near another
 * ("quando" as the FAQ's "quanto", "cuando" as "cuánto tardan") it may
 * still find the entry, but "did you mean: quanto pago...?" misquotes the
 * asker. */
static int told_typo(const slot *sl)
{
    return sl->n_alts && sl->alts[0].kind == ALT_TYPO && !sl->is_qword;
}

int present_correction_counts(const query *q, const cand *c)
{
    for (int i = 0; i < q->n_slots && i < FAQ_MAX_QUERY_TERMS; i++)
        if (told_typo(&q->slots[i]) && ((c->mask >> i) & 1))
            return 1;
    return 0;
}

typedef struct form_ctx { const char *word; size_t len; const char *raw; size_t raw_len; } form_ctx;

static int on_form(void *ctx, const token *t)
{
    form_ctx *f = ctx;
    if (t->is_synonym || t->word_len != f->len || memcmp(t->word, f->word, f->len) != 0)
        return 0;
    f->raw = t->raw;
    f->raw_len = t->raw_len;
    return 1;
}

/* Might entry e's question or answer hold index word w? Its words in the
 * index (EWORDS) say no for certain; small talk has none listed. */
static int may_hold(const faq_index *ix, uint32_t e, uint32_t w)
{
    uint32_t from = ix->ewords_off[e], to = ix->ewords_off[e + 1];
    if (ix->entries[e].kind != ENTRY_FAQ || from > to || to > ix->ewords_len)
        return 1;
    for (uint32_t i = from; i < to; i++)
        if (ix->ewords[i] == w)
            return 1;
    return 0;
}

/* Where a word is first written outside the leader, remembered per word
 * and language: finding it reads every entry's words in the index, and a
 * question's counter ("... 1001") is corrected to the same few numbers.
 * Direct-mapped, the newest kept. */
#define FORM_MEMO_SLOTS 256
typedef struct form_row {
    uint32_t w, lang;           /* UINT32_MAX: empty */
    const char *raw;            /* in the index's text, NULL: written nowhere */
    size_t raw_len;
} form_row;

struct present_memo {
    form_row rows[FORM_MEMO_SLOTS];
};

present_memo *present_memo_new(void)
{
    present_memo *m = malloc(sizeof *m);
    if (m)
        for (size_t i = 0; i < FORM_MEMO_SLOTS; i++)
            m->rows[i] = (form_row){UINT32_MAX, UINT32_MAX, NULL, 0};
    return m;
}

void present_memo_free(present_memo *m) { free(m); }

/* The index keeps words folded ("carne", "cuando"); a correction is shown as
 * the FAQ writes the word ("carné", "cuándo"): its first use in the leading
 * entry, else in any entry of the language, else the folded word. The other
 * entries are read only where their words in the index hold it, and not
 * through the thread's memory of candidates, which they would only crowd;
 * what they give is the first entry of the language that writes the word
 * at all (the leader does not), whatever the leader, so it is remembered. */
static void faq_form(const search_ctx *c, uint32_t L, uint32_t lead, uint32_t w, form_ctx *f)
{
    const faq_index *ix = c->ix;
    f->word = ix->strings + ix->words[w].text.off;
    f->len = ix->words[w].text.len;
    f->raw = NULL;
    if (lead < ix->n_entries && ix->entries[lead].lang == L) {
        query_entry_run(c, lead, QTEXT_QUESTION, 0, 1, on_form, f);
        if (!f->raw)
            query_entry_run(c, lead, QTEXT_ANSWER, 0, 1, on_form, f);
    }
    form_row *row = c->forms ? &c->forms->rows[(w * 2654435761u) % FORM_MEMO_SLOTS] : NULL;
    if (!f->raw && row && row->w == w && row->lang == L) {
        f->raw = row->raw;
        f->raw_len = row->raw_len;
    } else if (!f->raw) {
        analyzer_skip_stemming(c->an[L], 1);
        for (uint32_t e = 0; e < ix->n_entries && !f->raw; e++) {
            if (ix->entries[e].lang != L || e == lead || !may_hold(ix, e, w))
                continue;
            faq_entry fe;
            faq_index_entry(ix, e, &fe);
            analyzer_run(c->an[L], fe.question.s, fe.question.len, on_form, f);
            if (!f->raw)
                analyzer_run(c->an[L], fe.answer.s, fe.answer.len, on_form, f);
        }
        analyzer_skip_stemming(c->an[L], 0);
        if (row)
            *row = (form_row){w, L, f->raw, f->raw ? f->raw_len : 0};
    }
    if (!f->raw) {
        f->raw = f->word;
        f->raw_len = f->len;
    }
}

/* Copies form to out with its first letter in the case of the asker's word
 * ("Cundo" -> "Cuándo", "carnee" -> "carné"). Returns the bytes written. */
static size_t cased_form(char *out, const char *form, size_t n, const char *typed, size_t typed_len)
{
    utf8proc_int32_t c, t;
    utf8proc_ssize_t cl = utf8proc_iterate((const utf8proc_uint8_t *)form, (utf8proc_ssize_t)n, &c);
    if (cl <= 0 || utf8proc_iterate((const utf8proc_uint8_t *)typed, (utf8proc_ssize_t)typed_len, &t) <= 0) {
        memcpy(out, form, n);
        return n;
    }
    utf8proc_int32_t want = utf8proc_toupper(t) == t ? utf8proc_toupper(c) : utf8proc_tolower(c);
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t wl = utf8proc_encode_char(want, enc);
    memcpy(out, enc, (size_t)wl);
    memcpy(out + wl, form + cl, n - (size_t)cl);
    return (size_t)wl + n - (size_t)cl;
}

void present_corrected(const search_ctx *c, uint32_t L, uint32_t lead, const char *text, size_t len,
                       char *out, size_t cap)
{
    /* the question with each corrected word replaced by its correction,
     * without the marks that open and close it: a message quotes it */
    const query *q = c->q;
    size_t o = 0, at = 0;
    for (int i = 0; i < q->n_slots; i++) {
        const slot *sl = &q->slots[i];
        if (!told_typo(sl))
            continue;
        form_ctx f;
        faq_form(c, L, lead, sl->alts[0].word, &f);
        size_t keep = sl->raw_off - at;
        if (o + keep + f.raw_len + 4 + 1 > cap)
            break;
        memcpy(out + o, text + at, keep);
        o += keep;
        o += cased_form(out + o, f.raw, f.raw_len, text + sl->raw_off, sl->raw_len);
        at = sl->raw_off + sl->raw_len;
    }
    if (o + (len - at) + 1 <= cap) {
        memcpy(out + o, text + at, len - at);
        o += len - at;
    }
    out[o] = '\0';
    size_t from = 0;
    while (from < o && (out[from] == ' ' || out[from] == '\t' || strncmp(out + from, "\xc2\xbf", 2) == 0 ||
                        strncmp(out + from, "\xc2\xa1", 2) == 0))
        from += out[from] == ' ' || out[from] == '\t' ? 1 : 2;   /* spaces, ¿ and ¡ */
    while (o > from && out[o - 1] && strchr(" \t?!.", out[o - 1]))
        o--;
    memmove(out, out + from, o - from);
    out[o - from] = '\0';
}

void present_highlight(const search_ctx *s, const cand *c, uint32_t e, char *words, size_t cap,
                       faq_answer *out)
{
    /* The entry's words, as the index stores them (EWORDS: its question's
     * then its answer's, each once, in the order they occur), not the text
     * analysed again: the same words, without the cost of the analyzer. */
    const faq_index *ix = s->ix;
    const query *q = s->q;
    uint32_t from = ix->ewords_off[e], to = ix->ewords_off[e + 1];
    if (from > to || to > ix->ewords_len)
        return;   /* an index not checked: nothing to show rather than a wild read */
    size_t used = 0;
    /* a question word ("qué", "how") tells the kind of question, not its
     * topic: the same word in the answer ("a medida que") is no match to
     * show (stop words are not in the index's words at all) */
    uint32_t shown = 0;         /* the slots whose terms are shown: matched, no question word */
    for (int k = 0; k < q->n_slots && k < FAQ_MAX_QUERY_TERMS; k++)
        if ((c->mask >> k) & 1 && !q->slots[k].is_qword)
            shown |= 1u << k;
    for (uint32_t i = from; i < to && out->n_matched < FAQ_MAX_QUERY_TERMS; i++) {
        uint32_t w = ix->ewords[i];
        if (w >= ix->n_words)
            return;
        const ix_word *W = &ix->words[w];
        if (!(term_masks_get(&q->masks, W->term) & shown))
            continue;
        if (used + W->text.len + 1 > cap)
            return;
        char *dst = words + used;
        memcpy(dst, ix->strings + W->text.off, W->text.len);
        dst[W->text.len] = '\0';
        used += W->text.len + 1;
        out->matched[out->n_matched] = dst;
        out->matched_len[out->n_matched] = W->text.len;
        out->n_matched++;
    }
}
