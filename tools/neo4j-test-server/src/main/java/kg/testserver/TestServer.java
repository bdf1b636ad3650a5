package kg.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A Neo4j 5.26 Community server for tests: in-process (neo4j-harness), Bolt only, fixed loopback port.
 *
 * <pre>
 * java -jar target/neo4j-test-server.jar [--port 7688] [--auth | --no-auth] [--ready-file PATH] [--data-dir DIR]
 * </pre>
 *
 * Defaults come from the environment: NEO4J_TEST_PORT (7688), NEO4J_TEST_AUTH (false),
 * NEO4J_TEST_PASSWORD (required with auth; user is always {@code neo4j}), NEO4J_TEST_READY_FILE,
 * NEO4J_TEST_DATA_DIR (a fresh temporary directory, deleted on exit), NEO4J_TEST_PAGECACHE (256m).
 * When Bolt is up it prints {@code READY bolt://127.0.0.1:PORT} and writes that URI to the ready file.
 * SIGTERM/SIGINT stop the database cleanly (shutdown hook) and remove the ready file.
 */
public final class TestServer {

    private TestServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("NEO4J_TEST_PORT", "7688"));
        boolean auth = Boolean.parseBoolean(env.getOrDefault("NEO4J_TEST_AUTH", "false"));
        String ready = env.get("NEO4J_TEST_READY_FILE");
        String dataDir = env.get("NEO4J_TEST_DATA_DIR");
        String pagecache = env.getOrDefault("NEO4J_TEST_PAGECACHE", "256m");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--auth" -> auth = true;
                case "--no-auth" -> auth = false;
                case "--ready-file" -> ready = args[++i];
                case "--data-dir" -> dataDir = args[++i];
                case "-h", "--help" -> {
                    System.out.println("usage: TestServer [--port N] [--auth|--no-auth] [--ready-file PATH] [--data-dir DIR]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        String password = env.get("NEO4J_TEST_PASSWORD");
        if (auth && (password == null || password.isEmpty())) {
            System.err.println("--auth needs a password in NEO4J_TEST_PASSWORD");
            System.exit(2);
        }

        Path readyFile = ready == null ? null : Path.of(ready).toAbsolutePath();
        if (readyFile != null) {
            Files.deleteIfExists(readyFile);
        }
        boolean tempDir = dataDir == null;
        Path workDir = tempDir ? Files.createTempDirectory("kg-neo4j-test-") : Path.of(dataDir);
        Files.createDirectories(workDir);

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer() // no HTTP/HTTPS connectors
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                .withConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .withConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pagecache))
                // a test server need not wait long for idle Bolt threads and connections on shutdown
                .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        final Path readyToDelete = readyFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            try {
                if (readyToDelete != null) {
                    Files.deleteIfExists(readyToDelete);
                }
            } catch (IOException ignored) {
                // nothing to do: the file is only a signal
            }
            try {
                neo4j.close(); // the harness deletes its store under workDir
                if (tempDir) {
                    Files.deleteIfExists(workDir);
                }
            } catch (IOException ignored) {
                // a non-empty temp dir is left behind; harmless
            } finally {
                stopped.countDown();
                System.out.println("STOPPED");
                System.out.flush();
            }
        }, "kg-neo4j-test-server-shutdown"));

        if (auth) {
            // the initial user neo4j/neo4j must change its password: do it here, on the system database
            neo4j.databaseManagementService().database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }

        String uri = "bolt://127.0.0.1:" + port;
        if (readyFile != null) {
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("READY " + uri + (auth ? " (auth on, user neo4j)" : " (auth off)"));
        System.out.flush();
        stopped.await();
    }

    /** "256m", "1g", "1048576" to bytes. */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }
}
