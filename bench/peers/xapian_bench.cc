// xapian_bench.cc: Xapian as a peer of faqbot: one document per FAQ entry,
// terms from TermGenerator with the Snowball stemmer of the entry's language,
// the question field weighted 3 (wdf increment) and the answer 1; BM25;
// queries parsed with QueryParser (same stemmer, STEM_SOME, OR), top 10.
//   xapian_bench index CORPUS_DIR DB_PATH
//       build_seconds=X size_bytes=Y peak_rss_kb=Z entries=N
//   xapian_bench query DB_PATH QUERIES_FILE [--top1 OUT] [--lang es] [--stop FILE]
//       queries=N qps=X median_us=Y p99_us=Z peak_rss_kb=W
//       --stop: the query's words FILE lists (a word a line, its first one;
//       lines opening with # or ! skipped: a faqbot stopwords.txt) dropped,
//       as faqbot drops them, to tell what plain BM25 owes to stop words
//   xapian_bench answer DB_PATH QUERIES_FILE [--top1 OUT] [--lang es]
//       the same, and the first document's stored question and answer
//       (values 0 and 1) fetched too: the whole answer a user waits for
// The query language picks the query stemmer: the queries are Spanish.
#include <xapian.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "faq_md.h"
#include "timing.h"

namespace fs = std::filesystem;

// Snowball's name for a corpus folder name ("es" -> "spanish").
static std::string stemmer_of(const char *code)
{
    static const char *const names[][2] = {
        {"ar", "arabic"}, {"da", "danish"}, {"de", "german"}, {"el", "greek"}, {"en", "english"},
        {"es", "spanish"}, {"fi", "finnish"}, {"fr", "french"}, {"hu", "hungarian"},
        {"it", "italian"}, {"nl", "dutch"}, {"no", "norwegian"}, {"pt", "portuguese"},
        {"ro", "romanian"}, {"ru", "russian"}, {"sv", "swedish"}, {"tr", "turkish"}};
    for (const auto &n : names)
        if (!std::strcmp(n[0], code))
            return n[1];
    return "none";
}

struct indexer {
    Xapian::WritableDatabase *db;
    Xapian::TermGenerator tg;
    std::string lang;   // the stemmer set on tg
    long n = 0;
};

static void add(void *ctx, const md_entry *e)
{
    indexer *ix = static_cast<indexer *>(ctx);
    if (ix->lang != e->lang) {   // entries come a language at a time
        ix->tg.set_stemmer(Xapian::Stem(stemmer_of(e->lang)));
        ix->lang = e->lang;
    }
    Xapian::Document doc;
    ix->tg.set_document(doc);
    ix->tg.index_text(e->question, 3);
    ix->tg.increase_termpos();   // no phrase across the two fields
    ix->tg.index_text(e->answer);
    doc.set_data(e->id);
    doc.add_value(0, e->question);   // what an answer shows, stored apart
    doc.add_value(1, e->answer);     // so that the ids stay quick to read
    ix->db->add_document(doc);
    ix->n++;
}

static long long dir_size(const fs::path &dir)
{
    long long total = 0;
    for (const auto &f : fs::recursive_directory_iterator(dir))
        if (f.is_regular_file())
            total += (long long)f.file_size();
    return total;
}

