package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator's worst habits, repeated: {@code kill -9} at a random moment of {@code medkg load --store S} on the
 * corpus, and {@code kill -9} of a running {@code serve} (its child JVM and the launcher) while
 * {@code load --endpoint} writes the corpus into it over HTTP. After each kill the load is finished (for serve: the
 * server restarted and the load run again) and the store is compared with a reference store that the same documents
 * were loaded into once, without kills: the same document graphs, the same triple count and document sha256 in each,
 * the same entities found by the name index for the persons' names, and a size on disk (after compaction) within
 * {@value #SIZE_BOUND} times the reference's. Each trial loads the other of two versions of the corpus (as it is, and
 * with a line added to every document), so every load replaces graphs.
 *
 * <p>Half the kills fall anywhere in the run, half in its last third, where the store is written and compacted (the
 * run's length is the reference load's). The kill's phase is read from what the processes had printed.
 *
 * <p>Run: {@code mvn -B -ntp -o test -Dgroups=reliability -DexcludedGroups=none}. Prints a Markdown report and writes
 * it to {@code target/reliability-report.md} (logs of each run in {@code target/reliability/}). Settings:
 * {@code -Dmedkg.reliability.trials=} (of each kind, default 20), {@code -Dmedkg.reliability.minutes=} (no trial
 * starts after that; default: no limit), {@code -Dmedkg.reliability.seed=}.
 */
@Tag("reliability")
class KillReliabilityTest {
    private static final int TRIALS = Integer.getInteger("medkg.reliability.trials", 20);
    private static final long MINUTES = Long.getLong("medkg.reliability.minutes", 0);
    private static final long SEED = Long.getLong("medkg.reliability.seed", 20261205);
    private static final Path REPORT = Path.of(System.getProperty("medkg.reliability.report",
            "target/reliability-report.md"));
    private static final double SIZE_BOUND = 2.0;
    /** How long any one command may take on a busy machine before the trial counts as failed. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** Names searched besides the persons' labels: a prefix, a city, a Latin spelling, a common word. */
    private static final List<String> MORE_NAMES = List.of("Клодз", "Klodzinsky", "Караганда", "гематолог");
    private static final Pattern PROGRESS = Pattern.compile("medkg load: (\\d+)/(\\d+) documents");
    private static final String USER = "editor";
    private static final String PASSWORD = "kill-9-trials";

    private final Path work = Path.of("target", "reliability");
    private final Path documents = work.resolve("documents");
    private final Random random = new Random(SEED);
    private final List<StoreSnapshot> references = new ArrayList<>();
    private final List<Duration> referenceLoads = new ArrayList<>();
    private List<String> names;

    private enum Kind {
        LOAD("kill -9 of `load --store`"), SERVE("kill -9 of `serve` during `load --endpoint`");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    /** A started server: its launcher process and the port it listens on. */
    private record Served(Process process, int port) {
    }

    /** One kill and what the store held once the load was finished. */
    private record Trial(Kind kind, int number, double killAt, String phase, StoreSnapshot.Differences differences,
                         long bytes, long referenceBytes, List<String> failures) {
    }

