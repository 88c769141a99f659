package org.partyline.ingest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;
import org.partyline.ingest.Ingestor;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.quality.DevSet;

/**
 * Speed and memory of ingestion, printed (not a timed test). Articles of about 300 words are made by joining two
 * development articles. Prints start-up to the first candidate, then the median articles per second over several
 * timed rounds after warm-up, with 1 thread and with as many threads as cores, the process CPU time per article
 * (which tells the rate on free cores when the machine is shared), and the peak heap used. Run with
 * {@code -Xmx512m} to check the memory goal:
 * {@code java -Xmx512m -cp ... org.partyline.ingest.bench.IngestBenchmark [rounds]}.
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainStart = System.currentTimeMillis();
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Codebook codebook = DevSet.codebook();
    List<Article> articles = joined(DevSet.articles());
    try (Ingestor ingestor = Ingestor.create(codebook)) {
      List<Candidate> first = ingestor.ingest(articles.get(0));
      long firstCandidate = System.currentTimeMillis();
      System.out.printf(Locale.ROOT, "start-up to first candidate: %d ms from JVM start (%d ms from main), "
          + "%d candidates, %d ms of process CPU%n", firstCandidate - jvmStart, firstCandidate - mainStart,
          first.size(), cpuNanos() / 1_000_000);
      double words = articles.stream().mapToInt(a -> a.text().split("\\s+").length).average().orElse(0);
      System.out.printf(Locale.ROOT, "articles: %d, mean %.0f words%n", articles.size(), words);
      int cores = Runtime.getRuntime().availableProcessors();
      for (int threads : new int[] {1, cores}) {
        run(ingestor, articles, threads, 2);
        double[] rates = new double[rounds];
        double[] cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          long cpuBefore = cpuNanos();
          rates[r] = run(ingestor, articles, threads, 1);
          cpu[r] = (cpuNanos() - cpuBefore) / 1e6 / articles.size();
        }
        Arrays.sort(rates);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "threads %d: median %.1f articles/s (min %.1f, max %.1f) over %d rounds; "
            + "median %.0f ms of process CPU per article, so %.1f articles/s per free core%n", threads,
            rates[rounds / 2], rates[0], rates[rounds - 1], rounds, cpu[rounds / 2], 1000 / cpu[rounds / 2]);
      }
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "heap: peak used %d MB (sum of pool peaks), max %d MB%n", peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** CPU time used by the whole process so far (all threads, the JIT and the GC included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Articles per second for {@code passes} passes over the articles on {@code threads} threads. */
  private static double run(Ingestor ingestor, List<Article> articles, int threads, int passes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> done = new ArrayList<>();
      for (int p = 0; p < passes; p++) {
        for (Article article : articles) {
          done.add(pool.submit(() -> ingestor.ingest(article).size()));
        }
      }
      for (Future<Integer> f : done) {
        f.get();
      }
      return done.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  /** About 300-word articles: each development article followed by the next one. */
  private static List<Article> joined(List<Article> dev) {
    List<Article> joined = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      Article a = dev.get(i);
      Article b = dev.get((i + 1) % dev.size());
      joined.add(new Article("bench-" + i, a.text() + "\n\n" + b.text(), a.publishedAt(), a.url(), a.outlet(),
          a.title()));
    }
    return joined;
  }
}
