/* outcome.c: small talk, confidence, clarify and decline (see outcome.h). */
#include "outcome.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "decline_model.h"
#include "index_internal.h"
#include "lemma.h"
#include "qmemo.h"
#include "rerank.h"
#include "slots.h"
#include "thesaurus.h"
#include "typo.h"
#include "utf8.h"

/* Is question word q small-talk word w (m bytes, cp code points) of
 * language l (1), or one typo away by its form ("holaa": 2)? A word
 * language l's small talk holds as it is is no typo of another of its
 * words: "hora" is no "hola". No dictionary is asked here (see
 * same_word()): the word's facts, which the thread remembers whatever the
 * question's language, are read from this. */
static int near_form(const search_ctx *s, uint32_t l, const qtok *q, const char *w, size_t m,
                     int cp)
{
    if (q->word_len == m && memcmp(q->word, w, m) == 0)
        return 1;
    size_t typo_chars = (size_t)s->p->smalltalk_typo_chars;
    if (!(m >= typo_chars && q->word_len >= typo_chars && q->word[0] == w[0]))
        return 0;
    /* words whose lengths differ by more than one are more than one apart */
    int qcp = q->word_cp;
    if (qcp < 0 || cp < 0 || qcp - cp > 1 || cp - qcp > 1)
        return 0;
    return typo_one_edit(q->word, q->word_len, w, m) &&
                   !search_model_smalltalk_word(s->m, l, q->word, q->word_len)
               ? 2
               : 0;
}

/* Is question word q a word of the question's language L: the FAQ's in L,
 * one of L's words that tell the language, or one L's dictionary knows
 * as typed? Those first, which ask no dictionary. */
static int own_word(const search_ctx *s, uint32_t L, const qtok *q)
{
    return ix_find_word(s->ix, L, q->word, q->word_len) != IX_NONE ||
           search_model_lang_word(s->m, L, q->word, q->word_len) ||
           (s->text && query_knows(s, L, s->text + q->raw_off, q->raw_len));
}

/* Is question word q a word (own_word()) of a language the FAQ has
 * entries in? */
static int faq_lang_word(const search_ctx *s, const qtok *q)
{
    for (uint32_t l = 0; l < faq_index_lang_count(s->ix); l++)
        if (s->ix->langs[l].n_faq && own_word(s, l, q))
            return 1;
    return 0;
}

/* near_form(), a typo read only where no dictionary knows the word: a word
 * language l's dictionary knows as typed is no typo of l's small talk
 * ("gibt es eine halle" asks for a hall, it does not say "hallo"); nor,
 * with use_smalltalk_own_word, is a word of the question's language L
 * that of another language's ("hole" is no Spanish "hola", "sirve" no
 * Italian "serve"), asked before l's dictionary, which it spares loading. */
static int same_word(const search_ctx *s, uint32_t L, uint32_t l, const qtok *q, const char *w,
                     size_t m, int cp)
{
    int same = near_form(s, l, q, w, m, cp);
    if (same != 2)
        return same;
    if (s->p->use_smalltalk_own_word && l != L && own_word(s, L, q))
        return 0;
    return s->text && query_knows(s, l, s->text + q->raw_off, q->raw_len) ? 0 : 2;
}

/* May the question's terms meet language l's small talk by their stems?
 * They are the question's language L's stems: with
 * use_smalltalk_own_terms, another language's small talk meets its words
 * by their form alone (same_word()), for two languages' stems meet by
 * chance (Spanish "tarde" stems as French "tard" of "à plus tard"). */
static int terms_meet(const search_ctx *s, uint32_t L, uint32_t l)
{
    return l == L || !s->p->use_smalltalk_own_terms;
}

/* Is question word q's term small-talk term t (n bytes) of language l? */
static int same_term(const search_ctx *s, uint32_t L, uint32_t l, const qtok *q, const char *t,
                     size_t n)
{
    return terms_meet(s, L, l) && q->term_len == n && memcmp(q->term, t, n) == 0;
}

/* The first bytes of the question's terms (every token's) and of its
 * words (but stop words'), a bit each: a key whose term and word start
 * with none of them is not in the question (question_has_key() matches a
 * term whole, a word whole or one typo away with its first letter kept),
 * which most keys of most phrases are not. Apart, every token's word's
 * first byte (stop words' too): a phrase standing whole (st_at()) has
 * each of its words met by a token's word, whole or one typo away with
 * the first byte kept, so a phrase with a word starting as no token's
 * word does stands nowhere whole; a token without a word could meet one
 * by a typo (smalltalk_typo_chars 0), and then nothing is passed over. */
typedef struct first_bytes {
    uint64_t term[4], word[4], any[4];
    int wordless;
} first_bytes;

