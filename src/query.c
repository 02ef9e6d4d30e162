/* query.c: the question's tokens and phrases (see query.h). */
#include "query.h"

#include <string.h>

#include "corpus.h"
#include "index_internal.h"
#include "qmemo.h"
#include "typo.h"
#include "utf8.h"

typedef struct tokctx {
    query *s;
    const char *q;
    size_t qlen;
    int quoted;         /* q holds a '"': its words may be in a phrase */
} tokctx;

static int phrase_of(const char *q, size_t off)
{
    /* the number of the quoted phrase the offset is in, 0 if none:
     * quotes are counted from the start, so an odd count means inside */
    int quotes = 0;
    for (size_t i = 0; i < off; i++)
        if (q[i] == '"')
            quotes++;
    return quotes % 2 ? quotes / 2 + 1 : 0;
}

/* What analyzer token t reads as, into q: its word, term and kind. */
static void read_token(qtok *q, const token *t)
{
    memcpy(q->word, t->word, t->word_len);
    q->word[t->word_len] = '\0';
    q->word_len = t->word_len;
    q->word_cp = typo_cp_count(t->word, t->word_len);
    memcpy(q->term, t->term, t->term_len);
    q->term[t->term_len] = '\0';
    q->term_len = t->term_len;
    q->is_stop = t->is_stop;
    q->is_qword = t->is_qword;
    q->is_situation = t->is_situation;
    q->is_time = t->is_time;
}

static int on_qtoken(void *ctx, const token *t)
{
    tokctx *c = ctx;
    query *s = c->s;
    if (s->n_toks == (int)(sizeof s->toks / sizeof *s->toks))
        return 1;
    qtok *q;
    if (t->is_synonym) {
        /* kept apart: the question's own words are what small talk,
         * language and exactness read */
        if (s->n_syn_toks == FAQ_MAX_QUERY_TERMS)
            return 0;
        s->syn_after[s->n_syn_toks] = s->n_toks - 1;
        q = &s->syn_toks[s->n_syn_toks++];
    } else {
        q = &s->toks[s->n_toks++];
    }
    read_token(q, t);
    q->raw_off = t->offset;
    q->raw_len = t->raw_len;
    q->pos = t->pos;
    q->is_synonym = t->is_synonym;
    q->is_joined = 0;
    q->phrase = c->quoted ? phrase_of(c->q, t->offset) : 0;
    return 0;
}

void query_tokenize(query *q, analyzer *an, const char *text, size_t len)
{
    q->n_toks = 0;
    q->n_syn_toks = 0;
    tokctx c = {q, text, len, memchr(text, '"', len) != NULL};
    analyzer_keep_stopwords(an, 1);
    /* the question: checked by searcher_ask() and searcher_topk() */
    analyzer_run_valid(an, text, len, on_qtoken, &c);
    analyzer_keep_stopwords(an, 0);
    q->phrase_count = 0;
    for (int i = 0; i < q->n_toks; i++)
        if (q->toks[i].phrase > q->phrase_count)
            q->phrase_count = q->toks[i].phrase;
}

/* The first word token of an analyzer's run, into ctx (a qtok). */
static int first_word(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;
    read_token(ctx, t);
    return 1;
}

/* Is word w (n bytes) one of a language of the index written in Latin
 * letters (any but L)? */
static int latin_lang_word(const search_ctx *c, uint32_t L, const char *w, size_t n)
{
    for (uint32_t l = 0; l < c->ix->n_langs; l++)
        if (l != L && (search_model_lang_word(c->m, l, w, n) ||
                       ix_find_word(c->ix, l, w, n) != IX_NONE))
            return 1;
    return 0;
}

/* Is Latin-letter word w (n bytes) one of the FAQ's Arabic content words
 * by its skeleton? A skeleton is short and one of a stop word's too
 * ("modda", "مدة" and "ماذا" alike): the FAQ's content word is read. */
static int skeleton_content(const search_ctx *c, uint32_t L, const char *w, size_t n)
{
    if (!search_model_translit_arabic(c->m, L))
        return 0;
    uint32_t found[QUERY_MAX_ALTS];
    int which;
    size_t k = search_model_translit(c->m, L, w, n, (size_t)c->p->translit_min_chars,
                                     translit_skeleton_min(c->p), &which, found, QUERY_MAX_ALTS);
    for (size_t i = 0; i < k && which == SEARCH_VOCAB_WORDS; i++) {
        const ix_str *s = &c->ix->words[found[i]].text;
        const char *text = c->ix->strings + s->off;
        if (!analyzer_is_stopword(c->an[L], text, s->len) &&
            !analyzer_is_question_word(c->an[L], text, s->len))
            return 1;
    }
    return 0;
}