static int cmd_index(const char *corpus, const char *path)
{
    double t0 = now_us();
    fs::path tmp = std::string(path) + ".tmp";
    fs::remove_all(path);
    fs::remove_all(tmp);
    indexer ix;
    {
        Xapian::WritableDatabase db(tmp.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        ix.db = &db;
        // Xapian's own batching: it flushes every XAPIAN_FLUSH_THRESHOLD
        // (10,000) documents, which bounds its memory; one commit at the end.
        if (md_corpus(corpus, add, &ix) == 0) {
            std::fprintf(stderr, "xapian_bench: no corpus files in %s\n", corpus);
            return 2;
        }
        db.commit();
        // Compacted, as a static index is shipped (the counterpart of FTS5's
        // 'optimize'): full blocks, one revision, faster to read.
        db.compact(path);
    }
    fs::remove_all(tmp);
    double secs = (now_us() - t0) / 1e6;
    std::printf("build_seconds=%.3f size_bytes=%lld peak_rss_kb=%ld entries=%ld\n", secs,
                dir_size(path), peak_rss_kb(), ix.n);
    return 0;
}

struct querier {
    Xapian::Enquire *enq;
    Xapian::QueryParser *qp;
    bool fetch;          // answer mode: the first document's texts too
    size_t fetched = 0;  // their bytes, so the fetch is not optimised away
};

static void search(void *ctx, const char *q, size_t len, char *top1)
{
    querier *s = static_cast<querier *>(ctx);
    try {
        // flags 0: user questions, not search syntax (no AND/NOT, quotes,
        // +/-), as FTS5's quoted words; default op OR
        s->enq->set_query(s->qp->parse_query(std::string(q, len), 0));
        Xapian::MSet ms = s->enq->get_mset(0, 10);
        int i = 0;
        for (auto it = ms.begin(); it != ms.end(); ++it, ++i) {
            std::string id = it.get_document().get_data();   // all 10, as the others
            if (i == 0)
                set_top1(top1, id.data(), id.size());
            if (i == 0 && s->fetch) {
                Xapian::Document d = it.get_document();
                s->fetched += d.get_value(0).size() + d.get_value(1).size();
            }
        }
    } catch (const Xapian::QueryParserError &) {
        // an unparsable query finds nothing, as an empty one
    }
}

static int cmd_query(const char *path, const char *queries, const char *top1, const char *lang,
                     bool fetch, const char *stop)
{
    Xapian::SimpleStopper stopper;
    if (stop) {
        std::ifstream in(stop);
        if (!in) {
            std::fprintf(stderr, "xapian_bench: cannot read %s\n", stop);
            return 2;
        }
        std::string line;
        while (std::getline(in, line)) {
            size_t end = line.find_first_of(" \t\r");
            std::string w = line.substr(0, end);
            if (!w.empty() && w[0] != '#' && w[0] != '!')
                stopper.add(w);
        }
    }
    Xapian::Database db(path);
    Xapian::Enquire enq(db);
    enq.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem(stemmer_of(lang)));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_OR);
    qp.set_database(db);
    if (stop)
        qp.set_stopper(&stopper);
    querier s = {&enq, &qp, fetch};
    int rc = run_queries(queries, top1, search, &s) ? 2 : 0;
    if (fetch && !s.fetched)
        std::fprintf(stderr, "xapian_bench: no answer text fetched\n");
    return rc;
}

int main(int argc, char **argv)
{
    try {
        if (argc == 4 && !std::strcmp(argv[1], "index"))
            return cmd_index(argv[2], argv[3]);
        bool fetch = argc >= 4 && !std::strcmp(argv[1], "answer");
        if (argc >= 4 && (fetch || !std::strcmp(argv[1], "query")) && argc % 2 == 0) {
            const char *top1 = nullptr, *lang = "es", *stop = nullptr;
            for (int i = 4; i + 1 < argc; i += 2) {
                if (!std::strcmp(argv[i], "--top1"))
                    top1 = argv[i + 1];
                else if (!std::strcmp(argv[i], "--lang"))
                    lang = argv[i + 1];
                else if (!std::strcmp(argv[i], "--stop"))
                    stop = argv[i + 1];
                else
                    goto usage;
            }
            return cmd_query(argv[2], argv[3], top1, lang, fetch, stop);
        }
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "xapian_bench: %s\n", e.get_description().c_str());
        return 2;
    } catch (const fs::filesystem_error &e) {
        std::fprintf(stderr, "xapian_bench: %s\n", e.what());
        return 2;
    }
usage:
    std::fprintf(stderr, "usage: xapian_bench index CORPUS_DIR DB_PATH\n"
                         "       xapian_bench query DB_PATH QUERIES_FILE [--top1 OUT] [--lang CODE] [--stop FILE]\n");
    return 1;
}
