package org.partyline.processor.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries through a crash: a broker JVM and two processor JVMs with {@code standby.replicas 1}; a client asks the
 * first for every key and list, round after round, while the second is killed with SIGKILL. No answer may be wrong:
 * every 200 equals the view the cluster gave before the kill, a 404 for something that exists or an incomplete list
 * fails the test; 503 is allowed, and counted. The dead instance's keys are answered from the survivor's standbys
 * (marked stale) until it has taken them over. A session timeout of 10 s keeps the takeover within the test.
 */
class QueryFailoverIT {
    private static final Logger LOG = LoggerFactory.getLogger(QueryFailoverIT.class);
    private static final int PARTIES = 24;

    @TempDir
    Path dir;

    @Test
    void shouldNeverAnswerWrongWhileAnInstanceIsKilledAndItsKeysMoveToTheSurvivor() throws Exception {
        try (FailoverCluster cluster = FailoverCluster.start(dir, 4,
                List.of("--kafka-session-timeout-ms", "10000"))) {
            cluster.publish(PARTIES);
            QueryProbe probe = new QueryProbe(cluster.api(0));
            Map<String, JsonNode> views = probe.settledViews(QueryProbe.paths(PARTIES), PARTIES,
                    Duration.ofSeconds(90));
            Thread.sleep(2_000);
            List<QueryProbe.Answer> answers = probe.observe(views, Duration.ofSeconds(2), () -> cluster.kill(1),
                    Duration.ofSeconds(5), Duration.ofSeconds(90));
            QueryProbe.Summary summary = QueryProbe.Summary.of(answers);
            LOG.info("Failover under query load: {}", summary);

            assertEquals(List.of(), summary.wrongAnswers().stream().limit(10)
                    .map(a -> "+" + a.atMillis() + " ms GET " + a.path() + " -> " + a.detail())
                    .collect(Collectors.toList()), "wrong answers (" + summary + ")");
            assertTrue(summary.stale() > 0, "the survivor answered no key from a standby: " + summary);
            QueryProbe.Answer last = answers.get(answers.size() - 1);
            assertEquals(QueryProbe.Verdict.RIGHT, last.verdict(), "the survivor did not take over: " + summary);
        }
    }
}