static void question_firsts(const search_ctx *s, first_bytes *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < s->q->n_toks; i++) {
        const qtok *q = &s->q->toks[i];
        unsigned a = q->term_len ? (unsigned char)q->term[0] : 0;
        unsigned b = q->word_len ? (unsigned char)q->word[0] : 0;
        f->term[a >> 6] |= 1ull << (a & 63);
        if (!q->is_stop)
            f->word[b >> 6] |= 1ull << (b & 63);
        f->any[b >> 6] |= 1ull << (b & 63);
        f->wordless |= q->word_len == 0;
    }
}

/* May phrase p stand whole in the question, by its words' first bytes?
 * 0 only when it cannot (a word of it starts as no question word does). */
static int may_stand_whole(const first_bytes *f, const st_phrase *p)
{
    if (f->wordless)
        return 1;
    const char *x = p->words;
    for (size_t k = 0; k < p->n_words; k++) {
        size_t n = p->word_len[k];
        unsigned b = (unsigned char)x[0];
        if (n && !((f->any[b >> 6] >> (b & 63)) & 1))
            return 0;
        x += n + 1;
    }
    return 1;
}

/* Is phrase p a run of the question's words starting at token i? Its
 * words read through a typo, or -1 when it is not. */
static int st_at(const search_ctx *s, uint32_t L, const st_phrase *p, int i)
{
    const char *x = p->words;
    int typos = 0;
    for (size_t k = 0; k < p->n_words; k++, i++) {
        size_t n = p->word_len[k];
        int same = i < s->q->n_toks
                       ? same_word(s, L, p->lang, &s->q->toks[i], x, n, p->word_cp[k])
                       : 0;
        if (!same)
            return -1;
        typos += same == 2;
        x += n + 1;
    }
    return typos;
}

/* Where does phrase p stand whole in the question with the fewest words
 * read through a typo: how many, or -1 when it stands nowhere whole? */
static int phrase_typos(const search_ctx *s, uint32_t L, const first_bytes *f, const st_phrase *p)
{
    if (!may_stand_whole(f, p))
        return -1;
    int best = -1;
    for (int i = 0; i < s->q->n_toks && best != 0; i++) {
        int typos = st_at(s, L, p, i);
        if (typos >= 0 && (best < 0 || typos < best))
            best = typos;
    }
    return best;
}

/* Does phrase p stand whole somewhere in the question? */
static int phrase_whole(const search_ctx *s, uint32_t L, const first_bytes *f, const st_phrase *p)
{
    return phrase_typos(s, L, f, p) >= 0;
}

/* Does the question hold the small-talk word whose term is t (n bytes) and
 * folded form w (m bytes, cp code points), or a word one typo away from it
 * ("holaa")? */
static int question_has_key(const search_ctx *s, uint32_t L, uint32_t l, const char *t, size_t n,
                            const char *w, size_t m, int cp)
{
    for (int i = 0; i < s->q->n_toks; i++) {
        const qtok *q = &s->q->toks[i];
        /* a stop word may still be a key by its stem: "pode" for "podes" */
        if (same_term(s, L, l, q, t, n))
            return 1;
        if (q->is_stop)
            continue;
        if (same_word(s, L, l, q, w, m, cp))
            return 1;
    }
    return 0;
}

static int may_hold_key(const first_bytes *f, const char *t, size_t n, const char *w, size_t m)
{
    unsigned a = n ? (unsigned char)t[0] : 0, b = m ? (unsigned char)w[0] : 0;
    return ((f->term[a >> 6] >> (a & 63)) & 1) || ((f->word[b >> 6] >> (b & 63)) & 1);
}

/* Does every key word of phrase p stand in the question (whose first
 * bytes are f)? (A phrase of stop words alone, "hola", "how are you", has
 * to stand whole.) */
static int phrase_within(const search_ctx *s, uint32_t L, const first_bytes *f,
                         const st_phrase *p)
{
    if (!p->n_keys)
        return 0;
    /* every key's first bytes before any key's words: a phrase most often
     * fails on a key the question has no word starting as */
    const char *t = p->keys;
    for (size_t i = 0; i < p->n_keys; i++) {
        size_t n = p->key_len[2 * i], m = p->key_len[2 * i + 1];
        const char *w = t + n + 1;
        if (!may_hold_key(f, t, n, w, m))
            return 0;
        t = w + m + 1;
    }
    t = p->keys;
    for (size_t i = 0; i < p->n_keys; i++) {
        size_t n = p->key_len[2 * i], m = p->key_len[2 * i + 1];
        const char *w = t + n + 1;
        if (!question_has_key(s, L, p->lang, t, n, w, m, p->key_cp[i]))
            return 0;
        t = w + m + 1;
    }
    return 1;
}

/* Is question word q a word of language l's small talk by its form, or
 * one typo from one by its form (near_form(): the dictionaries' verdicts
 * wait for the phrases' match, same_word(), which few questions reach)?
 * may_be: 0 when q is known to be none of l's words that tell the
 * language (word_facts()). */