void query_translit_stops(const search_ctx *c, uint32_t L)
{
    query *q = c->q;
    analyzer *an = c->an[L];
    for (int i = 0; i < q->n_toks; i++) {
        qtok *t = &q->toks[i];
        const char *w;
        if (t->is_stop || t->is_qword || t->is_joined ||
            (!c->p->use_translit_arabic && search_model_translit_arabic(c->m, L)) ||
            !search_model_translit_stop(c->m, L, an, t->word, t->word_len, &w) ||
            ix_find_word(c->ix, L, t->word, t->word_len) != IX_NONE ||
            skeleton_content(c, L, t->word, t->word_len) ||
            (c->p->translit_stops_latin && latin_lang_word(c, L, t->word, t->word_len)))
            continue;
        qtok read = *t;
        analyzer_keep_stopwords(an, 1);
        int found = analyzer_run(an, w, strlen(w), first_word, &read) > 0;
        analyzer_keep_stopwords(an, 0);
        if (found)
            *t = read;
    }
}

int slot_has_term(const slot *sl, uint32_t term)
{
    for (int k = 0; k < sl->n_alts; k++)
        if (sl->alts[k].term == term)
            return 1;
    return 0;
}

_Static_assert(FAQ_MAX_QUERY_TERMS <= 32, "a term's slots are the bits of a uint32_t");

void query_term_masks(query *q, const faq_index *ix)
{
    term_masks *tm = &q->masks;
    tm->n = 0;
    memset(tm->filter, 0, sizeof tm->filter);
    tm->langs = 0;
    for (int i = 0; i < q->n_slots; i++)
        for (int k = 0; k < q->slots[i].n_alts; k++) {
            uint32_t t = q->slots[i].alts[k].term;
            tm->langs |= 1ull << ix->terms[t].lang;
            int j = tm->n;
            while (j > 0 && tm->term[j - 1] > t)
                j--;
            if (j > 0 && tm->term[j - 1] == t) {
                tm->mask[j - 1] |= 1u << i;
                continue;
            }
            unsigned b = term_filter_bit(t);
            tm->filter[b >> 6] |= 1ull << (b & 63);
            memmove(tm->term + j + 1, tm->term + j, (size_t)(tm->n - j) * sizeof *tm->term);
            memmove(tm->mask + j + 1, tm->mask + j, (size_t)(tm->n - j) * sizeof *tm->mask);
            tm->term[j] = t;
            tm->mask[j] = 1u << i;
            tm->n++;
        }
}

