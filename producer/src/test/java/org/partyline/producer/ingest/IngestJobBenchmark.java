package org.partyline.producer.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.ingest.Article;
import org.partyline.ingest.Ingestor;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.ArticleParser;
import org.partyline.serde.SchemaRegistryClient;
import org.partyline.serde.SchemaRegistryClients;

/**
 * What the streaming job adds to the pipeline's own cost: the development set's articles, {@code ROUNDS} times over
 * (fresh ids each round), ingested once untimed (warm-up), once in a plain loop and once through the job (a real broker in this JVM, one
 * transaction per article). Prints articles and events per second for both and the job's cost per article.
 *
 * <pre>
 * mvn -q -pl producer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partyline.producer.ingest.IngestJobBenchmark -Dexec.args="ROUNDS"   # default 10
 * </pre>
 */
public final class IngestJobBenchmark {

    private IngestJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dev = devSet();
        Codebook codebook = Codebook.load(List.of(dev.resolve("codebook.json")));
        List<Article> set = new ArrayList<>();
        ArticleParser parser = ArticleParser.forIngest();
        for (String line : Files.readAllLines(dev.resolve("articles.jsonl"))) {
            set.add(ArticleRecords.toArticle(parser.parse(line)));
        }
        List<Article> articles = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Article a : set) {
                articles.add(new Article(a.id() + "-r" + r, a.text(), a.publishedAt(), a.url(), a.outlet(), a.title()));
            }
        }
        Path dir = Files.createTempDirectory("ingest-bench");
        try (Ingestor ingestor = Ingestor.create(codebook);
             EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            CandidateEvents events = new CandidateEvents(ingestor, 0);
            // Warm-up: every article once, so that neither measurement pays for the JIT.
            articles.forEach(events::candidates);

            long start = System.nanoTime();
            long candidates = 0;
            for (Article article : articles) {
                candidates += events.candidates(article).size();
            }
            double loopSeconds = (System.nanoTime() - start) / 1e9;

            JobTopics topics = new JobTopics("bench-articles", "bench-statements", "bench-claims", "bench-dlq");
            admin.createTopics(List.of(new NewTopic(topics.articles(), 3, (short) 1),
                    new NewTopic(topics.statements(), 3, (short) 1), new NewTopic(topics.claims(), 3, (short) 1),
                    new NewTopic(topics.deadLetters(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
            try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), client,
                    new PartylinePublisher.Topics(topics.statements(), topics.claims(), topics.articles()), Map.of())) {
                articles.forEach(a -> publisher.publish(ArticleRecords.toRecord(a), null));
                publisher.flush();
            }
            IngestJob job = new IngestJob(new IngestJob.Settings(kafka.bootstrapServers(), Map.of(), topics,
                    "bench", "bench-one"), client, events);
            Thread running = new Thread(job::run, "ingest-job");
            start = System.nanoTime();
            running.start();
            long first = 0;
            long done;
            while ((done = committed(admin, topics.articles())) < articles.size()) {
                if (first == 0 && done > 0) {
                    first = System.nanoTime();
                }
                Thread.sleep(20);
            }
            long end = System.nanoTime();
            double jobSeconds = (end - start) / 1e9;
            double startSeconds = (first - start) / 1e9;
            double steadySeconds = (end - first) / 1e9;
            job.stopAndWait(Duration.ofSeconds(30));

            System.out.printf(Locale.ROOT, "articles %d (%d rounds of the development set), candidates %d%n",
                    articles.size(), rounds, candidates);
            System.out.printf(Locale.ROOT, "pipeline alone:  %6.1f articles/s  %7.1f events/s  (%.1f s)%n",
                    articles.size() / loopSeconds, candidates / loopSeconds, loopSeconds);
            System.out.printf(Locale.ROOT, "streaming job:   %6.1f articles/s  %7.1f events/s  (%.1f s, from start-up"
                    + " to the last offset committed)%n", articles.size() / jobSeconds, candidates / jobSeconds,
                    jobSeconds);
            System.out.printf(Locale.ROOT, "  start-up to the first article committed %.1f s, then %.1f articles/s%n",
                    startSeconds, articles.size() / steadySeconds);
            System.out.printf(Locale.ROOT, "job cost per article beyond the pipeline, after start-up: %.1f ms%n",
                    (steadySeconds - loopSeconds) * 1000 / articles.size());
        }
    }

    private static long committed(Admin admin, String topic) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("bench")
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static Path devSet() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("ingest/src/test/resources/ingest-dev"))) {
            dir = dir.getParent();
        }
        return dir.resolve("ingest/src/test/resources/ingest-dev");
    }
}
