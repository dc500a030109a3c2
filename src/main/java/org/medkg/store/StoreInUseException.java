package org.medkg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.sys.Names;

/**
 * The store is held by another process: TDB2 lets one process at a time open a store, and the process that holds it
 * writes its id into the store's lock file. So a {@code load} while {@code serve} runs on the same folder cannot
 * proceed. Not an internal error: the user picked a busy store, and is told in one line what to do instead.
 */
public final class StoreInUseException extends RuntimeException {

    private StoreInUseException(Path dir, long holder, Throwable cause) {
        super(dir + ": another medkg process (pid " + holder + ") uses this store; stop it first, or reach the "
                + "running server over HTTP (--endpoint)", cause);
    }

    /** Runs {@code open} on the store in {@code dir}, telling a store locked by another live process as such. */
    public static <T> T whenFree(Path dir, Supplier<T> open) {
        try {
            return open.get();
        } catch (DBOpEnvException e) {
            Optional<Long> holder = otherHolder(dir);
            if (holder.isPresent()) {
                throw new StoreInUseException(dir, holder.get(), e);
            }
            throw e;
        }
    }

    /**
     * Throws at once when another process holds the store, as opening it would: TDB2 holds a store by an operating
     * system lock on its lock file, which this tries and lets go. For a command that opens the store later, after
     * work that needs no store (a load converts while the store opens), so that a busy store is told before that
     * work. Only for a process that has not opened the store itself: closing a channel on the lock file lets go of
     * every lock this process holds on it.
     */
    public static void ifHeldElsewhere(Path dir) {
        Path lockFile = dir.resolve(Names.TDB_LOCK_FILE);
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        boolean held;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            held = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (IOException | OverlappingFileLockException cannotTell) {
            // opening the store tells
            return;
        }
        if (held) {
            Optional<Long> holder = otherHolder(dir);
            if (holder.isPresent()) {
                throw new StoreInUseException(dir, holder.get(), null);
            }
        }
    }

    /** The live process, other than this one, whose id the store's lock file holds. */
    private static Optional<Long> otherHolder(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(Names.TDB_LOCK_FILE), StandardCharsets.US_ASCII)
                    .strip());
            boolean other = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false);
            return other ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException noHolder) {
            return Optional.empty();
        }
    }
}