uint32_t term_masks_search(const term_masks *tm, uint32_t term)
{
    int lo = 0, hi = tm->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (tm->term[mid] < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < tm->n && tm->term[lo] == term ? tm->mask[lo] : 0;
}

/* Group g's FAQ entry in language l (not a small-talk one), or IX_NONE. */
static uint32_t faq_entry_in(const faq_index *ix, uint32_t g, uint32_t l)
{
    uint32_t e = faq_index_group_entry(ix, g, l);
    return e != IX_NONE && ix->entries[e].kind == ENTRY_FAQ ? e : IX_NONE;
}

/* Group g's FAQ entry in the first language that has one, or IX_NONE. */
static uint32_t faq_entry_first(const faq_index *ix, uint32_t g)
{
    uint32_t e = IX_NONE;
    for (uint32_t l = 0; l < ix->n_langs && e == IX_NONE; l++)
        e = faq_entry_in(ix, g, l);
    return e;
}

uint32_t query_entry_shown(const search_ctx *c, uint32_t g, uint32_t L)
{
    uint32_t e = faq_index_group_entry(c->ix, g, L);
    for (int k = 0; k < c->n_shown && e == IX_NONE; k++)
        e = faq_entry_in(c->ix, g, (uint32_t)c->shown[k]);
    return e != IX_NONE ? e : faq_entry_first(c->ix, g);
}

uint32_t query_token_term(const faq_index *ix, uint32_t lang, const token *t)
{
    uint32_t w = ix_find_word(ix, lang, t->word, t->word_len);
    return w != IX_NONE ? ix->words[w].term : ix_find_term(ix, lang, t->term, t->term_len);
}

int query_entry_run(const search_ctx *c, uint32_t e, int which, int keep_stop, int skip_stem,
                    token_fn fn, void *ctx)
{
    faq_entry fe;
    faq_index_entry(c->ix, e, &fe);
    faq_str text = which == QTEXT_QUESTION ? fe.question : which == QTEXT_ALTS ? fe.alts : fe.answer;
    const unsigned char *p;
    size_t n;
    if (faq_index_entry_stream(c->ix, e, which, &p, &n) == 0)
        return entry_stream_run(p, n, text.s, text.len, keep_stop, skip_stem, fn, ctx);
    analyzer *an = c->an[fe.lang];
    analyzer_keep_stopwords(an, keep_stop);
    analyzer_skip_stemming(an, skip_stem);
    int rc = analyzer_run(an, text.s, text.len, fn, ctx);
    analyzer_keep_stopwords(an, 0);
    analyzer_skip_stemming(an, 0);
    return rc;
}

lexicon *query_lexicon(const search_ctx *c, uint32_t l)
{
    lexicon *lx;
    if (search_model_lexicon(c->m, l, &lx) != 0 && c->failed)
        *c->failed = 1;
    return lx;
}

int query_dict_lacks(const search_ctx *c, uint32_t l, const char *raw, size_t raw_len,
                     const char *word, size_t word_len, uint32_t w)
{
    if (w != IX_NONE && c->ix->words[w].dict != IX_WORD_DICT_NONE && raw_len == word_len &&
        memcmp(raw, word, raw_len) == 0)
        return c->ix->words[w].dict == IX_WORD_DICT_LACKS;
    spelling sp;
    if (search_model_spelling(c->m, l, raw, raw_len, &sp))
        return !(sp.flags & SPELLING_KNOWS);
    lexicon *lx = query_lexicon(c, l);
    return lx && !lexicon_knows(lx, raw, raw_len);
}

int query_knows(const search_ctx *c, uint32_t l, const char *raw, size_t len)
{
    /* a number is told by the dictionary without Hunspell (lemma.h): the
     * index's verdicts are not looked through for a question's counter */
    if (utf8_is_number(raw, len))
        return lexicon_knows(query_lexicon(c, l), raw, len);
    spelling sp;
    if (search_model_spelling(c->m, l, raw, len, &sp))
        return (sp.flags & SPELLING_KNOWS) != 0;
    return lexicon_knows(query_lexicon(c, l), raw, len);
}

int query_name_verdict(const search_ctx *c, uint32_t l, const char *raw, size_t len)
{
    int v;
    if (c->memo && qmemo_name_get(c->memo, l, raw, len, &v))
        return v;
    spelling sp;
    if (search_model_spelling(c->m, l, raw, len, &sp)) {
        v = (sp.flags & SPELLING_NAME) != 0;
    } else {
        lexicon *lx = query_lexicon(c, l);
        v = lx ? lexicon_is_name(lx, raw, len) : -1;
    }
    /* a dictionary that could not be opened for want of memory is not
     * the word's verdict */
    if (c->memo && !(c->failed && *c->failed))
        qmemo_name_put(c->memo, l, raw, len, v);
    return v;
}

size_t query_lemma(const search_ctx *c, uint32_t l, const char *raw, size_t len, char *out,
                   size_t cap)
{
    /* the index's lemma was asked with room for SPELLING_MAX_LEMMA bytes:
     * with less room, a lemma too long for it is passed over, and the
     * word's own too (then another reading may give one), so only a word
     * and a lemma well inside cap are answered from it */
    spelling sp;
    if (cap > 0 && len + 4 < cap && search_model_spelling(c->m, l, raw, len, &sp) &&
        sp.lemma_len < cap) {
        memcpy(out, sp.lemma, sp.lemma_len);
        out[sp.lemma_len] = '\0';
        return sp.lemma_len;
    }
    return lexicon_lemma(query_lexicon(c, l), raw, len, out, cap);
}

thesaurus *query_thesaurus(const search_ctx *c, uint32_t l)
{
    thesaurus *th;
    if (search_model_thesaurus(c->m, l, &th) != 0 && c->failed)
        *c->failed = 1;
    return th;
}