    @Test
    void killedLoadsAndServersLoseNothing() throws Exception {
        assumeTrue(ChangedCopies.CORPUS.stream().allMatch(Files::isDirectory), "no corpus at " + ChangedCopies.CORPUS);
        Instant began = Instant.now();
        Instant deadline = MINUTES > 0 ? began.plus(MINUTES, ChronoUnit.MINUTES) : Instant.MAX;
        String loadAtStart = loadAverage();
        deleteRecursively(work);
        Files.createDirectories(work);
        Path passwordFile = Files.writeString(work.resolve("password"), PASSWORD + "\n");

        for (int version = 0; version < 2; version++) {
            Path store = work.resolve("reference-" + version);
            long start = System.nanoTime();
            int status = run(load(store, version), work.resolve("reference-" + version + ".log"), Map.of());
            referenceLoads.add(Duration.ofNanos(System.nanoTime() - start));
            assertEquals(ExitCodes.OK, status, "the reference load; see " + work);
            if (version == 0) {
                names = new ArrayList<>(StoreSnapshot.personNames(store, 200));
                names.addAll(MORE_NAMES);
            }
            references.add(StoreSnapshot.of(store, names));
        }
        // Both kinds of trial start from a store holding version 0, as its reference does.
        Path loadStore = copyOf(work.resolve("reference-0"), work.resolve("store-load"));
        Path servedStore = copyOf(work.resolve("reference-0"), work.resolve("store-served"));
        System.out.printf("references: %d graphs, loaded in %s and %s; %d names searched%n",
                references.get(0).graphs().size(), seconds(referenceLoads.get(0)), seconds(referenceLoads.get(1)),
                names.size());

        List<Trial> trials = new ArrayList<>();
        for (int n = 0; n < TRIALS; n++) {
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            trials.add(killLoad(n, loadStore));
            reportSoFar(trials, began, loadAtStart);
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            trials.add(killServe(n, servedStore, passwordFile));
            reportSoFar(trials, began, loadAtStart);
        }
        System.out.println(report(trials, began, loadAtStart));
        assertEquals(List.of(), trials.stream().flatMap(trial -> trial.failures().stream()
                .map(failure -> trial.kind() + " " + trial.number() + ": " + failure)).toList());
    }

    /** {@code load --store} killed at a random moment, then run again to its end. */
    private Trial killLoad(int n, Path store) throws Exception {
        int version = versionOf(n);
        String[] load = load(store, version);
        double killAt = killMoment(n, referenceLoads.get(version));
        Path killedLog = work.resolve("load-" + n + "-killed.log");
        Process killed = MedkgProcess.start(killedLog, Map.of(), load);
        boolean ended = killed.waitFor((long) (killAt * 1000), TimeUnit.MILLISECONDS);
        String phase = ended ? "had ended" : loadPhase(killedLog, true);
        if (!ended) {
            MedkgProcess.kill(killed);
        }
        List<String> failures = new ArrayList<>();
        int status = run(load, work.resolve("load-" + n + "-again.log"), Map.of());
        if (status != ExitCodes.OK) {
            failures.add("the load run again exited " + status + "; see " + work.resolve("load-" + n + "-again.log"));
        }
        return compared(Kind.LOAD, n, killAt, phase, store, version, failures);
    }

