// xapian_bench.cc: Xapian as a peer: one document per entry, the Snowball
// stemmer of its language, the question indexed with weight 3 (wdf) and the
// answer with 1, BM25, queries parsed with the same stemmer (STEM_SOME,
// OR), top 10.
//   xapian_bench index CORPUS_DIR DBDIR
//   xapian_bench query DBDIR QUERIES [--lang es] [--top1 OUT]
#include <sys/stat.h>
#include <xapian.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include "faq_md.h"
#include "timing.h"
}

static const char *stemmer_of(const char *code)
{
    static const char *const map[][2] = {{"es", "spanish"}, {"en", "english"}, {"fr", "french"},
                                         {"pt", "portuguese"}, {"de", "german"}, {"it", "italian"}};
    for (auto &m : map)
        if (std::strcmp(m[0], code) == 0)
            return m[1];
    return "none";
}

struct indexer {
    Xapian::WritableDatabase *db;
    long n;
};

static void add(void *ctx, const md_entry *e)
{
    indexer *ix = static_cast<indexer *>(ctx);
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem(stemmer_of(e->lang)));
    tg.set_document(doc);
    tg.index_text(e->question, 3);
    tg.increase_termpos();
    tg.index_text(e->answer, 1);
    doc.set_data(e->id);
    ix->db->add_document(doc);
    ix->n++;
}

static long dir_size(const std::string &dir)
{
    long total = 0;
    DIR *d = opendir(dir.c_str());
    struct dirent *de;
    while (d && (de = readdir(d))) {
        std::string p = dir + "/" + de->d_name;
        struct stat st;
        if (de->d_name[0] != '.' && stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode))
            total += st.st_size;
    }
    if (d)
        closedir(d);
    return total;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && std::strcmp(argv[1], "index") == 0) {
        double t0 = now_us();
        Xapian::WritableDatabase db(argv[3], Xapian::DB_CREATE_OR_OVERWRITE);
        indexer ix = {&db, 0};
        db.begin_transaction(false);
        md_corpus(argv[2], add, &ix);
        db.commit_transaction();
        db.close();
        double secs = (now_us() - t0) / 1e6;
        std::printf("build_seconds=%.3f size_bytes=%ld peak_rss_kb=%ld entries=%ld\n", secs,
                    dir_size(argv[3]), peak_rss_kb(), ix.n);
        return 0;
    }
    if (argc >= 4 && std::strcmp(argv[1], "query") == 0) {
        const char *lang = "es";
        FILE *top1 = nullptr;
        for (int i = 4; i + 1 < argc; i++) {
            if (!std::strcmp(argv[i], "--lang")) lang = argv[++i];
            else if (!std::strcmp(argv[i], "--top1")) top1 = std::fopen(argv[++i], "w");
        }
        Xapian::Database db(argv[2]);
        Xapian::Enquire enq(db);
        enq.set_weighting_scheme(Xapian::BM25Weight());
        Xapian::QueryParser qp;
        qp.set_stemmer(Xapian::Stem(stemmer_of(lang)));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_OR);
        qp.set_database(db);
        std::vector<std::string> lines;
        FILE *f = std::fopen(argv[3], "r");
        char buf[4096];
        while (f && std::fgets(buf, sizeof buf, f)) {
            buf[std::strcspn(buf, "\r\n")] = '\0';
            lines.push_back(buf);
        }
        if (f)
            std::fclose(f);
        std::vector<double> lat(lines.size() + 1);
        for (int pass = 0; pass < 2; pass++) {
            double total0 = now_us();
            size_t m = 0;
            for (size_t i = 0; i < lines.size(); i++) {
                if (pass == 0 && i >= 200)
                    break;
                double t0 = now_us();
                std::string first = "NONE";
                try {
                    Xapian::Query q = qp.parse_query(lines[i], 0);
                    enq.set_query(q);
                    Xapian::MSet ms = enq.get_mset(0, 10);
                    int k = 0;
                    for (auto it = ms.begin(); it != ms.end(); ++it, ++k)
                        if (k == 0)
                            first = it.get_document().get_data();
                } catch (const Xapian::Error &) {
                }
                lat[m++] = now_us() - t0;
                if (pass == 1 && top1)
                    std::fprintf(top1, "%s\n", first.c_str());
            }
            if (pass == 1)
                report(lat.data(), m, now_us() - total0);
        }
        if (top1)
            std::fclose(top1);
        return 0;
    }
    std::fprintf(stderr, "usage: xapian_bench index CORPUS DBDIR | query DBDIR QUERIES [--lang L] [--top1 OUT]\n");
    return 1;
}