static int smalltalk_form(const search_ctx *s, uint32_t l, const qtok *q, int may_be)
{
    if (may_be && search_model_smalltalk_word(s->m, l, q->word, q->word_len))
        return 1;
    /* a word one typo away shares the first byte (near_form) */
    const st_word *w;
    size_t n = q->word_len ? search_model_smalltalk_words(s->m, l, (unsigned char)q->word[0], &w) : 0;
    for (size_t k = 0; k < n; k++)
        if (near_form(s, l, q, w[k].w, w[k].len, w[k].cp))
            return 1;
    return 0;
}

/* Word i of the question in each language (bit l: language l): one of its
 * stop words, a word of its small talk by its form; as the thread
 * remembers it or found now. */
static void word_facts(const search_ctx *s, int i, qmemo_word *f)
{
    const qtok *q = &s->q->toks[i];
    if (s->memo && qmemo_word_get(s->memo, q->word, q->word_len, f) && (f->known & QMEMO_CHAT))
        return;
    if (!s->memo)
        memset(f, 0, sizeof *f);
    /* Stop words and small talk words are words that tell the language,
     * found by their bytes: a word with more digits than any of language
     * l's holds (search_model_lang_digits(), a question's counter) is
     * neither, and is not looked up. A word one typo from a small talk
     * word may have one digit more: those are still looked for. */
    size_t digits = utf8_digit_count(q->word, q->word_len);
    for (uint32_t l = 0; l < faq_index_lang_count(s->ix); l++) {
        int may_be = !digits || digits <= search_model_lang_digits(s->m, l);
        if (may_be && analyzer_is_stopword(s->an[l], q->word, q->word_len))
            f->stop |= 1ull << l;
        if (smalltalk_form(s, l, q, may_be))
            f->chat |= 1ull << l;
    }
    f->known |= QMEMO_CHAT;
    if (s->memo)
        qmemo_word_put(s->memo, q->word, q->word_len, f);
}

/* Is question word q a word or key of phrase p? */
static int phrase_has(const search_ctx *s, uint32_t L, const st_phrase *p, const qtok *q)
{
    const char *x = p->words;
    for (size_t k = 0; k < p->n_words; x += p->word_len[k] + 1, k++)
        if (same_word(s, L, p->lang, q, x, p->word_len[k], p->word_cp[k]))
            return 1;
    const char *t = p->keys;
    for (size_t i = 0; i < p->n_keys; i++) {
        size_t n = p->key_len[2 * i], m = p->key_len[2 * i + 1];
        if (same_term(s, L, p->lang, q, t, n))
            return 1;
        t += n + 1 + m + 1;
    }
    return 0;
}

/* Is question word q a word of a phrase of small talk entry e? */
static int entry_has(const search_ctx *s, uint32_t L, const st_phrase *st, size_t n_st, uint32_t e,
                     const qtok *q)
{
    for (size_t k = 0; k < n_st; k++)
        if (st[k].entry == e && phrase_has(s, L, &st[k], q))
            return 1;
    return 0;
}

/* Is the question phrase p of language l cut short: fewer words than p,
 * and p holds each of them but its stop words (whose facts are facts), as
 * the question writes it? */
static int phrase_cut_short(const search_ctx *s, const st_phrase *p, uint32_t l,
                            const qmemo_word *facts)
{
    if ((size_t)s->q->n_toks >= p->n_words)
        return 0;
    for (int i = 0; i < s->q->n_toks; i++) {
        const qtok *q = &s->q->toks[i];
        if ((facts[i].stop >> l) & 1)
            continue;
        const char *x = p->words;
        size_t k = 0;
        for (; k < p->n_words; x += p->word_len[k] + 1, k++)
            if (q->word_len == p->word_len[k] && memcmp(q->word, x, q->word_len) == 0)
                break;
        if (k == p->n_words)
            return 0;
    }
    return 1;
}

/* A language's best small-talk match, in the order match_smalltalk()
 * weighs them: its rank (whole, then longer), then the fewer words read
 * through a typo, then in the question's language, then the earlier among
 * the page's, then its entry's own question. */
typedef struct st_rank {
    size_t words;
    int typos, in_L, page, heading;
} st_rank;

static int st_rank_above(const st_rank *a, const st_rank *b)
{
    if (a->words != b->words)
        return a->words > b->words;
    if (a->typos != b->typos)
        return a->typos < b->typos;
    if (a->in_L != b->in_L)
        return a->in_L > b->in_L;
    if (a->page != b->page)
        return a->page < b->page;
    return a->heading > b->heading;
}