    /** {@code serve} killed at a random moment of a {@code load --endpoint}; restarted, and the load run again. */
    private Trial killServe(int n, Path store, Path passwordFile) throws Exception {
        int version = versionOf(n);
        // The HTTP load converts as the local one does, then sends each document; the server compacts a few s after.
        Duration window = referenceLoads.get(version).multipliedBy(5).dividedBy(4).plusSeconds(5);
        double killAt = killMoment(n, window);
        List<String> failures = new ArrayList<>();

        Served serve = startServe(store, passwordFile, work.resolve("serve-" + n + "-killed.log"));
        String phase;
        Path killedLoadLog = work.resolve("serve-" + n + "-load-killed.log");
        try {
            Process load = MedkgProcess.start(killedLoadLog, Map.of("MEDKG_PASSWORD", PASSWORD),
                    loadOverHttp(serve, version));
            Thread.sleep((long) (killAt * 1000));
            phase = load.isAlive() ? loadPhase(killedLoadLog, false)
                    : Files.exists(store.resolve("compaction-due")) ? "load ended, compaction due"
                    : "load ended and compacted";
            MedkgProcess.kill(serve.process());
            if (!load.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                MedkgProcess.kill(load);
                failures.add("the load whose server was killed did not end; see " + killedLoadLog);
            }
        } finally {
            MedkgProcess.kill(serve.process());
        }

        Served again = startServe(store, passwordFile, work.resolve("serve-" + n + "-again.log"));
        try {
            Path loadLog = work.resolve("serve-" + n + "-load-again.log");
            Process load = MedkgProcess.start(loadLog, Map.of("MEDKG_PASSWORD", PASSWORD),
                    loadOverHttp(again, version));
            int status = exitStatus(load);
            if (status != ExitCodes.OK) {
                failures.add("the load run again exited " + status + "; see " + loadLog);
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (Files.exists(store.resolve("compaction-due")) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            // Stopped as a user stops it (SIGTERM to the launcher, which stops its child).
            again.process().destroy();
            if (!again.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                failures.add("serve did not stop on SIGTERM");
            }
        } finally {
            MedkgProcess.kill(again.process());
        }
        return compared(Kind.SERVE, n, killAt, phase, store, version, failures);
    }

    private Trial compared(Kind kind, int n, double killAt, String phase, Path store, int version,
                           List<String> failures) throws IOException, InterruptedException {
        StoreSnapshot reference = references.get(version);
        StoreSnapshot found = StoreSnapshot.of(store, names);
        StoreSnapshot.Differences differences = found.against(reference);
        if (!differences.none()) {
            failures.add("differs from the reference: " + differences);
        }
        if (found.compactionDue()) {
            failures.add("still awaits compaction");
        }
        if (found.diskBytes() > SIZE_BOUND * reference.diskBytes()) {
            failures.add(String.format("%.1f MB on disk, reference %.1f MB", found.diskBytes() / 1e6,
                    reference.diskBytes() / 1e6));
        }
        return new Trial(kind, n, killAt, phase, differences, found.diskBytes(), reference.diskBytes(), failures);
    }

    private static Served startServe(Path store, Path passwordFile, Path log) throws IOException, InterruptedException {
        int port = MedkgProcess.freePort();
        Process serve = MedkgProcess.start(log, Map.of(), "serve", "--store", store.toString(), "--port",
                Integer.toString(port), "--user", USER, "--password-file", passwordFile.toString());
        try {
            MedkgProcess.awaitAnswer("http://127.0.0.1:" + port + "/", serve, PATIENCE, log);
        } catch (AssertionError | InterruptedException e) {
            MedkgProcess.kill(serve);
            throw e;
        }
        return new Served(serve, port);
    }

    private String[] loadOverHttp(Served serve, int version) throws IOException {
        List<String> command = new ArrayList<>(List.of("load", "--endpoint", "http://127.0.0.1:" + serve.port() + "/medkg",
                "--user", USER));
        ChangedCopies.write(ChangedCopies.CORPUS, documents, version).forEach(copy -> command.add(copy.toString()));
        return command.toArray(String[]::new);
    }

    private String[] load(Path store, int version) throws IOException {
        List<String> command = new ArrayList<>(List.of("load", "--store", store.toString()));
        ChangedCopies.write(ChangedCopies.CORPUS, documents, version).forEach(copy -> command.add(copy.toString()));
        return command.toArray(String[]::new);
    }

    /** Trials alternate between the versions, starting from version 0 in the store: each load replaces graphs. */
    private static int versionOf(int trial) {
        return (trial + 1) % 2;
    }

    /** Seconds after the start: even trials anywhere in the run, odd ones in its last third. */
    private double killMoment(int trial, Duration run) {
        double length = run.toMillis() / 1000.0;
        double from = trial % 2 == 0 ? 0 : length * 2 / 3;
        return from + random.nextDouble() * (length - from);
    }

    /** Where a load was, from the progress lines it printed: they come once a quarter of the documents is stored. */
    private static String loadPhase(Path log, boolean local) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (local && text.contains("compacted the store")) {
            return "compacted, printing";
        }
        Matcher progress = PROGRESS.matcher(text);
        int done = 0;
        int total = 0;
        while (progress.find()) {
            done = Integer.parseInt(progress.group(1));
            total = Integer.parseInt(progress.group(2));
        }
        if (done == 0) {
            return local ? "converting, or storing the first quarter" : "converting, or sending the first quarter";
        }
        if (done < total) {
            return (local ? "storing " : "sending ") + done + "/" + total;
        }
        return local ? "last commit or compaction" : "sending the last documents";
    }

    private static int run(String[] command, Path log, Map<String, String> environment)
            throws IOException, InterruptedException {
        return exitStatus(MedkgProcess.start(log, environment, command));
    }

    private static int exitStatus(Process process) throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            MedkgProcess.kill(process);
            return -1;
        }
        return process.exitValue();
    }

