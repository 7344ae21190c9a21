package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.shared.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The full-text leg on H2: a Lucene index (BM25, Snowball English stemming and stop words, title weighed
 * most, then tags, then content) held in memory beside the embedded database and rebuilt from
 * its table when the store opens. Writes reach it right after the statement that made them; an
 * entry of a rolled-back transaction may linger in it, but search reads entries back from the
 * database, so such a ghost is never returned.
 */
final class LuceneTextIndex implements AutoCloseable {

    private static final float TITLE_BOOST = 2.5f;
    private static final float TAGS_BOOST = 1.5f;
    /** Best score first, then the most recently updated, then the id (also how a hit's id is read back). */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
            new SortField("updated", SortField.Type.LONG, true), new SortField("id_high", SortField.Type.LONG, true),
            new SortField("id_low", SortField.Type.LONG, true));

    /** As Postgres's {@code english} configuration: Snowball English stems, English stop words. */
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream words = new EnglishPossessiveFilter(source);
            words = new LowerCaseFilter(words);
            words = new StopFilter(words, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new SnowballFilter(words, new EnglishStemmer()));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();

    LuceneTextIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(MemoryEntry entry) {
        Document document = new Document();
        String id = entry.id().toString();
        document.add(new StringField("id", id, Field.Store.NO));
        // the id again as two numbers whose signed order is the UUID's unsigned (and its text's) order:
        // a cheap tie-break, and how a hit's id is read back without a stored-fields read per hit
        document.add(new NumericDocValuesField("id_high", entry.id().value().getMostSignificantBits() ^ Long.MIN_VALUE));
        document.add(new NumericDocValuesField("id_low", entry.id().value().getLeastSignificantBits() ^ Long.MIN_VALUE));
        document.add(new StringField("owner", entry.owner().toString(), Field.Store.NO));
        document.add(new StringField("type", entry.type().wireName(), Field.Store.NO));
        for (String tag : entry.tags().values()) {
            document.add(new StringField("tag", tag.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        document.add(new TextField("title", entry.title().value(), Field.Store.NO));
        document.add(new TextField("tags", String.join(" ", entry.tags().values()), Field.Store.NO));
        document.add(new TextField("content", entry.content().value(), Field.Store.NO));
        document.add(new NumericDocValuesField("updated", ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
                entry.updatedAt())));
        try {
            writer.updateDocument(new Term("id", id), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed.set(true);
    }

    void remove(Collection<MemoryId> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term("id", id.toString())).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed.set(true);
    }

    void removeOwner(UserId owner) {
        try {
            writer.deleteDocuments(new Term("owner", owner.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed.set(true);
    }

    List<Ranked> search(UserId owner, TextSearch search, int max) {
        Set<String> words = analyzed(search.terms());
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        for (String word : words) {
            anyWord.add(new BoostQuery(new TermQuery(new Term("title", word)), TITLE_BOOST), Occur.SHOULD);
            anyWord.add(new BoostQuery(new TermQuery(new Term("tags", word)), TAGS_BOOST), Occur.SHOULD);
            anyWord.add(new TermQuery(new Term("content", word)), Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(anyWord.build(), Occur.MUST)
                .add(new TermQuery(new Term("owner", owner.toString())), Occur.FILTER);
        if (!search.types().isEmpty()) {
            query.add(anyOf("type", search.types().stream().map(MemoryType::wireName).toList()), Occur.FILTER);
        }
        if (!search.anyOfTags().isEmpty()) {
            query.add(anyOf("tag", search.anyOfTags().values().stream()
                    .map(tag -> tag.toLowerCase(Locale.ROOT)).toList()), Occur.FILTER);
        }
        try {
            if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                TopFieldDocs top = searcher.search(query.build(), max, ORDER, true);
                List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    Object[] values = ((FieldDoc) hit).fields;
                    UUID id = new UUID((Long) values[2] ^ Long.MIN_VALUE, (Long) values[3] ^ Long.MIN_VALUE);
                    ranked.add(new Ranked(new MemoryId(id), hit.score));
                }
                return ranked;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query anyOf(String field, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
        return any.build();
    }

    /** The query's words as the index holds them: stemmed, stop words gone. */
    private Set<String> analyzed(List<String> terms) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("content", String.join(" ", terms))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