/* A greeting, thanks...: every word of the question belongs to the small
 * talk of one language (or is a stop word of it) and one of its phrases
 * stands whole in the question, or all its key words do ("o que você pode
 * fazer" for "o que podes fazer"). Each word has to belong to a phrase so
 * found or to the entry chosen ("que perguntas posso fazer": "o que posso
 * perguntar", "o que sabes fazer"): "funziona anche di notte?" holds a
 * word of "come funziona" and one of "buona notte", and is a question
 * about nights, not small talk.
 * When the phrases of several languages match alike, one standing as
 * written beats one read through a typo ("hallo" is German's and Dutch's
 * greeting, only a typo of English's "hello"); then the question's
 * language L's wins, then the first of the page's (the visitor of an
 * English page who says "hi" on a French FAQ, which English and German
 * are only asked in, is greeted in English), then one that is its entry's
 * own question ("ciao" is
 * Italian's greeting, only another German farewell).
 * Returns the entry, or UINT32_MAX; *lang: the language of its phrases
 * (left as it was when none); *fragment: no phrase of it stands whole,
 * and the question is one of its phrases cut short ("a qué hora" of
 * "sabes qué hora es", "what time" of "what time is it"). */
static uint32_t match_smalltalk(const search_ctx *s, uint32_t L, uint32_t *lang, int *fragment)
{
    enum { WHOLE_RANK = 100 };  /* a phrase standing whole outranks any length */
    *fragment = 0;
    size_t n_st;
    const st_phrase *st = search_model_smalltalk(s->m, &n_st);
    if (!n_st || !s->q->n_toks || s->q->n_toks > s->p->smalltalk_max_words)
        return UINT32_MAX;
    first_bytes firsts;
    question_firsts(s, &firsts);
    uint32_t best = UINT32_MAX, best_lang = 0;
    st_rank best_rank = {0, 0, 0, FAQ_MAX_PAGE_LANGS, 0};
    qmemo_word facts[FAQ_MAX_QUERY_TERMS * 2];
    _Static_assert(sizeof facts / sizeof *facts == sizeof s->q->toks / sizeof *s->q->toks,
                   "a token each");
    int n_facts = 0;            /* the tokens' facts found so far, in order */
    for (uint32_t l = 0; l < faq_index_lang_count(s->ix); l++) {
        int all = 1;
        for (int i = 0; i < s->q->n_toks && all; i++) {
            const qtok *t = &s->q->toks[i];
            for (; n_facts <= i; n_facts++)
                word_facts(s, n_facts, &facts[n_facts]);
            if ((facts[i].stop >> l) & 1)
                continue;
            /* a word of its small talk by its form, or by its term ("pode"
             * for "podes") */
            all = ((facts[i].chat >> l) & 1) ||
                  (terms_meet(s, L, l) &&
                   search_model_smalltalk_term(s->m, l, t->term, t->term_len));
        }
        if (!all)
            continue;
        uint32_t best_l = UINT32_MAX;
        size_t best_l_words = 0;
        int heading = 0;        /* a phrase of best_l's rank is its question */
        int typos = 0;          /* best_l's phrase's words read through a typo */
        uint64_t covered = 0;   /* bit i: token i is a word of a phrase found */
        _Static_assert(sizeof facts / sizeof *facts <= 64, "a bit a token");
        size_t n_l;
        const st_phrase *st_l = search_model_smalltalk_of(s->m, l, &n_l);
        for (size_t k = 0; k < n_l; k++) {
            const st_phrase *p = &st_l[k];
            /* a phrase standing whole beats one whose key words are
             * scattered; then the longer, then the question's language */
            int p_typos = phrase_typos(s, L, &firsts, p);
            int whole = p_typos >= 0;
            if (!whole && !phrase_within(s, L, &firsts, p))
                continue;
            if (!whole)
                p_typos = 0;
            for (int i = 0; i < s->q->n_toks; i++)
                if (!((covered >> i) & 1) && phrase_has(s, L, p, &s->q->toks[i]))
                    covered |= 1ull << i;
            size_t rank = p->n_words + (whole ? WHOLE_RANK : 0);
            if (rank > best_l_words || (rank == best_l_words && p_typos < typos)) {
                best_l = p->entry;
                best_l_words = rank;
                heading = p->heading;
                typos = p_typos;
            } else if (rank == best_l_words && p_typos == typos && p->entry == best_l) {
                heading |= p->heading;
            }
        }
        for (int i = 0; i < s->q->n_toks && best_l != UINT32_MAX; i++)
            if (!((facts[i].stop >> l) & 1) && !((covered >> i) & 1) &&
                !entry_has(s, L, st, n_st, best_l, &s->q->toks[i]))
                best_l = UINT32_MAX;
        int page = 0;           /* its place among the page's languages */
        while (page < s->n_page && s->page[page] != (int)l)
            page++;
        if (page == s->n_page)
            page = FAQ_MAX_PAGE_LANGS;
        /* one word that is only a key of a longer phrase, in a language
         * the FAQ has no entry in, and a word of a language it has
         * entries in: "logo" is Portuguese "até logo" ("até" a stop
         * word) and an English word of an English FAQ's field alike; one
         * word says too little to take leave in a language the visitor
         * may not speak. A phrase standing whole ("obrigado", "hola") is
         * kept, and so is a word no FAQ language knows ("wiedersehen") */
        if (best_l != UINT32_MAX && best_l_words < WHOLE_RANK && s->q->n_toks == 1 &&
            s->p->use_smalltalk_lone_key && !s->ix->langs[l].n_faq &&
            faq_lang_word(s, &s->q->toks[0]))
            best_l = UINT32_MAX;
        st_rank l_rank = {best_l_words, typos, l == L, page, heading};
        if (best_l != UINT32_MAX && st_rank_above(&l_rank, &best_rank)) {
            best = best_l;
            best_lang = l;
            best_rank = l_rank;
        }
    }
    if (best != UINT32_MAX)
        *lang = best_lang;
    /* the best language's facts are all found: its words were all read */
    size_t n_best;
    const st_phrase *st_best = search_model_smalltalk_of(s->m, best_lang, &n_best);
    for (size_t k = 0; best != UINT32_MAX && best_rank.words < WHOLE_RANK && k < n_best && !*fragment; k++)
        *fragment = st_best[k].entry == best && phrase_cut_short(s, &st_best[k], best_lang, facts);
    return best;
}