    /** Prints the last trial, and writes the report of the trials so far: a run stopped early still leaves one. */
    private void reportSoFar(List<Trial> trials, Instant began, String loadAtStart) throws IOException {
        System.out.println(line(trials.get(trials.size() - 1)));
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, report(trials, began, loadAtStart));
    }

    private static String line(Trial trial) {
        return String.format("%s %d: killed at %.1f s (%s): %s", trial.kind(), trial.number(), trial.killAt(),
                trial.phase(), trial.failures().isEmpty() ? "same as the reference, " + megabytes(trial.bytes())
                        + " MB" : String.join("; ", trial.failures()));
    }

    private String report(List<Trial> trials, Instant began, String loadAtStart) {
        StringBuilder md = new StringBuilder();
        md.append("## Kill -9 reliability\n\n");
        md.append(String.format("%s to %s, %d processors, load average at the start %s and at the end %s; "
                        + "seed %d. Corpus: %d documents (`data`, `hemcenter`, `external2`), loaded into a fresh store "
                        + "without kills in %s (version 0) and %s (version 1, a line added to each document). %d names "
                        + "searched (the persons' labels and a few more), %d of which find someone.%n%n",
                began.truncatedTo(ChronoUnit.SECONDS), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage(), SEED,
                references.get(0).graphs().size(), seconds(referenceLoads.get(0)), seconds(referenceLoads.get(1)),
                names.size(), references.get(0).searches().values().stream().filter(hits -> !hits.isEmpty()).count()));
        md.append("| trial kind | trials | lost documents | half-written graphs | graphs not replaced | search answers "
                + "differing | store MB min / median / max (reference) | failed trials |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Kind kind : Kind.values()) {
            List<Trial> of = trials.stream().filter(trial -> trial.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Long> sizes = of.stream().map(Trial::bytes).sorted().toList();
            md.append(String.format("| %s | %d | %d | %d | %d | %d | %s / %s / %s (%s) | %d |%n", kind.title, of.size(),
                    of.stream().mapToInt(trial -> trial.differences().lost().size()).sum(),
                    of.stream().mapToInt(trial -> trial.differences().halfWritten().size()).sum(),
                    of.stream().mapToInt(trial -> trial.differences().otherVersion().size()).sum(),
                    of.stream().mapToInt(trial -> trial.differences().searches().size()).sum(),
                    megabytes(sizes.get(0)), megabytes(sizes.get(sizes.size() / 2)),
                    megabytes(sizes.get(sizes.size() - 1)), megabytes(of.get(0).referenceBytes()),
                    of.stream().filter(trial -> !trial.failures().isEmpty()).count()));
        }
        md.append("\n| trial | killed at | phase | store MB | result |\n|---|---|---|---|---|\n");
        for (Trial trial : trials) {
            md.append(String.format("| %s %d | %.1f s | %s | %s | %s |%n", trial.kind() == Kind.LOAD ? "load" : "serve",
                    trial.number(), trial.killAt(), trial.phase(), megabytes(trial.bytes()),
                    trial.failures().isEmpty() ? "same as the reference" : String.join("; ", trial.failures())));
        }
        return md.toString();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / 1e6);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Path copyOf(Path store, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(store.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("tdb.lock")) {
                    // The lock names the process that had the store open; a copy is nobody's.
                    copySparse(file, target);
                }
            }
        }
        return copy;
    }

    /**
     * Copies a file leaving its blocks of zeros as holes, as TDB2 leaves them (it grows its files 8 MB at a time):
     * written out, they would make the copy 30 times the reference on disk until a compaction wrote new files, and a
     * load that leaves too little garbage to compact would be taken for one that bloats the store.
     */
    private static void copySparse(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            long position = 0;
            int read;
            while ((read = in.read(block.clear(), position)) > 0) {
                block.flip();
                if (!zeros(block)) {
                    out.write(block, position);
                }
                position += read;
            }
            if (out.size() < position) {
                out.write(ByteBuffer.allocate(1), position - 1);
            }
        }
    }

    private static boolean zeros(ByteBuffer block) {
        for (int i = block.position(); i < block.limit(); i++) {
            if (block.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