/* Is question word q one of phrase p's, and neither a stop word nor a
 * question word? Those open questions and small talk alike ("what day is
 * the meeting", "what day is it"; "puedo hablar con una persona en
 * recepción", "puedo hablar con una persona"): they say nothing of which
 * the question is. */
static int edge_word(const search_ctx *s, uint32_t L, const st_phrase *p, const qtok *q)
{
    return !q->is_stop && !q->is_qword && phrase_has(s, L, p, q);
}

/* Does phrase p open or close the question: is its first or last word
 * one of p's? Small talk said around a question stands at its edges
 * ("thanks for the info", "ok see you", "est-ce que je parle à un
 * robot"); a phrase inside it is the question's own words ("can i see the
 * schedule" holds "i see" and the key word of "see you"). */
static int phrase_at_edge(const search_ctx *s, uint32_t L, const st_phrase *p)
{
    int n = s->q->n_toks;
    return n > 0 && (edge_word(s, L, p, &s->q->toks[0]) || edge_word(s, L, p, &s->q->toks[n - 1]));
}

/* Does the question hold, beside phrase p's words, a word the FAQ holds as
 * it is written ("can i speak to a vet in person": *vet*)? Then it asks
 * of that. */
static int faq_word_beside(const search_ctx *s, uint32_t L, const st_phrase *p)
{
    for (int j = 0; j < s->q->n_slots; j++) {
        const slot *sl = &s->q->slots[j];
        if (sl->is_qword || !slots_has_word(sl))
            continue;
        for (int i = 0; i < s->q->n_toks; i++)
            if (s->q->toks[i].pos == sl->pos && !s->q->toks[i].is_stop &&
                !phrase_has(s, L, p, &s->q->toks[i]))
                return 1;
    }
    return 0;
}

/* A short question the FAQ does not answer may still be small talk said
 * with other words around it ("how are you today?", "merci pour ces
 * informations"): a phrase of the question's language whose key words
 * stand in the question and make at least smalltalk_key_share (half) of
 * its words that are not stop or question words, or a phrase of stop words
 * alone standing whole beside at most smalltalk_extra_words (one) other
 * word; beside it no word the FAQ holds (smalltalk_within_unknown).
 * Returns the entry of the phrase with the most key words, or UINT32_MAX. */
static uint32_t smalltalk_within(const search_ctx *s, uint32_t L)
{
    size_t content = 0;
    for (int i = 0; i < s->q->n_toks; i++)
        content += !s->q->toks[i].is_stop && !s->q->toks[i].is_qword;
    first_bytes firsts;
    question_firsts(s, &firsts);
    uint32_t best = UINT32_MAX;
    size_t best_keys = 0, best_words = 0;
    size_t n_st;
    const st_phrase *st = search_model_smalltalk_of(s->m, L, &n_st);
    for (size_t k = 0; k < n_st; k++) {
        const st_phrase *p = &st[k];
        int ok = p->n_keys ? (double)p->n_keys >= s->p->smalltalk_key_share * (double)content &&
                                 phrase_within(s, L, &firsts, p) &&
                                 (!s->p->smalltalk_within_edge || phrase_at_edge(s, L, p)) &&
                                 (!s->p->smalltalk_within_unknown || !faq_word_beside(s, L, p))
                           : content <= (size_t)s->p->smalltalk_extra_words &&
                                 phrase_whole(s, L, &firsts, p);
        if (ok && (p->n_keys > best_keys || (p->n_keys == best_keys && p->n_words > best_words))) {
            best = p->entry;
            best_keys = p->n_keys;
            best_words = p->n_words;
        }
    }
    return best;
}

uint32_t outcome_smalltalk(const search_ctx *c, uint32_t L, const cand *top, int n_top,
                           double threshold, uint32_t *lang)
{
    int fragment = 0;
    *lang = L;
    uint32_t st = c->p->use_smalltalk ? match_smalltalk(c, L, lang, &fragment) : UINT32_MAX;
    /* a phrase cut short is the FAQ's question when the FAQ answers it
     * well: "a qué hora" is "sabes qué hora es" cut short, and asks the
     * opening hours */
    if (st != UINT32_MAX && fragment && c->p->use_smalltalk_yield && n_top > 0 &&
        top[0].cover >= threshold)
        return UINT32_MAX;
    if (st == UINT32_MAX && c->p->use_smalltalk_within && (n_top == 0 || top[0].cover < threshold))
        st = smalltalk_within(c, L);
    return st;
}

/* Is slot sl's word a name by the language's dictionary ("Debian", "Perl")?
 * 0 without a dictionary: nothing tells. */
static int dictionary_name(const search_ctx *s, uint32_t L, const slot *sl)
{
    return s->text && s->p->use_dictionary &&
           query_name_verdict(s, L, s->text + sl->raw_off, sl->raw_len) == 1;
}

static int count_synonym(void *ctx, const char *syn, size_t len)
{
    (void)syn;
    (void)len;
    ++*(int *)ctx;
    return 0;
}

/* Is slot sl's word, one the FAQ lacks, a general word of the language:
 * one its thesaurus gives many synonyms over all its meanings ("bring",
 * "somewhere"), as it is or as its lemma? 0 without a thesaurus. */
static int general_word(const search_ctx *s, uint32_t L, const slot *sl)
{
    if (!s->text || s->p->decline_unknown_general == 0)
        return 0;
    thesaurus *th = query_thesaurus(s, L);
    if (!th)
        return 0;
    const char *raw = s->text + sl->raw_off;
    uint32_t held;
    if (s->memo && qmemo_general_get(s->memo, L, raw, sl->raw_len, &held))
        return (int)held >= s->p->general_synonyms;
    int n = 0;
    thesaurus_lookup(th, raw, sl->raw_len, count_synonym, &n);
    if (n == 0) {
        char lemma[QUERY_WORD_BYTES];
        size_t len = query_lemma(s, L, raw, sl->raw_len, lemma, sizeof lemma);
        if (len)
            thesaurus_lookup(th, lemma, len, count_synonym, &n);
    }
    if (s->memo && !(s->failed && *s->failed))
        qmemo_general_put(s->memo, L, raw, sl->raw_len, (uint32_t)n);
    return n >= s->p->general_synonyms;
}

/* Is alternative a, a word of another language of the FAQ as slot sl
 * writes it, a name or jargon in that language (its dictionary lacks it,
 * or knows it as a name)? */
static int foreign_name(const search_ctx *s, const alt_term *a, const slot *sl)
{
    if (!s->text || !s->p->use_dictionary)
        return 0;
    const char *raw = s->text + sl->raw_off;
    uint32_t L = s->ix->terms[a->term].lang;
    return query_dict_lacks(s, L, raw, sl->raw_len, sl->word, sl->word_len, a->word) ||
           query_name_verdict(s, L, raw, sl->raw_len) == 1;
}

/* Does the FAQ hold slot sl's word only through a dictionary's translation
 * or a spelling alike (every alternative one)? */
static int slot_translated(const slot *sl)
{
    for (int k = 0; k < sl->n_alts; k++)
        if (sl->alts[k].kind != ALT_TRANSLATION && sl->alts[k].kind != ALT_COGNATE)
            return 0;
    return sl->n_alts > 0;
}

/* The question's words of time the FAQ lacks ("tomorrow", "tonight") that
 * are no other topic for leader c1, by bit. A visitor says when ("can I book
 * for tomorrow") where the FAQ need not, but in an everyday question of
 * another topic ("the weather tomorrow", "a table for tonight") the time
 * word is often the one word the FAQ lacks: the rest of the question, not
 * the time word, tells the two apart, so a time word never turns a weak
 * match into an answer. The rest must name no other word the FAQ lacks,
 * and c1 must hold it well: time_rest_words of its words at least, a word
 * the FAQ holds only as a guess (a typo's correction, a variant, a general
 * synonym, a spelling alike) counting for nothing, and time_rest_cover of
 * its weight by c1's coverage. */
static uint32_t time_gaps(const search_ctx *s, const cand *c1)
{
    const query *q = s->q;
    if (!s->p->use_time_words)
        return 0;
    uint32_t gaps = 0;
    int held = 0;
    double rest = 0, asked = 0;
    for (int i = 0; i < q->n_slots; i++) {
        const slot *sl = &q->slots[i];
        asked += sl->weight;
        if (!sl->n_alts && !sl->unknown)
            continue;   /* a word of the asker's situation */
        if (sl->is_time && !sl->n_alts) {
            gaps |= 1u << i;
            continue;
        }
        if (!sl->n_alts)
            return 0;   /* another word the FAQ lacks: another topic */
        rest += sl->weight;
        held += ((c1->mask >> i) & 1) && !slots_guessed(sl);
    }
    if (held < s->p->time_rest_words || rest <= 0 ||
        c1->cover * asked < s->p->time_rest_cover * rest)
        return 0;
    return gaps;
}

/* The decline model's features of leader c1 (entry e1): decline_model.h. */
static void decline_features(const search_ctx *s, uint32_t L, const cand *top, int n_top,
                             uint32_t e1, double *x)
{
    const query *q = s->q;
    const cand *c1 = &top[0];
    double total = 0, asked = 0, known = 0, in_q = 0, common = 0, unk_weight = 0, guessed = 0,
           topic = 0, translated = 0, runner_holds = 0;
    int content = 0, unk_word = 0, unk_other = 0, domain = 0, dict_head = 0, general = 0;
    double max_idf = search_model_max_idf(s->m, L);
    /* a word of time these are weighs as a common word and is no word the
     * FAQ lacks, as a word of the asker's situation (slots.c) */
    uint32_t time = time_gaps(s, c1);
    for (int i = 0; i < q->n_slots; i++) {
        const slot *sl = &q->slots[i];
        int timed = (time >> i) & 1;
        asked += sl->weight;
        total += timed ? s->p->weight_floor : sl->weight;
        if (!sl->is_qword) {
            /* a name the dictionary holds ("España") is no ordinary word */
            int kind = timed ? 0 : sl->unknown == 1 && sl->is_name ? 2 : sl->unknown;
            content++;
            unk_word += kind == 1;
            unk_other += kind == 2;
            general += kind == 1 && general_word(s, L, sl);
            domain += kind == 3;
            dict_head += !timed && sl->dict_head;
            if (kind == 1 || kind == 2)
                unk_weight += sl->weight;
            if (slots_has_word(sl) && max_idf > 0) {
                double cm = 1 - sl->idf / max_idf;
                if (cm > common)
                    common = cm;
            }
            /* a name or a word of the FAQ's jargon that most of its entries
             * hold is what it is about ("Debian", "lsof"): a question
             * naming it asks of it, though its idf, near 0, weighs it as
             * nothing in the coverage. An ordinary word is not told so: a
             * small FAQ holds "initiative" in most entries, and a question
             * about another initiative uses it too. */
            if (slots_has_word(sl)) {
                double share = search_model_term_share(s->m, sl->alts[0].term);
                if (share > topic && (kind == 3 || dictionary_name(s, L, sl)))
                    topic = share;
            }
            /* ... and so is it when the question is in another language
             * than the FAQ's and names it as the FAQ writes it ("perl" in
             * a French question) */
            for (int k = 0; k < sl->n_alts; k++) {
                const alt_term *a = &sl->alts[k];
                if (a->kind != ALT_FOREIGN || a->word == IX_NONE)
                    continue;
                double share = search_model_term_share(s->m, a->term);
                if (share > topic && foreign_name(s, a, sl))
                    topic = share;
            }
        }
        if (!sl->n_alts)
            continue;
        /* a word the FAQ holds only through a dictionary's translation or
         * a spelling alike, that the leader does not match: one of its
         * senses stands somewhere by chance, which says nothing of the topic */
        if ((sl->alts[0].kind == ALT_TRANSLATION || sl->alts[0].kind == ALT_COGNATE) &&
            !((c1->mask >> i) & 1))
            guessed += sl->weight;
        if (slot_translated(sl))
            translated += sl->weight;
        known += sl->weight;
        if (n_top > 1 && !((c1->mask >> i) & 1) && ((top[1].mask >> i) & 1))
            runner_holds += sl->weight;
        if (((c1->mask >> i) & 1) && e1 != UINT32_MAX && rerank_in_question_field(s, e1, sl))
            in_q += sl->weight;
    }
    /* the leader's coverage of the question, its words of time reweighed */
    double cover = total > 0 ? c1->cover * asked / total : c1->cover;
    x[DF_COVER] = cover;
    x[DF_KNOWN_COVER] = known > 0 ? fmin(1, cover * total / known) : 0;
    x[DF_UNK_WORD] = content ? (double)unk_word / content : 0;
    x[DF_UNK_OTHER] = content ? (double)unk_other / content : 0;
    x[DF_UNK_GENERAL] = content ? (double)general / content : 0;
    x[DF_QFIELD] = known > 0 ? in_q / known : 0;
    x[DF_MARGIN] = n_top > 1 && c1->score > 0 ? 1 - top[1].score / c1->score : 1;
    x[DF_FIT] = rerank_question_fit(s, c1->group, s->p->fit_unknown);
    x[DF_BM25] = fmin(1, c1->bm25);
    x[DF_COMMON] = common;
    x[DF_DOMAIN] = content ? (double)domain / content : 0;
    x[DF_TOPIC_NAME] = topic;
    x[DF_TRANSLATED] = known > 0 ? translated / known : 0;
    x[DF_XL_UNKNOWN] = translated > 0 ? x[DF_UNK_WORD] : 0;
    x[DF_XL_DICT] = translated > 0 && content ? (double)dict_head / content : 0;
    /* ... of a question in the language of the entries it reaches: in
     * another, xl_unknown already weighs the words the FAQ lacks */
    x[DF_SMALL_VOCAB] =
        e1 != UINT32_MAX && translated == 0
            ? 1 / (1 + s->ix->langs[s->ix->entries[e1].lang].term_count / s->p->small_vocab_terms)
            : 0;
    /* the words the FAQ knows but the leader lacks are left out: in a large
     * FAQ an ordinary word ("company", "host") stands in some answer by
     * chance, weighs as a rare word, and says nothing of the topic; the
     * words no entry holds do */
    double matched = cover * total;
    double against = unk_weight + (s->p->use_guess_evidence ? guessed : 0);
    x[DF_UNION_GAIN] = s->p->use_union_gain && total > 0 ? runner_holds / total : 0;
    x[DF_EVIDENCE] = matched + against > 0 ? matched / (matched + against) : 0;
}

/* The decline model the parameters hold: field decline_<feature name> is
 * that feature's weight, decline_bias the bias (what eval --fit prints). */
static const search_param_field *decline_fields[DF_COUNT];
static pthread_once_t decline_fields_once = PTHREAD_ONCE_INIT;

/* The fields by name, looked up once: a name search per question costs
 * more than the rest of the decision. */
static void find_decline_fields(void)
{
    char name[64];
    for (int f = 0; f < DF_COUNT; f++) {
        snprintf(name, sizeof name, "decline_%s", decline_feature_name[f]);
        decline_fields[f] = search_param_find(name);
    }
}

static void decline_model_of(const search_params *p, decline_model *m)
{
    pthread_once(&decline_fields_once, find_decline_fields);
    m->bias = p->decline_bias;
    for (int f = 0; f < DF_COUNT; f++)
        m->w[f] = decline_fields[f] ? search_param_get(p, decline_fields[f]) : 0;
}

/* Is the question numbers alone ("1", "2020")? Such a question names no
 * thing asked about: an entry that holds the number ("1 November 2020")
 * covers the whole question without being what was meant. */
static int numbers_only(const query *q)
{
    if (q->n_toks == 0)
        return 0;
    for (int i = 0; i < q->n_toks; i++)
        if (!utf8_is_number(q->toks[i].word, q->toks[i].word_len))
            return 0;
    return 1;
}

/* Is the question question words alone ("how", "where", "vorrei sapere
 * come": its other words stop words)? It names no thing asked about: a
 * visitor's question sent half-typed, or the first line of a pasted one,
 * whose question word matched one entry's heading best by its length. */
static int qwords_only(const query *q)
{
    if (q->n_slots == 0)
        return 0;
    for (int i = 0; i < q->n_slots; i++)
        if (!q->slots[i].is_qword)
            return 0;
    return 1;
}

void outcome_decide(const search_ctx *s, uint32_t L, const cand *top, int n_top,
                    double threshold, faq_answer *out)
{
    const faq_index *ix = s->ix;
    const search_params *p = s->p;
    const cand *c1 = &top[0];
    uint32_t e1 = query_entry_shown(s, c1->group, L);
    out->best = (faq_hit){e1, c1->score};
    if (e1 != UINT32_MAX) {
        faq_entry fe;
        faq_index_entry(ix, e1, &fe);
        out->other_lang = fe.lang != L;
    }
    /* confidence: the coverage rule's or the decline model's, the larger
     * (decline_model.h) */
    decline_features(s, L, top, n_top, e1, out->features);
    out->has_features = 1;
    decline_model dm;
    decline_model_of(p, &dm);
    out->confidence =
        decline_confidence(p->use_decline_model ? &dm : NULL, out->features, p->cover_floor);
    /* too little evidence to answer: declined, its entries offered */
    if (numbers_only(s->q) || (p->use_qwords_only && qwords_only(s->q)))
        out->confidence = 0;
    int n_alt = 0;
    for (int i = 1; i < n_top && n_alt < FAQ_MAX_ALTERNATIVES; i++) {
        if (top[i].score < p->alt_ratio * c1->score && out->confidence >= threshold)
            break;
        uint32_t e = query_entry_shown(s, top[i].group, L);
        if (e != UINT32_MAX)
            out->alts[n_alt++] = (faq_hit){e, top[i].score};
    }
    out->n_alts = n_alt;
    if (out->confidence < threshold) {
        out->outcome = OUTCOME_DECLINE;
    } else if (p->use_clarify && n_top > 1 && top[1].score >= p->clarify_ratio * c1->score &&
               top[1].cover >= c1->cover - p->clarify_cover && top[1].cover >= p->cover_floor) {
        out->outcome = OUTCOME_CLARIFY;
    } else {
        out->outcome = OUTCOME_ANSWER;
    }
}
